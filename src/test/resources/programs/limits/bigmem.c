/* Maps and touches 1,008 MiB, checks every page kept its byte, then asks for 64 MiB more by mmap
 * and by brk: past a 1 GiB limit on mapped memory (gmpvm's default --mem, or Linux's
 * RLIMIT_AS=1G) both are refused. Exit 0 when all of that held. */
#include "../c/sys.h"
int main(int argc, char **argv, char **envp) {
    const u64 size = 1008UL << 20;
    volatile u8 *b = sys_mmap(0, size, 3, 0x22);
    if ((long)b < 0) { puts_("mmap 1008 MiB failed "); puti((long)b); nl(); return 1; }
    for (u64 o = 0; o < size; o += 4096) b[o] = (u8)(o >> 12);
    u64 sum = 0, want = 0;
    for (u64 o = 0; o < size; o += 4096) sum += b[o];
    for (u64 o = 0; o < size; o += 4096) want += (u8)(o >> 12);
    if (sum != want) { puts_("bytes lost"); nl(); return 1; }
    puts_("touched 1008 MiB"); nl();
    long more = (long)sys_mmap(0, 64UL << 20, 3, 0x22);
    puts_("mmap 64 MiB more "); puti(more); nl();
    char *b0 = (char *)sys_brk(0);
    char *b1 = (char *)sys_brk(b0 + (64L << 20));
    puts_("brk grew "); puti(b1 - b0); nl();
    return more == -12 && b1 == b0 ? 0 : 1;
}
