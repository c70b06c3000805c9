/* __int128 arithmetic: products, shifts, division and remainder (libgcc's __divti3 and friends). */
#include "sys.h"
typedef unsigned __int128 u128;
typedef __int128 i128;
static void putu128(u128 v) { char b[48]; int i = 0; do { b[i++] = '0' + (int)(v % 10); v /= 10; } while (v); while (i) putc_(b[--i]); }
static void puti128(i128 v) { if (v < 0) { putc_('-'); putu128(-(u128)v); } else putu128(v); }
int main(int argc, char **argv, char **envp) {
    u128 f = 1;
    for (int i = 1; i <= 34; i++) { f *= i; putu(i); puts_("! = "); putu128(f); nl(); }
    u64 seed = 88172645463325252ull;
    for (int k = 0; k < 20; k++) {
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
        u128 a = ((u128)seed << 64) | (seed * 2654435761u);
        u64 d = (seed >> (k % 60)) | 1;
        i128 s = (i128)a >> 3;
        if (k & 1) s = -s;
        i64 sd = (k & 2) ? -(i64)(d >> 1) - 1 : (i64)(d >> 1) + 1;
        putu128(a / d); putc_(' '); putu128(a % d); putc_(' ');
        puti128(s / sd); putc_(' '); puti128(s % sd); putc_(' ');
        putu128(a / ((u128)d << 40 | 12345)); putc_(' '); putu128(a * a); putc_(' ');
        putu128(a >> (k * 5 % 128)); putc_(' '); putu128(a << (k * 3 % 128)); nl();
    }
    return 0;
}
