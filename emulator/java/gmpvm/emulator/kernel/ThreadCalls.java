package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads and sleeping: clone (threads only), exit with CLONE_CHILD_CLEARTID, sched_yield,
 * nanosleep and clock_nanosleep on the virtual clock.
 */
final class ThreadCalls {
    /**
     * The logger, made at the first message: setting up logging costs every run start-up time,
     * and a run that has nothing to report should not pay it.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ThreadCalls.class);
    }

    static final long CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
            CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000,
            CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000, CLONE_SETTLS = 0x80000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_DETACHED = 0x400000,
            CLONE_UNTRACED = 0x800000, CLONE_CHILD_SETTID = 0x1000000;
    static final long CSIGNAL = 0xff;
    /** The flags a thread needs; without them clone would make a new process. */
    static final long THREAD_REQUIRED = CLONE_VM | CLONE_THREAD | CLONE_SIGHAND;
    static final long SUPPORTED = THREAD_REQUIRED | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | CLONE_SETTLS
            | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | CLONE_DETACHED;

    static final int TIMER_ABSTIME = 1;

    private final GuestMemory mem;
    private final ProcessControl control;
    private final Futex futex;
    private boolean warnedFork;

    ThreadCalls(GuestMemory mem, ProcessControl control, Futex futex) {
        this.mem = mem;
        this.control = control;
        this.futex = futex;
    }

    long clone(GuestThread t, long flags, long stack, long ptid, long ctid, long tls) {
        if ((flags & THREAD_REQUIRED) != THREAD_REQUIRED) {
            if (!warnedFork) {
                warnedFork = true;
                Log.LOG.error("clone with flags 0x{} would create a new process (fork); gmpvm runs one process "
                        + "and supports clone only for threads (CLONE_VM|CLONE_THREAD|CLONE_SIGHAND); it returns -ENOSYS",
                        Long.toHexString(flags));
            }
            return -Errno.ENOSYS;
        }
        if ((flags & ~(SUPPORTED | CSIGNAL)) != 0) {
            return -Errno.EINVAL;
        }
        CpuState c = new CpuState();
        c.copyFrom(t.cpu());
        c.retired = 0;
        c.r[CpuState.RAX] = 0;
        if (stack != 0) {
            c.r[CpuState.RSP] = stack;
        }
        if ((flags & CLONE_SETTLS) != 0) {
            if (Long.compareUnsigned(tls, MemoryCalls.USER_TOP) >= 0) {
                return -Errno.EPERM;
            }
            c.fsBase = tls;
        }
        GuestThread child = control.spawn(c);
        child.signals.mask = t.signals.mask;
        // as Linux: a tid that cannot be stored is not stored, and the thread exists all the same
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            storeTid(ptid, child.tid());
        }
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            storeTid(ctid, child.tid());
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            child.clearChildTid = ctid;
        }
        return child.tid();
    }

    private void storeTid(long addr, int tid) {
        try {
            mem.write32(addr, tid);
        } catch (MemoryFault e) {
            // skipped silently, as Linux's put_user in clone does
        }
    }

    /** exit(2): clears and wakes the clear-child-tid word, then ends the thread. */
    long exit(GuestThread t, long status) {
        if (t.clearChildTid != 0) {
            try {
                mem.write32(t.clearChildTid, 0);
                futex.wake(t.clearChildTid, 1, Futex.BITSET_MATCH_ANY);
            } catch (MemoryFault e) {
                // as Linux: an unwritable address is silently skipped
            }
        }
        control.exitThread(t, (int) status & 0xff);
        return 0;
    }

    long schedYield(GuestThread t) {
        control.yield(t);
        return 0;
    }

    long nanosleep(GuestThread t, long req, long rem) {
        return sleep(t, req, false, Syscalls.NANOSLEEP, "nanosleep");
    }

    long clockNanosleep(GuestThread t, long clock, long flags, long req, long rem) {
        if (clock != 0 && clock != 1 && clock != 7 && clock != 4) {
            return -Errno.EINVAL;
        }
        boolean abs = (flags & TIMER_ABSTIME) != 0;
        if (abs && clock == 0) {
            // absolute real-time deadline: convert to the monotonic virtual clock
            mem.checkReadable(req, 16);
            long ns = mem.read64(req) * 1_000_000_000L + mem.read64(req + 8) - TimeCalls.EPOCH_NS;
            return sleepUntil(t, ns, Syscalls.CLOCK_NANOSLEEP, "clock_nanosleep");
        }
        return sleep(t, req, abs, Syscalls.CLOCK_NANOSLEEP, "clock_nanosleep");
    }

    private long sleep(GuestThread t, long req, boolean absolute, int nr, String what) {
        mem.checkReadable(req, 16);
        long sec = mem.read64(req), nsec = mem.read64(req + 8);
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) {
            return -Errno.EINVAL;
        }
        long ns = sec * 1_000_000_000L + nsec;
        return sleepUntil(t, absolute ? ns : control.nanos() + ns, nr, what);
    }

    private long sleepUntil(GuestThread t, long deadline, int nr, String what) {
        if (deadline <= control.nanos()) {
            control.yield(t);
            return 0;
        }
        control.block(t, new GuestThread.Wait(nr, what, 0, 0, deadline, 0, false));
        return 0;
    }
}
