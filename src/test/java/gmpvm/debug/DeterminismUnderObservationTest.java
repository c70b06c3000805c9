package gmpvm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Breakpoint;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.loader.elf.SymbolTable;
import gmpvm.loader.launch.Launcher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Watching never changes the run: fanout and pingpong at GOMAXPROCS=4 on 4 CPUs under 5 seeds
 * retire the same instructions in the same thread order, and end in the same state, whether run
 * straight, observed instruction by instruction, stopped at tens of thousands of breakpoints,
 * stepped in random strides or stopped at random global instruction counts.
 */
class DeterminismUnderObservationTest {
    static Stream<Arguments> runs() {
        return Stream.of("fanout", "pingpong").flatMap(p -> Stream.of(0L, 1L, 7L, 42L, 1234L).map(s -> Arguments.of(p, s)));
    }

    /** What a run ended with: output, status, count, clock and every thread's registers and count. */
    record Final(String output, Outcome outcome, long clock, String threads) {
    }

    /** Every instruction's thread and address folded into one hash, with the count. */
    static final class Stream64 {
        long hash = 0x243F6A8885A308D3L;
        long count;

        void add(GuestThread t, long pc) {
            hash = Long.rotateLeft((hash ^ pc ^ ((long) t.tid() << 48)) * 0x9E3779B97F4A7C15L, 17);
            count++;
        }
    }

    static Final finalState(Machine m, ByteArrayOutputStream out) {
        StringBuilder b = new StringBuilder();
        for (GuestThread t : m.threads()) {
            CpuState c = t.cpu();
            b.append(t.tid()).append(' ').append(t.state()).append(' ').append(c.retired).append(' ')
                    .append(Long.toHexString(c.rip)).append(' ').append(Long.toHexString(c.rflags()))
                    .append(' ').append(Arrays.toString(c.r)).append('\n');
        }
        return new Final(out.toString(StandardCharsets.UTF_8), m.outcome(), m.clock(), b.toString());
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void theSameRunHoweverItIsWatched(String program, long seed) throws Exception {
        // 1. straight: Machine.run, the fast path all the way
        ByteArrayOutputStream out0 = new ByteArrayOutputStream();
        Launcher.Launched plain = Programs.launch(program, Programs.four(seed), out0);
        plain.machine().run();
        Final want = finalState(plain.machine(), out0);
        assertEquals(Outcome.Kind.EXITED, want.outcome().kind(), want.output());

        // 2. observed: a hook sees every instruction and never stops
        ByteArrayOutputStream out1 = new ByteArrayOutputStream();
        Launcher.Launched l1 = Programs.launch(program, Programs.four(seed), out1);
        Engine e1 = new Engine(l1.machine());
        Stream64 s1 = new Stream64();
        e1.hook("record", (t, pc) -> {
            s1.add(t, pc);
            return false;
        });
        assertTrue(e1.cont().exited());
        assertEquals(want, finalState(l1.machine(), out1), "observed run");
        assertEquals(want.outcome().retired(), s1.count, "every instruction observed once");

        // 3. breakpoint-heavy: stops at every gogo, mcall and chan send, plus a condition that never holds
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        Launcher.Launched l2 = Programs.launch(program, Programs.four(seed), out2);
        Engine e2 = new Engine(l2.machine());
        Stream64 s2 = new Stream64();
        e2.hook("record", (t, pc) -> {
            s2.add(t, pc);
            return false;
        });
        SymbolTable syms = l2.program().symbols();
        for (String f : new String[] {"runtime.gogo", "runtime.mcall", "runtime.chansend1", "runtime.lock"}) {
            long a = syms.address(f);
            if (a > 0) {
                e2.breakAt(a);
            }
        }
        Breakpoint never = e2.breakAt(syms.address("runtime.gogo"));
        never.setCondition("$rax == -1", c -> c.r[CpuState.RAX] == -1);
        long stops = 0;
        StopEvent ev;
        while (!(ev = e2.cont()).exited()) {
            assertEquals(StopEvent.Reason.BREAKPOINT, ev.reason());
            stops++;
        }
        assertTrue(stops >= 1000, "stops: " + stops);
        assertEquals(0, never.hits());
        assertEquals(want, finalState(l2.machine(), out2), "breakpoint-heavy run");
        assertEquals(s1.hash, s2.hash, "instruction stream with " + stops + " breakpoint stops");

        // 4. stepped in random strides on whichever thread is running, observed
        ByteArrayOutputStream out3 = new ByteArrayOutputStream();
        Launcher.Launched l3 = Programs.launch(program, Programs.four(seed), out3);
        Engine e3 = new Engine(l3.machine());
        Stream64 s3 = new Stream64();
        e3.hook("record", (t, pc) -> {
            s3.add(t, pc);
            return false;
        });
        SplittableRandom rnd = new SplittableRandom(seed * 31 + program.length());
        GuestThread on = l3.machine().threads().get(0);
        int steps = 0;
        while (!(ev = e3.stepInstructions(on, rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(5000) : 1 + rnd.nextInt(3))).exited()) {
            assertEquals(StopEvent.Reason.STEP, ev.reason());
            steps++;
            if (rnd.nextInt(4) == 0 && l3.machine().currentThread() != null) {
                on = l3.machine().currentThread();
            }
            if (!on.runnable()) {
                on = l3.machine().threads().stream().filter(GuestThread::runnable).findFirst().orElse(on);
            }
        }
        assertTrue(steps > 1000, "steps: " + steps);
        assertEquals(want, finalState(l3.machine(), out3), "stepped run");
        assertEquals(s1.hash, s3.hash, "instruction stream, stepped " + steps + " times");

        // 5. stopped at 10,000 global counts, fast path (nothing per-instruction armed)
        ByteArrayOutputStream out4 = new ByteArrayOutputStream();
        Launcher.Launched l4 = Programs.launch(program, Programs.four(seed), out4);
        Engine e4 = new Engine(l4.machine());
        long total = want.outcome().retired();
        long[] at = rnd.longs(10_000, 1, total).sorted().distinct().toArray();
        for (long n : at) {
            ev = e4.runUntilRetired(n, true);
            assertEquals(StopEvent.Reason.RETIRED, ev.reason());
            assertEquals(n, ev.retired());
            assertEquals(n, l4.machine().retired());
        }
        assertTrue(e4.cont().exited());
        assertEquals(want, finalState(l4.machine(), out4), "run stopped at " + at.length + " counts");
    }
}
