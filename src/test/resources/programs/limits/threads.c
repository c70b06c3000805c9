/* Threads created with raw clone and joined through CLONE_CHILD_CLEARTID and futex, as glibc's
 * pthread_join does. argv[1] "seq N": N threads one after another, each joined before the next
 * starts. argv[1] "live N": N threads alive at once, each waiting on one futex word until main
 * has created them all, then all woken and joined. Prints how many ran. */
#include "../c/sys.h"
#define CLONE_FLAGS 0x3d0f00 /* VM FS FILES SIGHAND THREAD SYSVSEM PARENT_SETTID CHILD_CLEARTID */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1

long spawn(long flags, void *stack, int *ptid, int *ctid, long tls);
__asm__(".text\n.globl spawn\nspawn:\n mov %rcx,%r10\n mov $56,%eax\n syscall\n test %rax,%rax\n jnz 1f\n"
        " pop %rax\n call *%rax\n mov $60,%eax\n xor %edi,%edi\n syscall\n1: ret\n");

static long futex(int *w, int op, int val) { return sys6(202, (long)w, op, val, 0, 0, 0); }

static volatile int ran;
static volatile int go;

static void body(void) { __atomic_add_fetch(&ran, 1, __ATOMIC_SEQ_CST); }
static void waiter(void) {
    __atomic_add_fetch(&ran, 1, __ATOMIC_SEQ_CST);
    while (!go) futex((int *)&go, FUTEX_WAIT, 0);
}

static void join(volatile int *tid) {
    int v;
    while ((v = *tid) != 0) futex((int *)tid, FUTEX_WAIT, v);
}

static void *stack_for(u8 *base, long size, void (*fn)(void)) {
    void **sp = (void **)(base + size - 8); /* 8 mod 16: after the pop, the call sees an aligned stack */
    *sp = (void *)fn;
    return sp;
}

static long number(const char *s) { long n = 0; while (*s >= '0' && *s <= '9') n = n * 10 + (*s++ - '0'); return n; }

int main(int argc, char **argv, char **envp) {
    if (argc < 3) return 2;
    long n = number(argv[2]);
    if (argv[1][0] == 's') {
        u8 *st = sys_mmap(0, 16384, 3, 0x22);
        static volatile int tid;
        for (long i = 0; i < n; i++) {
            if (spawn(CLONE_FLAGS, stack_for(st, 16384, body), (int *)&tid, (int *)&tid, 0) < 0) return 1;
            join(&tid);
        }
    } else {
        const long size = 4096;
        u8 *st = sys_mmap(0, n * size, 3, 0x22);
        int *tids = sys_mmap(0, n * sizeof(int), 3, 0x22);
        for (long i = 0; i < n; i++) {
            if (spawn(CLONE_FLAGS, stack_for(st + i * size, size, waiter), &tids[i], &tids[i], 0) < 0) return 1;
        }
        go = 1;
        futex((int *)&go, FUTEX_WAKE, 0x7fffffff);
        for (long i = 0; i < n; i++) join((volatile int *)&tids[i]);
    }
    puts_("threads ran "); puti(ran); nl();
    return 0;
}
