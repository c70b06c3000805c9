package gmpvm.emulator.kernel;

import gmpvm.emulator.memory.GuestMemory;

/**
 * Time system calls on the virtual clock (see {@link ProcessControl#nanos}): monotonic clocks
 * count virtual nanoseconds since the process started; the real-time clock adds a fixed epoch
 * ({@link #EPOCH_NS}, 2025-01-01T00:00:00Z) so that runs are reproducible.
 */
final class TimeCalls {
    static final long EPOCH_NS = 1735689600L * 1_000_000_000L;
    static final int CLOCK_REALTIME = 0, CLOCK_REALTIME_COARSE = 5, CLOCK_REALTIME_ALARM = 8, CLOCK_TAI = 11;

    private final GuestMemory mem;
    private final ProcessControl control;

    TimeCalls(GuestMemory mem, ProcessControl control) {
        this.mem = mem;
        this.control = control;
    }

    private long now(int clock) {
        long t = control.nanos();
        return clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE || clock == CLOCK_REALTIME_ALARM
                || clock == CLOCK_TAI ? EPOCH_NS + t : t;
    }

    private static boolean valid(long clock) {
        return clock >= 0 && clock <= 11 && clock != 10;
    }

    long clockGettime(long clock, long ts) {
        if (!valid(clock)) {
            return -Errno.EINVAL;
        }
        long t = now((int) clock);
        mem.checkWritable(ts, 16);
        mem.write64(ts, t / 1_000_000_000L);
        mem.write64(ts + 8, t % 1_000_000_000L);
        return 0;
    }

    long clockGetres(long clock, long ts) {
        if (!valid(clock)) {
            return -Errno.EINVAL;
        }
        if (ts != 0) {
            mem.checkWritable(ts, 16);
            mem.write64(ts, 0);
            mem.write64(ts + 8, 1);
        }
        return 0;
    }

    long gettimeofday(long tv, long tz) {
        long t = now(CLOCK_REALTIME);
        if (tv != 0) {
            mem.checkWritable(tv, 16);
            mem.write64(tv, t / 1_000_000_000L);
            mem.write64(tv + 8, t % 1_000_000_000L / 1000);
        }
        if (tz != 0) {
            mem.checkWritable(tz, 8);
            mem.write64(tz, 0);
        }
        return 0;
    }

    long uptimeSeconds() {
        return control.nanos() / 1_000_000_000L;
    }

    long time(long tloc) {
        long s = now(CLOCK_REALTIME) / 1_000_000_000L;
        if (tloc != 0) {
            mem.checkWritable(tloc, 8);
            mem.write64(tloc, s);
        }
        return s;
    }
}
