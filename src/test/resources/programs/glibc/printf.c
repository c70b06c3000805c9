/* An ordinary glibc program (gcc -O2 -static): printf, malloc, qsort, strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(int argc, char **argv) {
    printf("hello from glibc, argc=%d\n", argc);
    int *v = malloc(1000 * sizeof *v);
    for (int i = 0; i < 1000; i++) v[i] = (i * 7919) % 1009;
    qsort(v, 1000, sizeof *v, cmp);
    long s = 0;
    for (int i = 0; i < 1000; i++) s += (long)v[i] * i;
    printf("sorted: %d %d %d sum=%ld\n", v[0], v[500], v[999], s);
    char buf[64];
    snprintf(buf, sizeof buf, "%08d|%-6s|%x|%+.3s", -314, "ab", 48879, "xyzzy");
    printf("%s len=%zu\n", buf, strlen(buf));
    free(v);
    return 5;
}
