/* Linux's answers on error paths that programs rarely take: futexes on unmapped memory (shared
 * ones are looked up through the page tables, private ones are not), MAP_FIXED_NOREPLACE over a
 * mapping, prlimit64 with bad pointers, and clone whose parent-tid pointer is bad (the thread is
 * created all the same). Only results are printed. */
#include "ksys.h"

#define SYS_prlimit64 302
#define FUTEX_REQUEUE 3
#define MAP_FIXED_NOREPLACE 0x100000

static volatile int ran;

static void child(void *arg) {
    (void)arg;
    __atomic_store_n(&ran, 1, __ATOMIC_SEQ_CST);
}

int kmain(u64 *sp) {
    (void)sp;
    i64 unmapped = 0x10000;
    kv("futex_wake_shared_unmapped", sys6(SYS_futex, unmapped, FUTEX_WAKE, 1, 0, 0, 0));
    kv("futex_wake_private_unmapped", sys6(SYS_futex, unmapped, FUTEX_WAKE | FUTEX_PRIVATE, 1, 0, 0, 0));
    kv("futex_requeue_shared_unmapped", sys6(SYS_futex, unmapped, FUTEX_REQUEUE, 1, 1, unmapped + 8, 0));
    kv("futex_wake_misaligned", sys6(SYS_futex, unmapped + 1, FUTEX_WAKE, 1, 0, 0, 0));

    char *m = map_anon(8192);
    i64 r = sys6(SYS_mmap, (i64)m, 4096, 3, 0x22 | MAP_FIXED_NOREPLACE, -1, 0);
    kv("map_fixed_noreplace_over_mapping", r);
    kv("munmap", sys3(SYS_munmap, m + 4096, 4096, 0));
    r = sys6(SYS_mmap, (i64)(m + 4096), 4096, 3, 0x22 | MAP_FIXED_NOREPLACE, -1, 0);
    kv("map_fixed_noreplace_into_hole", r == (i64)(m + 4096));

    kv("prlimit64_bad_old", sys4(SYS_prlimit64, 0, 3, 0, unmapped));
    kv("prlimit64_bad_new", sys4(SYS_prlimit64, 0, 3, unmapped, 0));

    /* clone with CLONE_PARENT_SETTID pointing at unmapped memory */
    char *stack = map_anon(65536);
    u64 *csp = (u64 *)(stack + 65536);
    struct thread t;
    *--csp = (u64)&t;
    t.fn = child;
    t.arg = 0;
    register i64 r10 __asm__("r10") = 0;
    register i64 r8 __asm__("r8") = 0;
    i64 tid;
    __asm__ volatile(
        "syscall\n\t"
        "test %%rax, %%rax\n\t"
        "jnz 1f\n\t"
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
        : "=a"(tid)
        : "a"(SYS_clone), "D"(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM
                            | CLONE_PARENT_SETTID),
          "S"(csp), "d"(unmapped), "r"(r10), "r"(r8)
        : "rcx", "r11", "memory");
    kv("clone_bad_settid_made_thread", tid > 0);
    while (!__atomic_load_n(&ran, __ATOMIC_SEQ_CST)) {
        sys3(SYS_sched_yield, 0, 0, 0);
    }
    kv("child_ran", ran);
    exit_group(0);
}
