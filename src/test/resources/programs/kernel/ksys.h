/* Raw Linux x86-64 system calls, threads and printing for the kernel-layer test programs
 * (built with gcc -O2 -static -nostdlib; no C library). */
#ifndef KSYS_H
#define KSYS_H

typedef unsigned long u64;
typedef long i64;

#define SYS_read 0
#define SYS_write 1
#define SYS_mmap 9
#define SYS_munmap 11
#define SYS_rt_sigaction 13
#define SYS_rt_sigprocmask 14
#define SYS_rt_sigreturn 15
#define SYS_sched_yield 24
#define SYS_nanosleep 35
#define SYS_getpid 39
#define SYS_clone 56
#define SYS_exit 60
#define SYS_kill 62
#define SYS_sigaltstack 131
#define SYS_gettid 186
#define SYS_tkill 200
#define SYS_futex 202
#define SYS_clock_gettime 228
#define SYS_clock_nanosleep 230
#define SYS_exit_group 231
#define SYS_tgkill 234

static inline i64 sys6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
    register i64 r10 __asm__("r10") = d;
    register i64 r8 __asm__("r8") = e;
    register i64 r9 __asm__("r9") = f;
    i64 ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}
#define sys3(n, a, b, c) sys6(n, (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), 0, 0)

/* The process entry: aligns the stack as a C function expects and calls kmain(initial sp). */
int kmain(u64 *sp);
__asm__(".text\n.globl _start\n_start:\n\txor %ebp, %ebp\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n\t"
        "call kmain\n\tmov %eax, %edi\n\tmov $231, %eax\n\tsyscall\n\thlt\n");

static void exit_group(int code) {
    sys3(SYS_exit_group, code, 0, 0);
    __builtin_unreachable();
}

__attribute__((optimize("no-tree-loop-distribute-patterns")))
static u64 slen(const char *s) {
    u64 n = 0;
    while (s[n]) n++;
    return n;
}
static void puts_(const char *s) { sys3(SYS_write, 1, s, slen(s)); }
static void putu(u64 v) {
    char buf[24];
    int i = 23;
    buf[i] = 0;
    do { buf[--i] = '0' + v % 10; v /= 10; } while (v);
    puts_(buf + i);
}
static void puti(i64 v) {
    if (v < 0) { puts_("-"); putu(-(u64)v); } else putu(v);
}
static void putx(u64 v) {
    char buf[19];
    int i = 18;
    buf[i] = 0;
    do { buf[--i] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
    buf[--i] = 'x';
    buf[--i] = '0';
    puts_(buf + i);
}
static void kv(const char *k, i64 v) { puts_(k); puts_("="); puti(v); puts_("\n"); }

/* ---- memory */
static void *map_anon(u64 size) {
    return (void *)sys6(SYS_mmap, 0, size, 3 /*RW*/, 0x22 /*PRIVATE|ANON*/, -1, 0);
}

/* ---- futex */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE 128
struct ktimespec { i64 sec, nsec; };

static i64 futex_wait(int *addr, int val, struct ktimespec *ts) {
    return sys6(SYS_futex, (i64)addr, FUTEX_WAIT | FUTEX_PRIVATE, val, (i64)ts, 0, 0);
}
static i64 futex_wake(int *addr, int n) {
    return sys6(SYS_futex, (i64)addr, FUTEX_WAKE | FUTEX_PRIVATE, n, 0, 0, 0);
}

/* A three-state futex mutex: 0 unlocked, 1 locked, 2 locked with waiters. */
static void mutex_lock(int *m) {
    int c = __sync_val_compare_and_swap(m, 0, 1);
    if (c == 0) return;
    if (c != 2) c = __atomic_exchange_n(m, 2, __ATOMIC_SEQ_CST);
    while (c != 0) {
        futex_wait(m, 2, 0);
        c = __atomic_exchange_n(m, 2, __ATOMIC_SEQ_CST);
    }
}
static void mutex_unlock(int *m) {
    if (__atomic_fetch_sub(m, 1, __ATOMIC_SEQ_CST) != 1) {
        __atomic_store_n(m, 0, __ATOMIC_SEQ_CST);
        futex_wake(m, 1);
    }
}

/* ---- threads: clone with the thread flags; the child runs fn(arg) then exits. */
#define CLONE_VM 0x100
#define CLONE_FS 0x200
#define CLONE_FILES 0x400
#define CLONE_SIGHAND 0x800
#define CLONE_THREAD 0x10000
#define CLONE_SYSVSEM 0x40000
#define CLONE_PARENT_SETTID 0x100000
#define CLONE_CHILD_CLEARTID 0x200000
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM \
                      | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

struct thread {
    int tid; /* set by the kernel at creation, cleared and futex-woken at exit */
    void (*fn)(void *);
    void *arg;
};

static i64 thread_start(struct thread *t, void (*fn)(void *), void *arg, u64 stack_size) {
    char *stack = map_anon(stack_size);
    u64 *sp = (u64 *)(stack + stack_size);
    *--sp = (u64)t;
    t->fn = fn;
    t->arg = arg;
    register i64 r10 __asm__("r10") = (i64)&t->tid;
    register i64 r8 __asm__("r8") = 0;
    i64 ret;
    __asm__ volatile(
        "syscall\n\t"
        "test %%rax, %%rax\n\t"
        "jnz 1f\n\t"
        /* child: the thread pointer is on top of the new stack */
        "pop %%rdi\n\t"
        "mov 16(%%rdi), %%rax\n\t"
        "mov 8(%%rdi), %%rcx\n\t"
        "mov %%rax, %%rdi\n\t"
        "and $-16, %%rsp\n\t"
        "call *%%rcx\n\t"
        "mov $60, %%eax\n\t"
        "xor %%edi, %%edi\n\t"
        "syscall\n\t"
        "hlt\n"
        "1:"
        : "=a"(ret)
        : "a"(SYS_clone), "D"(THREAD_FLAGS), "S"(sp), "d"(&t->tid), "r"(r10), "r"(r8)
        : "rcx", "r11", "memory");
    return ret;
}

/* Waits until the kernel clears the tid at thread exit. The exit wake-up is a shared futex
 * wake, so the wait must not be FUTEX_PRIVATE. */
static void thread_join(struct thread *t) {
    for (;;) {
        int v = __atomic_load_n(&t->tid, __ATOMIC_SEQ_CST);
        if (v == 0) return;
        sys6(SYS_futex, (i64)&t->tid, FUTEX_WAIT, v, 0, 0, 0);
    }
}

/* ---- signals */
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTORER 0x04000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000

struct ksigaction {
    void *handler;
    u64 flags;
    void *restorer;
    u64 mask;
};

struct ksiginfo {
    int signo, errno_, code, pad;
    u64 addr; /* or pid, uid */
    char rest[96];
};

/* offsets in the ucontext */
#define UC_RSP 0xa0
#define UC_RIP 0xa8
#define UC_RAX (40 + 104)
#define UC_EFLAGS 0xb0

void restorer(void);
__asm__(".text\n.align 16\nrestorer:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");

static i64 sigaction_(int sig, void (*h)(int, struct ksiginfo *, void *), u64 flags) {
    struct ksigaction sa = {(void *)h, flags | SA_SIGINFO | SA_RESTORER, (void *)restorer, 0};
    return sys4(SYS_rt_sigaction, sig, &sa, 0, 8);
}

static u64 *uc_reg(void *uc, int off) { return (u64 *)((char *)uc + off); }

#endif
