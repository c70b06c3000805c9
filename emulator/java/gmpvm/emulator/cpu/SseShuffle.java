package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_MEM;

import gmpvm.emulator.memory.GuestMemory;

/**
 * Data rearrangement: UNPCKL/H PS/PD, SHUFPS/SHUFPD, PSHUFHW/PSHUFLW, the high unpacks
 * PUNPCKH BW/WD/DQ, the saturating packs PACKSSWB PACKSSDW PACKUSWB, PINSRW/PEXTRW,
 * MOVHLPS/MOVLHPS and the sign-bit masks MOVMSKPS/MOVMSKPD.
 */
final class SseShuffle {
    private SseShuffle() {
    }

    static void exec(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        int d = i.reg0;
        switch (i.op) {
            case MOVMSKPS: {
                long l = s.xmmLo[i.reg1], h = s.xmmHi[i.reg1];
                long r = (l >>> 31 & 1) | (l >>> 62 & 2) | (h >>> 29 & 4) | (h >>> 60 & 8);
                Operands.setReg(s, d, 4, r);
                return;
            }
            case MOVMSKPD:
                Operands.setReg(s, d, 4, (s.xmmLo[i.reg1] >>> 63) | (s.xmmHi[i.reg1] >>> 63) << 1);
                return;
            case PEXTRW: {
                int k = (int) i.imm & 7;
                long v = k < 4 ? s.xmmLo[i.reg1] : s.xmmHi[i.reg1];
                Operands.setReg(s, d, 4, (v >>> ((k & 3) * 16)) & 0xffff);
                return;
            }
            case PINSRW: {
                long v = i.kind1 == K_MEM ? m.read(Operands.ea(s, i), 2) : s.r[i.reg1];
                int k = (int) i.imm & 7;
                int sh = (k & 3) * 16;
                long mk = 0xffffL << sh;
                if (k < 4) {
                    s.xmmLo[d] = (s.xmmLo[d] & ~mk) | ((v & 0xffff) << sh);
                } else {
                    s.xmmHi[d] = (s.xmmHi[d] & ~mk) | ((v & 0xffff) << sh);
                }
                return;
            }
            case MOVHLPS:
                s.xmmLo[d] = s.xmmHi[i.reg1];
                return;
            case MOVLHPS:
                s.xmmHi[d] = s.xmmLo[i.reg1];
                return;
            default:
                break;
        }
        long bl = Sse.src(s, m, i, tmp, true), bh = tmp[0];
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        long rl, rh;
        int im = (int) i.imm;
        switch (i.op) {
            case UNPCKLPS: rl = (al & 0xffffffffL) | bl << 32; rh = (al >>> 32) | (bl & 0xffffffff00000000L); break;
            case UNPCKHPS: rl = (ah & 0xffffffffL) | bh << 32; rh = (ah >>> 32) | (bh & 0xffffffff00000000L); break;
            case UNPCKLPD: rl = al; rh = bl; break;
            case UNPCKHPD: rl = ah; rh = bh; break;
            case PUNPCKHDQ: rl = (ah & 0xffffffffL) | bh << 32; rh = (ah >>> 32) | (bh & 0xffffffff00000000L); break;
            case PUNPCKHWD: rl = Sse.interleave(ah, bh, 16, 0); rh = Sse.interleave(ah, bh, 16, 2); break;
            case PUNPCKHBW: rl = Sse.interleave(ah, bh, 8, 0); rh = Sse.interleave(ah, bh, 8, 4); break;
            case SHUFPS:
                rl = Sse.dword(al, ah, im) | Sse.dword(al, ah, im >> 2) << 32;
                rh = Sse.dword(bl, bh, im >> 4) | Sse.dword(bl, bh, im >> 6) << 32;
                break;
            case SHUFPD:
                rl = (im & 1) == 0 ? al : ah;
                rh = (im & 2) == 0 ? bl : bh;
                break;
            case PSHUFLW: rl = words(bl, im); rh = bh; break;
            case PSHUFHW: rl = bl; rh = words(bh, im); break;
            case PACKSSWB:
                rl = pack(al, ah, 16, 8, true);
                rh = pack(bl, bh, 16, 8, true);
                break;
            case PACKUSWB:
                rl = pack(al, ah, 16, 8, false);
                rh = pack(bl, bh, 16, 8, false);
                break;
            case PACKSSDW:
                rl = pack(al, ah, 32, 16, true);
                rh = pack(bl, bh, 32, 16, true);
                break;
            default:
                throw Trap.illegal(i);
        }
        s.xmmLo[d] = rl;
        s.xmmHi[d] = rh;
    }

    private static long words(long v, int im) {
        long r = 0;
        for (int k = 0; k < 4; k++) {
            r |= ((v >>> (((im >> (2 * k)) & 3) * 16)) & 0xffff) << (16 * k);
        }
        return r;
    }

    /** Packs the signed elements of lo:hi (width from) into one quadword of elements of width to, saturating. */
    private static long pack(long lo, long hi, int from, int to, boolean signed) {
        long r = 0;
        int n = 64 / from;
        long mk = (1L << to) - 1;
        for (int k = 0; k < 2 * n; k++) {
            long src = k < n ? lo : hi;
            long x = (src >>> ((k % n) * from)) << (64 - from) >> (64 - from);
            long v = signed ? SseInteger.sat(x, to) : Math.max(0, Math.min(x, mk));
            r |= (v & mk) << (k * to);
        }
        return r;
    }
}
