package gmpvm.emulator.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.Pause;
import gmpvm.emulator.kernel.Stdio;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.LongFunction;
import java.io.OutputStream;

/**
 * Reverse execution by deterministic replay. A run is named by its global retired-instruction
 * count: the same program, settings and input retire the same instructions in the same thread
 * order however often the run is stopped (see {@link Engine}). So going back to an earlier
 * point means building the machine afresh and running it forward to that point, with the
 * engine's count limits (the interpreter's fast path, no per-instruction checks) except for the
 * last instruction or two. The engine the front end holds then continues on the replayed
 * machine: {@link Engine#replaceMachine} swaps it in with every stoppoint kept.
 *
 * <p>Guest output is not repeated during a replay and guest input is served again from what was
 * read ({@link ReplayStreams}). Costs, for a stop at global count C:
 * <ul>
 * <li>{@link #reverseStepInstruction}: one fast replay of at most C instructions when the
 *     {@link RunLog} of earlier replays says at which count the thread retired its last
 *     instruction (always after the first reverse command: stepping back again and again costs
 *     one replay each), else two (the first extends the log to C);</li>
 * <li>{@link #reverseContinue}: looks for the last breakpoint or watchpoint hit in windows
 *     going back from the stop, the first {@value #FIRST_WINDOW} instructions long and each next
 *     one four times longer: per window, a fast replay to its start and a replay of the window
 *     with breakpoints and watchpoints checked around every instruction (remembering only the
 *     last hit); then one fast replay to the hit. A hit within the last million instructions
 *     costs two fast replays of C and one checked million;</li>
 * <li>{@link #reverseStepLine} and {@link #reverseFinish}: one replay of C instructions, fast
 *     up to where the thread's last {@value #HISTORY} instructions begin (when the run log knows
 *     where that is) and recording their starts in a ring from there, then one fast replay;</li>
 * <li>memory: one machine at a time (the replaced one is dropped), the recorded stdin, and
 *     the ring (1.5 MiB) while a history scan runs.</li>
 * </ul>
 */
public final class Timeline {
    /** Builds the machine of the run from its start, with the given standard streams. */
    @FunctionalInterface
    public interface MachineFactory {
        Machine build(Stdio stdio);
    }

    /**
     * Where a reverse command stopped.
     *
     * @param stop    the engine's stop (also {@link Engine#last()} now)
     * @param atStart true when there was nothing earlier to go back to: the run is at its start
     */
    public record ReverseStop(StopEvent stop, boolean atStart) {
    }

    private final MachineFactory factory;
    private final ReplayStreams streams;
    private final Engine engine;
    private long replayed;
    /** The stop a reverse command reported last (a landing, not a real step of its thread). */
    private StopEvent landed;
    /** Which thread ran when, as far as replays have gone. */
    private final RunLog log = new RunLog();

    /** Builds the first machine; {@link #engine()} drives it. */
    public Timeline(MachineFactory factory, InputStream in, OutputStream out, OutputStream err) {
        this.factory = factory;
        this.streams = new ReplayStreams(in, out, err);
        this.engine = new Engine(factory.build(streams.stdio()));
    }

    public Engine engine() {
        return engine;
    }

    /** Instructions executed by replays so far (a measure of what reverse execution cost). */
    public long replayedInstructions() {
        return replayed;
    }

    /** A fresh machine at the start of the run. */
    private Machine fresh() {
        return factory.build(streams.stdio());
    }

    /** Runs m (from wherever it is) with w until w pauses it; counts the work and extends the run log. */
    private Pause run(Machine m, ReplayWatcher w) {
        long before = m.retired();
        Pause p = m.resume(w.log(log));
        replayed += m.retired() - before;
        log.reached(m.retired());
        return p;
    }

    private GuestThread thread(Machine m, int tid) {
        for (GuestThread t : m.threads()) {
            if (t.tid() == tid) {
                return t;
            }
        }
        return null;
    }

    /** Instructions checked in the first window of a reverse continue; each next window is 4 times larger. */
    static final long FIRST_WINDOW = 1 << 20;

    /**
     * The last breakpoint or watchpoint hit with a key below limitKey among counts [lo, hi]: a
     * fresh machine runs fast to lo, then with the stoppoints checked to hi (one instruction
     * more, so that a breakpoint right at hi, which a pause at hi would hide, is seen).
     */
    private ReplayWatcher.Hit scan(long lo, long hi, long limitKey) {
        Machine m = fresh();
        if (lo > 0) {
            run(m, new ReplayWatcher(m).pauseAt(lo));
        }
        ReplayWatcher w = new ReplayWatcher(m).stoppoints(engine.stoppoints()).findLastHitBefore(limitKey).pauseAt(hi + 1);
        run(m, w);
        return w.lastHit();
    }

    /** Moves the engine to a fresh machine stopped at global count n (nothing but the count stops it). */
    public StopEvent goTo(long n) {
        Machine m = fresh();
        Pause p = n == 0 ? null : run(m, new ReplayWatcher(m).pauseAt(n));
        GuestThread t = p != null ? p.thread() : m.threads().get(0);
        StopEvent e = new StopEvent(StopEvent.Reason.RETIRED, t, t == null ? 0 : t.cpu().rip, m.retired(), null, null,
                m.outcome());
        engine.replaceMachine(m, e);
        return e;
    }

    /**
     * Takes thread t back by one instruction: to the state just before it executed its last
     * one (and before anything any thread did after that). At t's first instruction, nothing
     * changes and atStart is true.
     */
    public ReverseStop reverseStepInstruction(GuestThread t) {
        Machine now = engine.machine();
        long r = t.cpu().retired;
        int tid = t.tid();
        if (r == 0) {
            return new ReverseStop(engine.last(), true);
        }
        long count;
        StopEvent last = engine.last();
        if (last != null && last != landed && last.reason() == StopEvent.Reason.STEP && last.thread() == t
                && last.retired() == now.retired()) {
            count = now.retired(); // t retired the machine's last instruction
        } else {
            count = log.countAfter(tid, r);
            if (count < 0) {
                // the log does not reach it yet: one replay to here extends it
                Machine probe = fresh();
                run(probe, new ReplayWatcher(probe).pauseAt(now.retired()));
                count = log.countAfter(tid, r);
            }
        }
        return new ReverseStop(land(tid, count - 1), false);
    }

    /**
     * Goes back to the last breakpoint or watchpoint hit before the current stop, exactly where
     * the engine stopped (or would have stopped) for it; to the start of the run if there is none.
     */
    public ReverseStop reverseContinue() {
        Machine now = engine.machine();
        long c = now.retired();
        StopEvent last = engine.last();
        long limitKey = last != null && last.reason() == StopEvent.Reason.WATCHPOINT ? 2 * c : 2 * c + 1;
        ReplayWatcher.Hit h = null;
        long hi = c;
        long window = FIRST_WINDOW;
        while (true) {
            long lo = hi - window < window ? 0 : hi - window;
            h = scan(lo, hi, limitKey);
            if (h != null || lo == 0) {
                break;
            }
            hi = lo;
            window *= 4;
        }
        if (h == null) {
            return new ReverseStop(goTo(0), true);
        }
        Machine m = fresh();
        if (h.retired() > 1) {
            run(m, new ReplayWatcher(m).pauseAt(h.retired() - 1));
        }
        ReplayWatcher land = new ReplayWatcher(m).stoppoints(engine.stoppoints()).pauseAtHit(h).pauseAt(h.retired() + 1);
        Pause p = run(m, land);
        Stoppoint point = engine.stoppoint(h.point());
        StopEvent.Reason reason = h.kind() == ReplayWatcher.HitKind.BREAKPOINT ? StopEvent.Reason.BREAKPOINT
                : StopEvent.Reason.WATCHPOINT;
        GuestThread t = thread(m, h.tid());
        StopEvent e = new StopEvent(reason, t, t == null ? p.rip() : t.cpu().rip, m.retired(), point, null, null);
        engine.replaceMachine(m, e);
        if (point instanceof Watchpoint w) {
            w.replayed(h.oldValue(), m.memory());
        }
        return new ReverseStop(e, false);
    }

    /** Instruction starts of one thread kept by a history scan: enough for any source line or call. */
    static final int HISTORY = 1 << 16;

    /**
     * Goes back to the start of the previous source line thread t executed (gdb's
     * reverse-step): back over the rest of the current line, then over every instruction of the
     * line before it, into a call made from it if that is where t last was. lineOf gives an
     * instruction's line (any value with equals; null for code without line information, which
     * is passed over). One replay recording t's last {@value #HISTORY} instruction starts, then
     * one fast replay to the point found.
     */
    public ReverseStop reverseStepLine(GuestThread t, LongFunction<Object> lineOf) {
        long[][] h = history(t);
        int i = h[0].length - 1;
        Object here = lineOf.apply(t.cpu().rip);
        while (i >= 0 && (lineOf.apply(h[1][i]) == null || Objects.equals(lineOf.apply(h[1][i]), here))) {
            i--;
        }
        if (i < 0) {
            return new ReverseStop(engine.last(), true);
        }
        Object prev = lineOf.apply(h[1][i]);
        while (i > 0 && Objects.equals(lineOf.apply(h[1][i - 1]), prev)) {
            i--;
        }
        return new ReverseStop(land(t.tid(), h[0][i]), false);
    }

    /**
     * Goes back to just before the call that entered thread t's current function (gdb's
     * reverse-finish): to t's instruction before the last time it was at entry with the stack
     * pointer at or above where it is now (so returned recursive calls do not count).
     *
     * @param entry the address of the function t is in
     */
    public ReverseStop reverseFinish(GuestThread t, long entry) {
        long[][] h = history(t);
        long sp = t.cpu().r[gmpvm.emulator.cpu.CpuState.RSP];
        int n = h[0].length;
        // index n is now (t about to execute at its RIP); earlier indexes are recorded starts
        for (int i = n; i > 0; i--) {
            long rip = i == n ? t.cpu().rip : h[1][i];
            long rsp = i == n ? sp : h[2][i];
            if (rip == entry && Long.compareUnsigned(rsp, sp) >= 0) {
                return new ReverseStop(land(t.tid(), h[0][i - 1]), false);
            }
        }
        return new ReverseStop(engine.last(), true);
    }

    /** t's last instruction starts before now: {counts, rips, rsps}, oldest first. */
    private long[][] history(GuestThread t) {
        long c = engine.machine().retired();
        long r = t.cpu().retired;
        // where t's oldest instruction of interest retired, if the run log knows: run fast to there
        long from = r > HISTORY ? log.countAfter(t.tid(), r - HISTORY) : 0;
        Machine scan = fresh();
        if (from > 0 && from < c) {
            run(scan, new ReplayWatcher(scan).pauseAt(from));
        }
        ReplayWatcher w = new ReplayWatcher(scan).recordHistory(t.tid(), HISTORY).pauseAt(c);
        if (c > scan.retired()) {
            run(scan, w);
        }
        return w.history();
    }

    /**
     * Moves to global count n (an earlier point of the run) and reports it as a step of thread
     * tid, which executes the next instruction there: front ends use it to go back to a point
     * they found, for example where a thread started a source line.
     */
    public StopEvent landBefore(int tid, long n) {
        return land(tid, n);
    }

    /**
     * A fresh machine run to count n, reported as a STEP of tid. The state is exactly the one
     * any stop at count n has (the engine names states by count), so stepping tid forward from
     * it redoes tid's next instruction; tid's slice may not have begun yet (the previous
     * instruction may be another thread's).
     */
    private StopEvent land(int tid, long n) {
        Machine m = fresh();
        if (n > 0) {
            run(m, new ReplayWatcher(m).pauseAt(n));
        }
        GuestThread t = thread(m, tid);
        StopEvent e = new StopEvent(StopEvent.Reason.STEP, t, t == null ? 0 : t.cpu().rip, m.retired(), null, null, null);
        engine.replaceMachine(m, e);
        landed = e;
        return e;
    }
}
