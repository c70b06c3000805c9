/* A SIGURG handler injects a call the way a Go runtime's pushCall does: it pushes the
 * interrupted rip on the interrupted stack and sets rip to a function that, when it returns,
 * resumes the interrupted code. The handler also edits rax. */
#include "ksys.h"

static volatile u64 injected_calls;
static volatile u64 spin;

void injected(void);
__asm__(".text\n.align 16\ninjected:\n\t"
        "pushfq\n\tpush %rax\n\t"
        "lock incq injected_calls(%rip)\n\t"
        "pop %rax\n\tpopfq\n\tret\n");

static void handler(int sig, struct ksiginfo *si, void *uc) {
    (void)sig;
    (void)si;
    u64 *rsp = uc_reg(uc, UC_RSP);
    u64 *rip = uc_reg(uc, UC_RIP);
    *rsp -= 8;
    *(u64 *)*rsp = *rip;
    *rip = (u64)injected;
}

static void set_rax_handler(int sig, struct ksiginfo *si, void *uc) {
    (void)sig;
    (void)si;
    *uc_reg(uc, UC_RAX) = 1234;
}

int kmain(u64 *sp) {
    (void)sp;
    sigaction_(23, handler, SA_RESTART);
    int pid = sys3(SYS_getpid, 0, 0, 0);
    int tid = sys3(SYS_gettid, 0, 0, 0);
    for (int i = 0; i < 5; i++) {
        sys3(SYS_tgkill, pid, tid, 23);
        spin++;
    }
    kv("injected", injected_calls);
    kv("spin", spin);
    /* a handler that edits rax changes what the interrupted syscall appears to return */
    sigaction_(10, set_rax_handler, 0);
    i64 r = sys3(SYS_tgkill, pid, tid, 10);
    kv("tgkill_result_seen", r);
    exit_group(0);
}
