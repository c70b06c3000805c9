package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux system-call layer: takes a thread stopped at SYSCALL, reads the number from RAX and
 * the arguments from RDI, RSI, RDX, R10, R8, R9, does the work and puts the result (or -errno) in
 * RAX. Each call is a row of the {@link SyscallTable}; each concern lives in its own class
 * ({@link FileCalls}, {@link MemoryCalls}, {@link ProcessCalls}, {@link TimeCalls}, …). An unknown
 * call returns -ENOSYS and is logged once per number (at most {@link #MAX_WARNED} numbers). A buffer argument outside user space (or
 * wrapping past 2^64) fails the call with -EFAULT before it runs; one that is not mapped fails it
 * with -EFAULT when the call reaches it.
 */
public final class Kernel {
    /**
     * The logger, made at the first message: setting up logging costs every run start-up time,
     * and a run that has nothing to report should not pay it.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    }

    private final Stdio stdio;
    // the handlers in SyscallTable's rows reach the calls' implementations through these
    final FileCalls files;
    final MemoryCalls memory;
    final ProcessCalls process;
    final TimeCalls time;
    final Futex futex;
    final ThreadCalls threads;
    final SignalCalls signals;
    final EpollCalls epoll;
    private final Set<Long> warned = new HashSet<>();

    public Kernel(GuestMemory mem, ProcessLayout layout, Stdio stdio, ProcessControl control) {
        this.stdio = stdio;
        this.memory = new MemoryCalls(mem, layout);
        this.process = new ProcessCalls(mem, layout, control);
        this.time = new TimeCalls(mem, control);
        this.futex = new Futex(mem, control);
        this.threads = new ThreadCalls(mem, control, futex);
        this.signals = new SignalCalls(mem, control, this::cancelWait);
        this.files = new FileCalls(mem, stdio, control, signals);
        this.epoll = new EpollCalls(mem, control, files);
    }

    /** Signal actions, sending and delivery. */
    public SignalCalls signals() {
        return signals;
    }

    /** t's sleep ended other than by what it waited for (timeout, signal, exit): leave any wait queue. */
    public void cancelWait(GuestThread t) {
        futex.forget(t);
        files.forget(t);
    }

    public Stdio stdio() {
        return stdio;
    }

    /** The current program break. */
    public long brk() {
        return memory.currentBrk();
    }

    /**
     * Handles the syscall thread t just made. The result goes to RAX unless the call ended the
     * thread (exit, exit_group).
     *
     * @return the result written to RAX
     */
    public long syscall(GuestThread t) {
        CpuState c = t.cpu();
        long[] r = c.r;
        long nr = r[CpuState.RAX];
        long[] a = {r[CpuState.RDI], r[CpuState.RSI], r[CpuState.RDX], r[CpuState.R10], r[CpuState.R8], r[CpuState.R9]};
        Syscall s = SyscallTable.get(nr);
        long res;
        if (s == null) {
            res = unknown(nr);
        } else if (!SyscallTable.buffersOk(s, a)) {
            res = -Errno.EFAULT;
        } else {
            try {
                res = s.handler().call(this, t, a);
            } catch (MemoryFault f) {
                res = -Errno.EFAULT;
            }
        }
        if (t.runnable()) {
            r[CpuState.RAX] = res;
        }
        return res;
    }

    /** How many distinct unknown system calls are reported before the log goes quiet. */
    static final int MAX_WARNED = 16;

    private long unknown(long nr) {
        if (warned.size() <= MAX_WARNED && warned.add(nr)) {
            stdio.flush();
            if (warned.size() <= MAX_WARNED) {
                Log.LOG.warn("syscall {} ({}) is not implemented; it returns -ENOSYS", nr, Syscalls.name(nr));
            } else {
                Log.LOG.warn("more system calls are not implemented; they return -ENOSYS and are no longer reported");
            }
        }
        return -Errno.ENOSYS;
    }

    /** Futex words that have sleepers now (how the kernel's structures grow). */
    public int futexWords() {
        return futex.words();
    }
}
