/* table.c: the second unit of lines.c's program. */
#include "square.h"

int table(int n) {
    int t = 0;
    switch (n) {
    case 1:
        t = square(n + 1);
        break;
    case 2:
        t = 7;
        break;
    default:
        t = -n;
    }
    return t;
}
