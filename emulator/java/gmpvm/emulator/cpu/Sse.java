package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_XMM;

import gmpvm.emulator.memory.GuestMemory;

/**
 * SSE entry point and the data movement: 128-bit and scalar moves between XMM registers, memory
 * and GPRs, non-temporal stores, LDMXCSR/STMXCSR, the bitwise operations and the plain SSE2
 * integer operations; floating point, conversions, the rest of the integer set and shuffles
 * are in {@link SseFloat}, {@link SseConvert}, {@link SseInteger} and {@link SseShuffle}. Legacy
 * SSE arithmetic with a 128-bit memory operand requires 16-byte alignment (#GP, SIGSEGV,
 * otherwise), as do MOVAPS/MOVAPD/MOVDQA and the non-temporal stores.
 */
final class Sse {
    private Sse() {
    }

    /** The 128-bit source operand 1: returns its low half, its high half in hiOut[0]. */
    static long src(CpuState s, GuestMemory m, Insn i, long[] hiOut, boolean aligned) {
        return lo(s, m, i, hiOut, aligned);
    }

    /** The scalar source operand 1 of {@code size} bytes: the low bits of an XMM register or memory (no alignment). */
    static long scalarSrc(CpuState s, GuestMemory m, Insn i, int size) {
        if (i.kind1 == K_XMM) {
            long v = s.xmmLo[i.reg1];
            return size == 8 ? v : v & 0xffffffffL;
        }
        return m.read(Operands.ea(s, i), size);
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
        if ((a & 0xfff) > 0xff0) {
            m.checkReadable(a, 16); // straddles two pages: fault at the first unreadable byte
        }
        long v = m.read64(a);
        hiOut[0] = m.read64(a + 8);
        return v;
    }

    static void exec(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        switch (i.op) {
            case MOVUPS: case MOVUPD: case MOVDQU: move128(s, m, i, tmp, false); return;
            case MOVAPS: case MOVAPD: case MOVDQA: move128(s, m, i, tmp, true); return;
            case MOVD: case MOVQ: movdq(s, m, i); return;
            case MOVSD: scalar(s, m, i, 8); return;
            case MOVSS: scalar(s, m, i, 4); return;
            case MOVLPS: case MOVHPS: case MOVLPD: case MOVHPD: half(s, m, i); return;
            case PSLLDQ: case PSRLDQ: shiftBytes(s, i); return;
            case PSLLW: case PSRLW: case PSRAW: case PSLLD: case PSRLD: case PSRAD: case PSLLQ: case PSRLQ:
            case PADDSB: case PADDSW: case PADDUSB: case PADDUSW: case PSUBSB: case PSUBSW: case PSUBUSB: case PSUBUSW:
            case PMULLW: case PMULHW: case PMULHUW: case PMULUDQ: case PMADDWD: case PCMPGTB: case PCMPGTW: case PCMPGTD:
            case PMAXUB: case PMAXSW: case PMINSW: case PAVGB: case PAVGW: case PSADBW:
                SseInteger.exec(s, m, i, tmp);
                return;
            case UNPCKLPS: case UNPCKLPD: case UNPCKHPS: case UNPCKHPD: case SHUFPS: case SHUFPD: case MOVMSKPS:
            case MOVMSKPD: case MOVHLPS: case MOVLHPS: case PSHUFHW: case PSHUFLW: case PINSRW: case PEXTRW:
            case PACKSSWB: case PACKSSDW: case PACKUSWB: case PUNPCKHBW: case PUNPCKHWD: case PUNPCKHDQ:
                SseShuffle.exec(s, m, i, tmp);
                return;
            case CVTSI2SS: case CVTSI2SD: case CVTSS2SI: case CVTSD2SI: case CVTTSS2SI: case CVTTSD2SI: case CVTSS2SD:
            case CVTSD2SS: case CVTPS2PD: case CVTPD2PS: case CVTDQ2PS: case CVTPS2DQ: case CVTTPS2DQ: case CVTDQ2PD:
            case CVTPD2DQ: case CVTTPD2DQ:
                SseConvert.exec(s, m, i, tmp);
                return;
            case MOVNTPS: case MOVNTPD: case MOVNTDQ: move128(s, m, i, tmp, true); return;
            case MOVNTI: m.write(Operands.ea(s, i), i.size, s.r[i.reg1]); return;
            case LDMXCSR: {
                int v = m.read32(Operands.ea(s, i));
                if ((v & ~Mxcsr.WRITABLE) != 0) {
                    throw Trap.generalProtection();
                }
                s.mxcsr = v;
                return;
            }
            case STMXCSR: m.write32(Operands.ea(s, i), s.mxcsr); return;
            case CLFLUSH: m.checkReadable(Operands.ea(s, i), 1); return;
            case MASKMOVDQU: maskmov(s, m, i); return;
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
                if (i.op.ordinal() >= Op.ADDPS.ordinal() && i.op.ordinal() <= Op.COMISD.ordinal()
                        && i.op != Op.ANDPD && i.op != Op.ANDNPD && i.op != Op.ORPD) {
                    SseFloat.exec(s, m, i, tmp);
                    return;
                }
                break;
        }
        int d = i.reg0;
        long bl = lo(s, m, i, tmp, true);
        long bh = tmp[0];
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        long rl, rh;
        switch (i.op) {
            case PXOR: case XORPS: case XORPD: rl = al ^ bl; rh = ah ^ bh; break;
            case PAND: case ANDPS: case ANDPD: rl = al & bl; rh = ah & bh; break;
            case PANDN: case ANDNPS: case ANDNPD: rl = ~al & bl; rh = ~ah & bh; break;
            case POR: case ORPS: case ORPD: rl = al | bl; rh = ah | bh; break;
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
                int im = (int) i.imm;
                rl = dword(bl, bh, im) | dword(bl, bh, im >> 2) << 32;
                rh = dword(bl, bh, im >> 4) | dword(bl, bh, im >> 6) << 32;
                break;
            }
            default:
                throw Trap.illegal(i);
        }
        s.xmmLo[d] = rl;
        s.xmmHi[d] = rh;
    }

    /** Dword {@code sel & 3} of the 128-bit value lo:hi, zero-extended. */
    static long dword(long lo, long hi, int sel) {
        switch (sel & 3) {
            case 0: return lo & 0xffffffffL;
            case 1: return lo >>> 32;
            case 2: return hi & 0xffffffffL;
            default: return hi >>> 32;
        }
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
    static long interleave(long a, long b, int w, int from) {
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

    private static void move128(CpuState s, GuestMemory m, Insn i, long[] tmp, boolean aligned) {
        if (i.kind0 == K_XMM) {
            long l = lo(s, m, i, tmp, aligned);
            s.xmmLo[i.reg0] = l;
            s.xmmHi[i.reg0] = tmp[0];
        } else {
            long a = Operands.ea(s, i);
            if (aligned && (a & 15) != 0) {
                throw Trap.generalProtection();
            }
            if ((a & 0xfff) > 0xff0) {
                m.checkWritable(a, 16); // straddles two pages: nothing is written unless both may be
            }
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

    /** PSLLDQ/PSRLDQ: the whole register shifted by bytes (a count above 15 clears it). */
    private static void shiftBytes(CpuState s, Insn i) {
        int d = i.reg0;
        int n = (int) (i.imm & 0xff);
        long l = s.xmmLo[d], h = s.xmmHi[d];
        int bits = Math.min(n, 16) * 8;
        if (i.op == Op.PSLLDQ) {
            if (bits >= 128) { l = 0; h = 0; }
            else if (bits >= 64) { h = l << (bits - 64); l = 0; }
            else if (bits > 0) { h = (h << bits) | (l >>> (64 - bits)); l <<= bits; }
        } else {
            if (bits >= 128) { l = 0; h = 0; }
            else if (bits >= 64) { l = h >>> (bits - 64); h = 0; }
            else if (bits > 0) { l = (l >>> bits) | (h << (64 - bits)); h >>>= bits; }
        }
        s.xmmLo[d] = l;
        s.xmmHi[d] = h;
    }

    /** MASKMOVDQU: the bytes of operand 0 whose mask byte (operand 1) has its top bit set, stored at DS:RDI. */
    private static void maskmov(CpuState s, GuestMemory m, Insn i) {
        long a = s.r[CpuState.RDI];
        if (i.addr32) {
            a &= 0xffffffffL;
        }
        if (i.seg != Insn.SEG_NONE) {
            a += i.seg == Insn.SEG_FS ? s.fsBase : s.gsBase;
        }
        long ml = s.xmmLo[i.reg1], mh = s.xmmHi[i.reg1];
        long vl = s.xmmLo[i.reg0], vh = s.xmmHi[i.reg0];
        for (int k = 0; k < 16; k++) {
            long mask = k < 8 ? ml : mh;
            if ((mask >>> ((k & 7) * 8 + 7) & 1) != 0) {
                m.checkWritable(a + k, 1);
            }
        }
        for (int k = 0; k < 16; k++) {
            long mask = k < 8 ? ml : mh, v = k < 8 ? vl : vh;
            if ((mask >>> ((k & 7) * 8 + 7) & 1) != 0) {
                m.write8(a + k, (int) (v >>> ((k & 7) * 8)));
            }
        }
    }

}
