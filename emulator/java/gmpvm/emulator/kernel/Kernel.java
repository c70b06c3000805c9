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
 * RAX. Each concern lives in its own class ({@link FileCalls}, {@link MemoryCalls},
 * {@link ProcessCalls}, {@link TimeCalls}). An unknown call returns -ENOSYS and is logged once per
 * number. A guest buffer that is not mapped makes the call fail with -EFAULT.
 */
public final class Kernel {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    private final Stdio stdio;
    private final FileCalls files;
    private final MemoryCalls memory;
    private final ProcessCalls process;
    private final TimeCalls time;
    private final Futex futex;
    private final ThreadCalls threads;
    private final SignalCalls signals;
    private final Set<Long> warned = new HashSet<>();

    public Kernel(GuestMemory mem, ProcessLayout layout, Stdio stdio, ProcessControl control) {
        this.stdio = stdio;
        this.files = new FileCalls(mem, stdio);
        this.memory = new MemoryCalls(mem, layout);
        this.process = new ProcessCalls(mem, layout, control);
        this.time = new TimeCalls(mem, control);
        this.futex = new Futex(mem, control);
        this.threads = new ThreadCalls(mem, control, futex);
        this.signals = new SignalCalls(mem, control, futex);
    }

    /** Signal actions, sending and delivery. */
    public SignalCalls signals() {
        return signals;
    }

    /** t's sleep ended other than by a futex wake (timeout, signal, exit): leave any futex queue. */
    public void cancelWait(GuestThread t) {
        futex.forget(t);
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
        long res;
        try {
            res = dispatch(t, nr, r[CpuState.RDI], r[CpuState.RSI], r[CpuState.RDX], r[CpuState.R10],
                    r[CpuState.R8], r[CpuState.R9]);
        } catch (MemoryFault f) {
            res = -Errno.EFAULT;
        }
        if (t.runnable()) {
            r[CpuState.RAX] = res;
        }
        return res;
    }

    private long dispatch(GuestThread t, long nr, long a0, long a1, long a2, long a3, long a4, long a5) {
        switch ((int) nr == nr ? (int) nr : -1) {
            case Syscalls.READ: return files.read(a0, a1, a2);
            case Syscalls.WRITE: return files.write(a0, a1, a2);
            case Syscalls.WRITEV: return files.writev(a0, a1, a2);
            case Syscalls.CLOSE: return files.close(a0);
            case Syscalls.FSTAT: return files.fstat(a0, a1);
            case Syscalls.NEWFSTATAT: return files.newfstatat(a0, a1, a2, a3);
            case Syscalls.IOCTL: return files.ioctl(a0, a1);
            case Syscalls.LSEEK: return files.lseek(a0);
            case Syscalls.BRK: return memory.brk(a0);
            case Syscalls.MMAP: return memory.mmap(a0, a1, a2, a3, a4, a5);
            case Syscalls.MUNMAP: return memory.munmap(a0, a1);
            case Syscalls.MPROTECT: return memory.mprotect(a0, a1, a2);
            case Syscalls.MADVISE: return memory.madvise(a0, a1);
            case Syscalls.EXIT: return threads.exit(t, a0);
            case Syscalls.CLONE: return threads.clone(t, a0, a1, a2, a3, a4);
            case Syscalls.FUTEX: return futex.futex(t, a0, a1, a2, a3, a4, a5);
            case Syscalls.NANOSLEEP: return threads.nanosleep(t, a0, a1);
            case Syscalls.CLOCK_NANOSLEEP: return threads.clockNanosleep(t, a0, a1, a2, a3);
            case Syscalls.RT_SIGACTION: return signals.rtSigaction(a0, a1, a2, a3);
            case Syscalls.RT_SIGPROCMASK: return signals.rtSigprocmask(t, a0, a1, a2, a3);
            case Syscalls.RT_SIGRETURN: return signals.rtSigreturn(t);
            case Syscalls.SIGALTSTACK: return signals.sigaltstack(t, a0, a1);
            case Syscalls.KILL: return signals.kill(t, a0, a1);
            case Syscalls.TKILL: return signals.tkill(t, a0, a1);
            case Syscalls.TGKILL: return signals.tgkill(t, a0, a1, a2);
            case Syscalls.EXIT_GROUP: return process.exitGroup(t, a0);
            case Syscalls.ARCH_PRCTL: return process.archPrctl(t, a0, a1);
            case Syscalls.GETPID: return ProcessCalls.PID;
            case Syscalls.GETPPID: return ProcessCalls.PPID;
            case Syscalls.GETTID: return t.tid();
            case Syscalls.GETUID: case Syscalls.GETEUID: return ProcessCalls.UID;
            case Syscalls.GETGID: case Syscalls.GETEGID: return ProcessCalls.GID;
            case Syscalls.SET_TID_ADDRESS: return process.setTidAddress(t, a0);
            case Syscalls.SET_ROBUST_LIST: return process.setRobustList(t, a0, a1);
            case Syscalls.PRLIMIT64: return process.prlimit64(a0, a1, a2, a3);
            case Syscalls.SCHED_GETAFFINITY: return process.schedGetaffinity(a0, a1, a2);
            case Syscalls.SCHED_YIELD: return threads.schedYield(t);
            case Syscalls.UNAME: return process.uname(a0);
            case Syscalls.GETRANDOM: return process.getrandom(a0, a1, a2);
            case Syscalls.CLOCK_GETTIME: return time.clockGettime(a0, a1);
            case Syscalls.CLOCK_GETRES: return time.clockGetres(a0, a1);
            case Syscalls.GETTIMEOFDAY: return time.gettimeofday(a0, a1);
            case Syscalls.TIME: return time.time(a0);
            case Syscalls.SYSINFO: return process.sysinfo(a0, time.uptimeSeconds());
            case Syscalls.READLINK: case Syscalls.OPEN: case Syscalls.OPENAT: case Syscalls.ACCESS:
                return -Errno.ENOENT; // the guest sees no file system
            case Syscalls.RSEQ: return -Errno.ENOSYS;     // not provided; glibc carries on without it
            default: return unknown(nr);
        }
    }

    private long unknown(long nr) {
        if (warned.add(nr)) {
            stdio.flush();
            LOG.warn("syscall {} ({}) is not implemented; it returns -ENOSYS", nr, Syscalls.name(nr));
        }
        return -Errno.ENOSYS;
    }
}
