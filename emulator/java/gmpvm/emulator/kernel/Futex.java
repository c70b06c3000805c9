package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * futex(2): wait queues keyed by address. WAIT/WAIT_BITSET compare the word and sleep (with a
 * relative or absolute timeout on the virtual clock), WAKE/WAKE_BITSET wake in FIFO order,
 * REQUEUE/CMP_REQUEUE move waiters to another word. The process has one address space, so
 * FUTEX_PRIVATE_FLAG changes nothing and private and shared waits meet in the same queue.
 */
final class Futex {
    static final int WAIT = 0, WAKE = 1, REQUEUE = 3, CMP_REQUEUE = 4, WAKE_OP = 5, WAIT_BITSET = 9,
            WAKE_BITSET = 10;
    static final int PRIVATE_FLAG = 128, CLOCK_REALTIME_FLAG = 256;
    static final int BITSET_MATCH_ANY = -1;

    private static final String[] NAMES = {"FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_FD", "FUTEX_REQUEUE",
        "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP", "FUTEX_LOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI",
        "FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET"};

    private final GuestMemory mem;
    private final ProcessControl control;
    private final Map<Long, ArrayDeque<GuestThread>> queues = new HashMap<>();

    Futex(GuestMemory mem, ProcessControl control) {
        this.mem = mem;
        this.control = control;
    }

    static String opName(long op) {
        int cmd = (int) op & 127;
        String n = cmd < NAMES.length ? NAMES[cmd] : "FUTEX_" + cmd;
        if ((op & PRIVATE_FLAG) != 0) {
            n += "_PRIVATE";
        }
        if ((op & CLOCK_REALTIME_FLAG) != 0) {
            n += "|FUTEX_CLOCK_REALTIME";
        }
        return n;
    }

    long futex(GuestThread t, long addr, long op, long val, long timeout, long addr2, long val3) {
        int cmd = (int) op & 127;
        if ((addr & 3) != 0) {
            return -Errno.EINVAL;
        }
        if ((op & PRIVATE_FLAG) == 0 && !mem.isMapped(addr)) {
            // a shared futex is found through the page it lives in: none there, -EFAULT, as Linux
            // (a private one is keyed by its address alone and never touched by a wake)
            return -Errno.EFAULT;
        }
        switch (cmd) {
            case WAIT:
                return wait(t, addr, (int) val, timeout, false, false, BITSET_MATCH_ANY);
            case WAIT_BITSET:
                if ((int) val3 == 0) {
                    return -Errno.EINVAL;
                }
                return wait(t, addr, (int) val, timeout, true, (op & CLOCK_REALTIME_FLAG) != 0, (int) val3);
            case WAKE:
                return wake(addr, (int) val, BITSET_MATCH_ANY);
            case WAKE_BITSET:
                if ((int) val3 == 0) {
                    return -Errno.EINVAL;
                }
                return wake(addr, (int) val, (int) val3);
            case REQUEUE:
                return requeue(addr, (int) val, (int) timeout, addr2);
            case CMP_REQUEUE:
                mem.checkReadable(addr, 4);
                if (mem.read32(addr) != (int) val3) {
                    return -Errno.EAGAIN;
                }
                return requeue(addr, (int) val, (int) timeout, addr2);
            default:
                return -Errno.ENOSYS;
        }
    }

    private long wait(GuestThread t, long addr, int val, long timeout, boolean absolute, boolean realtime, int bitset) {
        mem.checkReadable(addr, 4);
        if (mem.read32(addr) != val) {
            return -Errno.EAGAIN;
        }
        long deadline = -1;
        if (timeout != 0) {
            mem.checkReadable(timeout, 16);
            long sec = mem.read64(timeout), nsec = mem.read64(timeout + 8);
            if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) {
                return -Errno.EINVAL;
            }
            long ns = sec * 1_000_000_000L + nsec;
            if (absolute) {
                deadline = realtime ? ns - TimeCalls.EPOCH_NS : ns;
            } else {
                deadline = control.nanos() + ns;
            }
            if (deadline <= control.nanos()) {
                return -Errno.ETIMEDOUT;
            }
        }
        queues.computeIfAbsent(addr, k -> new ArrayDeque<>()).addLast(t);
        control.block(t, new GuestThread.Wait(Syscalls.FUTEX, String.format("futex 0x%x", addr), addr, bitset,
                deadline, -Errno.ETIMEDOUT, true));
        return 0;
    }

    /** Futex words with sleepers (a word's queue goes when its last sleeper leaves). */
    int words() {
        return queues.size();
    }

    /** Wakes up to n waiters on addr whose bitset matches; returns how many woke. */
    long wake(long addr, int n, int bitset) {
        ArrayDeque<GuestThread> q = queues.get(addr);
        if (q == null || n <= 0) {
            return 0;
        }
        int woken = 0;
        for (Iterator<GuestThread> it = q.iterator(); it.hasNext() && woken < n; ) {
            GuestThread w = it.next();
            GuestThread.Wait wt = w.waiting();
            if (wt == null || (wt.bitset() & bitset) == 0) {
                continue;
            }
            it.remove();
            control.wake(w, 0);
            woken++;
        }
        if (q.isEmpty()) {
            queues.remove(addr);
        }
        return woken;
    }

    private long requeue(long addr, int nWake, int nMove, long addr2) {
        if (nWake < 0 || nMove < 0) {
            return -Errno.EINVAL;
        }
        long woken = wake(addr, nWake, BITSET_MATCH_ANY);
        ArrayDeque<GuestThread> q = queues.get(addr);
        int moved = 0;
        if (q != null && addr2 != addr) {
            List<GuestThread> move = new ArrayList<>();
            for (Iterator<GuestThread> it = q.iterator(); it.hasNext() && moved < nMove; moved++) {
                move.add(it.next());
                it.remove();
            }
            if (q.isEmpty()) {
                queues.remove(addr);
            }
            ArrayDeque<GuestThread> q2 = queues.computeIfAbsent(addr2, k -> new ArrayDeque<>());
            for (GuestThread w : move) {
                q2.addLast(w);
                w.requeueTo(addr2);
            }
        }
        return woken + moved;
    }

    /** Removes t from whatever queue it sleeps in (timeout, signal, exit). */
    void forget(GuestThread t) {
        GuestThread.Wait w = t.waiting();
        if (w == null || w.futexAddr() == 0) {
            return;
        }
        ArrayDeque<GuestThread> q = queues.get(w.futexAddr());
        if (q != null) {
            q.remove(t);
            if (q.isEmpty()) {
                queues.remove(w.futexAddr());
            }
        }
    }
}
