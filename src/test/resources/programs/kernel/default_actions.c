/* Default signal actions as Linux: SIGURG and SIGCHLD are ignored, SIGUSR1 ends the process
 * (status 128 + 10). */
#include "ksys.h"

int kmain(u64 *sp) {
    (void)sp;
    int pid = sys3(SYS_getpid, 0, 0, 0);
    int tid = sys3(SYS_gettid, 0, 0, 0);
    kv("urg", sys3(SYS_tgkill, pid, tid, 23));
    kv("chld", sys3(SYS_kill, pid, 17, 0));
    puts_("still running\n");
    sys3(SYS_tgkill, pid, tid, 10);
    puts_("unreachable\n");
    return 0;
}
