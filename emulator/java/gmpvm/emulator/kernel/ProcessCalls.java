package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Process and identity system calls: exit and exit_group, arch_prctl (the FS/GS bases that hold
 * thread-local storage), ids, set_tid_address, set_robust_list, prlimit64, sched_getaffinity,
 * uname and getrandom. Every answer is fixed or derived from the seed, so runs are reproducible.
 */
final class ProcessCalls {
    static final int PID = 1000, PPID = 999, UID = 1000, GID = 1000;
    static final int ARCH_SET_GS = 0x1001, ARCH_SET_FS = 0x1002, ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004;
    static final long RLIM_INFINITY = -1L;
    static final int RLIMIT_STACK = 3, RLIMIT_NOFILE = 7, RLIMIT_AS = 9, RLIMIT_NLIMITS = 16;

    private final GuestMemory mem;
    private final ProcessControl control;
    private final SplittableRandom random;

    ProcessCalls(GuestMemory mem, ProcessLayout layout, ProcessControl control) {
        this.mem = mem;
        this.control = control;
        this.random = new SplittableRandom(layout.seed() ^ 0x67657472616e646dL);
    }

    long exitGroup(GuestThread t, long status) {
        control.exitGroup(t, (int) status & 0xff);
        return 0;
    }

    long archPrctl(GuestThread t, long code, long addr) {
        CpuState c = t.cpu();
        switch ((int) code) {
            case ARCH_SET_FS:
            case ARCH_SET_GS:
                if (Long.compareUnsigned(addr, MemoryCalls.USER_TOP) >= 0) {
                    return -Errno.EPERM;
                }
                if (code == ARCH_SET_FS) {
                    c.fsBase = addr;
                } else {
                    c.gsBase = addr;
                }
                return 0;
            case ARCH_GET_FS:
                mem.checkWritable(addr, 8);
                mem.write64(addr, c.fsBase);
                return 0;
            case ARCH_GET_GS:
                mem.checkWritable(addr, 8);
                mem.write64(addr, c.gsBase);
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }

    long setTidAddress(GuestThread t, long addr) {
        t.clearChildTid = addr;
        return t.tid();
    }

    long setRobustList(GuestThread t, long head, long len) {
        if (len != 24) {
            return -Errno.EINVAL;
        }
        t.robustListHead = head;
        t.robustListLen = len;
        return 0;
    }

    /** prlimit64 on this process: reports fixed limits; setting a limit is accepted and ignored. */
    long prlimit64(long pid, long resource, long newLimit, long oldLimit) {
        if (pid != 0 && pid != PID) {
            return -Errno.ESRCH;
        }
        if (resource < 0 || resource >= RLIMIT_NLIMITS) {
            return -Errno.EINVAL;
        }
        if (newLimit != 0) {
            mem.checkReadable(newLimit, 16);
        }
        if (oldLimit != 0) {
            long cur = RLIM_INFINITY, max = RLIM_INFINITY;
            if (resource == RLIMIT_STACK) {
                cur = 8L << 20;
            } else if (resource == RLIMIT_NOFILE) {
                cur = 1024;
                max = 4096;
            } else if (resource == RLIMIT_AS) {
                cur = mem.limit(); // --mem
                max = cur;
            }
            mem.checkWritable(oldLimit, 16);
            mem.write64(oldLimit, cur);
            mem.write64(oldLimit + 8, max);
        }
        return 0;
    }

    long schedGetaffinity(long pid, long len, long mask) {
        if (pid != 0 && pid != PID) {
            return -Errno.ESRCH;
        }
        if (len < 8 || (len & 7) != 0) {
            return -Errno.EINVAL;
        }
        mem.checkWritable(mask, 8);
        mem.write64(mask, control.cpus() >= 64 ? -1L : (1L << control.cpus()) - 1);
        return 8;
    }

    long uname(long buf) {
        String[] fields = {"Linux", "gmpvm", "6.1.0-gmpvm", "#1 SMP gmpvm", "x86_64", "(none)"};
        byte[] u = new byte[65 * fields.length];
        for (int k = 0; k < fields.length; k++) {
            byte[] s = fields[k].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, u, 65 * k, s.length);
        }
        mem.writeBytes(buf, u);
        return 0;
    }

    /** sysinfo: fixed figures (RAM as large as --mem, half of it free, no swap, one process) and the virtual uptime. */
    long sysinfo(long buf, long uptime) {
        byte[] b = new byte[112];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.putLong(0, uptime);
        bb.putLong(32, mem.limit());
        bb.putLong(40, mem.limit() / 2);
        bb.putShort(80, (short) 1);
        bb.putInt(104, 1);
        mem.writeBytes(buf, b);
        return 0;
    }

    long getrandom(long buf, long len, long flags) {
        if ((flags & ~7L) != 0) {
            return -Errno.EINVAL;
        }
        int n = (int) Math.min(Long.compareUnsigned(len, 1 << 25) > 0 ? 1 << 25 : len, 1 << 25);
        mem.checkWritable(buf, n);
        byte[] b = new byte[n];
        random.nextBytes(b);
        mem.writeBytes(buf, b);
        return n;
    }
}
