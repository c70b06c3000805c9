/* Shared header of the whole-program tests: raw Linux syscalls, _start, and the few library
 * routines gcc may call (memcpy, memset, memmove, memcmp), for programs built with
 * gcc -O2 -static -nostdlib. */
#ifndef SYS_H
#define SYS_H
typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long u64;
typedef signed char i8;
typedef short i16;
typedef int i32;
typedef long i64;

static inline long sys1(long n, long a) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
    return r;
}
static inline long sys3(long n, long a, long b, long c) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
static inline long sys6(long n, long a, long b, long c, long d, long e, long f) {
    long r;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return r;
}

static inline long sys_write(int fd, const void *p, size_t n) { return sys3(1, fd, (long)p, n); }
static inline long sys_read(int fd, void *p, size_t n) { return sys3(0, fd, (long)p, n); }
static inline void *sys_mmap(void *a, size_t n, int prot, int flags) { return (void *)sys6(9, (long)a, n, prot, flags, -1, 0); }
static inline long sys_munmap(void *a, size_t n) { return sys3(11, (long)a, n, 0); }
static inline long sys_brk(void *a) { return sys1(12, (long)a); }
static inline __attribute__((noreturn)) void sys_exit(int code) {
    for (;;) sys1(231, code);
}

void *memcpy(void *d, const void *s, size_t n) {
    u8 *dd = d; const u8 *ss = s;
    while (n--) *dd++ = *ss++;
    return d;
}
void *memmove(void *d, const void *s, size_t n) {
    u8 *dd = d; const u8 *ss = s;
    if (dd < ss) { while (n--) *dd++ = *ss++; }
    else { while (n--) dd[n] = ss[n]; }
    return d;
}
void *memset(void *d, int c, size_t n) {
    u8 *dd = d;
    while (n--) *dd++ = (u8)c;
    return d;
}
int memcmp(const void *a, const void *b, size_t n) {
    const u8 *x = a, *y = b;
    for (; n; n--, x++, y++) if (*x != *y) return *x - *y;
    return 0;
}
static size_t slen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

/* a small buffered stdout */
static char obuf[4096];
static size_t olen;
static void flush(void) { if (olen) { sys_write(1, obuf, olen); olen = 0; } }
static void putc_(char c) { if (olen == sizeof obuf) flush(); obuf[olen++] = c; }
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void putu(u64 v) { char b[24]; int i = 0; do { b[i++] = '0' + v % 10; v /= 10; } while (v); while (i) putc_(b[--i]); }
static void puti(i64 v) { if (v < 0) { putc_('-'); putu(-(u64)v); } else putu(v); }
static void putx(u64 v) { char b[17]; int i = 0; do { b[i++] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v); while (i) putc_(b[--i]); }
static void nl(void) { putc_('\n'); }

int main(int argc, char **argv, char **envp);

__attribute__((used)) void start_c(long *sp) {
    int argc = (int)sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;
    int r = main(argc, argv, envp);
    flush();
    sys_exit(r);
}
__asm__(".text\n.globl _start\n_start:\n xor %ebp,%ebp\n mov %rsp,%rdi\n and $-16,%rsp\n call start_c\n hlt\n");
#endif
