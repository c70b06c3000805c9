package gmpvm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.emulator.debug.Timeline;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reverse execution lands on the exact earlier state: after random forward steps and
 * continues, and random reverse steps and reverse continues, every thread's registers and every
 * mapped page equal those of a fresh run stopped at the same global instruction count. Also:
 * guest output is not repeated by replays, and a reverse continue lands on the previous hit.
 */
class ReverseExecutionTest {
    private static byte[] elf;

    static synchronized byte[] program() throws IOException {
        if (elf == null) {
            elf = assemble("pingpong");
        }
        return elf;
    }

    static byte[] assemble(String name) throws IOException {
        Asm.Result r = Launcher.assemble(List.of(Asm.read(Path.of("runtime-asm/examples/" + name + ".s"))), List.of(),
                false, null);
        assertTrue(r.ok(), () -> r.diagnostics().format());
        return r.elf();
    }

    static Settings settings(long seed) {
        return Settings.defaults().withCpus(2).withSeed(seed).withEnv(List.of("GOMAXPROCS=2"))
                .withMaxInstructions(50_000_000);
    }

    static Machine build(long seed, Stdio stdio) {
        try {
            return Launcher.load(program(), List.of("pingpong"), settings(seed), stdio).machine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ElfException e) {
            throw new IllegalStateException(e);
        }
    }

    static Timeline timeline(long seed, OutputStream out) {
        return new Timeline(s -> build(seed, s), new ByteArrayInputStream(new byte[0]), out, out);
    }

    /** Every thread's registers and count, and every page's protection and bytes, as text. */
    static String state(Machine m) {
        StringBuilder b = new StringBuilder();
        b.append("retired ").append(m.retired()).append('\n');
        for (GuestThread t : m.threads()) {
            CpuState c = t.cpu();
            b.append(t.tid()).append(' ').append(t.state()).append(" n=").append(c.retired).append(" rip=")
                    .append(Long.toHexString(c.rip)).append(" fl=").append(Long.toHexString(c.rflags())).append(" fs=")
                    .append(Long.toHexString(c.fsBase)).append(" mxcsr=").append(c.mxcsr);
            for (int i = 0; i < 16; i++) {
                b.append(' ').append(Long.toHexString(c.r[i]));
            }
            for (int i = 0; i < 16; i++) {
                b.append(" x").append(Long.toHexString(c.xmmLo[i])).append(':').append(Long.toHexString(c.xmmHi[i]));
            }
            b.append('\n');
        }
        GuestMemory mem = m.memory();
        for (Map.Entry<Long, long[]> r : mem.regions().entrySet()) {
            b.append(Long.toHexString(r.getKey())).append('-').append(Long.toHexString(r.getValue()[0])).append(' ')
                    .append(r.getValue()[1]).append(' ');
            long h = 1;
            for (long a = r.getKey(); a < r.getValue()[0]; a += 4096) {
                h = h * 31 + java.util.Arrays.hashCode(mem.peek(a, 4096));
            }
            b.append(Long.toHexString(h)).append('\n');
        }
        return b.toString();
    }

    /** A fresh run stopped at global count n. */
    static String freshAt(long seed, long n) {
        Engine e = new Engine(build(seed, new Stdio(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream())));
        e.runUntilRetired(n, false);
        return state(e.machine());
    }

    /**
     * A thread to step: one that can run now (an M parked for good on its futex, such as an idle
     * M the runtime made at start-up, would never retire the steps asked of it).
     */
    static GuestThread live(Engine e, SplittableRandom r) {
        List<GuestThread> ts = new ArrayList<>();
        for (GuestThread t : e.machine().threads()) {
            if (!t.exited() && !t.blocked()) {
                ts.add(t);
            }
        }
        return ts.get(r.nextInt(ts.size()));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reverseStepsLandOnTheStateOfAFreshRunAtTheSameCount(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7919);
        Timeline tl = timeline(seed, OutputStream.nullOutputStream());
        Engine e = tl.engine();
        // forward: random steps of random threads, runs to random counts, and a few breakpoint stops
        int forward = 3 + r.nextInt(4);
        for (int i = 0; i < forward; i++) {
            switch (r.nextInt(3)) {
                case 0 -> e.stepInstructions(live(e, r), 1 + r.nextInt(r.nextBoolean() ? 3 : 8_000));
                case 1 -> e.runUntilRetired(e.machine().retired() + 1 + r.nextInt(15_000), false);
                default -> e.stepInstructions(live(e, r), 1);
            }
            assertFalse(e.finished());
        }
        int reverse = 2 + r.nextInt(2);
        for (int i = 0; i < reverse; i++) {
            GuestThread t = e.last() != null && e.last().thread() != null ? e.last().thread() : live(e, r);
            long before = e.machine().retired();
            long tRetired = t.cpu().retired;
            Timeline.ReverseStop s = tl.reverseStepInstruction(t);
            assertFalse(s.atStart());
            assertTrue(e.machine().retired() < before, "went back from " + before + " to " + e.machine().retired() + " thread " + t.tid() + " at " + tRetired);
            GuestThread same = s.stop().thread();
            assertEquals(t.tid(), same.tid());
            assertEquals(tRetired - 1, same.cpu().retired, "the thread is one instruction earlier");
            assertEquals(freshAt(seed, e.machine().retired()), state(e.machine()), "after reverse-stepi " + i);
            // and forward again from the replayed machine: one step of the thread redoes its instruction
            if (r.nextInt(3) == 0) {
                StopEvent f = e.stepInstructions(same, 1);
                assertEquals(tRetired, f.thread().cpu().retired);
                assertEquals(freshAt(seed, e.machine().retired()), state(e.machine()), "after stepi again " + i);
            }
        }
    }

    @Test
    void reverseContinueGoesBackToThePreviousBreakpointHitAndThenToTheStart() {
        long seed = 3;
        Timeline tl = timeline(seed, OutputStream.nullOutputStream());
        Engine e = tl.engine();
        long gogo = symbol("runtime.gogo");
        e.breakAt(gogo);
        List<Long> counts = new ArrayList<>();
        List<Integer> tids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StopEvent s = e.cont();
            assertEquals(StopEvent.Reason.BREAKPOINT, s.reason());
            counts.add(s.retired());
            tids.add(s.thread().tid());
        }
        String third = null;
        for (int i = 2; i >= 0; i--) {
            Timeline.ReverseStop s = tl.reverseContinue();
            assertFalse(s.atStart());
            assertEquals(StopEvent.Reason.BREAKPOINT, s.stop().reason());
            assertEquals(counts.get(i), s.stop().retired(), "hit " + i);
            assertEquals(tids.get(i), s.stop().thread().tid());
            assertEquals(gogo, s.stop().thread().cpu().rip);
            assertEquals(freshAt(seed, counts.get(i)).replaceAll("(?m)^\\d+ \\S+ n=.*$", ""),
                    state(e.machine()).replaceAll("(?m)^\\d+ \\S+ n=.*$", ""), "memory at hit " + i);
            if (i == 2) {
                third = state(e.machine());
            }
        }
        Timeline.ReverseStop start = tl.reverseContinue();
        assertTrue(start.atStart());
        assertEquals(0, e.machine().retired());
        // forward again: the same hits, the same states
        for (int i = 0; i < 3; i++) {
            StopEvent s = e.cont();
            assertEquals(counts.get(i), s.retired());
            assertEquals(tids.get(i), s.thread().tid());
        }
        assertEquals(third, state(e.machine()));
    }

    @Test
    void aWatchpointHitIsFoundAgainBackwards() throws IOException {
        long seed = 5;
        Timeline tl = timeline(seed, OutputStream.nullOutputStream());
        Engine e = tl.engine();
        e.breakAt(symbol("runtime.gogo"));
        e.cont();
        e.deleteAll();
        // sched.lock changes whenever a thread takes or releases the scheduler's lock
        long word = symbol("runtime.sched") + gmpvm.loader.runtime.RuntimeLayout.load().get("schedt_lock");
        e.watch(word, 8, "sched.lock");
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StopEvent s = e.cont();
            if (s.reason() != StopEvent.Reason.WATCHPOINT) {
                break;
            }
            counts.add(s.retired());
        }
        assertTrue(counts.size() >= 2, "the watched word changes: " + counts);
        Timeline.ReverseStop back = tl.reverseContinue();
        assertEquals(StopEvent.Reason.WATCHPOINT, back.stop().reason());
        assertEquals(counts.get(counts.size() - 2), back.stop().retired());
        assertEquals(freshAt(seed, back.stop().retired()), state(e.machine()));
    }

    @Test
    void reverseFinishLandsOnTheCallAndReverseStepOnTheStartOfTheLine() throws Exception {
        long seed = 2;
        Timeline tl = timeline(seed, OutputStream.nullOutputStream());
        Engine e = tl.engine();
        long gogo = symbol("runtime.gogo");
        e.breakAt(gogo);
        e.cont();
        e.cont();
        e.deleteAll();
        GuestThread t = e.last().thread();
        e.stepInstructions(t, 3);
        t = e.last().thread();
        Timeline.ReverseStop s = tl.reverseFinish(t, gogo);
        assertFalse(s.atStart());
        GuestThread u = s.stop().thread();
        assertEquals(t.tid(), u.tid());
        long callAt = u.cpu().rip;
        assertEquals("runtime.execute", symbols().lookup(callAt).name(), "execute calls gogo");
        assertEquals(0xe8, e.machine().memory().read8(callAt), "a CALL rel32");
        assertEquals(freshAt(seed, e.machine().retired()), state(e.machine()));
        e.stepInstructions(u, 1);
        assertEquals(gogo, u.cpu().rip, "the call enters gogo");

        // "lines" of whole functions: reverse-step goes back to where the previous function's run began
        gmpvm.loader.elf.SymbolTable syms = symbols();
        java.util.function.LongFunction<Object> fn = pc -> {
            gmpvm.loader.elf.Symbol sym = syms.lookup(pc);
            return sym == null ? null : sym.name();
        };
        Object here = fn.apply(u.cpu().rip);
        Timeline.ReverseStop back = tl.reverseStepLine(u, fn);
        assertFalse(back.atStart());
        GuestThread v = back.stop().thread();
        Object there = fn.apply(v.cpu().rip);
        assertFalse(java.util.Objects.equals(here, there), here + " then " + there);
        assertEquals(freshAt(seed, e.machine().retired()), state(e.machine()));
        Timeline.ReverseStop one = tl.reverseStepInstruction(v);
        assertFalse(java.util.Objects.equals(there, fn.apply(one.stop().thread().cpu().rip)),
                "the instruction before is on another line: " + there);
    }

    static gmpvm.loader.elf.SymbolTable symbols() throws Exception {
        return Launcher.load(program(), List.of("pingpong"), settings(0), new Stdio(new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream())).program().symbols();
    }

    @Test
    void guestOutputIsShownOnceAcrossReplays() throws Exception {
        byte[] yield = assemble("yield");
        Timeline.MachineFactory f = s -> {
            try {
                return Launcher.load(yield, List.of("yield"), Settings.defaults(), s).machine();
            } catch (ElfException x) {
                throw new IllegalStateException(x);
            }
        };
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Machine m = f.build(new Stdio(new ByteArrayInputStream(new byte[0]), plain, plain));
        m.run();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Timeline tl = new Timeline(f, new ByteArrayInputStream(new byte[0]), seen, seen);
        Engine e = tl.engine();
        long total = m.retired();
        e.runUntilRetired(total * 3 / 4, false);
        String partial = seen.toString(StandardCharsets.UTF_8);
        assertFalse(partial.isEmpty(), "the program printed something by then");
        tl.goTo(total / 4);
        e.runUntilRetired(total / 2, false);
        assertEquals(partial, seen.toString(StandardCharsets.UTF_8), "nothing printed twice");
        tl.reverseStepInstruction(e.machine().threads().get(0));
        assertTrue(e.cont().exited());
        assertEquals(plain.toString(StandardCharsets.UTF_8), seen.toString(StandardCharsets.UTF_8));
        assertNotNull(e.machine().outcome());
    }

    static long symbol(String name) {
        try {
            ElfSymbolsHolder h = new ElfSymbolsHolder();
            return h.address(name);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    /** The program's symbol table, read through the loader. */
    static final class ElfSymbolsHolder {
        long address(String name) throws Exception {
            gmpvm.loader.elf.LoadedProgram p = Launcher.load(program(), List.of("pingpong"), settings(0),
                    new Stdio(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(),
                            OutputStream.nullOutputStream())).program();
            long a = p.symbols().address(name);
            assertTrue(a > 0, name);
            return a;
        }
    }
}
