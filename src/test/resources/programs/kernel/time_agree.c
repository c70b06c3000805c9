/* nanosleep, clock_gettime and futex timeouts agree with each other. Only comparisons are
 * printed, so native and emulated runs print the same. */
#include "ksys.h"

static i64 now_ns(int clock) {
    struct ktimespec ts;
    sys3(SYS_clock_gettime, clock, &ts, 0);
    return ts.sec * 1000000000L + ts.nsec;
}

int kmain(u64 *sp) {
    (void)sp;
    i64 t0 = now_ns(1);
    struct ktimespec d = {0, 20 * 1000 * 1000};
    kv("nanosleep", sys3(SYS_nanosleep, &d, 0, 0));
    i64 t1 = now_ns(1);
    kv("slept_at_least_20ms", t1 - t0 >= 20000000);
    kv("slept_less_than_1s", t1 - t0 < 1000000000);

    int word = 5;
    struct ktimespec to = {0, 30 * 1000 * 1000};
    i64 r = futex_wait(&word, 5, &to);
    i64 t2 = now_ns(1);
    kv("futex_timeout", r);
    kv("waited_at_least_30ms", t2 - t1 >= 30000000);
    kv("futex_eagain", futex_wait(&word, 6, &to));

    struct ktimespec d2 = {0, 5 * 1000 * 1000};
    kv("clock_nanosleep", sys4(SYS_clock_nanosleep, 1, 0, &d2, 0));
    kv("monotonic_advances", now_ns(1) - t2 >= 5000000);
    kv("realtime_after_2020", now_ns(0) > 1577836800L * 1000000000L);
    exit_group(0);
}
