package gmpvm.run;

import gmpvm.loader.launch.Settings;
import gmpvm.loader.launch.Launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.MachineListener;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.kernel.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener on the Machine sees a whole program's system calls, its fault and its end, in order. */
class MachineListenerTest {
    static List<String> events(Path bin, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(bin.toString()));
        argv.addAll(args);
        Machine m = Launcher.load(Files.readAllBytes(bin), argv, Settings.defaults(),
                new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream())).machine();
        List<String> ev = new ArrayList<>();
        m.setListener(new MachineListener() {
            @Override
            public void syscallEntered(GuestThread t, int nr) {
                ev.add("enter " + Syscalls.name(nr));
            }

            @Override
            public void syscallReturned(GuestThread t, int nr, long result) {
                ev.add("return " + Syscalls.name(nr) + " " + result);
            }

            @Override
            public void fault(GuestThread t, int signal, int code, long addr) {
                ev.add("fault " + signal + " " + code + " 0x" + Long.toHexString(addr));
            }

            @Override
            public void processExited(Outcome o) {
                ev.add("exit " + o.kind() + " " + o.status());
            }
        });
        m.run();
        return ev;
    }

    @Test
    void helloWritesThenExits() throws Exception {
        Path bin = TestPrograms.buildC("hello", "", List.of());
        assertEquals(List.of("enter write", "return write 13", "enter exit_group", "exit EXITED 0"), events(bin, List.of()));
    }

    @Test
    void segvFaultIsReportedBeforeTheEnd() throws Exception {
        Path bin = TestPrograms.buildC("segv", "", List.of());
        assertEquals(List.of("enter write", "return write 17", "fault 11 1 0x0", "exit SIGNALED 139"), events(bin, List.of()));
    }
}
