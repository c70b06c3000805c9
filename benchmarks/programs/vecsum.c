/* Packed-integer whole-process benchmark: a sum of 32-bit products over two 4096-element
 * arrays, repeated, which gcc -O3 vectorises with SSE2 (PMULUDQ/PSHUFD/PADDD on 16-byte
 * vectors; built -static -nostdlib). Exit status: low bits of the result. */
#define N 4096
#define REPS 40000
static int a[N], b[N];
static void sys_exit(long code) {
    __asm__ volatile("syscall" :: "a"(231), "D"(code) : "rcx", "r11", "memory");
    __builtin_unreachable();
}
void _start(void) {
    for (int i = 0; i < N; i++) {
        a[i] = i * 7 + 3;
        b[i] = (i ^ 0x55) - 100;
    }
    unsigned s = 0;
    for (int r = 0; r < REPS; r++) {
        for (int i = 0; i < N; i++) {
            s += (unsigned) (a[i] * b[i]);
        }
        __asm__ volatile("" : "+r"(s));
    }
    sys_exit(s & 0x7f);
}
