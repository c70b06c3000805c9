package gmpvm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.MachineEvent;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Breakpoint;
import gmpvm.emulator.debug.Catchpoint;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.emulator.debug.Watchpoint;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stepping engine's stoppoints, steps and counts on real programs. */
class EngineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Launcher.Launched hello() throws Exception {
        return Programs.launch("hello", Settings.defaults(), out);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void catchSyscallStopsAtEntryBeforeTheKernelAndAtReturnAfterIt() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        Catchpoint c = e.catchSyscall(1);
        StopEvent entry = e.cont();
        assertEquals(StopEvent.Reason.CATCH, entry.reason());
        assertSame(c, entry.point());
        assertEquals(MachineEvent.Kind.SYSCALL_ENTRY, entry.event().kind());
        assertEquals(1, entry.event().number());
        assertEquals("", output(), "the kernel has not written yet");
        StopEvent ret = e.cont();
        assertEquals(MachineEvent.Kind.SYSCALL_RETURN, ret.event().kind());
        assertEquals(output().length(), ret.event().value());
        assertTrue(output().startsWith("Hello"), output());
        assertEquals(entry.retired(), ret.retired(), "no instruction between entry and return");
        e.delete(c.id());
        assertTrue(e.cont().exited());
        assertEquals("Hello from gmpvm Go\n", output());
        assertEquals(2, c.hits());
    }

    @Test
    void aTemporaryBreakpointStopsOnceBeforeItsInstruction() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        long printstring = l.program().symbols().address("runtime.printstring");
        Breakpoint b = e.breakAt(printstring);
        b.setTemporary(true);
        StopEvent s = e.cont();
        assertEquals(StopEvent.Reason.BREAKPOINT, s.reason());
        assertEquals(printstring, s.rip());
        assertEquals(printstring, s.thread().cpu().rip);
        assertEquals(1, b.hits());
        assertTrue(e.stoppoints().isEmpty(), "deleted after its stop");
        assertTrue(e.cont().exited());
        assertEquals("Hello from gmpvm Go\n", output());
    }

    @Test
    void aConditionOnRegistersAndAnIgnoreCountDecideWhetherItStops() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        long write = l.program().symbols().address("runtime.write1");
        long any = write > 0 ? write : l.program().symbols().address("runtime.printstring");
        Breakpoint never = e.breakAt(any);
        never.setCondition("$rsp == 1", c -> c.r[CpuState.RSP] == 1);
        assertTrue(e.cont().exited());
        assertEquals(0, never.hits());

        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        Launcher.Launched l2 = Programs.launch("yield", Settings.defaults(), out2);
        Engine e2 = new Engine(l2.machine());
        Breakpoint gogo = e2.breakAt(l2.program().symbols().address("runtime.gogo"));
        gogo.setIgnoreCount(3);
        StopEvent s = e2.cont();
        assertEquals(StopEvent.Reason.BREAKPOINT, s.reason());
        assertEquals(4, gogo.hits(), "three passed, the fourth stops");
        assertEquals("$rsp == 1", never.conditionText());
    }

    @Test
    void aWatchpointStopsAfterTheInstructionThatChangedIt() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        long allgs = l.program().symbols().address("runtime.allgs");
        Watchpoint w = e.watch(allgs, 8, "runtime.allgs");
        assertEquals(0, w.value());
        StopEvent s = e.cont();
        assertEquals(StopEvent.Reason.WATCHPOINT, s.reason());
        assertSame(w, s.point());
        long now = l.machine().memory().read64(allgs);
        assertNotEquals(0, now);
        assertEquals(now, w.value());
        assertEquals(0, w.oldValue());
        assertEquals(1, w.hits());
    }

    @Test
    void aWatchpointSeesWritesByTheKernel() throws Exception {
        String src = """
                #include "textflag.h"
                TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
                	MOVQ	$1, DI
                	LEAQ	ts<>(SB), SI
                	MOVQ	$228, AX
                	SYSCALL
                	MOVQ	$7, ts<>+8(SB)
                	MOVQ	$0, DI
                	MOVQ	$231, AX
                	SYSCALL
                GLOBL	ts<>(SB), NOPTR, $16
                """;
        gmpvm.loader.asm.Asm.Result r = Launcher.assemble(java.util.List.of(new gmpvm.loader.asm.SourceText("clock.s", src, null)),
                java.util.List.of(), true, null);
        assertTrue(r.ok(), () -> r.diagnostics().format());
        Launcher.Launched l = Launcher.load(r.elf(), java.util.List.of("clock"), Settings.defaults(),
                new gmpvm.emulator.kernel.Stdio(new java.io.ByteArrayInputStream(new byte[0]), out, out));
        long ts = l.program().symbols().address("ts<>");
        if (ts < 0) {
            ts = l.program().symbols().address("ts");
        }
        assertTrue(ts > 0, "the buffer's symbol");
        Engine e = new Engine(l.machine());
        Watchpoint nsec = e.watch(ts + 8, 8, "ts.tv_nsec");
        StopEvent s = e.cont();
        assertEquals(StopEvent.Reason.WATCHPOINT, s.reason(), "clock_gettime wrote tv_nsec");
        assertEquals(4, s.retired(), "stopped after the SYSCALL, no instruction after it");
        assertEquals(l.machine().memory().read64(ts + 8), nsec.value());
        assertNotEquals(0, nsec.value());
        s = e.cont();
        assertEquals(StopEvent.Reason.WATCHPOINT, s.reason(), "the MOVQ wrote 7");
        assertEquals(7, nsec.value());
        assertEquals(5, s.retired());
        assertTrue(e.cont().exited());
    }

    @Test
    void catchSignalStopsBeforeDeliveryAndTheDefaultActionFollows() throws Exception {
        String src = """
                #include "textflag.h"
                TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
                \tMOVQ\t$39, AX
                \tSYSCALL
                \tMOVQ\tAX, DI
                \tMOVQ\t$10, SI
                \tMOVQ\t$62, AX
                \tSYSCALL
                \tMOVQ\t$0, DI
                \tMOVQ\t$231, AX
                \tSYSCALL
                """;
        gmpvm.loader.asm.Asm.Result r = Launcher.assemble(java.util.List.of(new gmpvm.loader.asm.SourceText("kill.s", src, null)),
                java.util.List.of(), true, null);
        assertTrue(r.ok(), () -> r.diagnostics().format());
        Launcher.Launched l = Launcher.load(r.elf(), java.util.List.of("kill"), Settings.defaults(),
                new gmpvm.emulator.kernel.Stdio(new java.io.ByteArrayInputStream(new byte[0]), out, out));
        Engine e = new Engine(l.machine());
        e.catchSignal(Catchpoint.ANY);
        StopEvent s = e.cont();
        assertEquals(StopEvent.Reason.CATCH, s.reason());
        assertEquals(MachineEvent.Kind.SIGNAL, s.event().kind());
        assertEquals(10, s.event().number(), "SIGUSR1");
        assertEquals(6, s.retired(), "after kill (the sixth instruction) returned, before the next instruction");
        assertFalse(e.finished(), "not delivered yet");
        StopEvent end = e.cont();
        assertTrue(end.exited());
        assertEquals(128 + 10, end.outcome().status());
    }

    @Test
    void catchThreadsReportsTheCreatorAndTheNewThread() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Launcher.Launched l = Programs.launch("fanout", Programs.four(0), o);
        Engine e = new Engine(l.machine());
        e.catchThreads();
        StopEvent created = e.cont();
        assertEquals(StopEvent.Reason.CATCH, created.reason());
        assertEquals(MachineEvent.Kind.THREAD_CREATED, created.event().kind());
        assertEquals(created.thread().tid(), (int) created.event().value(), "the creating thread stops");
        GuestThread child = created.event().thread();
        assertNotEquals(created.thread(), child);
        assertEquals(Machine.FIRST_TID + 1, child.tid());
    }

    @Test
    void catchThreadsSeesEveryMStart() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Launcher.Launched l = Programs.launch("fanout", Programs.four(3), o);
        Engine e = new Engine(l.machine());
        e.catchThreads();
        Set<Integer> created = new HashSet<>();
        StopEvent s;
        while (!(s = e.cont()).exited()) {
            if (s.event().kind() == MachineEvent.Kind.THREAD_CREATED) {
                created.add(s.event().thread().tid());
            }
        }
        assertEquals(l.machine().threads().size() - 1, created.size());
        assertTrue(created.size() >= 3, "GOMAXPROCS=4 starts Ms: " + created);
    }

    @Test
    void stepInstructionsRetiresExactlyThatMany() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        GuestThread t = l.machine().threads().get(0);
        long entry = t.cpu().rip;
        StopEvent s = e.stepInstructions(t, 1);
        assertEquals(StopEvent.Reason.STEP, s.reason());
        assertEquals(1, t.cpu().retired);
        assertEquals(1, s.retired());
        assertNotEquals(entry, t.cpu().rip);
        s = e.stepInstructions(t, 100);
        assertEquals(101, t.cpu().retired);
        assertEquals(101, l.machine().retired());
        assertThrows(IllegalArgumentException.class, () -> e.stepInstructions(t, 0));
    }

    @Test
    void aStepThatLandsOnABreakpointDoesNotReportItAgainOnContinue() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        GuestThread t = l.machine().threads().get(0);
        e.stepInstructions(t, 5);
        long here = t.cpu().rip;
        e.breakAt(here);
        StopEvent s = e.cont();
        assertFalse(s.reason() == StopEvent.Reason.BREAKPOINT && s.retired() == 5,
                "continue executes the instruction it stands on");
        assertTrue(s.retired() > 5);
    }

    @Test
    void runUntilRetiredNamesAStateAFreshRunReachesToo() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        e.catchSyscall(1);
        StopEvent entry = e.cont();
        long n = entry.retired();

        ByteArrayOutputStream o2 = new ByteArrayOutputStream();
        Launcher.Launched fresh = Programs.launch("hello", Settings.defaults(), o2);
        Engine e2 = new Engine(fresh.machine());
        StopEvent s = e2.runUntilRetired(n, false);
        assertEquals(StopEvent.Reason.RETIRED, s.reason());
        assertEquals(n, s.retired());
        assertEquals(entry.rip(), s.rip());
        assertEquals("", o2.toString(StandardCharsets.UTF_8), "the n-th instruction was the SYSCALL: the kernel has not run it");
        for (int k = 0; k < 16; k++) {
            assertEquals(entry.thread().cpu().r[k], s.thread().cpu().r[k], "register " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> e2.runUntilRetired(n - 1, false));
        assertEquals(StopEvent.Reason.RETIRED, e2.runUntilRetired(n, false).reason());
        assertTrue(e2.cont().exited());
        assertEquals("Hello from gmpvm Go\n", o2.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInterruptStopsBetweenSlicesAndTheRunGoesOnUnchanged() throws Exception {
        Launcher.Launched l = hello();
        Engine e = new Engine(l.machine());
        e.interrupt();
        StopEvent s = e.cont();
        assertEquals(StopEvent.Reason.INTERRUPT, s.reason());
        assertEquals(0, s.retired());
        assertTrue(e.cont().exited());
        assertEquals("Hello from gmpvm Go\n", output());
        assertFalse(e.finished() && e.last().outcome() == null);
        assertNull(e.last().point());
    }
}
