/* gmpvm runs one process: a fork-style clone (no CLONE_VM|CLONE_THREAD) is refused with
 * -ENOSYS and a clear log line, and the program carries on. Emulator-only (natively it forks). */
#include "ksys.h"

int kmain(u64 *sp) {
    (void)sp;
    kv("fork_clone", sys6(SYS_clone, 17 /* SIGCHLD */, 0, 0, 0, 0, 0));
    kv("vm_without_thread", sys6(SYS_clone, CLONE_VM | 17, 0, 0, 0, 0, 0));
    return 0;
}
