/* Reads stdin to the end, then writes it back reversed line by line, and counts bytes. */
/* stdin: first line\nsecond line\n\nlast line without newline */
#include "sys.h"
static char buf[8192];
int main(int argc, char **argv, char **envp) {
    long n = 0, r;
    while ((r = sys_read(0, buf + n, sizeof buf - n)) > 0) n += r;
    long start = 0;
    for (long i = 0; i <= n; i++) {
        if (i == n || buf[i] == '\n') {
            for (long j = i - 1; j >= start; j--) putc_(buf[j]);
            nl(); start = i + 1;
        }
    }
    puts_("bytes "); puti(n); nl();
    puts_("read bad fd "); puti(sys_read(1, buf, 1)); nl();
    return 0;
}
