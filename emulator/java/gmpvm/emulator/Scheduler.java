package gmpvm.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic thread scheduler: N simulated CPUs on one host thread.
 *
 * <p>Time advances in <i>rounds</i>. A round gives up to N runnable threads one slice each (a
 * quantum of instructions, cut short by blocking, yielding or exiting); they run one after
 * another on the host but in parallel in virtual time: each sees the clock as the round's start
 * plus the instructions it has retired (1 ns per instruction), and the round lasts as long as its
 * longest slice. Threads that become runnable during a round (woken by a futex, a new clone)
 * join the queue for the next round. Timers (futex timeouts, nanosleep) fire at round starts;
 * when nothing is runnable the clock jumps to the earliest deadline.
 *
 * <p>Seed 0 is plain round-robin with a fixed quantum. Any other seed shuffles which queued
 * threads get the round's slots and varies each slice's quantum, reproducibly, to shake out
 * races in the guest.
 */
final class Scheduler {
    /** Instructions in a slice with seed 0 (10 µs of virtual time). */
    static final long QUANTUM = 10_000;

    private final int cpus;
    private final long quantum;
    private final SplittableRandom random;
    private final ArrayDeque<GuestThread> queue = new ArrayDeque<>();
    private final List<GuestThread> round = new ArrayList<>();
    private long roundStart;
    private long roundLength;

    Scheduler(int cpus, long seed, long quantum) {
        this.cpus = cpus;
        this.quantum = quantum;
        this.random = seed == 0 ? null : new SplittableRandom(seed);
    }

    int cpus() {
        return cpus;
    }

    /** Start of the current round in virtual ns. */
    long roundStart() {
        return roundStart;
    }

    /** A thread became runnable (created, woken, yielded, or its slice ended). */
    void enqueue(GuestThread t) {
        queue.addLast(t);
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** The instruction budget of the next slice. */
    long sliceBudget() {
        if (random == null) {
            return quantum;
        }
        return quantum / 4 + random.nextLong(quantum * 7 / 4);
    }

    /**
     * Forms the next round: up to N threads from the queue, in queue order or (seeded) in a
     * shuffled order. Returns them; the round's start time is the previous round's end.
     */
    List<GuestThread> nextRound() {
        roundStart += roundLength;
        roundLength = 0;
        round.clear();
        while (round.size() < cpus && !queue.isEmpty()) {
            GuestThread t;
            if (random == null || queue.size() == 1) {
                t = queue.pollFirst();
            } else {
                int k = random.nextInt(queue.size());
                t = removeAt(k);
            }
            if (t.runnable() && !round.contains(t)) {
                round.add(t);
            }
        }
        return round;
    }

    private GuestThread removeAt(int k) {
        java.util.Iterator<GuestThread> it = queue.iterator();
        for (int n = 0; n < k; n++) {
            it.next();
        }
        GuestThread t = it.next();
        it.remove();
        return t;
    }

    /** A slice of the current round retired n instructions. */
    void sliceRan(long n) {
        roundLength = Math.max(roundLength, n);
    }

    /** Moves the clock forward to t when nothing ran (all threads asleep until t). */
    void idleUntil(long t) {
        if (t > roundStart + roundLength) {
            roundStart = t;
            roundLength = 0;
        }
    }

    /** The end of the current round: where the clock stands between rounds. */
    long now() {
        return roundStart + roundLength;
    }
}
