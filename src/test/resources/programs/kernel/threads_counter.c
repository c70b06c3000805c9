/* Four threads add to shared counters: one under a futex mutex, one with LOCK XADD, one with
 * LOCK CMPXCHG loops. Joined through CLONE_CHILD_CLEARTID. */
#include "ksys.h"

#define THREADS 4
#define ROUNDS 20000

static int mutex;
static u64 guarded;
static u64 atomic_sum;
static u64 cas_sum;

static void worker(void *arg) {
    u64 id = (u64)arg;
    for (int i = 0; i < ROUNDS; i++) {
        mutex_lock(&mutex);
        guarded += id + 1;
        mutex_unlock(&mutex);
        __atomic_fetch_add(&atomic_sum, 2, __ATOMIC_SEQ_CST);
        u64 old = __atomic_load_n(&cas_sum, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_sum, &old, old + 3, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
        }
        if ((i & 1023) == 0) sys3(SYS_sched_yield, 0, 0, 0);
    }
}

int kmain(u64 *sp) {
    (void)sp;
    static struct thread t[THREADS];
    for (u64 k = 0; k < THREADS; k++) {
        if (thread_start(&t[k], worker, (void *)k, 65536) <= 0) {
            puts_("clone failed\n");
            exit_group(1);
        }
    }
    for (int k = 0; k < THREADS; k++) thread_join(&t[k]);
    kv("guarded", guarded);
    kv("atomic", atomic_sum);
    kv("cas", cas_sum);
    kv("tids_cleared", t[0].tid == 0 && t[3].tid == 0);
    exit_group(guarded == (u64)ROUNDS * (1 + 2 + 3 + 4) ? 0 : 3);
}
