/* glibc's string and conversion functions (its SSE2 variants, chosen by CPUID at startup),
 * getenv, strtol, snprintf with many conversions, and malloc/realloc/free churn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
int main(int argc, char **argv) {
    static char text[4096];
    size_t n = 0;
    for (int i = 0; n < sizeof text - 64; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "word%d %s|%5.2s|%-4x;", i * 37 % 101, i % 3 ? "alpha" : "beta", "xyz", i);
    printf("len %zu strlen %zu\n", n, strlen(text));
    const char *needles[] = {"word55", "beta|", "zz", "|xy |", "word100 alpha", "nothere"};
    for (int i = 0; i < 6; i++) {
        const char *p = strstr(text, needles[i]);
        printf("strstr %s -> %ld\n", needles[i], p ? (long)(p - text) : -1L);
    }
    printf("strchr %ld strrchr %ld memchr %ld\n", (long)(strchr(text, ';') - text), (long)(strrchr(text, 'w') - text),
           (long)((char *)memchr(text, '|', n) - text));
    printf("strcmp %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("abc", "abc"), strcmp("b", "abc") > 0);
    printf("strncmp %d memcmp %d\n", strncmp(text, text + 1, 20) != 0, memcmp(text, text, n));
    printf("strspn %zu strcspn %zu\n", strspn(text, "word0123456789"), strcspn(text, "|"));
    char *copy = strdup(text);
    for (char *c = copy; *c; c++) *c = (char)toupper((unsigned char)*c);
    printf("upper %.40s\n", copy);
    free(copy);
    long total = 0;
    char *end;
    for (const char *p = text; *p; p = end) {
        while (*p && !isdigit((unsigned char)*p)) p++;
        if (!*p) break;
        total += strtol(p, &end, 10);
    }
    printf("sum of numbers %ld\n", total);
    const char *home = getenv("HOME");
    printf("HOME=%s MISSING=%s\n", home ? home : "(none)", getenv("MISSING") ? "set" : "(none)");
    void *blocks[64] = {0};
    unsigned long seed = 1;
    for (int i = 0; i < 2000; i++) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        int k = (int)(seed >> 58);
        size_t sz = (seed >> 20) % 3000 + 1;
        if (blocks[k] && (seed & 1)) { free(blocks[k]); blocks[k] = NULL; }
        else { blocks[k] = realloc(blocks[k], sz); memset(blocks[k], k, sz); }
    }
    for (int k = 0; k < 64; k++) free(blocks[k]);
    printf("%+05d|%-6ld|%#o|%#x|%c|%5s|%%|%lu\n", 42, -17L, 8, 255, 'q', "ab", (unsigned long)-1);
    return (int)(total % 200);
}
