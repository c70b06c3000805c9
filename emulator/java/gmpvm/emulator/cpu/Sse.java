package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_XMM;

import gmpvm.emulator.memory.GuestMemory;

/**
 * The SSE subset: 128-bit and scalar moves between XMM registers, memory and GPRs, the bitwise
 * operations, and the SSE2 integer operations a C compiler emits for simple loops. Legacy SSE
 * arithmetic with a memory operand requires 16-byte alignment (#GP, SIGSEGV, otherwise), as do
 * MOVAPS/MOVAPD/MOVDQA.
 */
final class Sse {
    private Sse() {
    }

    private static long lo(CpuState s, GuestMemory m, Insn i, long[] hiOut, boolean aligned) {
        if (i.kind1 == K_XMM) {
            hiOut[0] = s.xmmHi[i.reg1];
            return s.xmmLo[i.reg1];
        }
        long a = Operands.ea(s, i);
        if (aligned && (a & 15) != 0) {
            throw Trap.generalProtection();
        }
        m.checkReadable(a, 16);
        hiOut[0] = m.read64(a + 8);
        return m.read64(a);
    }

    static void exec(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        switch (i.op) {
            case MOVUPS: case MOVUPD: case MOVDQU: move128(s, m, i, false); return;
            case MOVAPS: case MOVAPD: case MOVDQA: move128(s, m, i, true); return;
            case MOVD: case MOVQ: movdq(s, m, i); return;
            case MOVSD: scalar(s, m, i, 8); return;
            case MOVSS: scalar(s, m, i, 4); return;
            case MOVLPS: case MOVHPS: case MOVLPD: case MOVHPD: half(s, m, i); return;
            case PSLLDQ: case PSRLDQ: case PSLLQ: case PSRLQ: case PSLLD: case PSRLD: shiftImm(s, i); return;
            case PMOVMSKB: {
                long l = s.xmmLo[i.reg1], h = s.xmmHi[i.reg1];
                int r = 0;
                for (int k = 0; k < 8; k++) {
                    r |= (int) ((l >>> (k * 8 + 7)) & 1) << k;
                    r |= (int) ((h >>> (k * 8 + 7)) & 1) << (k + 8);
                }
                s.r[i.reg0] = r;
                return;
            }
            default:
                break;
        }
        int d = i.reg0;
        long bl = lo(s, m, i, tmp, true);
        long bh = tmp[0];
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        long rl, rh;
        switch (i.op) {
            case PXOR: case XORPS: case XORPD: rl = al ^ bl; rh = ah ^ bh; break;
            case PAND: case ANDPS: rl = al & bl; rh = ah & bh; break;
            case PANDN: case ANDNPS: rl = ~al & bl; rh = ~ah & bh; break;
            case POR: case ORPS: rl = al | bl; rh = ah | bh; break;
            case PADDB: rl = lanes(al, bl, 8, false); rh = lanes(ah, bh, 8, false); break;
            case PADDW: rl = lanes(al, bl, 16, false); rh = lanes(ah, bh, 16, false); break;
            case PADDD: rl = lanes(al, bl, 32, false); rh = lanes(ah, bh, 32, false); break;
            case PADDQ: rl = al + bl; rh = ah + bh; break;
            case PSUBB: rl = lanes(al, bl, 8, true); rh = lanes(ah, bh, 8, true); break;
            case PSUBW: rl = lanes(al, bl, 16, true); rh = lanes(ah, bh, 16, true); break;
            case PSUBD: rl = lanes(al, bl, 32, true); rh = lanes(ah, bh, 32, true); break;
            case PSUBQ: rl = al - bl; rh = ah - bh; break;
            case PCMPEQB: rl = cmpeq(al, bl, 8); rh = cmpeq(ah, bh, 8); break;
            case PMINUB: rl = minub(al, bl); rh = minub(ah, bh); break;
            case PCMPEQW: rl = cmpeq(al, bl, 16); rh = cmpeq(ah, bh, 16); break;
            case PCMPEQD: rl = cmpeq(al, bl, 32); rh = cmpeq(ah, bh, 32); break;
            case PUNPCKLQDQ: rl = al; rh = bl; break;
            case PUNPCKHQDQ: rl = ah; rh = bh; break;
            case PUNPCKLDQ: rl = (al & 0xffffffffL) | (bl << 32); rh = (al >>> 32) | (bl & 0xffffffff00000000L); break;
            case PUNPCKLWD: rl = interleave(al, bl, 16, 0); rh = interleave(al, bl, 16, 2); break;
            case PUNPCKLBW: rl = interleave(al, bl, 8, 0); rh = interleave(al, bl, 8, 4); break;
            case PSHUFD: {
                int[] dw = {(int) bl, (int) (bl >>> 32), (int) bh, (int) (bh >>> 32)};
                int im = (int) i.imm;
                rl = (dw[im & 3] & 0xffffffffL) | ((long) dw[(im >> 2) & 3] << 32);
                rh = (dw[(im >> 4) & 3] & 0xffffffffL) | ((long) dw[(im >> 6) & 3] << 32);
                break;
            }
            default:
                throw Trap.illegal(i);
        }
        s.xmmLo[d] = rl;
        s.xmmHi[d] = rh;
    }

    private static long lanes(long a, long b, int w, boolean sub) {
        long r = 0;
        long mk = w == 64 ? -1L : (1L << w) - 1;
        for (int k = 0; k < 64; k += w) {
            long x = (a >>> k) & mk, y = (b >>> k) & mk;
            r |= ((sub ? x - y : x + y) & mk) << k;
        }
        return r;
    }

    /** Unsigned byte-wise minimum. */
    private static long minub(long a, long b) {
        long r = 0;
        for (int k = 0; k < 64; k += 8) {
            r |= Math.min((a >>> k) & 0xff, (b >>> k) & 0xff) << k;
        }
        return r;
    }

    private static long cmpeq(long a, long b, int w) {
        long r = 0;
        long mk = (1L << w) - 1;
        for (int k = 0; k < 64; k += w) {
            if (((a >>> k) & mk) == ((b >>> k) & mk)) {
                r |= mk << k;
            }
        }
        return r;
    }

    /** Interleaves the low elements: from element index 'from' (of width w) of a and b, filling 64 bits. */
    private static long interleave(long a, long b, int w, int from) {
        long r = 0;
        long mk = (1L << w) - 1;
        int n = 64 / (2 * w);
        for (int k = 0; k < n; k++) {
            long x = (a >>> ((from + k) * w)) & mk, y = (b >>> ((from + k) * w)) & mk;
            r |= x << (2 * k * w);
            r |= y << ((2 * k + 1) * w);
        }
        return r;
    }

    private static void move128(CpuState s, GuestMemory m, Insn i, boolean aligned) {
        if (i.kind0 == K_XMM) {
            long[] h = new long[1];
            long l = lo(s, m, i, h, aligned);
            s.xmmLo[i.reg0] = l;
            s.xmmHi[i.reg0] = h[0];
        } else {
            long a = Operands.ea(s, i);
            if (aligned && (a & 15) != 0) {
                throw Trap.generalProtection();
            }
            m.checkWritable(a, 16);
            m.write64(a, s.xmmLo[i.reg1]);
            m.write64(a + 8, s.xmmHi[i.reg1]);
        }
    }

    private static void movdq(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        long msk = size == 8 ? -1L : 0xffffffffL;
        if (i.kind0 == K_XMM) {
            long v;
            if (i.kind1 == K_XMM) {
                v = s.xmmLo[i.reg1];
            } else {
                v = Operands.read1(s, m, i);
            }
            s.xmmLo[i.reg0] = v & msk;
            s.xmmHi[i.reg0] = 0;
        } else if (i.kind0 == K_MEM) {
            m.write(Operands.ea(s, i), size, s.xmmLo[i.reg1]);
        } else {
            Operands.setReg(s, i.reg0, size, s.xmmLo[i.reg1] & msk);
        }
    }

    private static void scalar(CpuState s, GuestMemory m, Insn i, int size) {
        long msk = size == 8 ? -1L : 0xffffffffL;
        if (i.kind0 == K_XMM) {
            if (i.kind1 == K_XMM) {
                s.xmmLo[i.reg0] = (s.xmmLo[i.reg0] & ~msk) | (s.xmmLo[i.reg1] & msk);
            } else {
                s.xmmLo[i.reg0] = m.read(Operands.ea(s, i), size);
                s.xmmHi[i.reg0] = 0;
            }
        } else {
            m.write(Operands.ea(s, i), size, s.xmmLo[i.reg1]);
        }
    }

    private static void half(CpuState s, GuestMemory m, Insn i) {
        boolean high = i.op == Op.MOVHPS || i.op == Op.MOVHPD;
        if (i.kind0 == K_XMM) {
            long v = m.read64(Operands.ea(s, i));
            if (high) {
                s.xmmHi[i.reg0] = v;
            } else {
                s.xmmLo[i.reg0] = v;
            }
        } else {
            m.write64(Operands.ea(s, i), high ? s.xmmHi[i.reg1] : s.xmmLo[i.reg1]);
        }
    }

    private static void shiftImm(CpuState s, Insn i) {
        int d = i.reg0;
        int n = (int) (i.imm & 0xff);
        long l = s.xmmLo[d], h = s.xmmHi[d];
        switch (i.op) {
            case PSLLDQ: {
                int bits = Math.min(n, 16) * 8;
                if (bits >= 128) { l = 0; h = 0; }
                else if (bits >= 64) { h = l << (bits - 64); l = 0; }
                else if (bits > 0) { h = (h << bits) | (l >>> (64 - bits)); l <<= bits; }
                break;
            }
            case PSRLDQ: {
                int bits = Math.min(n, 16) * 8;
                if (bits >= 128) { l = 0; h = 0; }
                else if (bits >= 64) { l = h >>> (bits - 64); h = 0; }
                else if (bits > 0) { l = (l >>> bits) | (h << (64 - bits)); h >>>= bits; }
                break;
            }
            case PSLLQ: l = n > 63 ? 0 : l << n; h = n > 63 ? 0 : h << n; break;
            case PSRLQ: l = n > 63 ? 0 : l >>> n; h = n > 63 ? 0 : h >>> n; break;
            case PSLLD: l = dwords(l, n, true); h = dwords(h, n, true); break;
            default: l = dwords(l, n, false); h = dwords(h, n, false); break;
        }
        s.xmmLo[d] = l;
        s.xmmHi[d] = h;
    }

    private static long dwords(long v, int n, boolean left) {
        if (n > 31) {
            return 0;
        }
        long a = v & 0xffffffffL, b = v >>> 32;
        a = (left ? a << n : a >>> n) & 0xffffffffL;
        b = (left ? b << n : b >>> n) & 0xffffffffL;
        return a | b << 32;
    }
}
