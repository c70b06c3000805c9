/* A null-pointer load after some output: dies of SIGSEGV (status 139) with the output flushed. */
#include "sys.h"
__attribute__((noinline)) int deref(volatile int *p) { return *p; }
int main(int argc, char **argv, char **envp) {
    puts_("before the fault\n");
    flush();
    volatile long zero = 0;
    return deref((volatile int *)zero);
}
