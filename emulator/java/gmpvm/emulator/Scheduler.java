package gmpvm.emulator;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic thread scheduler: N simulated CPUs on one host thread.
 *
 * <p>Time advances in <i>rounds</i>. A round gives up to N runnable threads one slice each; they
 * run one after another on the host but in parallel in virtual time: each sees the clock as the
 * round's start plus the instructions it has retired (1 ns per instruction), and the round lasts
 * as long as its longest slice. A thread that gets a CPU keeps it for a <i>quantum</i> of
 * instructions (cut short by blocking, yielding or exiting). With one CPU a slice is the whole
 * quantum. With several, the quantum is run in slices of a <i>grain</i> (a fifth of it, 2 µs by
 * default), so the CPUs' threads interleave at that grain: a thread that becomes runnable
 * (woken by a futex, a new clone) while a CPU is free gets it at the next round, a grain later,
 * as a woken thread on hardware runs within microseconds. Threads that keep their CPU come first
 * in the next round; the others queue. Timers (futex timeouts, nanosleep) fire at round starts;
 * when nothing is runnable the clock jumps to the earliest deadline.
 *
 * <p>Seed 0 is plain round-robin with a fixed quantum. Any other seed shuffles which queued
 * threads get the free CPUs and varies each quantum, reproducibly, to shake out races in the guest.
 */
final class Scheduler {
    /** Instructions in a quantum with seed 0 (10 µs of virtual time). */
    static final long QUANTUM = 10_000;
    /** The grain is the quantum divided by this when there are several CPUs. */
    static final int GRAINS_PER_QUANTUM = 5;

    private final int cpus;
    private final long quantum;
    private final long grain;
    private final SplittableRandom random;
    private final ArrayDeque<GuestThread> queue = new ArrayDeque<>();
    /** Threads that keep their CPU into the next round, in CPU order. */
    private final List<GuestThread> holding = new ArrayList<>();
    /** What is left of the quantum of each thread that holds a CPU. */
    private final Map<GuestThread, Long> left = new IdentityHashMap<>();
    private final List<GuestThread> round = new ArrayList<>();
    private long roundStart;
    private long roundLength;

    Scheduler(int cpus, long seed, long quantum) {
        this.cpus = cpus;
        this.quantum = quantum;
        this.grain = cpus == 1 ? quantum : Math.max(1, quantum / GRAINS_PER_QUANTUM);
        this.random = seed == 0 ? null : new SplittableRandom(seed);
    }

    int cpus() {
        return cpus;
    }

    /** Start of the current round in virtual ns. */
    long roundStart() {
        return roundStart;
    }

    /** A thread became runnable (created, woken, yielded, or its quantum ended): it queues for a CPU. */
    void enqueue(GuestThread t) {
        left.remove(t);
        queue.addLast(t);
    }

    /**
     * t's slice ended with t still runnable: it keeps its CPU into the next round while its
     * quantum lasts and it did not yield; otherwise it queues.
     */
    void sliceEnded(GuestThread t, long used, boolean yielded) {
        Long l = left.get(t);
        long rest = l == null ? 0 : l - used;
        if (!yielded && rest > 0) {
            left.put(t, rest);
            holding.add(t);
        } else {
            enqueue(t);
        }
    }

    /** t blocked or exited at the end of its slice: it gives up its CPU and its quantum. */
    void forget(GuestThread t) {
        left.remove(t);
    }

    boolean hasQueued() {
        return !queue.isEmpty() || !holding.isEmpty();
    }

    /** The instruction budget of t's next slice: a grain, or what is left of its quantum. */
    long sliceBudget(GuestThread t) {
        Long l = left.get(t);
        if (l == null) {
            l = random == null ? quantum : quantum / 4 + random.nextLong(quantum * 7 / 4);
            left.put(t, l);
        }
        return Math.min(grain, l);
    }

    /**
     * Forms the next round: the threads that keep their CPU, then threads from the queue (in
     * queue order or, seeded, in a shuffled order) on the CPUs that are free. Returns them; the
     * round's start time is the previous round's end.
     */
    List<GuestThread> nextRound() {
        roundStart += roundLength;
        roundLength = 0;
        round.clear();
        for (GuestThread t : holding) {
            if (t.runnable() && !round.contains(t)) {
                round.add(t);
            } else {
                left.remove(t);
            }
        }
        holding.clear();
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

    /** A slice of the current round lasted n ns of virtual time from the round's start. */
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
