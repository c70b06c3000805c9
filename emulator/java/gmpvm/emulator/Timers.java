package gmpvm.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The deadlines of sleeping threads (futex timeouts, nanosleep), earliest first, so that firing
 * the due ones and finding the next costs time in the number of timers that fire, not in the
 * number of threads. A wait that ended another way (woken, interrupted, exited) leaves its entry
 * behind; the entry is recognised as stale by the thread's wait number and dropped when reached
 * or swept.
 */
final class Timers {
    private record Entry(long deadline, GuestThread thread, long waitNumber) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingLong(Entry::deadline));

    /**
     * t has just blocked with a deadline. Stale entries are swept out when they outnumber the
     * threads (each thread has at most one live entry), so timed waits that end early do not pile up.
     */
    void add(GuestThread t, int threads) {
        queue.add(new Entry(t.waiting().deadline(), t, t.waitNumber()));
        if (queue.size() > 2 * threads + 1024) {
            queue.removeIf(e -> !live(e));
        }
    }

    /** The threads whose deadline is at or before now, in creation (tid) order, as the thread list ran. */
    List<GuestThread> due(long now) {
        List<GuestThread> out = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().deadline() <= now) {
            Entry e = queue.poll();
            if (live(e)) {
                out.add(e.thread());
            }
        }
        out.sort(Comparator.comparingInt(GuestThread::tid));
        return out;
    }

    /** The earliest deadline of a thread still sleeping, or Long.MAX_VALUE. */
    long earliest() {
        while (!queue.isEmpty() && !live(queue.peek())) {
            queue.poll();
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().deadline();
    }

    /** Entries held, stale ones included (for tests of how the structures grow). */
    int size() {
        return queue.size();
    }

    private static boolean live(Entry e) {
        GuestThread t = e.thread();
        GuestThread.Wait w = t.waiting();
        return t.blocked() && t.waitNumber() == e.waitNumber() && w != null && w.deadline() == e.deadline();
    }
}
