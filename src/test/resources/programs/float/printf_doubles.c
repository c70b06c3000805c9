/* glibc's printf and strtod on doubles and floats, in every conversion, with widths and
 * precisions: __printf_fp and friends exercise SSE2 arithmetic, compares and conversions. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    static const double v[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 4.9e-324,
        2.2250738585072014e-308, DBL_MAX, 1e21, 123456789.125, 0.1, 2.5, -2.5, 1.0 / 3, 6.02214076e23,
        INFINITY, -INFINITY, NAN, 0.5, 1e-5, 999999.5, 9.9999995, 0.000123456, 1e100, -7.25e-7};
    static const char *const fmts[] = {"%f", "%e", "%g", "%a", "%.0f", "%.3f", "%.17g", "%20.10e",
        "%-12.4g|", "%+.2e", "%#.0f", "%010.3f", "%.0e", "%G", "%E", "%A", "%.1a", "%.30f", "%#g", "% .5g"};
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
        for (unsigned k = 0; k < sizeof fmts / sizeof fmts[0]; k++) {
            printf(fmts[k], v[i]);
            putchar(k + 1 < sizeof fmts / sizeof fmts[0] ? ' ' : '\n');
        }
    }
    static const float f[] = {1.1f, -0.3f, 16777217.0f, 3.4028235e38f, 1.17549435e-38f, 1.4e-45f};
    for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++) {
        printf("%f %e %g %a %.9g\n", f[i], f[i], f[i], f[i], f[i]);
    }
    static const char *const s[] = {"0.1", "1e-310", "123.456e7", "-0", "0x1.8p3", "inf", "nan",
        "2.4703282292062328e-324", "1.7976931348623158e308", "9007199254740993", "3.14159265358979323846264338"};
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++) {
        double d = strtod(s[i], 0);
        float g = strtof(s[i], 0);
        printf("%s -> %.17g %a | %.9g\n", s[i], d, d, g);
    }
    double acc = 0;
    for (int i = 1; i <= 1000; i++) {
        acc += 1.0 / ((double) i * i);
    }
    printf("sum 1/n^2 = %.17g, sqrt(6*sum) = %.17g\n", acc, sqrt(6 * acc));
    return 0;
}
