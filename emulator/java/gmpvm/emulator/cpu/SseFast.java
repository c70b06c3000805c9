package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_XMM;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Page;

/**
 * The {@link FastPath} handlers of the SSE/SSE2 forms compiled code runs most: 128-bit and
 * scalar moves, MOVD/MOVQ, the bitwise operations, PADDD/PADDQ/PSUBD/PSUBQ, PMULUDQ, PSHUFD,
 * the low/high unpacks, PCMPEQB and PMOVMSKB, shifts by an immediate, and the double-precision
 * ADD/SUB/MUL/DIV (scalar and packed), UCOMISD/COMISD, CVTSI2SD and CVTTSD2SI.
 *
 * <p>A handler that returns a boolean takes only the cases whose outcome is certainly the general
 * path's, and returns false, having changed nothing, for the rest; the interpreter then runs the
 * general path ({@link Sse#exec}). The guards:
 * <ul>
 *   <li>a 128-bit memory operand of an aligned form must be 16-byte aligned (else #GP), of an
 *       unaligned form must not straddle a page (else the general path's precise fault);
 *   <li>floating point: MXCSR in round-to-nearest with precision exceptions masked, and operands
 *       zero or normal well inside the exponent range ({@link Ieee#fast64}), so that the result
 *       is Java's and the only possible exception is PE (DAZ and FTZ cannot apply);
 *   <li>compares: neither operand a NaN or a denormal (no exception at all);
 *   <li>conversions: integers of at most 53 bits (exact), doubles of magnitude below 2^31
 *       (2^62 for a 64-bit result) whose inexactness, if any, PE masks.
 * </ul>
 */
final class SseFast {
    private SseFast() {
    }

    /** MXCSR's precision mask; with the rounding control zero it is all {@link #fpOk} asks. */
    private static final int PM = Mxcsr.PE << Mxcsr.MASK_SHIFT;

    /** Round to nearest and PE masked: the fast floating-point paths apply (given fast operands). */
    private static boolean fpOk(CpuState s) {
        return (s.mxcsr & (Mxcsr.RC_MASK | PM)) == PM;
    }

    /** Records the PE an operation collected in {@code s.fpx}; only called when {@link #fpOk}. */
    private static void precision(CpuState s) {
        s.mxcsr |= s.fpx;
        s.fpx = 0;
    }

    // ------------------------------------------------------------------ operands

    /**
     * The 128-bit source (operand 1) into v[0] (low) and v[1]: an XMM register, or memory that
     * is 16-byte aligned ({@code aligned}) or within one page. False when memory is not.
     */
    private static boolean src(CpuState s, GuestMemory m, Insn i, long[] v, boolean aligned) {
        if (i.kind1 == K_XMM) {
            v[0] = s.xmmLo[i.reg1];
            v[1] = s.xmmHi[i.reg1];
            return true;
        }
        long a = Operands.ea(s, i);
        if (aligned ? (a & 15) != 0 : (a & Page.MASK) > Page.SIZE - 16) {
            return false;
        }
        m.read128(a, v);
        return true;
    }

    /** The scalar double source (operand 1): the low quadword of an XMM register or 8 bytes of memory. */
    private static long src64(CpuState s, GuestMemory m, Insn i) {
        return i.kind1 == K_XMM ? s.xmmLo[i.reg1] : m.read64(Operands.ea(s, i));
    }

    // ------------------------------------------------------------------ moves

    /** MOVAPS/MOVAPD/MOVDQA/MOVUPS/MOVUPD/MOVDQU xmm, xmm. */
    static void move128(CpuState s, Insn i) {
        s.xmmLo[i.reg0] = s.xmmLo[i.reg1];
        s.xmmHi[i.reg0] = s.xmmHi[i.reg1];
    }

    /** The 128-bit loads (aligned or not). */
    static boolean load128(CpuState s, GuestMemory m, Insn i, long[] v, boolean aligned) {
        if (!src(s, m, i, v, aligned)) {
            return false;
        }
        s.xmmLo[i.reg0] = v[0];
        s.xmmHi[i.reg0] = v[1];
        return true;
    }

    /** The 128-bit stores (aligned or not). */
    static boolean store128(CpuState s, GuestMemory m, Insn i, boolean aligned) {
        long a = Operands.ea(s, i);
        if (aligned ? (a & 15) != 0 : (a & Page.MASK) > Page.SIZE - 16) {
            return false;
        }
        m.write128(a, s.xmmLo[i.reg1], s.xmmHi[i.reg1]);
        return true;
    }

    /** MOVSD/MOVSS xmm, m: the low element loaded, the rest of the register cleared. */
    static void loadScalar(CpuState s, GuestMemory m, Insn i, boolean dbl) {
        long a = Operands.ea(s, i);
        s.xmmLo[i.reg0] = dbl ? m.read64(a) : m.read32(a) & 0xffffffffL;
        s.xmmHi[i.reg0] = 0;
    }

    /** MOVSD/MOVSS m, xmm and MOVQ/MOVD m, xmm: the low quadword or dword stored. */
    static void storeScalar(CpuState s, GuestMemory m, Insn i, boolean dbl) {
        long a = Operands.ea(s, i);
        if (dbl) {
            m.write64(a, s.xmmLo[i.reg1]);
        } else {
            m.write32(a, (int) s.xmmLo[i.reg1]);
        }
    }

    /** MOVSS xmm, xmm: the low dword replaced (MOVSD xmm, xmm is a plain low-quadword copy). */
    static void moveSs(CpuState s, Insn i) {
        s.xmmLo[i.reg0] = (s.xmmLo[i.reg0] & 0xffffffff00000000L) | (s.xmmLo[i.reg1] & 0xffffffffL);
    }

    /** MOVD/MOVQ xmm, r32/r64 and MOVQ xmm, xmm/m64: the value zero-extended to 128 bits. */
    static void movqToXmm(CpuState s, GuestMemory m, Insn i) {
        long v;
        switch (i.kind1) {
            case K_XMM: v = s.xmmLo[i.reg1]; break;
            case Insn.K_REG: v = s.r[i.reg1]; break;
            default: {
                long a = Operands.ea(s, i);
                v = i.size == 8 ? m.read64(a) : m.read32(a);
                break;
            }
        }
        s.xmmLo[i.reg0] = i.size == 8 ? v : v & 0xffffffffL;
        s.xmmHi[i.reg0] = 0;
    }

    // ------------------------------------------------------------------ integer and bitwise

    /** PXOR/XORPS/XORPD (op 0), PAND/ANDPS/ANDPD (1), POR/ORPS/ORPD (2), PANDN/ANDNPS/ANDNPD (3). */
    static boolean logic(CpuState s, GuestMemory m, Insn i, long[] v, int op) {
        if (!src(s, m, i, v, true)) {
            return false;
        }
        int d = i.reg0;
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        switch (op) {
            case 0: al ^= v[0]; ah ^= v[1]; break;
            case 1: al &= v[0]; ah &= v[1]; break;
            case 2: al |= v[0]; ah |= v[1]; break;
            default: al = ~al & v[0]; ah = ~ah & v[1]; break;
        }
        s.xmmLo[d] = al;
        s.xmmHi[d] = ah;
        return true;
    }

    /** Two 32-bit lanes added (or subtracted), each wrapping. */
    private static long lanes32(long a, long b, boolean sub) {
        long lo = sub ? a - b : a + b;
        long hi = sub ? (a >>> 32) - (b >>> 32) : (a >>> 32) + (b >>> 32);
        return (lo & 0xffffffffL) | hi << 32;
    }

    /** PADDD (op 0), PSUBD (1), PADDQ (2), PSUBQ (3). */
    static boolean addSub(CpuState s, GuestMemory m, Insn i, long[] v, int op) {
        if (!src(s, m, i, v, true)) {
            return false;
        }
        int d = i.reg0;
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        switch (op) {
            case 0: al = lanes32(al, v[0], false); ah = lanes32(ah, v[1], false); break;
            case 1: al = lanes32(al, v[0], true); ah = lanes32(ah, v[1], true); break;
            case 2: al += v[0]; ah += v[1]; break;
            default: al -= v[0]; ah -= v[1]; break;
        }
        s.xmmLo[d] = al;
        s.xmmHi[d] = ah;
        return true;
    }

    /** PMULUDQ: the even unsigned dwords multiplied into two quadwords. */
    static boolean pmuludq(CpuState s, GuestMemory m, Insn i, long[] v) {
        if (!src(s, m, i, v, true)) {
            return false;
        }
        int d = i.reg0;
        s.xmmLo[d] = (s.xmmLo[d] & 0xffffffffL) * (v[0] & 0xffffffffL);
        s.xmmHi[d] = (s.xmmHi[d] & 0xffffffffL) * (v[1] & 0xffffffffL);
        return true;
    }

    /** PSHUFD: each destination dword picks a source dword by two bits of the immediate. */
    static boolean pshufd(CpuState s, GuestMemory m, Insn i, long[] v) {
        if (!src(s, m, i, v, true)) {
            return false;
        }
        int im = (int) i.imm;
        long l = v[0], h = v[1];
        s.xmmLo[i.reg0] = Sse.dword(l, h, im) | Sse.dword(l, h, im >> 2) << 32;
        s.xmmHi[i.reg0] = Sse.dword(l, h, im >> 4) | Sse.dword(l, h, im >> 6) << 32;
        return true;
    }

    /** PUNPCKLDQ (op 0), PUNPCKLQDQ/UNPCKLPD (1), PUNPCKHQDQ/UNPCKHPD (2). */
    static boolean unpack(CpuState s, GuestMemory m, Insn i, long[] v, int op) {
        if (!src(s, m, i, v, true)) {
            return false;
        }
        int d = i.reg0;
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        switch (op) {
            case 0:
                s.xmmLo[d] = (al & 0xffffffffL) | v[0] << 32;
                s.xmmHi[d] = (al >>> 32) | (v[0] & 0xffffffff00000000L);
                break;
            case 1:
                s.xmmHi[d] = v[0];
                break;
            default:
                s.xmmLo[d] = ah;
                s.xmmHi[d] = v[1];
                break;
        }
        return true;
    }

    /** Bytes that are equal in a and b set to 0xff, the others to 0 (carry-free SWAR). */
    private static long eqBytes(long a, long b) {
        long x = a ^ b;
        long low7 = 0x7f7f7f7f7f7f7f7fL;
        long nonzero = ((x & low7) + low7) | x; // top bit of each byte: byte of x is not zero
        long eq = ~nonzero & 0x8080808080808080L;
        return (eq >>> 7) * 0xff;
    }

    /** PCMPEQB. */
    static boolean pcmpeqb(CpuState s, GuestMemory m, Insn i, long[] v) {
        if (!src(s, m, i, v, true)) {
            return false;
        }
        int d = i.reg0;
        s.xmmLo[d] = eqBytes(s.xmmLo[d], v[0]);
        s.xmmHi[d] = eqBytes(s.xmmHi[d], v[1]);
        return true;
    }

    /** The top bits of the eight bytes of x as an 8-bit mask, byte 0's in bit 0. */
    private static long byteSigns(long x) {
        return ((x & 0x8080808080808080L) >>> 7) * 0x0102040810204080L >>> 56;
    }

    /** PMOVMSKB r32, xmm: the sixteen byte signs, zero-extended into the register. */
    static void pmovmskb(CpuState s, Insn i) {
        s.r[i.reg0] = byteSigns(s.xmmLo[i.reg1]) | byteSigns(s.xmmHi[i.reg1]) << 8;
    }

    /** PSLLQ (op 0), PSRLQ (1), PSLLD (2), PSRLD (3) xmm, imm8: a count beyond the lane width clears it. */
    static void shiftImm(CpuState s, Insn i, int op) {
        int d = i.reg0;
        int n = (int) (i.imm & 0xff);
        long l = s.xmmLo[d], h = s.xmmHi[d];
        switch (op) {
            case 0:
                l = n > 63 ? 0 : l << n;
                h = n > 63 ? 0 : h << n;
                break;
            case 1:
                l = n > 63 ? 0 : l >>> n;
                h = n > 63 ? 0 : h >>> n;
                break;
            case 2: {
                long keep = n > 31 ? 0 : (0xffffffffL << n) & 0xffffffffL;
                keep |= keep << 32;
                l = (l << n) & keep;
                h = (h << n) & keep;
                break;
            }
            default: {
                long keep = n > 31 ? 0 : 0xffffffffL >>> n;
                keep |= keep << 32;
                l = (l >>> n) & keep;
                h = (h >>> n) & keep;
                break;
            }
        }
        s.xmmLo[d] = l;
        s.xmmHi[d] = h;
    }

    // ------------------------------------------------------------------ double precision

    /** One lane of ADD (op 0), SUB (1), MUL (2), DIV (3) on fast operands (b not zero for DIV). */
    private static long arith64(CpuState s, long a, long b, int op) {
        switch (op) {
            case 0: return Ieee.add64(s, a, b, false);
            case 1: return Ieee.add64(s, a, b, true);
            case 2: return Ieee.mul64(s, a, b);
            default: return Ieee.div64(s, a, b);
        }
    }

    /** Operands a fast path takes for ADD/SUB/MUL (op 0-2) or DIV (3). */
    private static boolean fastPair(long a, long b, int op) {
        return Ieee.fast64(a) && Ieee.fast64(b) && (op != 3 || (b << 1) != 0);
    }

    /** ADDSD/SUBSD/MULSD/DIVSD xmm, xmm/m64. */
    static boolean scalar64(CpuState s, GuestMemory m, Insn i, int op) {
        long b = src64(s, m, i);
        long a = s.xmmLo[i.reg0];
        if (!fpOk(s) || !fastPair(a, b, op)) {
            return false;
        }
        long r = arith64(s, a, b, op);
        precision(s);
        s.xmmLo[i.reg0] = r;
        return true;
    }

    /** ADDPD/SUBPD/MULPD/DIVPD xmm, xmm/m128 (both lanes must be fast). */
    static boolean packed64(CpuState s, GuestMemory m, Insn i, long[] v, int op) {
        if (!fpOk(s) || !src(s, m, i, v, true)) {
            return false;
        }
        int d = i.reg0;
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        if (!fastPair(al, v[0], op) || !fastPair(ah, v[1], op)) {
            return false;
        }
        long rl = arith64(s, al, v[0], op);
        long rh = arith64(s, ah, v[1], op);
        precision(s);
        s.xmmLo[d] = rl;
        s.xmmHi[d] = rh;
        return true;
    }

    /** Neither a NaN nor an infinity nor a denormal: a compare of such raises nothing. */
    private static boolean plain64(long x) {
        int e = (int) (x >>> 52) & 0x7ff;
        return e != 0x7ff && (e != 0 || (x << 1) == 0);
    }

    /** UCOMISD/COMISD: ZF PF CF = 000 greater, 001 less, 100 equal (ordered operands only). */
    static boolean comisd(CpuState s, GuestMemory m, Insn i) {
        long b = src64(s, m, i);
        long a = s.xmmLo[i.reg0];
        if (!plain64(a) || !plain64(b)) {
            return false;
        }
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        long fl = x < y ? Flags.CF : x > y ? 0 : Flags.ZF;
        Flags.set(s, Flags.get(s) & ~Flags.ARITH | fl);
        return true;
    }

    /** CVTSI2SD xmm, r/m32 or r/m64 for values that convert exactly (|v| < 2^53). */
    static boolean cvtsi2sd(CpuState s, GuestMemory m, Insn i) {
        long v = Operands.signExtend(Operands.read1(s, m, i), i.size1);
        if (v <= -(1L << 53) || v >= 1L << 53) {
            return false;
        }
        s.xmmLo[i.reg0] = Double.doubleToRawLongBits(v);
        return true;
    }

    /** CVTTSD2SI r32/r64, xmm/m64 for fast operands in range (|x| < 2^31, or 2^62 into 64 bits). */
    static boolean cvttsd2si(CpuState s, GuestMemory m, Insn i) {
        long a = src64(s, m, i);
        if (!Ieee.fast64(a)) {
            return false;
        }
        double x = Double.longBitsToDouble(a);
        boolean wide = i.size == 8;
        if (!(Math.abs(x) < 0x1p31 || wide && Math.abs(x) < 0x1p62)) {
            return false;
        }
        long v = (long) x;
        if (v != x) {
            if ((s.mxcsr & PM) == 0) {
                return false;
            }
            s.mxcsr |= Mxcsr.PE;
        }
        s.r[i.reg0] = wide ? v : v & 0xffffffffL;
        return true;
    }
}
