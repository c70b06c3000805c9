/* A small printf-style formatter: %d %u %x %X %s %c %% with width, zero padding and left alignment. */
#include "sys.h"
#include <stdarg.h>
static int fmt(char *out, const char *f, ...) {
    va_list ap; va_start(ap, f); char *o = out;
    for (; *f; f++) {
        if (*f != '%') { *o++ = *f; continue; }
        f++;
        int left = 0, zero = 0, width = 0, lng = 0;
        if (*f == '-') { left = 1; f++; }
        if (*f == '0') { zero = 1; f++; }
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        if (*f == 'l') { lng = 1; f++; }
        char tmp[32]; int n = 0, neg = 0; const char *s = tmp;
        switch (*f) {
        case 'd': { i64 v = lng ? va_arg(ap, i64) : va_arg(ap, int); u64 u = v < 0 ? -(u64)v : (u64)v; neg = v < 0;
                    do { tmp[n++] = '0' + u % 10; u /= 10; } while (u); break; }
        case 'u': { u64 u = lng ? va_arg(ap, u64) : va_arg(ap, unsigned); do { tmp[n++] = '0' + u % 10; u /= 10; } while (u); break; }
        case 'x': case 'X': { u64 u = lng ? va_arg(ap, u64) : va_arg(ap, unsigned); const char *dig = *f == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
                    do { tmp[n++] = dig[u & 15]; u >>= 4; } while (u); break; }
        case 's': s = va_arg(ap, const char *); n = (int)slen(s); break;
        case 'c': tmp[0] = (char)va_arg(ap, int); n = 1; break;
        default: tmp[0] = '%'; n = 1; break;
        }
        int isnum = *f == 'd' || *f == 'u' || *f == 'x' || *f == 'X';
        int len = n + neg, pad = width > len ? width - len : 0;
        if (!left && !(zero && isnum)) while (pad-- > 0) *o++ = ' ';
        if (neg) *o++ = '-';
        if (!left && zero && isnum) while (pad-- > 0) *o++ = '0';
        if (isnum) while (n) *o++ = tmp[--n]; else for (int i = 0; i < n; i++) *o++ = s[i];
        if (left) while (pad-- > 0) *o++ = ' ';
    }
    *o = 0; va_end(ap); return (int)(o - out);
}
int main(int argc, char **argv, char **envp) {
    char buf[256];
    static const char *names[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
    for (int i = 0; i < 12; i++) {
        int n = fmt(buf, "[%5d|%-6d|%08x|%X|%-8s|%c|%lu|%ld|%%]\n", i * i * 37 - 200, -i, i * 0x1234567u, i * 48879u,
                    names[i % 5], 'a' + i, (u64)i << 40, -(i64)i * 1000000007ll);
        sys_write(1, buf, n);
    }
    return 0;
}
