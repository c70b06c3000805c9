/* Loops gcc -O3 vectorises with SSE2: integer sums and products, saturating-looking clamps,
 * byte compares, min/max reductions, a double dot product, float scaling, conversions. */
#include <stdint.h>
#include <stdio.h>

#define N 4099
static int32_t a[N], b[N];
static int16_t s[N], t[N];
static uint8_t u[N], w[N];
static double x[N], y[N];
static float f[N], g[N];
static int64_t q[N];

int main(void) {
    uint32_t seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245 + 12345;
        a[i] = (int32_t) seed >> 3;
        b[i] = (int32_t) (seed ^ 0x5555) % 1000;
        s[i] = (int16_t) (seed >> 7);
        t[i] = (int16_t) (seed >> 13);
        u[i] = (uint8_t) (seed >> 17);
        w[i] = (uint8_t) (seed >> 5);
        x[i] = (double) (int32_t) seed / 65536.0;
        y[i] = 1.0 / (i + 1);
        f[i] = (float) (seed % 10007) * 0.25f;
        q[i] = (int64_t) seed * 3;
    }
    int64_t sum = 0;
    int32_t isum = 0, mx = INT32_MIN, mn = INT32_MAX;
    for (int i = 0; i < N; i++) {
        isum += a[i] * b[i];
        sum += a[i];
        mx = a[i] > mx ? a[i] : mx;
        mn = b[i] < mn ? b[i] : mn;
    }
    int32_t ssum = 0;
    for (int i = 0; i < N; i++) {
        int v = s[i] + t[i];
        s[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
        ssum += s[i] * t[i];
    }
    unsigned eq = 0, bmax = 0, avg = 0;
    for (int i = 0; i < N; i++) {
        eq += u[i] == w[i];
        uint8_t m = u[i] > w[i] ? u[i] : w[i];
        bmax += m;
        avg += (u[i] + w[i] + 1) >> 1;
    }
    double dot = 0, norm = 0;
    for (int i = 0; i < N; i++) {
        dot += x[i] * y[i];
        norm += x[i] * x[i];
    }
    float fs = 0;
    for (int i = 0; i < N; i++) {
        g[i] = f[i] * 1.5f - 2.0f;
        fs += g[i];
    }
    int64_t qs = 0;
    for (int i = 0; i < N; i++) {
        q[i] = q[i] + (q[i] >> 3);
        qs ^= q[i];
    }
    double conv = 0;
    for (int i = 0; i < N; i++) {
        conv += (double) a[i] + (double) b[i] * 0.5;
        b[i] = (int32_t) (x[i] * 3.0);
    }
    int32_t bs = 0;
    for (int i = 0; i < N; i++) {
        bs += b[i];
    }
    printf("sum %lld isum %d max %d min %d ssum %d\n", (long long) sum, isum, mx, mn, ssum);
    printf("eq %u bmax %u avg %u\n", eq, bmax, avg);
    printf("dot %.17g norm %.17g fs %.9g\n", dot, norm, (double) fs);
    printf("qs %lld conv %.17g bs %d\n", (long long) qs, conv, bs);
    return 0;
}
