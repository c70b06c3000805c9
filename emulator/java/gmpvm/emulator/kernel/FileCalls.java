package gmpvm.emulator.kernel;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;

/**
 * File-descriptor system calls. The guest has exactly three descriptors, 0 (stdin, read-only),
 * 1 (stdout) and 2 (stderr), connected to the host's through {@link Stdio}; it never reaches
 * host files. Closed descriptors stay closed (-EBADF).
 */
final class FileCalls {
    /** Linux caps one read or write at this many bytes. */
    private static final long MAX_RW = 0x7ffff000L;
    private static final int CHUNK = 1 << 16;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int S_IFCHR = 0020000;

    private final GuestMemory mem;
    private final Stdio stdio;
    private final boolean[] open = {true, true, true};
    private final byte[] buf = new byte[CHUNK];

    FileCalls(GuestMemory mem, Stdio stdio) {
        this.mem = mem;
        this.stdio = stdio;
    }

    private boolean isOpen(long fd) {
        return fd >= 0 && fd < open.length && open[(int) fd];
    }

    long read(long fd, long addr, long count) {
        if (!isOpen(fd) || fd != 0) {
            return -Errno.EBADF;
        }
        if (count == 0) {
            return 0;
        }
        int n = (int) Math.min(Long.compareUnsigned(count, CHUNK) > 0 ? CHUNK : count, CHUNK);
        int got = stdio.read(buf, 0, n);
        if (got <= 0) {
            return got; // at the end of input, as Linux, without touching the buffer
        }
        try {
            mem.writeBytes(addr, buf, 0, got);
        } catch (MemoryFault f) {
            stdio.unread(buf, 0, got); // -EFAULT consumes no input, as Linux
            throw f;
        }
        return got;
    }

    long write(long fd, long addr, long count) {
        if (!isOpen(fd) || fd == 0) {
            return -Errno.EBADF;
        }
        long total = Long.compareUnsigned(count, MAX_RW) > 0 ? MAX_RW : count;
        long done = 0;
        while (done < total) {
            int n = (int) Math.min(total - done, CHUNK);
            try {
                mem.readBytes(addr + done, buf, 0, n);
            } catch (MemoryFault f) {
                if (done > 0) {
                    return done;
                }
                throw f;
            }
            stdio.write((int) fd, buf, 0, n);
            done += n;
        }
        return done;
    }

    long writev(long fd, long iov, long iovcnt) {
        if (!isOpen(fd) || fd == 0) {
            return -Errno.EBADF;
        }
        if (iovcnt < 0 || iovcnt > 1024) {
            return -Errno.EINVAL;
        }
        long total = 0;
        for (int k = 0; k < iovcnt; k++) {
            long base = mem.read64(iov + 16L * k);
            long len = mem.read64(iov + 16L * k + 8);
            if (len < 0) {
                return -Errno.EINVAL;
            }
            long n;
            try {
                n = write(fd, base, len);
            } catch (MemoryFault f) {
                if (total > 0) {
                    return total;
                }
                throw f;
            }
            total += n;
            if (n < len) {
                break;
            }
        }
        return total;
    }

    long close(long fd) {
        if (!isOpen(fd)) {
            return -Errno.EBADF;
        }
        open[(int) fd] = false;
        return 0;
    }

    /** fstat on a standard stream: a character device with no size. */
    long fstat(long fd, long statbuf) {
        if (!isOpen(fd)) {
            return -Errno.EBADF;
        }
        byte[] st = new byte[144];
        putInt(st, 24, S_IFCHR | 0620); // st_mode
        putInt(st, 16, 1);              // st_nlink (low half)
        putInt(st, 56, 4096);           // st_blksize
        mem.writeBytes(statbuf, st);
        return 0;
    }

    long newfstatat(long dirfd, long path, long statbuf, long flags) {
        String p = mem.readCString(path, 4096);
        if (p.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            return fstat(dirfd, statbuf);
        }
        return p.isEmpty() ? -Errno.ENOENT : -Errno.EACCES;
    }

    long ioctl(long fd, long request) {
        return isOpen(fd) ? -Errno.ENOTTY : -Errno.EBADF;
    }

    long lseek(long fd) {
        return isOpen(fd) ? -Errno.ESPIPE : -Errno.EBADF;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
