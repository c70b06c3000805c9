package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Ieee.F32;
import static gmpvm.emulator.cpu.Ieee.F64;

import gmpvm.emulator.memory.GuestMemory;

/**
 * SSE/SSE2 floating-point arithmetic: ADD SUB MUL DIV MIN MAX SQRT in the packed and scalar,
 * single and double forms, the CMPPS/CMPPD/CMPSS/CMPSD predicates, UCOMIS/COMIS (RFLAGS), and the
 * RCP/RSQRT approximations. Lanes are computed by {@link Ieee}; the exceptions of all lanes are
 * committed to MXCSR before anything is written, so an unmasked one leaves the destination
 * unchanged.
 */
final class SseFloat {
    private SseFloat() {
    }

    private static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MIN = 4, MAX = 5, SQRT = 6, RCP = 7, RSQRT = 8, CMP = 9;

    static void exec(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        switch (i.op) {
            case ADDPS: packed32(s, m, i, tmp, ADD); return;
            case ADDPD: packed64(s, m, i, tmp, ADD); return;
            case ADDSS: scalar32(s, m, i, ADD); return;
            case ADDSD: scalar64(s, m, i, ADD); return;
            case SUBPS: packed32(s, m, i, tmp, SUB); return;
            case SUBPD: packed64(s, m, i, tmp, SUB); return;
            case SUBSS: scalar32(s, m, i, SUB); return;
            case SUBSD: scalar64(s, m, i, SUB); return;
            case MULPS: packed32(s, m, i, tmp, MUL); return;
            case MULPD: packed64(s, m, i, tmp, MUL); return;
            case MULSS: scalar32(s, m, i, MUL); return;
            case MULSD: scalar64(s, m, i, MUL); return;
            case DIVPS: packed32(s, m, i, tmp, DIV); return;
            case DIVPD: packed64(s, m, i, tmp, DIV); return;
            case DIVSS: scalar32(s, m, i, DIV); return;
            case DIVSD: scalar64(s, m, i, DIV); return;
            case MINPS: packed32(s, m, i, tmp, MIN); return;
            case MINPD: packed64(s, m, i, tmp, MIN); return;
            case MINSS: scalar32(s, m, i, MIN); return;
            case MINSD: scalar64(s, m, i, MIN); return;
            case MAXPS: packed32(s, m, i, tmp, MAX); return;
            case MAXPD: packed64(s, m, i, tmp, MAX); return;
            case MAXSS: scalar32(s, m, i, MAX); return;
            case MAXSD: scalar64(s, m, i, MAX); return;
            case SQRTPS: packed32(s, m, i, tmp, SQRT); return;
            case SQRTPD: packed64(s, m, i, tmp, SQRT); return;
            case SQRTSS: scalar32(s, m, i, SQRT); return;
            case SQRTSD: scalar64(s, m, i, SQRT); return;
            case RCPPS: packed32(s, m, i, tmp, RCP); return;
            case RCPSS: scalar32(s, m, i, RCP); return;
            case RSQRTPS: packed32(s, m, i, tmp, RSQRT); return;
            case RSQRTSS: scalar32(s, m, i, RSQRT); return;
            case CMPPS: packed32(s, m, i, tmp, CMP); return;
            case CMPPD: packed64(s, m, i, tmp, CMP); return;
            case CMPSS: scalar32(s, m, i, CMP); return;
            case CMPSD: scalar64(s, m, i, CMP); return;
            case UCOMISS: case COMISS: comis(s, i, F32, Sse.scalarSrc(s, m, i, 4)); return;
            case UCOMISD: case COMISD: comis(s, i, F64, Sse.scalarSrc(s, m, i, 8)); return;
            default: throw Trap.illegal(i);
        }
    }

    private static long lane(CpuState s, Ieee.Fmt f, int k, long a, long b, int imm) {
        switch (k) {
            case ADD: return Ieee.add(s, f, a, b, false);
            case SUB: return Ieee.add(s, f, a, b, true);
            case MUL: return Ieee.mul(s, f, a, b);
            case DIV: return Ieee.div(s, f, a, b);
            case MIN: return Ieee.minMax(s, f, a, b, false);
            case MAX: return Ieee.minMax(s, f, a, b, true);
            case SQRT: return Ieee.sqrt(s, f, b);
            case RCP: return approx(b, false);
            case RSQRT: return approx(b, true);
            default: return predicate(s, f, a, b, imm) ? (f == F64 ? -1L : 0xffffffffL) : 0;
        }
    }

    /** The CMPccPS/PD/SS/SD predicates 0-7 (EQ LT LE UNORD NEQ NLT NLE ORD); LT LE NLT NLE signal on QNaNs too. */
    static boolean predicate(CpuState s, Ieee.Fmt f, long a, long b, int imm) {
        int p = imm & 7;
        boolean signal = p == 1 || p == 2 || p == 5 || p == 6;
        int c = Ieee.compare(s, f, a, b, signal);
        switch (p) {
            case 0: return c == 0;
            case 1: return c == -1;
            case 2: return c == -1 || c == 0;
            case 3: return c == 2;
            case 4: return c != 0;
            case 5: return c != -1;
            case 6: return c == 1 || c == 2;
            default: return c != 2;
        }
    }

    /**
     * RCPSS/RSQRTSS: the SDM only bounds the relative error (1.5 * 2^-12) and Intel and AMD
     * differ bit for bit; gmpvm returns the correctly rounded reciprocal (square root), which
     * is within the bound. Denormal inputs count as zero and tiny results flush to zero, as
     * on hardware; no MXCSR flags.
     */
    private static long approx(long x, boolean rsqrt) {
        float v = Float.intBitsToFloat((int) x);
        if (Float.isNaN(v)) {
            return x | 0x400000L;
        }
        if (Math.abs(v) < Float.MIN_NORMAL) {
            v = Math.copySign(0f, v);
        }
        float r;
        if (rsqrt) {
            r = v == 0 ? Math.copySign(Float.POSITIVE_INFINITY, v) : v < 0 ? Float.intBitsToFloat(0xffc00000) : (float) (1 / Math.sqrt(v));
        } else {
            r = (float) (1.0 / v);
        }
        if (Math.abs(r) < Float.MIN_NORMAL) {
            r = Math.copySign(0f, r);
        }
        return Float.floatToRawIntBits(r) & 0xffffffffL;
    }

    private static void packed32(CpuState s, GuestMemory m, Insn i, long[] tmp, int k) {
        long bl = Sse.src(s, m, i, tmp, true), bh = tmp[0];
        int d = i.reg0;
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        int imm = (int) i.imm;
        long r0 = lane(s, F32, k, al & 0xffffffffL, bl & 0xffffffffL, imm);
        long r1 = lane(s, F32, k, al >>> 32, bl >>> 32, imm);
        long r2 = lane(s, F32, k, ah & 0xffffffffL, bh & 0xffffffffL, imm);
        long r3 = lane(s, F32, k, ah >>> 32, bh >>> 32, imm);
        Mxcsr.commit(s, i);
        s.xmmLo[d] = r0 | r1 << 32;
        s.xmmHi[d] = r2 | r3 << 32;
    }

    private static void packed64(CpuState s, GuestMemory m, Insn i, long[] tmp, int k) {
        long bl = Sse.src(s, m, i, tmp, true), bh = tmp[0];
        int d = i.reg0;
        int imm = (int) i.imm;
        long r0 = lane(s, F64, k, s.xmmLo[d], bl, imm);
        long r1 = lane(s, F64, k, s.xmmHi[d], bh, imm);
        Mxcsr.commit(s, i);
        s.xmmLo[d] = r0;
        s.xmmHi[d] = r1;
    }

    private static void scalar32(CpuState s, GuestMemory m, Insn i, int k) {
        long b = Sse.scalarSrc(s, m, i, 4);
        int d = i.reg0;
        long r = lane(s, F32, k, s.xmmLo[d] & 0xffffffffL, b, (int) i.imm);
        Mxcsr.commit(s, i);
        s.xmmLo[d] = (s.xmmLo[d] & 0xffffffff00000000L) | r;
    }

    private static void scalar64(CpuState s, GuestMemory m, Insn i, int k) {
        long b = Sse.scalarSrc(s, m, i, 8);
        int d = i.reg0;
        long r = lane(s, F64, k, s.xmmLo[d], b, (int) i.imm);
        Mxcsr.commit(s, i);
        s.xmmLo[d] = r;
    }

    /** UCOMIS/COMIS: ZF PF CF = 111 unordered, 000 greater, 001 less, 100 equal; OF SF AF cleared. */
    private static void comis(CpuState s, Insn i, Ieee.Fmt f, long b) {
        long a = f == F32 ? s.xmmLo[i.reg0] & 0xffffffffL : s.xmmLo[i.reg0];
        boolean signal = i.op == Op.COMISS || i.op == Op.COMISD;
        int c = Ieee.compare(s, f, a, b, signal);
        Mxcsr.commit(s, i);
        long fl;
        switch (c) {
            case 2: fl = Flags.ZF | Flags.PF | Flags.CF; break;
            case 1: fl = 0; break;
            case -1: fl = Flags.CF; break;
            default: fl = Flags.ZF; break;
        }
        Flags.set(s, Flags.get(s) & ~Flags.ARITH | fl);
    }
}
