package gmpvm.emulator.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.MachineEvent;
import gmpvm.emulator.Pause;
import gmpvm.emulator.Watcher;
import gmpvm.emulator.cpu.Stop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The stepping engine every debugger front end drives (the {@code debug} REPL and its batch
 * mode, {@code run --break-on-switch}, the gdb remote stub, reverse execution by replay).
 *
 * <h2>For front-end authors</h2>
 * <ul>
 * <li><b>Runs.</b> {@link #cont()} runs until a stoppoint fires or the process ends;
 *     {@link #stepInstructions(GuestThread, long)} until that thread has retired n more
 *     instructions (other threads run meanwhile exactly as the scheduler would run them, and a
 *     stoppoint of any thread may stop the step early, as in gdb); {@link #runUntilRetired}
 *     until the machine's global retired-instruction count equals n exactly, with or without
 *     stoppoints. Each returns a {@link StopEvent}: reason, thread, RIP, global count.</li>
 * <li><b>Stops never change the run.</b> Conditions are checked inside the scheduler's slice,
 *     never by shortening it; a stop keeps the slice (its budget, its virtual time) and the
 *     next run continues it. The same program and seed retire the same instructions in the
 *     same thread order however often it is stopped. So a state is named by its global count:
 *     a fresh machine run with {@code runUntilRetired(n, false)} reaches the identical state
 *     (the basis of reverse execution by replay). The count is taken as soon as the n-th
 *     instruction retires: if it was a SYSCALL, the kernel has not run the call yet.</li>
 * <li><b>Resuming from a stop</b> executes the instruction the thread stopped at without
 *     reporting its breakpoint again (after BREAKPOINT, STEP and RETIRED stops).</li>
 * <li><b>Cost.</b> With no breakpoint, watchpoint or hook armed (catchpoints are free), runs
 *     use the interpreter's fast path: count limits only cut its budget. Breakpoints, watchpoints
 *     and hooks are checked around every instruction.</li>
 * <li><b>Events.</b> Catchpoints stop at a system call's entry (before the kernel runs it) and
 *     return, before a signal is delivered (handler frame not yet pushed), after a thread is
 *     created or exits. Watchpoints also see writes made by the kernel in system calls.</li>
 * <li><b>Threads.</b> Not thread-safe: one thread drives the engine. The one exception is
 *     {@link #interrupt()}, which any thread may call (Ctrl-C, a gdb interrupt packet); the run
 *     stops before the next slice starts (within one quantum).</li>
 * </ul>
 */
public final class Engine {
    private Machine machine;
    private final List<Stoppoint> points = new ArrayList<>();
    private int nextId = 1;
    private int nextInternalId = -1;
    private volatile boolean interruptRequested;
    private StopEvent last;

    // armed sets, rebuilt when stoppoints change
    private long[] breakAddrs = new long[0];
    private Breakpoint[] breaks = new Breakpoint[0];
    private Watchpoint[] watches = new Watchpoint[0];
    private Hook[] hooks = new Hook[0];
    private Catchpoint[] catches = new Catchpoint[0];

    public Engine(Machine machine) {
        this.machine = machine;
    }

    public Machine machine() {
        return machine;
    }

    /**
     * Reverse execution ({@link Timeline}): continues on m, a replay of the same run stopped at
     * an earlier point, as if the engine had stopped there with stop; every stoppoint is kept
     * and the watchpoints read their values afresh.
     */
    void replaceMachine(Machine m, StopEvent stop) {
        machine = m;
        last = stop;
        for (Stoppoint p : points) {
            if (p instanceof Watchpoint w) {
                w.changed(m.memory());
            }
        }
    }

    /** The last stop, or null before the first run. */
    public StopEvent last() {
        return last;
    }

    public boolean finished() {
        return machine.outcome() != null;
    }

    // ------------------------------------------------------------------ stoppoints

    /** A breakpoint before the instruction at addr, for every thread. */
    public Breakpoint breakAt(long addr) {
        return add(new Breakpoint(nextId++, addr));
    }

    /**
     * A breakpoint for a front end's own use (the return address of {@code finish}, the call
     * skipped by {@code next}): a negative id, not listed by {@link #stoppoints()}.
     */
    public Breakpoint internalBreakAt(long addr) {
        return add(new Breakpoint(nextInternalId--, addr));
    }

    /** A write watchpoint on length (1..8) bytes at addr; expression is how the user named it. */
    public Watchpoint watch(long addr, int length, String expression) {
        return add(new Watchpoint(nextId++, addr, length, expression, machine.memory()));
    }

    /** Catches system call nr (or {@link Catchpoint#ANY}) at entry and return. */
    public Catchpoint catchSyscall(int nr) {
        return add(new Catchpoint(nextId++, Catchpoint.Kind.SYSCALL, nr));
    }

    /** Catches signal sig (or {@link Catchpoint#ANY}) before delivery. */
    public Catchpoint catchSignal(int sig) {
        return add(new Catchpoint(nextId++, Catchpoint.Kind.SIGNAL, sig));
    }

    /** Catches thread creation and exit. */
    public Catchpoint catchThreads() {
        return add(new Catchpoint(nextId++, Catchpoint.Kind.THREAD, Catchpoint.ANY));
    }

    /** A per-instruction check from a front end (see {@link Hook}). */
    public Hook hook(String description, Hook.Check check) {
        return add(new Hook(nextId++, description, check));
    }

    /** A hook for a front end's own use (as {@link #internalBreakAt}): a negative id, not listed. */
    public Hook internalHook(String description, Hook.Check check) {
        return add(new Hook(nextInternalId--, description, check));
    }

    private <T extends Stoppoint> T add(T p) {
        points.add(p);
        rearm();
        return p;
    }

    /** Deletes stoppoint id; false if there is none. */
    public boolean delete(int id) {
        boolean removed = points.removeIf(p -> p.id() == id);
        rearm();
        return removed;
    }

    public void deleteAll() {
        points.clear();
        rearm();
    }

    /** Enables or disables a stoppoint; false if there is none. */
    public boolean setEnabled(int id, boolean on) {
        Stoppoint p = stoppoint(id);
        if (p == null) {
            return false;
        }
        p.setEnabled(on);
        rearm();
        return true;
    }

    public Stoppoint stoppoint(int id) {
        for (Stoppoint p : points) {
            if (p.id() == id) {
                return p;
            }
        }
        return null;
    }

    /** Every stoppoint the user set (internal ones left out), in id order. */
    public List<Stoppoint> stoppoints() {
        List<Stoppoint> out = new ArrayList<>();
        for (Stoppoint p : points) {
            if (p.id() > 0) {
                out.add(p);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Call after changing a stoppoint (enabled, condition) from outside. */
    public void rearm() {
        List<Breakpoint> b = new ArrayList<>();
        List<Watchpoint> w = new ArrayList<>();
        List<Hook> h = new ArrayList<>();
        List<Catchpoint> c = new ArrayList<>();
        for (Stoppoint p : points) {
            if (!p.enabled()) {
                continue;
            }
            if (p instanceof Breakpoint x) {
                b.add(x);
            } else if (p instanceof Watchpoint x) {
                w.add(x);
            } else if (p instanceof Hook x) {
                h.add(x);
            } else if (p instanceof Catchpoint x) {
                c.add(x);
            }
        }
        b.sort((x, y) -> Long.compare(x.address(), y.address()));
        breaks = b.toArray(new Breakpoint[0]);
        breakAddrs = new long[breaks.length];
        for (int k = 0; k < breaks.length; k++) {
            breakAddrs[k] = breaks[k].address();
        }
        watches = w.toArray(new Watchpoint[0]);
        hooks = h.toArray(new Hook[0]);
        catches = c.toArray(new Catchpoint[0]);
    }

    // ------------------------------------------------------------------ runs

    /** Runs until a stoppoint fires, an interrupt, or the end of the process. */
    public StopEvent cont() {
        return go(new Run(null, Long.MAX_VALUE, Long.MAX_VALUE, true));
    }

    /**
     * Runs until thread t has retired n more instructions (n ≥ 1), or a stoppoint fires first.
     * If t is blocked, the other threads run until it wakes and steps.
     */
    public StopEvent stepInstructions(GuestThread t, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("step at least one instruction");
        }
        return go(new Run(t, t.cpu().retired + n, Long.MAX_VALUE, true));
    }

    /**
     * Runs until the global retired count equals target (which must not be behind it). With
     * stoppoints false, nothing but the count (or the end of the process) stops it.
     */
    public StopEvent runUntilRetired(long target, boolean stoppoints) {
        if (target < machine.retired()) {
            throw new IllegalArgumentException("instruction " + target + " has already retired (now " + machine.retired() + ")");
        }
        if (target == machine.retired()) {
            GuestThread t = machine.currentThread();
            return last = new StopEvent(StopEvent.Reason.RETIRED, t, t == null ? 0 : t.cpu().rip, target, null, null, null);
        }
        return go(new Run(null, Long.MAX_VALUE, target, stoppoints));
    }

    /** Asks a run in progress (or the next one) to stop before its next slice. Thread-safe. */
    public void interrupt() {
        interruptRequested = true;
    }

    private StopEvent go(Run run) {
        Pause p = machine.resume(run);
        StopEvent e;
        if (p.finished()) {
            e = new StopEvent(StopEvent.Reason.EXITED, p.thread(), p.rip(), p.retired(), null, null, machine.outcome());
        } else if (run.fired != null) {
            e = new StopEvent(run.reason, p.thread(), p.rip(), p.retired(), run.fired, run.event, null);
            if (!(run.fired instanceof Breakpoint)) {
                run.fired.hit(); // a breakpoint counts its hits when reached
            }
            if (run.fired.temporary()) {
                delete(run.fired.id());
            }
        } else if (p.insn() == Stop.BUDGET && run.stepThread != null && p.thread() == run.stepThread) {
            e = new StopEvent(StopEvent.Reason.STEP, p.thread(), p.rip(), p.retired(), null, null, null);
        } else if (p.insn() == Stop.BUDGET) {
            e = new StopEvent(StopEvent.Reason.RETIRED, p.thread(), p.rip(), p.retired(), null, null, null);
        } else {
            interruptRequested = false;
            e = new StopEvent(StopEvent.Reason.INTERRUPT, p.thread(), p.rip(), p.retired(), null, null, null);
        }
        last = e;
        return e;
    }

    /** One run's limits and what fired, as the machine's watcher. */
    private final class Run implements Watcher {
        final GuestThread stepThread;
        final long stepAt;
        final long retiredAt;
        final boolean stoppoints;
        Stoppoint fired;
        StopEvent.Reason reason;
        MachineEvent event;

        Run(GuestThread stepThread, long stepAt, long retiredAt, boolean stoppoints) {
            this.stepThread = stepThread;
            this.stepAt = stepAt;
            this.retiredAt = retiredAt;
            this.stoppoints = stoppoints;
        }

        @Override
        public long pauseAtRetired() {
            return retiredAt;
        }

        @Override
        public GuestThread pauseThread() {
            return stepThread;
        }

        @Override
        public long pauseThreadAt() {
            return stepAt;
        }

        @Override
        public boolean perInstruction() {
            return stoppoints && (breaks.length > 0 || watches.length > 0 || hooks.length > 0);
        }

        @Override
        public boolean before(GuestThread t, long rip) {
            long[] a = breakAddrs;
            if (a.length == 0) {
                return false;
            }
            int k = a.length <= 8 ? linear(a, rip) : Arrays.binarySearch(a, rip);
            if (k < 0) {
                return false;
            }
            while (k > 0 && a[k - 1] == rip) {
                k--;
            }
            for (; k < a.length && a[k] == rip; k++) {
                if (breaks[k].reached(t.cpu())) {
                    fired = breaks[k];
                    reason = StopEvent.Reason.BREAKPOINT;
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean after(GuestThread t, long pc) {
            if (watched()) {
                return true;
            }
            for (Hook h : hooks) {
                if (h.after(t, pc)) {
                    fired = h;
                    reason = StopEvent.Reason.HOOK;
                    return true;
                }
            }
            return false;
        }

        /** Re-reads every watchpoint; true (and fired set to the first) if any changed. */
        private boolean watched() {
            Watchpoint first = null;
            for (Watchpoint w : watches) {
                if (w.changed(machine.memory()) && first == null) {
                    first = w;
                }
            }
            if (first != null) {
                fired = first;
                reason = StopEvent.Reason.WATCHPOINT;
                return true;
            }
            return false;
        }

        @Override
        public boolean event(MachineEvent e) {
            if (!stoppoints) {
                return false;
            }
            if (watched()) {
                return true;
            }
            for (Catchpoint c : catches) {
                if (c.matches(e)) {
                    fired = c;
                    reason = StopEvent.Reason.CATCH;
                    event = e;
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean interrupted() {
            return interruptRequested;
        }
    }

    private static int linear(long[] a, long x) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == x) {
                return k;
            }
        }
        return -1;
    }
}
