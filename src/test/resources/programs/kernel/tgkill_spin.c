/* One thread spins in a tight loop; the main thread sends it SIGUSR1 with tgkill. The handler
 * runs on the spinning thread's alternate stack and stops the loop. */
#include "ksys.h"

static volatile int stop;
static volatile int spinner_tid;
static volatile int handled_on_altstack;
static volatile int handler_tid;
static char *alt;
static volatile u64 iterations;

#define ALT_SIZE 65536

static void handler(int sig, struct ksiginfo *si, void *uc) {
    (void)uc;
    char here;
    handled_on_altstack = &here >= alt && &here < alt + ALT_SIZE;
    handler_tid = sys3(SYS_gettid, 0, 0, 0);
    stop = sig == 10 && si->code == -6;
}

static void spinner(void *arg) {
    (void)arg;
    struct { void *sp; int flags; u64 size; } ss = {alt, 0, ALT_SIZE};
    sys3(SYS_sigaltstack, &ss, 0, 0);
    spinner_tid = sys3(SYS_gettid, 0, 0, 0);
    while (!stop) iterations++;
}

int kmain(u64 *sp) {
    (void)sp;
    alt = map_anon(ALT_SIZE);
    sigaction_(10, handler, SA_ONSTACK);
    static struct thread t;
    thread_start(&t, spinner, 0, 65536);
    while (!spinner_tid || iterations < 1000) sys3(SYS_sched_yield, 0, 0, 0);
    sys3(SYS_tgkill, sys3(SYS_getpid, 0, 0, 0), spinner_tid, 10);
    thread_join(&t);
    kv("stopped", stop);
    kv("on_altstack", handled_on_altstack);
    kv("in_spinner", handler_tid == spinner_tid);
    exit_group(0);
}
