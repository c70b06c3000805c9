package gmpvm.emulator.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * What a file descriptor refers to (Linux's struct file): one of the standard streams, an end
 * of a pipe, an epoll instance or an eventfd. Several descriptors may share one (dup); the
 * object counts them and learns when the last one closes. Each can tell which poll events it
 * has now ({@link #events()}) and tells the epoll instances watching it when that may have
 * changed ({@link #changed()}).
 */
abstract sealed class OpenFile permits OpenFile.StdStream, PipeEnd, Epoll, EventFd {
    static final int EPOLLIN = 0x1, EPOLLPRI = 0x2, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10,
            EPOLLRDNORM = 0x40, EPOLLWRNORM = 0x100, EPOLLRDHUP = 0x2000;
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;

    private final List<Epoll> watchers = new ArrayList<>(1);
    /** Status flags (F_GETFL): the access mode and O_NONBLOCK. */
    int statusFlags;
    private int refs;

    OpenFile(int statusFlags) {
        this.statusFlags = statusFlags;
    }

    /** The poll events the file has now (EPOLLIN when a read would not block, …). */
    abstract int events();

    /** Called when the last descriptor that refers to the file is closed. */
    void released() {
    }

    final boolean nonblocking() {
        return (statusFlags & O_NONBLOCK) != 0;
    }

    final void acquire() {
        refs++;
    }

    /** One descriptor less; true when it was the last. */
    final boolean release() {
        if (--refs > 0) {
            return false;
        }
        for (Epoll e : List.copyOf(watchers)) {
            e.forgetFile(this);
        }
        released();
        return true;
    }

    final void watchedBy(Epoll e) {
        if (!watchers.contains(e)) {
            watchers.add(e);
        }
    }

    final void unwatchedBy(Epoll e) {
        watchers.remove(e);
    }

    /** The file's events may have changed: every epoll instance watching it looks again. */
    final void changed() {
        for (Epoll e : List.copyOf(watchers)) {
            e.fileChanged(this);
        }
    }

    /** fd 0, 1 or 2: the host's stdin, stdout or stderr through {@link Stdio}. */
    static final class StdStream extends OpenFile {
        final int fd;

        StdStream(int fd) {
            super(fd == 0 ? O_RDONLY : O_WRONLY);
            this.fd = fd;
        }

        @Override
        int events() {
            return fd == 0 ? EPOLLIN : EPOLLOUT;
        }
    }
}
