/* The smallest program: one write, exit 0. */
#include "sys.h"
int main(int argc, char **argv, char **envp) {
    puts_("hello, world\n");
    return 0;
}
