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
 * A whole guest process: its memory, its threads, one interpreter that runs them and the kernel
 * that serves their system calls.
 *
 * <p>The loader builds the initial memory and the first thread's {@link CpuState}; the machine
 * knows nothing about file formats. {@link #run} is the scheduler loop: it picks the next runnable
 * thread round-robin, runs it for a quantum of instructions, and handles why it stopped (budget,
 * system call, fault). The virtual clock advances by 1 ns per retired instruction; RDTSC and the
 * time system calls read it. A fault has no handler yet (signals come later), so it ends the
 * process as Linux's default action would: status 128 + signal.
 */
public final class Machine {
    /** Instructions a thread runs before the scheduler looks again. */
    public static final long DEFAULT_QUANTUM = 100_000;
    /** The tid (and pid) of the first thread. */
    public static final int FIRST_TID = 1000;

    private final GuestMemory memory;
    private final Interpreter interpreter;
    private final Kernel kernel;
    private final List<GuestThread> threads = new ArrayList<>();
    private MachineListener listener = new MachineListener() { };
    private long quantum = DEFAULT_QUANTUM;
    private long maxInstructions = Long.MAX_VALUE;
    private long clock;
    private long retired;
    private int next;
    private Outcome outcome;

    public Machine(GuestMemory memory, CpuState initial, ProcessLayout layout, Stdio stdio) {
        this.memory = memory;
        this.interpreter = new Interpreter(memory);
        this.interpreter.setTsc(() -> clock);
        this.kernel = new Kernel(memory, layout, stdio, new Control());
        threads.add(new GuestThread(FIRST_TID, initial));
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

    /** The virtual clock, in nanoseconds since the process started. */
    public long clock() {
        return clock;
    }

    /** Instructions retired by all threads so far. */
    public long retired() {
        return retired;
    }

    public void setListener(MachineListener listener) {
        this.listener = listener == null ? new MachineListener() { } : listener;
    }

    public void setQuantum(long quantum) {
        if (quantum <= 0) {
            throw new IllegalArgumentException("quantum must be positive");
        }
        this.quantum = quantum;
    }

    /** Stops the run with {@link Outcome.Kind#INSN_LIMIT} once this many instructions retired. */
    public void setMaxInstructions(long max) {
        this.maxInstructions = max;
    }

    /** Runs until the process exits, dies of a signal or reaches the instruction limit. */
    public Outcome run() {
        try {
            while (outcome == null) {
                GuestThread t = pickThread();
                if (t == null) {
                    // every thread called exit(2): the process ends with the last one's status
                    GuestThread last = threads.get(threads.size() - 1);
                    finish(new Outcome(Outcome.Kind.EXITED, last.exitStatus(), 0, 0, 0, last.cpu().rip, last.tid(), retired));
                    break;
                }
                step(t);
            }
        } finally {
            kernel.stdio().flush();
        }
        return outcome;
    }

    private GuestThread pickThread() {
        for (int k = 0; k < threads.size(); k++) {
            GuestThread t = threads.get((next + k) % threads.size());
            if (t.runnable()) {
                next = (next + k + 1) % threads.size();
                return t;
            }
        }
        return null;
    }

    private void step(GuestThread t) {
        CpuState c = t.cpu();
        long left = maxInstructions - retired;
        if (left <= 0) {
            finish(new Outcome(Outcome.Kind.INSN_LIMIT, Outcome.LIMIT_STATUS, 0, 0, 0, c.rip, t.tid(), retired));
            return;
        }
        long before = c.retired;
        Stop stop = interpreter.run(c, Math.min(quantum, left));
        long n = c.retired - before;
        retired += n;
        clock += n;
        switch (stop) {
            case SYSCALL: {
                int nr = (int) c.r[CpuState.RAX];
                listener.syscallEntered(t, nr);
                long res = kernel.syscall(t);
                if (outcome == null) {
                    listener.syscallReturned(t, nr, res);
                }
                break;
            }
            case FAULT:
                listener.fault(t, c.faultSignal, c.faultCode, c.faultAddr);
                finish(new Outcome(Outcome.Kind.SIGNALED, 128 + c.faultSignal, c.faultSignal, c.faultCode,
                        c.faultAddr, c.rip, t.tid(), retired));
                break;
            case BUDGET:
            case BREAKPOINT:
            default:
                listener.quantumEnded(t);
                break;
        }
    }

    private void finish(Outcome o) {
        if (outcome == null) {
            outcome = o;
            for (GuestThread t : threads) {
                if (t.runnable()) {
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
        public long nanos() {
            return clock;
        }
    }
}
