/* Memory system calls: brk growth and shrink, anonymous mmap and munmap, use of the memory. */
/* cflags: -fno-tree-vectorize */
#include "sys.h"
int main(int argc, char **argv, char **envp) {
    char *b0 = (char *)sys_brk(0);
    char *b1 = (char *)sys_brk(b0 + 100000);
    puts_("brk grew "); puti(b1 - b0); nl();
    for (int i = 0; i < 100000; i++) b0[i] = (char)i;
    u64 s = 0; for (int i = 0; i < 100000; i++) s += (u8)b0[i];
    puts_("brk sum "); putu(s); nl();
    char *b2 = (char *)sys_brk(b0 + 5000);
    puts_("brk shrank "); puti(b2 - b0); nl();
    puts_("brk below start refused "); puti((char *)sys_brk(b0 - 4096) == b2); nl();
    u64 *m = sys_mmap(0, 1 << 20, 3, 0x22);
    puts_("mmap ok "); puti((long)m > 0 && ((u64)m & 4095) == 0); nl();
    for (u64 i = 0; i < (1 << 17); i++) m[i] = i * i;
    u64 t = 0; for (u64 i = 0; i < (1 << 17); i += 1000) t += m[i];
    puts_("mmap sum "); putu(t); nl();
    u64 *m2 = sys_mmap(0, 8192, 3, 0x22);
    puts_("second below first "); puti(m2 < m); nl();
    puts_("zeroed "); puti(m2[0] == 0 && m2[1023] == 0); nl();
    puts_("munmap "); puti(sys_munmap(m, 1 << 20)); nl();
    puts_("munmap unaligned "); puti(sys_munmap((char *)m2 + 1, 10)); nl();
    puts_("mmap len 0 "); puti((long)sys_mmap(0, 0, 3, 0x22)); nl();
    puts_("write bad buffer "); puti(sys_write(1, (void *)16, 10)); nl();
    puts_("write bad fd "); puti(sys_write(9, "x", 1)); nl();
    return 7;
}
