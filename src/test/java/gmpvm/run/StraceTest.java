package gmpvm.run;

import gmpvm.loader.launch.Settings;
import gmpvm.loader.launch.Launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gmpvm.emulator.Machine;
import gmpvm.emulator.StraceListener;
import gmpvm.emulator.kernel.Stdio;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** --strace: every system call in strace's format, tagged with thread id and virtual time, through the gmpvm.strace logger. */
class StraceTest {
    @Test
    void logsEverySyscallWithThreadAndTime() throws Exception {
        Path bin = TestPrograms.buildKernel("time_agree");
        Logger log = (Logger) LoggerFactory.getLogger("gmpvm.strace");
        ListAppender<ILoggingEvent> app = new ListAppender<>();
        app.start();
        Level old = log.getLevel();
        log.addAppender(app);
        log.setLevel(Level.INFO);
        try {
            Machine m = Launcher.load(Files.readAllBytes(bin), List.of("t"), Settings.defaults(),
                    new Stdio(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), OutputStream.nullOutputStream())).machine();
            m.setListener(new StraceListener(m));
            m.run();
        } finally {
            log.detachAppender(app);
            log.setLevel(old);
        }
        List<String> lines = app.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
        String all = String.join("\n", lines);
        assertTrue(lines.get(0).matches("\\[1000 \\d+\\.\\d{6}\\] clock_gettime\\(CLOCK_MONOTONIC, 0x[0-9a-f]+\\) = 0"), all);
        assertTrue(all.contains("nanosleep(0x"), all);
        assertTrue(all.contains("<unfinished ...>"), all);
        assertTrue(all.contains("<... nanosleep resumed> = 0"), all);
        assertTrue(all.contains("futex(0x") && all.contains("FUTEX_WAIT_PRIVATE, 5, 0x"), all);
        assertTrue(all.contains("<... futex resumed> = -1 ETIMEDOUT"), all);
        assertTrue(all.contains("FUTEX_WAIT_PRIVATE, 6, 0x") && all.contains(") = -1 EAGAIN"), all);
        assertTrue(all.contains("write(1, \"nanosleep\", 9) = 9"), all);
        assertTrue(all.contains("write(1, \"\\n\", 1) = 1"), all);
        assertEquals("+++ exited with 0 +++", lines.get(lines.size() - 1));
        // the virtual clock in the tags never goes backwards for the one thread
        double last = -1;
        for (String l : lines) {
            if (l.startsWith("[1000 ")) {
                double t = Double.parseDouble(l.substring(6, l.indexOf(']')));
                assertTrue(t >= last, l);
                last = t;
            }
        }
        assertTrue(last >= 0.055, "slept 20+30+5 ms of virtual time: " + last);
    }
}
