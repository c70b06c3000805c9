package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;

/**
 * epoll_create1, epoll_ctl and epoll_wait/epoll_pwait over {@link Epoll} instances in the
 * process's {@link FdTable}. What can be watched: pipes and eventfds (the descriptors that live
 * inside the process). The standard streams are host files and are refused with EPERM, as
 * Linux refuses regular files; an epoll instance inside another is refused with EINVAL
 * (gmpvm does not nest them). epoll_pwait takes no signal mask (a non-NULL one is EINVAL).
 * Timeouts run on the virtual clock.
 */
final class EpollCalls {
    static final int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    static final int EPOLL_CLOEXEC = OpenFile.O_CLOEXEC;
    private static final int MAX_EVENTS = Integer.MAX_VALUE / Epoll.EVENT_SIZE;

    private final GuestMemory mem;
    private final ProcessControl control;
    private final FileCalls files;

    EpollCalls(GuestMemory mem, ProcessControl control, FileCalls files) {
        this.mem = mem;
        this.control = control;
        this.files = files;
    }

    long create(long size) {
        return size <= 0 ? -Errno.EINVAL : create1(0);
    }

    long create1(long flags) {
        if ((flags & ~EPOLL_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        return files.fds.install(new Epoll(mem, control), flags != 0, 0);
    }

    long ctl(long epfd, long op, long fd, long event) {
        OpenFile ef = files.fds.get(epfd);
        OpenFile f = files.fds.get(fd);
        if (ef == null || f == null) {
            return -Errno.EBADF;
        }
        if (!(ef instanceof Epoll e) || epfd == fd || f instanceof Epoll) {
            return -Errno.EINVAL;
        }
        if (f instanceof OpenFile.StdStream) {
            return -Errno.EPERM;
        }
        int events = 0;
        long data = 0;
        if (op == EPOLL_CTL_ADD || op == EPOLL_CTL_MOD) {
            if (!SyscallTable.userRange(event, Epoll.EVENT_SIZE) || event == 0) {
                return -Errno.EFAULT;
            }
            mem.checkReadable(event, Epoll.EVENT_SIZE);
            events = mem.read32(event);
            data = mem.read64(event + 4);
        }
        switch ((int) op) {
            case EPOLL_CTL_ADD:
                if (e.watches(f)) {
                    return -Errno.EEXIST;
                }
                e.add(f, (int) fd, events, data);
                return 0;
            case EPOLL_CTL_MOD:
                if (!e.watches(f)) {
                    return -Errno.ENOENT;
                }
                e.modify(f, events, data);
                return 0;
            case EPOLL_CTL_DEL:
                if (!e.watches(f)) {
                    return -Errno.ENOENT;
                }
                e.remove(f);
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }

    /** epoll_wait(epfd, events, maxevents, timeout ms); timeout -1 waits without limit. */
    long await(GuestThread t, long epfd, long events, long maxevents, long timeoutMs, long sigmask) {
        OpenFile ef = files.fds.get(epfd);
        if (ef == null) {
            return -Errno.EBADF;
        }
        if (!(ef instanceof Epoll e) || maxevents <= 0 || maxevents > MAX_EVENTS || sigmask != 0) {
            return -Errno.EINVAL;
        }
        if (!SyscallTable.userRange(events, maxevents * Epoll.EVENT_SIZE)) {
            return -Errno.EFAULT;
        }
        int ms = (int) timeoutMs;
        long r = e.await(t, events, (int) maxevents, ms < 0 ? -1 : ms * 1_000_000L);
        if (t.blocked()) {
            files.sleepsOn(t, e);
        }
        return r;
    }
}
