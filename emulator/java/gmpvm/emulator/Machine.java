package gmpvm.emulator;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.kernel.Kernel;
import gmpvm.emulator.kernel.ProcessControl;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole guest process: its memory, its threads, one interpreter that runs them, the kernel
 * that serves their system calls, and the deterministic {@link Scheduler} that interleaves them
 * on {@code cpus} simulated CPUs.
 *
 * <p>The loader builds the initial memory and the first thread's {@link CpuState}; the machine
 * knows nothing about file formats. {@link #run} runs rounds of slices until the process exits,
 * a signal kills it, the instruction limit is reached, or every thread sleeps with nothing that
 * could wake it (a deadlock, reported as such). Pending signals are delivered when their thread
 * is about to run: at the start of a slice and after each system call.
 */
public final class Machine {
    /** The tid (and pid) of the first thread. */
    public static final int FIRST_TID = 1000;

    private final GuestMemory memory;
    private final Interpreter interpreter;
    private final Kernel kernel;
    private final List<GuestThread> threads = new ArrayList<>();
    private final Control control = new Control();
    private Scheduler scheduler;
    private MachineListener listener = new MachineListener() { };
    private long maxInstructions = Long.MAX_VALUE;
    private long quantum = Scheduler.QUANTUM;
    private int cpus = 1;
    private long seed;
    private long retired;
    private int nextTid = FIRST_TID;
    private Outcome outcome;

    // the slice being run
    private GuestThread current;
    private long sliceStartTime;
    private long sliceStartRetired;
    private boolean yielded;

    public Machine(GuestMemory memory, CpuState initial, ProcessLayout layout, Stdio stdio) {
        this.memory = memory;
        this.interpreter = new Interpreter(memory);
        this.interpreter.setTsc(this::clock);
        this.kernel = new Kernel(memory, layout, stdio, control);
        threads.add(new GuestThread(nextTid++, initial));
    }

    public GuestMemory memory() {
        return memory;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public Kernel kernel() {
        return kernel;
    }

    public List<GuestThread> threads() {
        return Collections.unmodifiableList(threads);
    }

    /** The virtual clock in nanoseconds since the process started, as the running thread sees it. */
    public long clock() {
        if (current != null) {
            return sliceStartTime + (current.cpu().retired - sliceStartRetired);
        }
        return scheduler == null ? 0 : scheduler.now();
    }

    /** Instructions retired by all threads so far. */
    public long retired() {
        return retired;
    }

    public void setListener(MachineListener listener) {
        this.listener = listener == null ? new MachineListener() { } : listener;
    }

    /** Instructions per slice with seed 0 (seeded runs vary around it). */
    public void setQuantum(long quantum) {
        if (quantum <= 0) {
            throw new IllegalArgumentException("quantum must be positive");
        }
        this.quantum = quantum;
    }

    /** Simulated CPUs (at least 1). */
    public void setCpus(int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("at least one CPU");
        }
        this.cpus = cpus;
    }

    public int cpus() {
        return cpus;
    }

    /** Scheduling seed: 0 is plain round-robin; others shuffle orders and quanta reproducibly. */
    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** Stops the run with {@link Outcome.Kind#INSN_LIMIT} once this many instructions retired. */
    public void setMaxInstructions(long max) {
        this.maxInstructions = max;
    }

    /** Runs until the process exits, dies of a signal, deadlocks or reaches the instruction limit. */
    public Outcome run() {
        scheduler = new Scheduler(cpus, seed, quantum);
        for (GuestThread t : threads) {
            if (t.runnable()) {
                scheduler.enqueue(t);
            }
        }
        try {
            while (outcome == null) {
                fireTimers();
                List<GuestThread> round = scheduler.nextRound();
                if (round.isEmpty()) {
                    if (!idle()) {
                        break;
                    }
                    continue;
                }
                for (GuestThread t : List.copyOf(round)) {
                    if (outcome != null) {
                        break;
                    }
                    slice(t);
                    if (t.runnable() && outcome == null) {
                        scheduler.enqueue(t);
                    }
                }
            }
        } finally {
            kernel.stdio().flush();
        }
        return outcome;
    }

    /** Nothing is runnable: end the process, sleep until the next deadline, or report a deadlock. */
    private boolean idle() {
        GuestThread last = null;
        long earliest = Long.MAX_VALUE;
        boolean alive = false;
        for (GuestThread t : threads) {
            if (!t.exited()) {
                alive = true;
                GuestThread.Wait w = t.waiting();
                if (w != null && w.deadline() >= 0) {
                    earliest = Math.min(earliest, w.deadline());
                }
            }
            last = t;
        }
        if (!alive) {
            // every thread called exit(2): the process ends with the last one's status
            finish(new Outcome(Outcome.Kind.EXITED, last.exitStatus(), 0, 0, 0, last.cpu().rip, last.tid(), retired));
            return false;
        }
        if (earliest == Long.MAX_VALUE) {
            GuestThread any = threads.get(0);
            finish(new Outcome(Outcome.Kind.DEADLOCK, Outcome.DEADLOCK_STATUS, 0, 0, 0, any.cpu().rip, any.tid(), retired));
            return false;
        }
        scheduler.idleUntil(earliest);
        return true;
    }

    private void fireTimers() {
        long now = scheduler.now();
        for (GuestThread t : threads) {
            GuestThread.Wait w = t.waiting();
            if (w != null && w.deadline() >= 0 && w.deadline() <= now) {
                kernel.cancelWait(t);
                wakeAt(t, w.onTimeout(), w.deadline());
            }
        }
    }

    private void wakeAt(GuestThread t, long result, long at) {
        GuestThread.Wait w = t.waiting();
        t.unblock(result, at);
        scheduler.enqueue(t);
        listener.syscallResumed(t, w == null ? -1 : w.syscall(), result);
    }

    /** Runs one slice of t. */
    private void slice(GuestThread t) {
        CpuState c = t.cpu();
        current = t;
        yielded = false;
        sliceStartTime = Math.max(scheduler.roundStart(), t.readyAt);
        sliceStartRetired = c.retired;
        long budget = scheduler.sliceBudget();
        try {
            while (outcome == null && t.runnable() && !yielded) {
                if (!kernel.signals().deliver(t)) {
                    break;
                }
                long used = c.retired - sliceStartRetired;
                long left = Math.min(budget - used, maxInstructions - retired);
                if (maxInstructions - retired <= 0) {
                    finish(new Outcome(Outcome.Kind.INSN_LIMIT, Outcome.LIMIT_STATUS, 0, 0, 0, c.rip, t.tid(), retired));
                    break;
                }
                if (left <= 0) {
                    break;
                }
                long before = c.retired;
                Stop stop = interpreter.run(c, left);
                retired += c.retired - before;
                if (stop == Stop.SYSCALL) {
                    syscall(t);
                } else if (stop == Stop.FAULT) {
                    listener.fault(t, c.faultSignal, c.faultCode, c.faultAddr);
                    kernel.signals().fault(t, c.faultSignal, c.faultCode, c.faultAddr);
                } else if (stop == Stop.BUDGET) {
                    listener.quantumEnded(t);
                }
            }
        } finally {
            long end = clock();
            t.readyAt = end;
            scheduler.sliceRan(end - scheduler.roundStart());
            current = null;
        }
    }

    private void syscall(GuestThread t) {
        CpuState c = t.cpu();
        int nr = (int) c.r[CpuState.RAX];
        listener.syscallEntered(t, nr);
        long res = kernel.syscall(t);
        if (outcome != null || t.exited()) {
            return;
        }
        if (t.blocked()) {
            listener.syscallBlocked(t, nr);
        } else {
            listener.syscallReturned(t, nr, res);
        }
    }

    private void finish(Outcome o) {
        if (outcome == null) {
            outcome = o;
            for (GuestThread t : threads) {
                // deadlocked threads keep what they wait on, for the report
                if (!t.exited() && o.kind() != Outcome.Kind.DEADLOCK) {
                    t.exit(o.status());
                }
            }
            kernel.stdio().flush();
            listener.processExited(o);
        }
    }

    /** The kernel's view of this machine. */
    private final class Control implements ProcessControl {
        @Override
        public void exitThread(GuestThread t, int status) {
            t.exit(status);
            listener.threadExited(t, status);
        }

        @Override
        public void exitGroup(GuestThread t, int status) {
            finish(new Outcome(Outcome.Kind.EXITED, status, 0, 0, 0, t.cpu().rip, t.tid(), retired));
        }

        @Override
        public void killProcess(GuestThread t, int sig, int code, long addr) {
            listener.signalKilled(t, sig);
            finish(new Outcome(Outcome.Kind.SIGNALED, 128 + sig, sig, code, addr, t.cpu().rip, t.tid(), retired));
        }

        @Override
        public long nanos() {
            return clock();
        }

        @Override
        public int cpus() {
            return cpus;
        }

        @Override
        public GuestThread spawn(CpuState cpu) {
            GuestThread child = new GuestThread(nextTid++, cpu);
            child.readyAt = clock();
            threads.add(child);
            scheduler.enqueue(child);
            listener.threadCreated(child);
            return child;
        }

        @Override
        public GuestThread thread(int tid) {
            for (GuestThread t : threads) {
                if (t.tid() == tid && !t.exited()) {
                    return t;
                }
            }
            return null;
        }

        @Override
        public List<GuestThread> threads() {
            return Collections.unmodifiableList(threads);
        }

        @Override
        public void block(GuestThread t, GuestThread.Wait w) {
            t.block(w);
        }

        @Override
        public void wake(GuestThread t, long result) {
            if (t.blocked()) {
                wakeAt(t, result, clock());
            }
        }

        @Override
        public void yield(GuestThread t) {
            if (t == current) {
                yielded = true;
            }
        }
    }
}
