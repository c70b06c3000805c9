/* <fenv.h>: rounding modes change SSE results and conversions, exception flags are raised and
 * tested, and an unmasked divide-by-zero ends the process with SIGFPE (args: trap). */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static volatile double one = 1.0, three = 3.0, zero = 0.0, big = 1e308, tiny = 1e-308, mhalf = -2.5;

static void flags(const char *what) {
    int e = fetestexcept(FE_ALL_EXCEPT);
    printf("%-10s%s%s%s%s%s\n", what, e & FE_INVALID ? " invalid" : "", e & FE_DIVBYZERO ? " divbyzero" : "",
           e & FE_OVERFLOW ? " overflow" : "", e & FE_UNDERFLOW ? " underflow" : "", e & FE_INEXACT ? " inexact" : "");
    feclearexcept(FE_ALL_EXCEPT);
}

int main(int argc, char **argv) {
    static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    static const char *const names[] = {"nearest", "down", "up", "zero"};
    for (int k = 0; k < 4; k++) {
        fesetround(modes[k]);
        volatile double q = one / three, s = sqrt(three), r = rint(mhalf), m = -one / three;
        volatile float f = (float) q;
        printf("%-8s %a %a %a %a %a %ld %d\n", names[k], q, m, s, r, (double) f, lrint(mhalf), fegetround() == modes[k]);
    }
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double x = one / three;
    flags("1/3");
    x = one / zero;
    flags("1/0");
    x = zero / zero;
    flags("0/0");
    x = big * big;
    flags("big*big");
    x = tiny * tiny;
    flags("tiny*tiny");
    x = one + one;
    flags("1+1");
    (void) x;
    if (argc > 1 && strcmp(argv[1], "trap") == 0) {
        feenableexcept(FE_DIVBYZERO);
        printf("enabled %#x\n", fegetexcept());
        fflush(stdout);
        x = one / zero;
        printf("not reached %a\n", x);
    }
    return 0;
}
