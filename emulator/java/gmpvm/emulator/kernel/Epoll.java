package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An epoll instance (epoll_create1): an interest list of files, each with the events asked
 * for and the 64-bit data to hand back. epoll_wait reports, in the order the files were
 * added, those whose current events meet the interest: always while they do (level-triggered),
 * or once per change (EPOLLET), or once until re-armed (EPOLLONESHOT). A waiter with nothing
 * to report sleeps until a watched file changes, its timeout passes or a signal comes.
 */
final class Epoll extends OpenFile {
    static final int EPOLLET = 1 << 31, EPOLLONESHOT = 1 << 30, EPOLLEXCLUSIVE = 1 << 28,
            EPOLLWAKEUP = 1 << 29;
    /** Events always reported, whether asked for or not. */
    static final int ALWAYS = EPOLLERR | EPOLLHUP;
    /** sizeof(struct epoll_event) on x86-64 (packed: u32 events, u64 data). */
    static final int EVENT_SIZE = 12;

    static final class Interest {
        final int fd;
        int events;
        long data;
        /** For EPOLLET: a change not yet reported. */
        boolean edge = true;
        /** For EPOLLONESHOT: reported, disabled until EPOLL_CTL_MOD. */
        boolean disarmed;

        Interest(int fd, int events, long data) {
            this.fd = fd;
            this.events = events;
            this.data = data;
        }
    }

    private record Waiter(GuestThread thread, long events, int max) {
    }

    private final GuestMemory mem;
    private final ProcessControl control;
    private final Map<OpenFile, Interest> interests = new LinkedHashMap<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    Epoll(GuestMemory mem, ProcessControl control) {
        super(OpenFile.O_RDWR);
        this.mem = mem;
        this.control = control;
    }

    @Override
    int events() {
        for (Map.Entry<OpenFile, Interest> e : interests.entrySet()) {
            if (pending(e.getKey(), e.getValue()) != 0) {
                return EPOLLIN;
            }
        }
        return 0;
    }

    boolean watches(OpenFile f) {
        return interests.containsKey(f);
    }

    void add(OpenFile f, int fd, int events, long data) {
        interests.put(f, new Interest(fd, events, data));
        f.watchedBy(this);
        fileChanged(f);
    }

    void modify(OpenFile f, int events, long data) {
        Interest i = interests.get(f);
        i.events = events;
        i.data = data;
        i.edge = true;
        i.disarmed = false;
        fileChanged(f);
    }

    void remove(OpenFile f) {
        interests.remove(f);
        f.unwatchedBy(this);
    }

    /** The last descriptor of f closed: it leaves every interest list, as in Linux. */
    void forgetFile(OpenFile f) {
        remove(f);
    }

    private static int pending(OpenFile f, Interest i) {
        if (i.disarmed || (i.events & EPOLLET) != 0 && !i.edge) {
            return 0;
        }
        return f.events() & (i.events | ALWAYS);
    }

    /** Writes up to max ready events at addr; returns how many. */
    private int collect(long addr, int max) {
        int n = 0;
        for (Map.Entry<OpenFile, Interest> e : interests.entrySet()) {
            if (n == max) {
                break;
            }
            Interest i = e.getValue();
            int ev = pending(e.getKey(), i);
            if (ev == 0) {
                continue;
            }
            mem.write32(addr + (long) n * EVENT_SIZE, ev);
            mem.write64(addr + (long) n * EVENT_SIZE + 4, i.data);
            n++;
            if ((i.events & EPOLLET) != 0) {
                i.edge = false;
            }
            if ((i.events & EPOLLONESHOT) != 0) {
                i.disarmed = true;
            }
        }
        return n;
    }

    /** epoll_wait's work: report what is ready now, or sleep (timeoutNs < 0: no limit). */
    long await(GuestThread t, long events, int max, long timeoutNs) {
        mem.checkWritable(events, (long) max * EVENT_SIZE);
        int n = collect(events, max);
        if (n > 0 || timeoutNs == 0) {
            return n;
        }
        waiters.addLast(new Waiter(t, events, max));
        long deadline = timeoutNs < 0 ? -1 : control.nanos() + timeoutNs;
        control.block(t, new GuestThread.Wait(Syscalls.EPOLL_PWAIT, "epoll_wait", 0, 0, deadline, 0, false));
        return 0;
    }

    /** A watched file's events may have changed: mark edges and serve waiters. */
    void fileChanged(OpenFile f) {
        Interest i = interests.get(f);
        if (i != null && (f.events() & (i.events | ALWAYS)) != 0) {
            i.edge = true;
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            int n;
            try {
                n = collect(w.events, w.max);
            } catch (MemoryFault fault) {
                it.remove();
                control.wake(w.thread, -Errno.EFAULT);
                continue;
            }
            if (n == 0) {
                break;
            }
            it.remove();
            control.wake(w.thread, n);
        }
    }

    void forget(GuestThread t) {
        waiters.removeIf(w -> w.thread == t);
    }

    @Override
    void released() {
        for (OpenFile f : interests.keySet()) {
            f.unwatchedBy(this);
        }
        interests.clear();
    }
}
