package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import java.util.HashMap;
import java.util.Map;

/**
 * File-descriptor system calls over the {@link FdTable}: read, write, close, fstat and friends
 * for every kind of {@link OpenFile}, and the calls that make descriptors that live inside
 * the process (pipe2, eventfd2, dup*, fcntl). 0 (stdin, read-only), 1 (stdout) and 2 (stderr)
 * are the host's, through {@link Stdio}; the guest never reaches host files.
 */
final class FileCalls {
    /** Linux caps one read or write at this many bytes. */
    private static final long MAX_RW = 0x7ffff000L;
    private static final int CHUNK = 1 << 16;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int S_IFCHR = 0020000, S_IFIFO = 0010000;
    static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030,
            F_GETPIPE_SZ = 1032, FD_CLOEXEC = 1;
    private static final int O_DIRECT = 0x4000;

    private final GuestMemory mem;
    private final Stdio stdio;
    private final ProcessControl control;
    private final SignalCalls signals;
    final FdTable fds = new FdTable();
    private final byte[] buf = new byte[CHUNK];
    /** What each thread that sleeps in a file call waits on, so a signal can take it out. */
    private final Map<GuestThread, OpenFile> sleepers = new HashMap<>();

    FileCalls(GuestMemory mem, Stdio stdio, ProcessControl control, SignalCalls signals) {
        this.mem = mem;
        this.stdio = stdio;
        this.control = control;
        this.signals = signals;
    }

    long read(GuestThread t, long fd, long addr, long count) {
        OpenFile f = fds.get(fd);
        if (f instanceof OpenFile.StdStream s) {
            return s.fd == 0 ? readStdin(addr, count) : -Errno.EBADF;
        }
        if (f instanceof PipeEnd p) {
            return p.readSide ? sleeping(t, f, p.pipe.read(t, p, addr, clamp(count))) : -Errno.EBADF;
        }
        if (f instanceof EventFd e) {
            return sleeping(t, f, e.read(t, addr, count));
        }
        return f == null ? -Errno.EBADF : -Errno.EINVAL;
    }

    long write(GuestThread t, long fd, long addr, long count) {
        OpenFile f = fds.get(fd);
        if (f instanceof OpenFile.StdStream s) {
            return s.fd == 0 ? -Errno.EBADF : writeStd(s.fd, addr, count);
        }
        if (f instanceof PipeEnd p) {
            if (p.readSide) {
                return -Errno.EBADF;
            }
            long r = p.pipe.write(t, p, addr, clamp(count));
            if (r == -Errno.EPIPE) {
                signals.send(t, new SignalFrame.SigInfo(Signals.SIGPIPE, SignalCalls.SI_USER, 0, ProcessCalls.PID,
                        ProcessCalls.UID));
            }
            return sleeping(t, f, r);
        }
        if (f instanceof EventFd e) {
            return e.write(addr, count);
        }
        return f == null ? -Errno.EBADF : -Errno.EINVAL;
    }

    private static long clamp(long count) {
        return Long.compareUnsigned(count, MAX_RW) > 0 ? MAX_RW : count;
    }

    /** Notes what t sleeps on when the call put it to sleep; passes r through. */
    private long sleeping(GuestThread t, OpenFile f, long r) {
        if (t.blocked()) {
            sleepers.put(t, f);
        }
        return r;
    }

    /** t's sleep ends other than by its file (a signal, a timeout, the end of the process). */
    void forget(GuestThread t) {
        OpenFile f = sleepers.remove(t);
        if (f instanceof PipeEnd p) {
            p.pipe.forget(t);
        } else if (f instanceof EventFd e) {
            e.forget(t);
        } else if (f instanceof Epoll e) {
            e.forget(t);
        }
    }

    /** epoll_wait's sleepers are noted here too. */
    void sleepsOn(GuestThread t, OpenFile f) {
        sleepers.put(t, f);
    }

    private long readStdin(long addr, long count) {
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

    private long writeStd(int fd, long addr, long count) {
        long total = clamp(count);
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
            stdio.write(fd, buf, 0, n);
            done += n;
        }
        return done;
    }

    /**
     * writev: each buffer in turn. To a pipe, only as much as fits without waiting, unless
     * nothing fits (then the first buffer waits, as a plain write).
     */
    long writev(GuestThread t, long fd, long iov, long iovcnt) {
        OpenFile f = fds.get(fd);
        if (f == null) {
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
            if (total > 0 && f instanceof PipeEnd p && p.pipe.room() < len) {
                break;
            }
            long n;
            try {
                n = write(t, fd, base, len);
            } catch (MemoryFault fault) {
                if (total > 0) {
                    return total;
                }
                throw fault;
            }
            if (n < 0 || t.blocked()) {
                return total > 0 ? total : n;
            }
            total += n;
            if (n < len) {
                break;
            }
        }
        return total;
    }

    long close(long fd) {
        return fds.close(fd) ? 0 : -Errno.EBADF;
    }

    /** fstat: a standard stream is a character device with no size, a pipe a FIFO, the rest anonymous inodes. */
    long fstat(long fd, long statbuf) {
        OpenFile f = fds.get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        byte[] st = new byte[144];
        int mode = f instanceof OpenFile.StdStream ? S_IFCHR | 0620 : f instanceof PipeEnd ? S_IFIFO | 0600 : 0600;
        putInt(st, 24, mode);           // st_mode
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
        return fds.get(fd) != null ? -Errno.ENOTTY : -Errno.EBADF;
    }

    long lseek(long fd) {
        return fds.get(fd) != null ? -Errno.ESPIPE : -Errno.EBADF;
    }

    /** pipe2(fds, flags): two descriptors, fds[0] the read end, fds[1] the write end. */
    long pipe2(long out, long flags) {
        if ((flags & ~(OpenFile.O_NONBLOCK | OpenFile.O_CLOEXEC | O_DIRECT)) != 0) {
            return -Errno.EINVAL;
        }
        Pipe p = new Pipe(mem, control, (int) flags);
        boolean cloexec = (flags & OpenFile.O_CLOEXEC) != 0;
        int r = fds.install(p.readEnd, cloexec, 0);
        if (r < 0) {
            return r;
        }
        int w = fds.install(p.writeEnd, cloexec, 0);
        if (w < 0) {
            fds.close(r);
            return w;
        }
        try {
            mem.write32(out, r);
            mem.write32(out + 4, w);
        } catch (MemoryFault f) {
            fds.close(r);
            fds.close(w);
            throw f;
        }
        return 0;
    }

    /** eventfd2(initval, flags). */
    long eventfd2(long initval, long flags) {
        if ((flags & ~(EventFd.EFD_SEMAPHORE | OpenFile.O_NONBLOCK | OpenFile.O_CLOEXEC)) != 0) {
            return -Errno.EINVAL;
        }
        return fds.install(new EventFd(mem, control, initval, (int) flags), (flags & OpenFile.O_CLOEXEC) != 0, 0);
    }

    long dup(long fd) {
        OpenFile f = fds.get(fd);
        return f == null ? -Errno.EBADF : fds.install(f, false, 0);
    }

    long dup3(long oldfd, long newfd, long flags, boolean isDup2) {
        OpenFile f = fds.get(oldfd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (!isDup2 && ((flags & ~OpenFile.O_CLOEXEC) != 0 || oldfd == newfd)) {
            return -Errno.EINVAL;
        }
        if (newfd < 0 || newfd >= FdTable.MAX_FDS) {
            return -Errno.EBADF;
        }
        if (oldfd == newfd) {
            return newfd;
        }
        fds.put((int) newfd, f, (flags & OpenFile.O_CLOEXEC) != 0);
        return newfd;
    }

    long fcntl(long fd, long cmd, long arg) {
        OpenFile f = fds.get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        switch ((int) cmd) {
            case F_DUPFD:
            case F_DUPFD_CLOEXEC:
                if (arg < 0 || arg >= FdTable.MAX_FDS) {
                    return -Errno.EINVAL;
                }
                return fds.install(f, cmd == F_DUPFD_CLOEXEC, (int) arg);
            case F_GETFD:
                return fds.cloexec((int) fd) ? FD_CLOEXEC : 0;
            case F_SETFD:
                fds.setCloexec((int) fd, (arg & FD_CLOEXEC) != 0);
                return 0;
            case F_GETFL:
                return f.statusFlags;
            case F_SETFL:
                // only O_NONBLOCK (of what gmpvm models) can change; the access mode stays
                f.statusFlags = f.statusFlags & ~OpenFile.O_NONBLOCK | (int) arg & OpenFile.O_NONBLOCK;
                return 0;
            case F_GETPIPE_SZ:
                return f instanceof PipeEnd ? Pipe.CAPACITY : -Errno.EBADF;
            default:
                return -Errno.EINVAL;
        }
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
