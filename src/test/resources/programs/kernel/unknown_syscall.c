/* System calls Linux does not have return -ENOSYS, and the program carries on. */
#include "ksys.h"

int kmain(u64 *sp) {
    (void)sp;
    kv("syscall_999", sys3(999, 1, 2, 3));
    kv("syscall_999_again", sys3(999, 0, 0, 0));
    kv("syscall_1000", sys3(1000, 0, 0, 0));
    kv("negative", sys3(-5L, 0, 0, 0));
    return 0;
}
