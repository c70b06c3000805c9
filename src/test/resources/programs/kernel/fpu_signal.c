/* The FPU state across a signal, as Linux handles it: the frame's fpstate holds the interrupted
 * code's x87 control/status words and MXCSR; the handler starts with the default state (FCW
 * 0x37f, MXCSR 0x1f80); rt_sigreturn restores what the frame holds, edits included. */
#include "ksys.h"

#define SYS_tgkill_ 234
static unsigned h_cw, h_mxcsr, f_cw, f_mxcsr;

static void handler(int sig, struct ksiginfo *si, void *uc) {
    (void)sig; (void)si;
    unsigned short cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    h_cw = cw;
    __asm__ volatile("stmxcsr %0" : "=m"(h_mxcsr));
    char *fp = *(char **)((char *)uc + 40 + 184); /* uc_mcontext.fpregs */
    f_cw = *(unsigned short *)fp;
    f_mxcsr = *(unsigned *)(fp + 24);
    /* an edit of the saved state: rt_sigreturn must restore it */
    *(unsigned short *)fp = 0x7f;          /* round to nearest, single precision */
    *(unsigned *)(fp + 24) = 0x1f80 | (1 << 13); /* MXCSR round down */
}

int kmain(u64 *sp) {
    (void)sp;
    sigaction_(10, handler, 0);
    unsigned short cw = 0x27f;             /* x87: double precision */
    unsigned mx = 0x1f80 | (3 << 13);      /* MXCSR: round toward zero */
    __asm__ volatile("fldcw %0" :: "m"(cw));
    __asm__ volatile("ldmxcsr %0" :: "m"(mx));
    int tid = sys3(SYS_gettid, 0, 0, 0);
    sys3(SYS_tgkill_, sys3(SYS_getpid, 0, 0, 0), tid, 10);
    unsigned short after_cw;
    unsigned after_mx;
    __asm__ volatile("fnstcw %0" : "=m"(after_cw));
    __asm__ volatile("stmxcsr %0" : "=m"(after_mx));
    puts_("handler fcw "); putx(h_cw); puts_(" mxcsr "); putx(h_mxcsr); puts_("\n");
    puts_("frame fcw "); putx(f_cw); puts_(" mxcsr "); putx(f_mxcsr); puts_("\n");
    puts_("after fcw "); putx(after_cw); puts_(" mxcsr "); putx(after_mx); puts_("\n");
    return 0;
}
