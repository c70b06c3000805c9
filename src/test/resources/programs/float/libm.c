/* libm (static) over a spread of arguments, printed exactly (%a): sqrt, exp, log, pow, the
 * trigonometric and hyperbolic functions, rounding and remainders. */
#include <math.h>
#include <stdio.h>

int main(void) {
    static const double x[] = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.141592653589793, 10.0, -7.75, 1e-10,
        1e10, 700.0, -745.0, 1e300, 4.9e-324, 0.7853981633974483, 123.456, -0.999, INFINITY, NAN};
    for (unsigned i = 0; i < sizeof x / sizeof x[0]; i++) {
        double a = x[i];
        printf("%a: sqrt %a exp %a log %a log10 %a log2 %a\n", a, sqrt(a), exp(a), log(a), log10(a), log2(a));
        printf("  sin %a cos %a tan %a atan %a asin %a acos %a\n", sin(a), cos(a), tan(a), atan(a), asin(a / 2), acos(a / 2));
        printf("  sinh %a cosh %a tanh %a expm1 %a log1p %a cbrt %a\n", sinh(a), cosh(a), tanh(a), expm1(a), log1p(a), cbrt(a));
        printf("  pow %a %a hypot %a atan2 %a fmod %a remainder %a\n", pow(a, 1.5), pow(2.0, a), hypot(a, 3.0),
               atan2(a, -2.0), fmod(a, 0.75), remainder(a, 0.75));
        printf("  floor %a ceil %a round %a trunc %a rint %a lrint %ld nearbyint %a\n", floor(a), ceil(a), round(a),
               trunc(a), rint(a), (isfinite(a) && fabs(a) < 1e18) ? lrint(a) : 0L, nearbyint(a));
        printf("  expf %a logf %a sinf %a powf %a sqrtf %a\n", (double) expf((float) a / 8), (double) logf((float) a),
               (double) sinf((float) a), (double) powf((float) a, 0.5f), (double) sqrtf((float) a));
    }
    return 0;
}
