package gmpvm.emulator;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Probe;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.kernel.Kernel;
import gmpvm.emulator.kernel.ProcessControl;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *
 * <p>The run is resumable: {@link #resume} runs the same loop, one {@link Phase} at a time, and
 * returns wherever a {@link Watcher} asks for a pause — inside a slice, without ending it — so
 * that the next {@code resume} continues the very same slice. {@code run} is {@code resume}
 * without a watcher. The debugger's engine ({@code gmpvm.emulator.debug.Engine}) drives it.
 */
public final class Machine {
    /** Bytes of the SYSCALL instruction (0F 05). */
    private static final int SYSCALL_LENGTH = 2;
    /** The tid (and pid) of the first thread. */
    public static final int FIRST_TID = 1000;

    private final GuestMemory memory;
    private final Interpreter interpreter;
    private final Kernel kernel;
    /**
     * The threads that have not exited, by tid in creation order, and the first thread: a thread
     * that exits while the process goes on is reaped (dropped from here, from the scheduler, the
     * timers and the futex queues), so tens of thousands of short-lived threads cost nothing
     * later. The first thread stays even after it exits, as Linux keeps the group leader until
     * the process ends: reports and views can always name it.
     */
    private final LinkedHashMap<Integer, GuestThread> threads = new LinkedHashMap<>();
    private final GuestThread first;
    /** The most recently created thread: its status is the process's when every thread calls exit(2). */
    private GuestThread newest;
    private List<GuestThread> threadView;
    private final Timers timers = new Timers();
    private final Control control = new Control();
    private Scheduler scheduler;
    private MachineListener listener = new MachineListener() { };
    private long maxInstructions = Long.MAX_VALUE;
    private long hostDeadline;
    private boolean hostLimited;
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
        first = new GuestThread(nextTid++, initial);
        newest = first;
        threads.put(first.tid(), first);
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

    /** The threads that have not been reaped, in creation order: the first thread always, then the living ones. */
    public List<GuestThread> threads() {
        List<GuestThread> v = threadView;
        if (v == null) {
            v = List.copyOf(threads.values());
            threadView = v;
        }
        return v;
    }

    /** How many threads {@link #threads()} holds, without building the list. */
    public int threadCount() {
        return threads.size();
    }

    /** Entries the timer queue holds, stale ones included (how the machine's structures grow). */
    public int timerEntries() {
        return timers.size();
    }

    /** The virtual clock in nanoseconds since the process started, as the running thread sees it. */
    public long clock() {
        if (current != null) {
            return sliceStartTime + (current.cpu().retired - sliceStartRetired);
        }
        return scheduler == null ? 0 : scheduler.now();
    }

    /** Instructions retired by all threads so far (exact also when asked by a watcher's per-instruction checks). */
    public long retired() {
        return probing ? retired + (current.cpu().retired - probeBase) : retired;
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

    /**
     * Stops the run with {@link Outcome.Kind#TIME_LIMIT} once this much host time has passed
     * from now (checked between rounds, so within a round's few microseconds).
     */
    public void setHostTimeLimit(long nanos) {
        this.hostDeadline = System.nanoTime() + nanos;
        this.hostLimited = true;
    }

    /** Stops the run with {@link Outcome.Kind#INSN_LIMIT} once this many instructions retired. */
    public void setMaxInstructions(long max) {
        this.maxInstructions = max;
    }

    /** Runs until the process exits, dies of a signal, deadlocks or reaches the instruction limit. */
    public Outcome run() {
        while (!resume(null).finished()) {
            // no watcher: resume never pauses
        }
        return outcome;
    }

    /** How the process ended, or null while it runs. */
    public Outcome outcome() {
        return outcome;
    }

    /** The thread whose slice is in progress (also while paused inside it), else null. */
    public GuestThread currentThread() {
        return current;
    }

    // ------------------------------------------------------------------ the resumable run

    /** Where {@link #resume} stands: each phase is one step of the round/slice loop. */
    private enum Phase {
        /** Start of a round: timers fire, the scheduler forms the next round. */
        ROUND,
        /** Take the round's next thread and start its slice. */
        PICK,
        /** The slice's loop condition: still running, runnable, not yielded. */
        CHECK,
        /** Deliver one pending signal before running. */
        DELIVER,
        /** Run the interpreter for what is left of the budget. */
        RUN,
        /** A SYSCALL retired: the kernel runs it. */
        SYSCALL,
        /** After the kernel call: report the events it caused. */
        AFTER_SYSCALL,
        /** An instruction faulted: the signal is raised. */
        FAULT,
        /** The budget ran out. */
        QUANTUM_END,
        /** The slice ends: account its time, requeue the thread. */
        END_SLICE
    }

    private Phase phase = Phase.ROUND;
    private List<GuestThread> round = List.of();
    private int roundIndex;
    private long budget;
    /** An event of the current phase was already offered to the watcher (do not offer it again on resume). */
    private boolean offered;
    /**
     * The last pause inside the interpreter left this thread before an instruction the user has
     * seen (a breakpoint or a count limit) at this retired count: resuming executes it without
     * asking the watcher's before() again.
     */
    private GuestThread skipThread;
    private long skipRetired = -1;
    /** Events a system call caused (threads created, exited, its return), offered in AFTER_SYSCALL. */
    private final List<MachineEvent> events = new ArrayList<>();
    private int eventIndex;
    private Watcher watcher;
    private final ProbeAdapter probe = new ProbeAdapter();
    /** Inside a probed interpreter call: {@link #retired()} adds what the current thread retired since probeBase. */
    private boolean probing;
    private long probeBase;

    /**
     * Runs until the process ends or {@code w} asks for a pause, and returns where it stopped.
     * Called again, it continues exactly where it paused (inside the same slice, with the same
     * budget), so the instructions retired and the thread order are those of {@link #run}
     * whatever the pauses. A null watcher never pauses.
     */
    public Pause resume(Watcher w) {
        watcher = w;
        if (scheduler == null) {
            scheduler = new Scheduler(cpus, seed, quantum);
            for (GuestThread t : threads.values()) {
                if (t.runnable()) {
                    scheduler.enqueue(t);
                }
            }
        }
        try {
            while (true) {
                if (outcome != null) {
                    kernel.stdio().flush();
                    return new Pause(true, current, current == null ? 0 : current.cpu().rip, retired, null);
                }
                Pause p = advance();
                if (p != null) {
                    kernel.stdio().flush();
                    return p;
                }
            }
        } finally {
            watcher = null;
        }
    }

    /** A limit other than the instruction count ends the run between rounds: host time or output. */
    private boolean limitReached() {
        GuestThread t = first;
        if (hostLimited && System.nanoTime() - hostDeadline > 0) {
            finish(new Outcome(Outcome.Kind.TIME_LIMIT, Outcome.LIMIT_STATUS, 0, 0, 0, t.cpu().rip, t.tid(), retired));
            return true;
        }
        if (kernel.stdio().overLimit()) {
            finish(new Outcome(Outcome.Kind.OUTPUT_LIMIT, Outcome.LIMIT_STATUS, 0, 0, 0, t.cpu().rip, t.tid(), retired));
            return true;
        }
        return false;
    }

    private Pause pause(GuestThread t, Stop insn) {
        return new Pause(false, t, t == null ? 0 : t.cpu().rip, retired, insn);
    }

    /** One step of the loop; a Pause if the watcher asked for one. */
    private Pause advance() {
        GuestThread t = current;
        switch (phase) {
            case ROUND -> {
                if (limitReached()) {
                    return null;
                }
                fireTimers();
                List<GuestThread> next = scheduler.nextRound();
                if (next.isEmpty()) {
                    idle();
                    return null;
                }
                round = List.copyOf(next);
                roundIndex = 0;
                phase = Phase.PICK;
            }
            case PICK -> {
                if (roundIndex >= round.size()) {
                    phase = Phase.ROUND;
                    return null;
                }
                if (watcher != null && watcher.interrupted()) {
                    return pause(round.get(roundIndex), null);
                }
                beginSlice(round.get(roundIndex++));
                phase = Phase.CHECK;
            }
            case CHECK -> phase = outcome == null && t.runnable() && !yielded ? Phase.DELIVER : Phase.END_SLICE;
            case DELIVER -> {
                long d = t.signals.deliverable();
                if (d != 0 && !offered && watcher != null) {
                    offered = true;
                    if (watcher.event(new MachineEvent(MachineEvent.Kind.SIGNAL, t, Long.numberOfTrailingZeros(d) + 1, 0))) {
                        return pause(t, null);
                    }
                }
                offered = false;
                phase = kernel.signals().deliver(t) ? Phase.RUN : Phase.END_SLICE;
            }
            case RUN -> {
                return runInterpreter(t);
            }
            case SYSCALL -> {
                CpuState c = t.cpu();
                int nr = (int) c.r[CpuState.RAX];
                if (!offered && watcher != null) {
                    offered = true;
                    if (watcher.event(new MachineEvent(MachineEvent.Kind.SYSCALL_ENTRY, t, nr, 0))) {
                        return pause(t, null);
                    }
                }
                offered = false;
                events.clear();
                eventIndex = 0;
                syscall(t, nr);
                phase = Phase.AFTER_SYSCALL;
            }
            case AFTER_SYSCALL -> {
                if (eventIndex < events.size()) {
                    MachineEvent e = events.get(eventIndex++);
                    if (watcher != null && watcher.event(e)) {
                        return pause(t, null);
                    }
                    return null;
                }
                events.clear();
                phase = Phase.CHECK;
            }
            case FAULT -> {
                CpuState c = t.cpu();
                if (!offered) {
                    offered = true;
                    listener.fault(t, c.faultSignal, c.faultCode, c.faultAddr);
                    if (watcher != null && watcher.event(new MachineEvent(MachineEvent.Kind.SIGNAL, t, c.faultSignal, c.faultAddr))) {
                        return pause(t, null);
                    }
                }
                offered = false;
                kernel.signals().fault(t, c.faultSignal, c.faultCode, c.faultAddr);
                phase = Phase.CHECK;
            }
            case QUANTUM_END -> {
                listener.quantumEnded(t);
                phase = Phase.CHECK;
            }
            case END_SLICE -> {
                long used = t.cpu().retired - sliceStartRetired;
                endSlice(t);
                if (t.runnable() && outcome == null) {
                    scheduler.sliceEnded(t, used, yielded);
                } else {
                    scheduler.forget(t);
                }
                phase = outcome == null ? Phase.PICK : Phase.ROUND;
            }
            default -> throw new IllegalStateException(phase.name());
        }
        return null;
    }

    private void beginSlice(GuestThread t) {
        current = t;
        yielded = false;
        offered = false;
        sliceStartTime = Math.max(scheduler.roundStart(), t.readyAt);
        sliceStartRetired = t.cpu().retired;
        budget = scheduler.sliceBudget(t);
    }

    private void endSlice(GuestThread t) {
        long end = clock();
        t.readyAt = end;
        scheduler.sliceRan(end - scheduler.roundStart());
        current = null;
    }

    /** The RUN phase: the interpreter runs what is left of the slice, cut at the watcher's count limits. */
    private Pause runInterpreter(GuestThread t) {
        CpuState c = t.cpu();
        if (maxInstructions - retired <= 0) {
            finish(new Outcome(Outcome.Kind.INSN_LIMIT, Outcome.LIMIT_STATUS, 0, 0, 0, c.rip, t.tid(), retired));
            phase = Phase.END_SLICE;
            return null;
        }
        long left = Math.min(budget - (c.retired - sliceStartRetired), maxInstructions - retired);
        if (left <= 0) {
            phase = Phase.END_SLICE;
            return null;
        }
        Watcher w = watcher;
        long limit = left;
        boolean probed = false;
        if (w != null) {
            limit = Math.min(limit, w.pauseAtRetired() - retired);
            if (w.pauseThread() == t) {
                limit = Math.min(limit, w.pauseThreadAt() - c.retired);
            }
            if (limit <= 0) {
                // the limit is reached already: pause without running
                skipThread = t;
                skipRetired = c.retired;
                return pause(t, Stop.BUDGET);
            }
            probed = w.perInstruction();
        }
        long before = c.retired;
        Stop stop;
        if (probed) {
            boolean skip = skipThread == t && skipRetired == c.retired;
            probe.thread = t;
            probing = true;
            probeBase = before;
            try {
                stop = interpreter.run(c, limit, probe, skip);
            } finally {
                probing = false;
            }
        } else {
            stop = interpreter.run(c, limit);
        }
        skipThread = null;
        retired += c.retired - before;
        switch (stop) {
            case SYSCALL -> phase = Phase.SYSCALL;
            case FAULT -> phase = Phase.FAULT;
            case BUDGET -> {
                boolean sliceOver = c.retired - sliceStartRetired >= budget || retired >= maxInstructions;
                phase = sliceOver ? Phase.QUANTUM_END : Phase.RUN;
            }
            default -> phase = Phase.RUN;
        }
        offered = false;
        if (stop == Stop.WATCH || stop == Stop.SYSCALL && probed && w.after(t, c.rip - SYSCALL_LENGTH)) {
            // (the interpreter leaves at a SYSCALL before asking after(): it is asked here, the kernel call still pending)
            return pause(t, Stop.WATCH);
        }
        if (stop == Stop.BREAKPOINT
                || w != null && (retired >= w.pauseAtRetired() || (w.pauseThread() == t && c.retired >= w.pauseThreadAt()))) {
            // the user has seen this instruction: resuming executes it without asking before() again
            skipThread = t;
            skipRetired = c.retired;
            return pause(t, stop == Stop.BREAKPOINT ? stop : Stop.BUDGET);
        }
        return null;
    }

    /** Adapts the watcher's per-thread checks to the interpreter's probe. */
    private final class ProbeAdapter implements Probe {
        GuestThread thread;

        @Override
        public boolean before(CpuState s, long rip) {
            return watcher.before(thread, rip);
        }

        @Override
        public boolean after(CpuState s, long pc) {
            return watcher.after(thread, pc);
        }
    }

    /** Nothing is runnable: end the process, sleep until the next deadline, or report a deadlock. */
    private boolean idle() {
        GuestThread last = newest;
        long earliest = timers.earliest();
        boolean alive = threads.size() > 1 || !first.exited();
        if (!alive) {
            // every thread called exit(2): the process ends with the last one's status
            finish(new Outcome(Outcome.Kind.EXITED, last.exitStatus(), 0, 0, 0, last.cpu().rip, last.tid(), retired));
            return false;
        }
        if (earliest == Long.MAX_VALUE) {
            GuestThread any = first;
            finish(new Outcome(Outcome.Kind.DEADLOCK, Outcome.DEADLOCK_STATUS, 0, 0, 0, any.cpu().rip, any.tid(), retired));
            return false;
        }
        scheduler.idleUntil(earliest);
        return true;
    }

    private void fireTimers() {
        for (GuestThread t : timers.due(scheduler.now())) {
            GuestThread.Wait w = t.waiting();
            kernel.cancelWait(t);
            wakeAt(t, w.onTimeout(), w.deadline());
        }
    }

    private void wakeAt(GuestThread t, long result, long at) {
        GuestThread.Wait w = t.waiting();
        t.unblock(result, at);
        scheduler.enqueue(t);
        listener.syscallResumed(t, w == null ? -1 : w.syscall(), result);
    }

    private void syscall(GuestThread t, int nr) {
        listener.syscallEntered(t, nr);
        long res = kernel.syscall(t);
        if (outcome != null || t.exited()) {
            return;
        }
        if (t.blocked()) {
            listener.syscallBlocked(t, nr);
        } else {
            listener.syscallReturned(t, nr, res);
            events.add(new MachineEvent(MachineEvent.Kind.SYSCALL_RETURN, t, nr, res));
        }
    }

    private void finish(Outcome o) {
        if (outcome == null) {
            outcome = o;
            for (GuestThread t : threads.values()) {
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
            if (t != first) {
                threads.remove(t.tid());
                threadView = null;
            }
            listener.threadExited(t, status);
            events.add(new MachineEvent(MachineEvent.Kind.THREAD_EXITED, t, status, 0));
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
            threads.put(child.tid(), child);
            threadView = null;
            newest = child;
            scheduler.enqueue(child);
            listener.threadCreated(child);
            events.add(new MachineEvent(MachineEvent.Kind.THREAD_CREATED, child, 0, current == null ? 0 : current.tid()));
            return child;
        }

        @Override
        public GuestThread thread(int tid) {
            GuestThread t = threads.get(tid);
            return t == null || t.exited() ? null : t;
        }

        @Override
        public List<GuestThread> threads() {
            return Machine.this.threads();
        }

        @Override
        public void block(GuestThread t, GuestThread.Wait w) {
            t.block(w);
            if (w.deadline() >= 0) {
                timers.add(t, threads.size());
            }
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
