/* What a program sees of the limit on mapped memory: mmap of 40 MiB, touched; then 32 MiB more by
 * mmap and by brk; RLIMIT_AS as prlimit64 reports it; after munmap of the 40 MiB, 32 MiB again.
 * Run with --mem 64M (or under Linux with RLIMIT_AS=64M) the second requests fail with ENOMEM. */
#include "../c/sys.h"
int main(int argc, char **argv, char **envp) {
    u8 *a = sys_mmap(0, 40UL << 20, 3, 0x22);
    puts_("mmap 40 MiB ok "); puti((long)a > 0); nl();
    for (u64 o = 0; o < (40UL << 20); o += 4096) a[o] = 1;
    puts_("mmap 32 MiB more "); puti((long)sys_mmap(0, 32UL << 20, 3, 0x22)); nl();
    char *b0 = (char *)sys_brk(0);
    puts_("brk 32 MiB more grew "); puti((char *)sys_brk(b0 + (32L << 20)) - b0); nl();
    u64 lim[2];
    puts_("prlimit "); puti(sys6(302, 0, 9, 0, (long)lim, 0, 0)); nl();
    puts_("RLIMIT_AS MiB "); putu(lim[0] >> 20); puts_(" "); putu(lim[1] >> 20); nl();
    puts_("munmap "); puti(sys_munmap(a, 40UL << 20)); nl();
    u8 *c = sys_mmap(0, 32UL << 20, 3, 0x22);
    puts_("then 32 MiB ok "); puti((long)c > 0); nl();
    c[0] = 5;
    return 0;
}
