package gmpvm.emulator.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The process's file descriptors: each refers to an {@link OpenFile} and carries its own
 * close-on-exec flag. A new descriptor is the lowest free number, as in Linux, below the
 * RLIMIT_NOFILE soft limit (1024, what prlimit64 reports). 0, 1 and 2 start as the standard
 * streams.
 */
final class FdTable {
    static final int MAX_FDS = 1024;

    private record Slot(OpenFile file, boolean cloexec) {
    }

    private final List<Slot> slots = new ArrayList<>();

    FdTable() {
        for (int fd = 0; fd < 3; fd++) {
            OpenFile f = new OpenFile.StdStream(fd);
            f.acquire();
            slots.add(new Slot(f, false));
        }
    }

    /** The file fd refers to, or null if fd is not open. */
    OpenFile get(long fd) {
        if (fd < 0 || fd >= slots.size()) {
            return null;
        }
        Slot s = slots.get((int) fd);
        return s == null ? null : s.file;
    }

    boolean cloexec(int fd) {
        return slots.get(fd).cloexec;
    }

    void setCloexec(int fd, boolean on) {
        slots.set(fd, new Slot(slots.get(fd).file, on));
    }

    /** A new descriptor, at least min, for f; -EMFILE when none is left. */
    int install(OpenFile f, boolean cloexec, int min) {
        for (int fd = min; fd < MAX_FDS; fd++) {
            if (fd >= slots.size() || slots.get(fd) == null) {
                put(fd, f, cloexec);
                return fd;
            }
        }
        return -Errno.EMFILE;
    }

    /** Makes fd refer to f, closing what it referred to (dup2/dup3). */
    void put(int fd, OpenFile f, boolean cloexec) {
        while (slots.size() <= fd) {
            slots.add(null);
        }
        f.acquire();
        Slot old = slots.set(fd, new Slot(f, cloexec));
        if (old != null) {
            old.file.release();
        }
    }

    /** Closes fd; false if it was not open. */
    boolean close(long fd) {
        OpenFile f = get(fd);
        if (f == null) {
            return false;
        }
        slots.set((int) fd, null);
        f.release();
        return true;
    }
}
