/* A call-heavy loop with loads and stores through a 32 KiB array (about 555 million instructions
 * at N = 15,000,000), built with gcc -O2 -static -nostdlib -fno-tree-vectorize. */
#define N 15000000L
static void sys_exit(long code) {
    __asm__ volatile("syscall" :: "a"(231), "D"(code) : "rcx", "r11", "memory");
    __builtin_unreachable();
}
static unsigned long arr[4096];
__attribute__((noinline)) static unsigned long mix(unsigned long a, unsigned long b) {
    return (a * 31) ^ (b >> 3) ^ (a << 7);
}
void _start(void) {
    unsigned long h = 1;
    for (long i = 0; i < N; i++) {
        unsigned long idx = (h >> 11) & 4095;
        arr[idx] += mix(h, i);
        h = mix(h, arr[(idx * 7) & 4095]) + i;
        if (h & 1) h ^= 0x9e3779b97f4a7c15UL; else h += arr[i & 4095];
    }
    sys_exit(h & 0x7f);
}
