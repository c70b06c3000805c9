package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.MachineListener;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exited threads are reaped: the machine's thread list, its timers and the futex queues hold
 * the threads that live, not every thread that ever ran, so creating and joining tens of
 * thousands of threads costs time in their number (the structures are measured, not the clock).
 */
class ThreadReapingTest {
    static Path build() throws IOException, InterruptedException {
        Path out = Path.of("target/test-programs").toAbsolutePath();
        Files.createDirectories(out);
        Path bin = out.resolve("limits-threads");
        Process p = new ProcessBuilder("gcc", "-O2", "-static", "-nostdlib", "-fno-stack-protector",
                "-fno-tree-loop-distribute-patterns", "-fno-pie", "-no-pie", "-o", bin.toString(),
                "src/test/resources/programs/limits/threads.c", "-lgcc").inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc threads.c");
        return bin;
    }

    /** The largest sizes the machine's thread structures reached during a run, and the run's end. */
    static final class Sizes implements MachineListener {
        final Machine m;
        int created, exited, maxThreads, maxTimers, maxFutexWords;
        Outcome outcome;

        Sizes(Machine m) {
            this.m = m;
        }

        void sample() {
            maxThreads = Math.max(maxThreads, m.threadCount());
            maxTimers = Math.max(maxTimers, m.timerEntries());
            maxFutexWords = Math.max(maxFutexWords, m.kernel().futexWords());
        }

        @Override
        public void threadCreated(GuestThread t) {
            created++;
            sample();
        }

        @Override
        public void threadExited(GuestThread t, int status) {
            exited++;
            sample();
        }

        @Override
        public void processExited(Outcome o) {
            outcome = o;
        }
    }

    static Sizes run(Path bin, String mode, int n, ByteArrayOutputStream out) throws Exception {
        List<String> argv = List.of(bin.toString(), mode, Integer.toString(n));
        Machine m = Launcher.load(Files.readAllBytes(bin), argv, Settings.defaults(),
                new Stdio(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream())).machine();
        Sizes s = new Sizes(m);
        m.setListener(s);
        m.run();
        s.sample();
        return s;
    }

    @Test
    void fortyThousandThreadsOneAfterAnotherLeaveNothingBehind() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sizes s = run(build(), "seq", 40_000, out);
        assertEquals("threads ran 40000\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, s.outcome.status());
        assertEquals(40_000, s.created);
        assertEquals(40_000, s.exited);
        // the main thread and the one child at most; before reaping the list held all 40,001
        assertTrue(s.maxThreads <= 2, "threads held: " + s.maxThreads);
        assertEquals(List.of(s.m.threads().get(0)), s.m.threads());
        assertTrue(s.maxFutexWords <= 1, "futex words: " + s.maxFutexWords);
    }

    @Test
    void thirtyThousandLiveThreadsAreAllReapedAfterTheJoin() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sizes s = run(build(), "live", 30_000, out);
        assertEquals("threads ran 30000\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, s.outcome.status());
        assertEquals(30_001, s.maxThreads);
        assertEquals(1, s.m.threads().size());
        assertEquals(Machine.FIRST_TID, s.m.threads().get(0).tid());
        // 30,000 sleepers on one futex word: one queue, not one per thread
        assertTrue(s.maxFutexWords <= 2, "futex words: " + s.maxFutexWords);
        assertEquals(0, s.maxTimers, "no timed waits, no timers");
    }
}
