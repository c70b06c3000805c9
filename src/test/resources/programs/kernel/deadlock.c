/* Every thread blocks for good: the main thread joins a thread that waits on a futex nobody
 * wakes. Natively this hangs; the emulator must say so and exit non-zero. */
#include "ksys.h"

static int never;

static void waiter(void *arg) {
    (void)arg;
    futex_wait(&never, 0, 0);
}

int kmain(u64 *sp) {
    (void)sp;
    static struct thread t;
    thread_start(&t, waiter, 0, 65536);
    thread_join(&t);
    puts_("unreachable\n");
    return 1;
}
