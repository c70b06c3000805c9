/* lines.c: a program whose line table has several files (a header in another directory, a
 * second unit), inlined calls and loops, for the .debug_line reader's agreement tests. */
#include <stdio.h>
#include "lib/square.h"

int table(int n);

static int mix(int a, int b) {
    int r = 0;
    for (int i = 0; i < a; i++) {
        r += square(i) ^ b;
    }
    return r;
}

int main(int argc, char **argv) {
    int s = mix(argc + 5, 3);
    s += table(argc);
    printf("%d\n", s);
    return s == 0;
}
