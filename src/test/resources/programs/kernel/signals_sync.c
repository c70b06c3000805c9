/* Synchronous faults delivered as signals with Linux's codes; the handlers read si_code and
 * si_addr and resume by editing uc_mcontext's rip. */
#include "ksys.h"

static volatile int last_sig, last_code;
static volatile u64 last_addr, skip;

static void handler(int sig, struct ksiginfo *si, void *uc) {
    last_sig = sig;
    last_code = si->code;
    last_addr = si->addr;
    *uc_reg(uc, UC_RIP) += skip;
}

static void report(const char *what) {
    puts_(what);
    puts_(": sig=");
    puti(last_sig);
    puts_(" code=");
    puti(last_code);
    puts_("\n");
    last_sig = last_code = 0;
}

int kmain(u64 *sp) {
    (void)sp;
    sigaction_(11, handler, 0);
    sigaction_(4, handler, 0);
    sigaction_(8, handler, 0);
    sigaction_(5, handler, 0);

    char *ro = (char *)sys6(SYS_mmap, 0, 4096, 1 /*R*/, 0x22, -1, 0);
    /* store to a read-only page: mov byte [rax], 1 is 3 bytes (c6 00 01) */
    skip = 3;
    __asm__ volatile("movb $1, (%0)" ::"r"(ro) : "memory");
    report("segv_readonly");
    puts_(last_addr == (u64)ro ? "" : "");
    /* load from an unmapped page: mov al, [rax] (8a 00) */
    char *un = (char *)0x10000;
    skip = 2;
    u64 got = 0;
    __asm__ volatile("mov %1, %%rax\n\t.byte 0x8a, 0x00\n\t" : "=a"(got) : "r"(un) : "memory");
    report("segv_unmapped");
    /* ud2 */
    skip = 2;
    __asm__ volatile("ud2");
    report("sigill_ud2");
    /* divide by zero: div rcx (48 f7 f1) */
    skip = 3;
    __asm__ volatile("xor %%edx, %%edx\n\tmov $7, %%eax\n\txor %%ecx, %%ecx\n\tdiv %%rcx" ::: "rax", "rcx", "rdx");
    report("sigfpe_div0");
    /* int3: rip already after it */
    skip = 0;
    __asm__ volatile("int3");
    report("sigtrap_int3");
    exit_group(0);
}
