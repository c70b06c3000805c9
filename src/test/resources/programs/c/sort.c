/* Sorting: quicksort, merge sort and heap sort of pseudo-random arrays; results checked and hashed. */
#include "sys.h"
#define N 20000
static i64 a[N], b[N], tmp[N];
static u64 rng = 12345;
static u64 next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static void qs(i64 *v, long lo, long hi) {
    while (lo < hi) {
        i64 p = v[(lo + hi) / 2]; long i = lo, j = hi;
        while (i <= j) { while (v[i] < p) i++; while (v[j] > p) j--; if (i <= j) { i64 t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; } }
        if (j - lo < hi - i) { qs(v, lo, j); lo = i; } else { qs(v, i, hi); hi = j; }
    }
}
static void ms(i64 *v, long n) {
    if (n < 2) return;
    long h = n / 2; ms(v, h); ms(v + h, n - h);
    long i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    for (k = 0; k < n; k++) v[k] = tmp[k];
}
static void sift(i64 *v, long i, long n) {
    for (;;) { long c = 2 * i + 1; if (c >= n) return; if (c + 1 < n && v[c + 1] > v[c]) c++; if (v[i] >= v[c]) return; i64 t = v[i]; v[i] = v[c]; v[c] = t; i = c; }
}
static void hs(i64 *v, long n) {
    for (long i = n / 2 - 1; i >= 0; i--) sift(v, i, n);
    for (long e = n - 1; e > 0; e--) { i64 t = v[0]; v[0] = v[e]; v[e] = t; sift(v, 0, e); }
}
static void report(const char *name, i64 *v) {
    u64 h = 0; int ok = 1;
    for (long i = 0; i < N; i++) { h = h * 1099511628211ull + (u64)v[i]; if (i && v[i - 1] > v[i]) ok = 0; }
    puts_(name); puts_(ok ? " sorted " : " NOT sorted "); putx(h); putc_(' '); puti(v[0]); putc_(' '); puti(v[N - 1]); nl();
}
int main(int argc, char **argv, char **envp) {
    for (long i = 0; i < N; i++) a[i] = (i64)(next() % 2000001) - 1000000;
    for (long i = 0; i < N; i++) b[i] = a[i];
    qs(b, 0, N - 1); report("quick", b);
    for (long i = 0; i < N; i++) b[i] = a[i];
    ms(b, N); report("merge", b);
    for (long i = 0; i < N; i++) b[i] = a[i];
    hs(b, N); report("heap", b);
    return 0;
}
