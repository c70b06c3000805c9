/* Dies the way argv[1] says: ud2 (SIGILL), int3 (SIGTRAP), hlt (SIGSEGV), div0 (SIGFPE), store
 * to read-only memory (SIGSEGV/SEGV_ACCERR); "x" prints AT_RANDOM and getrandom bytes; "mix" writes to stdout and stderr alternately. */
/* args: mix */
#include "sys.h"
static const int ro = 5;
int main(int argc, char **argv, char **envp) {
    const char *w = argc > 1 ? argv[1] : "";
    if (w[0] == 'u') __asm__ volatile("ud2");
    if (w[0] == 'i') __asm__ volatile("int3");
    if (w[0] == 'h') __asm__ volatile("hlt");
    if (w[0] == 'd') { volatile int z = 0; return 100 / z; }
    if (w[0] == 'x') { /* the AT_RANDOM bytes, then 8 from getrandom */
        char **e = envp; while (*e) e++;
        for (u64 *aux = (u64 *)(e + 1); aux[0]; aux += 2)
            if (aux[0] == 25) { u8 *p = (u8 *)aux[1]; for (int i = 0; i < 16; i++) putx(p[i]); }
        u64 r = 0; sys3(318, (long)&r, 8, 0); putc_(' '); putx(r); nl();
    }
    if (w[0] == 'r') { *(volatile int *)&ro = 6; }
    if (w[0] == 'm') {
        for (int i = 0; i < 3; i++) { sys_write(1, "out ", 4); sys_write(2, "err ", 4); }
        sys_write(1, "\n", 1);
    }
    return 0;
}
