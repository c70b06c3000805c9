/* A handler clobbers XMM registers; rt_sigreturn must restore the interrupted thread's. */
#include "ksys.h"

static void handler(int sig, struct ksiginfo *si, void *uc) {
    (void)sig;
    (void)si;
    (void)uc;
    __asm__ volatile("pcmpeqd %%xmm0, %%xmm0\n\tpcmpeqd %%xmm7, %%xmm7\n\tpcmpeqd %%xmm15, %%xmm15" ::: "xmm0", "xmm7", "xmm15");
}

int kmain(u64 *sp) {
    (void)sp;
    sigaction_(10, handler, 0);
    int pid = sys3(SYS_getpid, 0, 0, 0);
    int tid = sys3(SYS_gettid, 0, 0, 0);
    u64 in[6] = {0x1122334455667788UL, 0x99aabbccddeeff00UL, 0x0123456789abcdefUL, 0xfedcba9876543210UL, 42, 43};
    u64 out[6];
    register i64 rax __asm__("rax") = SYS_tgkill;
    register i64 rdi __asm__("rdi") = pid;
    register i64 rsi __asm__("rsi") = tid;
    register i64 rdx __asm__("rdx") = 10;
    __asm__ volatile(
        "movdqu 0(%[in]), %%xmm0\n\t"
        "movdqu 16(%[in]), %%xmm7\n\t"
        "movdqu 32(%[in]), %%xmm15\n\t"
        "syscall\n\t"
        "movdqu %%xmm0, 0(%[out])\n\t"
        "movdqu %%xmm7, 16(%[out])\n\t"
        "movdqu %%xmm15, 32(%[out])\n\t"
        : "+r"(rax)
        : [in] "r"(in), [out] "r"(out), "r"(rdi), "r"(rsi), "r"(rdx)
        : "rcx", "r11", "memory", "xmm0", "xmm7", "xmm15");
    int same = 1;
    for (int i = 0; i < 6; i++) same &= in[i] == out[i];
    kv("xmm_restored", same);
    exit_group(same ? 0 : 1);
}
