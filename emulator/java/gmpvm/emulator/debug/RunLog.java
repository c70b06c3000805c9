package gmpvm.emulator.debug;

import java.util.Arrays;

/**
 * Which thread ran when, for the part of a run that replays have covered: one entry each time
 * the machine starts running a different thread's instructions (its tid, the global count then,
 * and that thread's own count then). Only one thread runs at a time, so between two entries
 * every instruction is the first entry's thread's, and the count at which a thread retired its
 * n-th instruction follows by arithmetic. A run is deterministic, so the log never goes stale:
 * it only grows as replays go further.
 *
 * <p>Size: one entry per scheduler slice (or system call that switched threads), 24 bytes each:
 * about 240 KB for 100 million instructions in slices of 10,000.
 */
final class RunLog {
    private int[] tid = new int[256];
    private long[] global = new long[256];
    private long[] own = new long[256];
    private int n;
    /** The log is exact for global counts up to here. */
    private long end;

    /** A replay is about to run thread tid's instructions from global count g, its own count o. */
    void running(int t, long g, long o) {
        if (g < end) {
            return; // already logged by an earlier replay
        }
        if (n > 0 && tid[n - 1] == t && own[n - 1] + (g - global[n - 1]) == o) {
            return; // the same thread carrying on
        }
        if (n == tid.length) {
            tid = Arrays.copyOf(tid, n * 2);
            global = Arrays.copyOf(global, n * 2);
            own = Arrays.copyOf(own, n * 2);
        }
        tid[n] = t;
        global[n] = g;
        own[n] = o;
        n++;
        end = g;
    }

    /** A replay reached global count g: the log is exact up to it. */
    void reached(long g) {
        if (g > end) {
            end = g;
        }
    }

    long end() {
        return end;
    }

    /**
     * The global count right after thread t retired its k-th instruction (k ≥ 1), or -1 when the
     * log does not reach it.
     */
    long countAfter(int t, long k) {
        for (int i = n - 1; i >= 0; i--) {
            if (tid[i] != t || own[i] >= k) {
                continue;
            }
            long segEnd = i + 1 < n ? global[i + 1] : end;
            long at = global[i] + (k - own[i]);
            return at <= segEnd ? at : -1;
        }
        return -1;
    }
}
