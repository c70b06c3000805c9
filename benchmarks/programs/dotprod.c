/* Floating-point whole-process benchmark: a double-precision dot product over two 4096-element
 * arrays, repeated (gcc -O3 -static -nostdlib; without -ffast-math the reduction stays scalar
 * MULSD/ADDSD, as C's evaluation order requires). Exit status: low bits of the result. */
#define N 4096
#define REPS 20000
static double x[N], y[N];
static void sys_exit(long code) {
    __asm__ volatile("syscall" :: "a"(231), "D"(code) : "rcx", "r11", "memory");
    __builtin_unreachable();
}
void _start(void) {
    for (int i = 0; i < N; i++) {
        x[i] = (double) (i % 97) * 0.5;
        y[i] = 1.0 / (double) (i + 1);
    }
    double s = 0;
    for (int r = 0; r < REPS; r++) {
        for (int i = 0; i < N; i++) {
            s += x[i] * y[i];
        }
        __asm__ volatile("" : "+x"(s));
    }
    sys_exit((long) s & 0x7f);
}
