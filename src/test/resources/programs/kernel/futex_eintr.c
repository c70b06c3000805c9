/* A signal interrupts a thread sleeping in FUTEX_WAIT: with a handler installed without
 * SA_RESTART the wait returns -EINTR; the handler ran on the waiting thread. */
#include "ksys.h"

static int word;
static volatile int waiter_tid, eintr_seen, handled_in_waiter;

static void handler(int sig, struct ksiginfo *si, void *uc) {
    (void)sig;
    (void)si;
    (void)uc;
    handled_in_waiter = sys3(SYS_gettid, 0, 0, 0) == waiter_tid;
}

static void waiter(void *arg) {
    (void)arg;
    waiter_tid = sys3(SYS_gettid, 0, 0, 0);
    for (;;) {
        i64 r = futex_wait(&word, 0, 0);
        if (r == -4) {
            eintr_seen = 1;
            return;
        }
    }
}

int kmain(u64 *sp) {
    (void)sp;
    sigaction_(12, handler, 0);
    static struct thread t;
    thread_start(&t, waiter, 0, 65536);
    while (!waiter_tid) sys3(SYS_sched_yield, 0, 0, 0);
    struct ktimespec ms = {0, 1000000};
    int pid = sys3(SYS_getpid, 0, 0, 0);
    while (!eintr_seen) {
        sys3(SYS_nanosleep, &ms, 0, 0);
        sys3(SYS_tgkill, pid, waiter_tid, 12);
    }
    thread_join(&t);
    kv("eintr", eintr_seen);
    kv("handled_in_waiter", handled_in_waiter);
    return 0;
}
