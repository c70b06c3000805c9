/* Buffer arguments at the edges of the address space: NULL, the first page, the last user
 * page, past user space, the top of the address space and lengths that wrap past 2^64. Linux
 * answers -EFAULT without touching anything; so must gmpvm (before its range checks wrapped, some
 * of these ended the emulator with an internal error). Only results are printed. */
#include "ksys.h"

#define SYS_fstat 5
#define SYS_writev 20
#define SYS_gettimeofday 96
#define SYS_sysinfo 99
#define SYS_uname 63
#define SYS_time 201
#define SYS_sched_getaffinity 204
#define SYS_clock_getres 229
#define SYS_prlimit64 302
#define SYS_getrandom 318

static const i64 ADDRS[] = {0, 1, 0xfff, 0x7ffffffff000L, 0x7ffffffffff0L, 0x800000000000L,
                            -0x1000L, -16, -1};

int kmain(u64 *sp) {
    (void)sp;
    for (unsigned i = 0; i < sizeof ADDRS / sizeof ADDRS[0]; i++) {
        i64 a = ADDRS[i];
        puts_("addr ");
        putx((u64)a);
        puts_("\n");
        kv(" write32", sys3(SYS_write, 1, a, 32));
        kv(" write_max", sys3(SYS_write, 1, a, -1L));
        kv(" read32", sys3(SYS_read, 0, a, 32));
        kv(" writev", sys3(SYS_writev, 1, a, 2));
        kv(" fstat", sys3(SYS_fstat, 1, a, 0));
        kv(" uname", sys3(SYS_uname, a, 0, 0));
        kv(" sysinfo", sys3(SYS_sysinfo, a, 0, 0));
        kv(" getrandom", sys3(SYS_getrandom, a, 32, 0));
        kv(" clock_gettime", sys3(SYS_clock_gettime, 1, a, 0));
        kv(" clock_getres", a == 0 ? 0 : sys3(SYS_clock_getres, 1, a, 0));
        kv(" nanosleep", sys3(SYS_nanosleep, a, 0, 0));
        kv(" gettimeofday", a == 0 ? 0 : sys3(SYS_gettimeofday, a, 0, 0));
        kv(" time", a == 0 ? 0 : sys3(SYS_time, a, 0, 0));
        kv(" sigprocmask", a == 0 ? 0 : sys4(SYS_rt_sigprocmask, 0, a, 0, 8));
        kv(" sigaltstack", a == 0 ? 0 : sys3(SYS_sigaltstack, a, 0, 0));
        kv(" sched_getaffinity", sys3(SYS_sched_getaffinity, 0, 8, a));
        kv(" prlimit64", a == 0 ? 0 : sys4(SYS_prlimit64, 0, 3, 0, a));
    }
    exit_group(0);
}
