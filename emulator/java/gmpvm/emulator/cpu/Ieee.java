package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Mxcsr.DE;
import static gmpvm.emulator.cpu.Mxcsr.IE;
import static gmpvm.emulator.cpu.Mxcsr.OE;
import static gmpvm.emulator.cpu.Mxcsr.PE;
import static gmpvm.emulator.cpu.Mxcsr.UE;
import static gmpvm.emulator.cpu.Mxcsr.ZE;

import java.math.BigInteger;

/**
 * IEEE 754 binary32/binary64 arithmetic as SSE performs it: the four rounding modes of MXCSR,
 * the six exception flags (collected in {@link CpuState#fpx}), DAZ and FTZ, x86's NaN rules
 * (the first source NaN wins, quieted; invalid operations give the negative "default NaN") and
 * tininess detected after rounding.
 *
 * <p>Values are raw bit patterns (a float in the low 32 bits). Each operation first tries a
 * fast path for the common case (round to nearest, normal operands well inside the exponent
 * range) that uses Java's arithmetic and detects inexactness with exact error terms (TwoSum,
 * FMA residuals); everything else goes through an exact path that rounds a BigInteger.
 */
final class Ieee {
    private Ieee() {
    }

    /** A binary interchange format. */
    static final class Fmt {
        final int p;        // precision, with the hidden bit
        final int bias;
        final int emin;     // exponent of the smallest normal
        final int emax;
        final long sign;
        final long expMask; // the exponent field in place
        final long frac;    // the fraction field
        final long quiet;   // the quiet bit of a NaN
        final long indefinite;
        final long inf;
        final int width;

        Fmt(int width, int ebits) {
            this.width = width;
            this.p = width - ebits;
            this.bias = (1 << (ebits - 1)) - 1;
            this.emin = 1 - bias;
            this.emax = bias;
            this.sign = 1L << (width - 1);
            this.frac = (1L << (p - 1)) - 1;
            this.expMask = ((1L << ebits) - 1) << (p - 1);
            this.quiet = 1L << (p - 2);
            this.inf = expMask;
            this.indefinite = sign | expMask | quiet;
        }

        boolean isNaN(long x) {
            return (x & expMask) == expMask && (x & frac) != 0;
        }

        boolean isSNaN(long x) {
            return isNaN(x) && (x & quiet) == 0;
        }

        boolean isInf(long x) {
            return (x & ~sign) == inf;
        }

        boolean isZero(long x) {
            return (x & ~sign) == 0;
        }

        boolean isDenormal(long x) {
            return (x & expMask) == 0 && (x & frac) != 0;
        }

        boolean neg(long x) {
            return (x & sign) != 0;
        }

        /** The significand of a finite value as an integer (hidden bit included). */
        long mant(long x) {
            return (x & expMask) == 0 ? x & frac : (x & frac) | (frac + 1);
        }

        /** The exponent of the significand's last bit: value = mant * 2^lsbExp. */
        int lsbExp(long x) {
            int e = (int) ((x & expMask) >>> (p - 1));
            return (e == 0 ? 1 : e) - bias - (p - 1);
        }

        long maxFinite() {
            return expMask - (frac + 1) | frac;
        }
    }

    static final Fmt F32 = new Fmt(32, 8);
    static final Fmt F64 = new Fmt(64, 11);

    // ------------------------------------------------------------------ operands

    /** DAZ: a denormal source is read as a zero of the same sign (and raises no DE). */
    static long daz(CpuState s, Fmt f, long x) {
        if ((s.mxcsr & Mxcsr.DAZ) != 0 && f.isDenormal(x)) {
            return x & f.sign;
        }
        return x;
    }

    /**
     * NaN operands of a two-source arithmetic operation (at least one is a NaN): IE for a
     * signaling NaN; the result is the first source if it is a NaN, else the second, quieted.
     */
    static long nan2(CpuState s, Fmt f, long a, long b) {
        boolean na = f.isNaN(a);
        if (f.isSNaN(a) || f.isSNaN(b)) {
            s.fpx |= IE;
        }
        return (na ? a : b) | f.quiet;
    }

    private static void denormals(CpuState s, Fmt f, long a, long b) {
        if (f.isDenormal(a) || f.isDenormal(b)) {
            s.fpx |= DE;
        }
    }

    private static boolean nearest(CpuState s) {
        return (s.mxcsr & Mxcsr.RC_MASK) == 0;
    }

    /**
     * A binary64 operand the fast paths accept: zero or normal with |exponent| <= 480. Sums,
     * products and quotients of two such values are neither tiny nor overflowing, so DAZ, FTZ
     * and every exception but PE are out of play.
     */
    static boolean fast64(long x) {
        int e = (int) (x >>> 52) & 0x7ff;
        return e - 543 >= 0 && e - 543 < 961 || (x << 1) == 0;
    }

    /** A binary32 operand the fast paths accept: zero or normal. */
    private static boolean fast32(long x) {
        int e = (int) (x >>> 23) & 0xff;
        return e != 0 && e != 0xff || (x & 0x7fffffffL) == 0;
    }

    /**
     * A binary32 result the fast paths may return: d, the binary64 value it was rounded from,
     * is zero or strictly above the smallest normal (so the exact result is not tiny), and r
     * is finite.
     */
    private static boolean normal32(double d, float r) {
        double a = Math.abs(d);
        return a > Float.MIN_NORMAL && Math.abs(r) <= Float.MAX_VALUE || d == 0;
    }

    private static long bits32(float r) {
        return Float.floatToRawIntBits(r) & 0xffffffffL;
    }

    private static float f32(long x) {
        return Float.intBitsToFloat((int) x);
    }

    // ------------------------------------------------------------------ arithmetic

    static long add(CpuState s, Fmt f, long a, long b, boolean sub) {
        if (nearest(s)) {
            if (f == F64) {
                if (fast64(a) && fast64(b)) {
                    return add64(s, a, b, sub);
                }
            } else if (fast32(a) && fast32(b)) {
                double x = f32(a), y = f32(b);
                if (sub) {
                    y = -y;
                }
                double d = x + y;
                float r = (float) d;
                if (normal32(d, r)) {
                    double bb = d - x;
                    if ((x - (d - bb)) + (y - bb) != 0 || r != d) {
                        s.fpx |= PE;
                    }
                    return bits32(r);
                }
            }
        }
        a = daz(s, f, a);
        b = daz(s, f, b);
        if (f.isNaN(a) || f.isNaN(b)) {
            return nan2(s, f, a, b);
        }
        if (sub) {
            b ^= f.sign;
        }
        boolean ia = f.isInf(a), ib = f.isInf(b);
        if (ia && ib && f.neg(a) != f.neg(b)) {
            s.fpx |= IE;
            return f.indefinite;
        }
        denormals(s, f, a, b);
        if (ia || ib) {
            return ia ? a : b;
        }
        boolean za = f.isZero(a), zb = f.isZero(b);
        if (za && zb) {
            return f.neg(a) == f.neg(b) ? a : Mxcsr.rounding(s) == Mxcsr.RD ? f.sign : 0;
        }
        if (za || zb) {
            return round(s, f, f.neg(za ? b : a), BigInteger.valueOf(f.mant(za ? b : a)), f.lsbExp(za ? b : a), false);
        }
        int ea = f.lsbExp(a), eb = f.lsbExp(b);
        int e = Math.min(ea, eb);
        BigInteger ma = BigInteger.valueOf(f.mant(a)).shiftLeft(ea - e);
        BigInteger mb = BigInteger.valueOf(f.mant(b)).shiftLeft(eb - e);
        if (f.neg(a)) {
            ma = ma.negate();
        }
        if (f.neg(b)) {
            mb = mb.negate();
        }
        BigInteger sum = ma.add(mb);
        if (sum.signum() == 0) {
            return Mxcsr.rounding(s) == Mxcsr.RD ? f.sign : 0;
        }
        return round(s, f, sum.signum() < 0, sum.abs(), e, false);
    }

    /**
     * a + b (a - b when {@code sub}) in round-to-nearest for {@link #fast64} operands: Java's
     * sum, inexact (PE into {@code s.fpx}) when the TwoSum error term is not zero.
     */
    static long add64(CpuState s, long a, long b, boolean sub) {
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        if (sub) {
            y = -y;
        }
        double r = x + y;
        double bb = r - x;
        if ((x - (r - bb)) + (y - bb) != 0) {
            s.fpx |= PE;
        }
        return Double.doubleToRawLongBits(r);
    }

    /** a * b in round-to-nearest for {@link #fast64} operands; PE when the FMA residual is not zero. */
    static long mul64(CpuState s, long a, long b) {
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        double r = x * y;
        if (Math.fma(x, y, -r) != 0) {
            s.fpx |= PE;
        }
        return Double.doubleToRawLongBits(r);
    }

    /** a / b in round-to-nearest for {@link #fast64} operands, b not zero; PE when the FMA residual is not zero. */
    static long div64(CpuState s, long a, long b) {
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        double q = x / y;
        if (Math.fma(q, y, -x) != 0) {
            s.fpx |= PE;
        }
        return Double.doubleToRawLongBits(q);
    }

    static long mul(CpuState s, Fmt f, long a, long b) {
        if (nearest(s)) {
            if (f == F64) {
                if (fast64(a) && fast64(b)) {
                    return mul64(s, a, b);
                }
            } else if (fast32(a) && fast32(b)) {
                double d = (double) f32(a) * f32(b);
                float r = (float) d;
                if (normal32(d, r)) {
                    if (r != d) {
                        s.fpx |= PE;
                    }
                    return bits32(r);
                }
            }
        }
        a = daz(s, f, a);
        b = daz(s, f, b);
        if (f.isNaN(a) || f.isNaN(b)) {
            return nan2(s, f, a, b);
        }
        long sign = (a ^ b) & f.sign;
        boolean ia = f.isInf(a), ib = f.isInf(b), za = f.isZero(a), zb = f.isZero(b);
        if (ia && zb || ib && za) {
            s.fpx |= IE;
            return f.indefinite;
        }
        denormals(s, f, a, b);
        if (ia || ib) {
            return sign | f.inf;
        }
        if (za || zb) {
            return sign;
        }
        BigInteger m = BigInteger.valueOf(f.mant(a)).multiply(BigInteger.valueOf(f.mant(b)));
        return round(s, f, sign != 0, m, f.lsbExp(a) + f.lsbExp(b), false);
    }

    static long div(CpuState s, Fmt f, long a, long b) {
        if (nearest(s)) {
            if (f == F64) {
                if (fast64(a) && fast64(b) && (b << 1) != 0) {
                    return div64(s, a, b);
                }
            } else if (fast32(a) && fast32(b) && (b & 0x7fffffffL) != 0) {
                double x = f32(a), y = f32(b);
                double q = x / y;
                float r = (float) q;
                if (normal32(q, r)) {
                    if (Math.fma(r, y, -x) != 0) {
                        s.fpx |= PE;
                    }
                    return bits32(r);
                }
            }
        }
        a = daz(s, f, a);
        b = daz(s, f, b);
        if (f.isNaN(a) || f.isNaN(b)) {
            return nan2(s, f, a, b);
        }
        long sign = (a ^ b) & f.sign;
        boolean ia = f.isInf(a), ib = f.isInf(b), za = f.isZero(a), zb = f.isZero(b);
        if (ia && ib || za && zb) {
            s.fpx |= IE;
            return f.indefinite;
        }
        if (zb && !ia) {
            s.fpx |= ZE;
            return sign | f.inf;
        }
        denormals(s, f, a, b);
        if (ia) {
            return sign | f.inf;
        }
        if (ib || za) {
            return sign;
        }
        BigInteger ma = BigInteger.valueOf(f.mant(a)), mb = BigInteger.valueOf(f.mant(b));
        int k = f.p + 3 + mb.bitLength() - ma.bitLength();
        if (k < 0) {
            k = 0;
        }
        BigInteger[] qr = ma.shiftLeft(k).divideAndRemainder(mb);
        return round(s, f, sign != 0, qr[0], f.lsbExp(a) - f.lsbExp(b) - k, qr[1].signum() != 0);
    }

    static long sqrt(CpuState s, Fmt f, long a) {
        if (nearest(s)) {
            if (f == F64) {
                if (fast64(a) && (a >= 0 || (a << 1) == 0)) {
                    double x = Double.longBitsToDouble(a);
                    double r = Math.sqrt(x);
                    if (Math.fma(r, r, -x) != 0) {
                        s.fpx |= PE;
                    }
                    return Double.doubleToRawLongBits(r);
                }
            } else if (fast32(a) && ((a & f.sign) == 0 || (a & 0x7fffffffL) == 0)) {
                double x = f32(a);
                float r = (float) Math.sqrt(x);
                if ((double) r * r != x) {
                    s.fpx |= PE;
                }
                return bits32(r);
            }
        }
        a = daz(s, f, a);
        if (f.isNaN(a)) {
            if (f.isSNaN(a)) {
                s.fpx |= IE;
            }
            return a | f.quiet;
        }
        if (f.isZero(a)) {
            return a;
        }
        if (f.neg(a)) {
            s.fpx |= IE;
            return f.indefinite;
        }
        denormals(s, f, a, a);
        if (f.isInf(a)) {
            return a;
        }
        BigInteger m = BigInteger.valueOf(f.mant(a));
        int e = f.lsbExp(a);
        if ((e & 1) != 0) {
            m = m.shiftLeft(1);
            e--;
        }
        int k = f.p + 4; // extra result bits
        m = m.shiftLeft(2 * k);
        BigInteger r = m.sqrt();
        boolean sticky = !r.multiply(r).equals(m);
        return round(s, f, false, r, (e - 2 * k) / 2, sticky);
    }

    // ------------------------------------------------------------------ compares and min/max

    /** Unordered-aware comparison after DAZ: -1, 0, 1, or 2 when either is a NaN. */
    static int compare(CpuState s, Fmt f, long a, long b, boolean signalQuiet) {
        if (f.isNaN(a) || f.isNaN(b)) {
            if (signalQuiet || f.isSNaN(a) || f.isSNaN(b)) {
                s.fpx |= IE;
            }
            return 2;
        }
        a = daz(s, f, a);
        b = daz(s, f, b);
        denormals(s, f, a, b);
        if (f.isZero(a) && f.isZero(b)) {
            return 0;
        }
        // sign-magnitude to a totally ordered integer
        long ka = f.neg(a) ? -(a & ~f.sign) : a;
        long kb = f.neg(b) ? -(b & ~f.sign) : b;
        return Long.compare(ka, kb);
    }

    /**
     * MINSS/MINSD/MAXSS/MAXSD: the first source if it is strictly less (greater), else the
     * second source, whatever it holds (after DAZ); any NaN raises IE (the second source is returned).
     */
    static long minMax(CpuState s, Fmt f, long a, long b, boolean max) {
        long da = daz(s, f, a), db = daz(s, f, b);
        int c = compare(s, f, da, db, true);
        if (c == 2) {
            return db;
        }
        return (max ? c > 0 : c < 0) ? da : db;
    }

    // ------------------------------------------------------------------ conversions

    /** Float to float (CVTSS2SD, CVTSD2SS and the packed forms). */
    static long convert(CpuState s, Fmt from, Fmt to, long a) {
        a = daz(s, from, a);
        boolean neg = from.neg(a);
        long sign = neg ? to.sign : 0;
        if (from.isNaN(a)) {
            if (from.isSNaN(a)) {
                s.fpx |= IE;
            }
            long payload = a & from.frac;
            payload = from.p > to.p ? payload >>> (from.p - to.p) : payload << (to.p - from.p);
            return sign | to.inf | payload | to.quiet;
        }
        if (from.isInf(a)) {
            return sign | to.inf;
        }
        if (from.isZero(a)) {
            return sign;
        }
        denormals(s, from, a, a);
        return round(s, to, neg, BigInteger.valueOf(from.mant(a)), from.lsbExp(a), false);
    }

    /**
     * Float to a signed integer of {@code bits} bits: rounded by MXCSR or truncated. NaN and
     * out-of-range values raise IE and give the "integer indefinite" (the most negative value).
     */
    static long toInt(CpuState s, Fmt f, long a, int bits, boolean truncate) {
        long indefinite = bits == 64 ? Long.MIN_VALUE : 0x80000000L;
        if (f == F64 && truncate && fast64(a)) {
            double d = Double.longBitsToDouble(a);
            if (Math.abs(d) < 0x1p31 || bits == 64 && Math.abs(d) < 0x1p62) {
                long v = (long) d;
                if (v != d) {
                    s.fpx |= PE;
                }
                return bits == 64 ? v : v & 0xffffffffL;
            }
        }
        a = daz(s, f, a);
        if (f.isNaN(a) || f.isInf(a)) {
            s.fpx |= IE;
            return indefinite;
        }
        if (f.isZero(a)) {
            return 0;
        }
        boolean neg = f.neg(a);
        BigInteger m = BigInteger.valueOf(f.mant(a));
        int e = f.lsbExp(a);
        BigInteger v;
        boolean inexact;
        if (e >= 0) {
            v = m.shiftLeft(Math.min(e, 200));
            inexact = false;
        } else {
            int mode = truncate ? Mxcsr.RZ : Mxcsr.rounding(s);
            boolean[] lost = new boolean[1];
            v = roundAt(m, -e, false, neg, mode, lost);
            inexact = lost[0];
        }
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > bits - 1) {
            s.fpx |= IE;
            return indefinite;
        }
        if (inexact) {
            s.fpx |= PE;
        }
        long r = v.longValue();
        return bits == 64 ? r : r & 0xffffffffL;
    }

    /** A signed integer to float, rounded by MXCSR. */
    static long fromInt(CpuState s, Fmt f, long v) {
        if (v == 0) {
            return 0;
        }
        if (f == F64 && v > -(1L << 53) && v < 1L << 53) {
            return Double.doubleToRawLongBits(v);
        }
        if (f == F32 && v > -(1 << 24) && v < 1 << 24) {
            return Float.floatToRawIntBits(v) & 0xffffffffL;
        }
        boolean neg = v < 0;
        BigInteger m = BigInteger.valueOf(v).abs();
        return round(s, f, neg, m, 0, false);
    }

    // ------------------------------------------------------------------ rounding

    /**
     * Rounds (-1)^neg * (mag + sticky') * 2^exp to the format under MXCSR's rounding mode, where
     * sticky' is a nonzero amount smaller than one unit of mag when {@code sticky}. Raises OE,
     * UE and PE as x86 does (tininess after rounding; with UE masked, underflow needs
     * inexactness) and applies FTZ.
     */
    static long round(CpuState s, Fmt f, boolean neg, BigInteger mag, int exp, boolean sticky) {
        int mode = Mxcsr.rounding(s);
        int n = mag.bitLength();
        int top = exp + n - 1; // exponent of the leading bit
        // tininess after rounding: the result rounded to p bits with an unbounded exponent
        // range is below the smallest normal
        boolean tiny;
        if (top < f.emin - 1) {
            tiny = true;
        } else if (top == f.emin - 1) {
            BigInteger u = roundAt(mag, top - (f.p - 1) - exp, sticky, neg, mode, null);
            tiny = u.bitLength() <= f.p; // did not carry up to 2^emin
        } else {
            tiny = false;
        }
        int lsb = Math.max(top - (f.p - 1), f.emin - (f.p - 1));
        boolean[] inexact = new boolean[1];
        BigInteger m = roundAt(mag, lsb - exp, sticky, neg, mode, inexact);
        if (m.bitLength() > f.p) {
            m = m.shiftRight(1);
            lsb++;
        }
        int fpx = 0;
        boolean underflowUnmasked = (s.mxcsr & (UE << Mxcsr.MASK_SHIFT)) == 0;
        if (tiny) {
            if (underflowUnmasked) {
                // the handler would get the result scaled into range, rounded to p bits: PE
                // only if that rounding was inexact; the destination is not written
                boolean[] lost = new boolean[1];
                roundAt(mag, top - (f.p - 1) - exp, sticky, neg, mode, lost);
                s.fpx |= UE | (lost[0] ? PE : 0);
                return 0;
            } else if ((s.mxcsr & Mxcsr.FTZ) != 0) {
                s.fpx |= UE | PE;
                return neg ? f.sign : 0;
            } else if (inexact[0]) {
                fpx |= UE;
            }
        }
        if (inexact[0]) {
            fpx |= PE;
        }
        long mv = m.longValue();
        int topExp = lsb + f.p - 1;
        if (mv != 0 && topExp > f.emax) {
            if ((s.mxcsr & (OE << Mxcsr.MASK_SHIFT)) == 0) {
                s.fpx |= fpx | OE; // unmasked: PE only if rounding to p bits was inexact
                return 0;
            }
            fpx |= OE | PE;
            s.fpx |= fpx;
            boolean toInf = mode == Mxcsr.RN || mode == Mxcsr.RU && !neg || mode == Mxcsr.RD && neg;
            long mag2 = toInf ? f.inf : f.maxFinite();
            return (neg ? f.sign : 0) | mag2;
        }
        s.fpx |= fpx;
        long bits;
        if (mv < f.frac + 1) {
            bits = mv; // subnormal or zero
        } else {
            bits = ((long) (topExp + f.bias) << (f.p - 1)) | (mv & f.frac);
        }
        return (neg ? f.sign : 0) | bits;
    }

    /** mag * 2^-shift rounded to an integer under the mode; inexact[0] set when bits were lost. */
    private static BigInteger roundAt(BigInteger mag, int shift, boolean sticky, boolean neg, int mode, boolean[] inexact) {
        if (shift <= 0) {
            if (inexact != null) {
                inexact[0] = sticky;
            }
            BigInteger m = mag.shiftLeft(-shift);
            if (sticky && (mode == Mxcsr.RU && !neg || mode == Mxcsr.RD && neg)) {
                m = m.add(BigInteger.ONE);
            }
            return m;
        }
        BigInteger m = mag.shiftRight(shift);
        boolean half = mag.testBit(shift - 1);
        boolean rest = sticky || mag.getLowestSetBit() < shift - 1;
        boolean lost = half || rest;
        if (inexact != null) {
            inexact[0] = lost;
        }
        boolean up;
        switch (mode) {
            case Mxcsr.RN: up = half && (rest || m.testBit(0)); break;
            case Mxcsr.RD: up = lost && neg; break;
            case Mxcsr.RU: up = lost && !neg; break;
            default: up = false; break;
        }
        return up ? m.add(BigInteger.ONE) : m;
    }
}
