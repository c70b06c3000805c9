/* Integer division by zero: dies of SIGFPE (status 136). */
#include "sys.h"
__attribute__((noinline)) int divide(int a, int b) { return a / b; }
int main(int argc, char **argv, char **envp) {
    puts_("dividing\n");
    flush();
    return divide(argc, argc - 1);
}
