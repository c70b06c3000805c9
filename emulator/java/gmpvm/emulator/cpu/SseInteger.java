package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_IMM;

import gmpvm.emulator.memory.GuestMemory;

/**
 * The SSE2 packed-integer arithmetic beyond plain add/subtract: saturating add and subtract,
 * the multiplies (PMULLW PMULHW PMULHUW PMULUDQ PMADDWD), signed compares, PMAXUB PMAXSW PMINSW,
 * PAVGB/PAVGW, PSADBW, and the shifts by an immediate or by the low quadword of an XMM register
 * or memory operand (a count beyond the element width zeroes, or for PSRAW/PSRAD fills with the
 * sign).
 */
final class SseInteger {
    private SseInteger() {
    }

    static void exec(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        switch (i.op) {
            case PSLLW: case PSRLW: case PSRAW: case PSLLD: case PSRLD: case PSRAD: case PSLLQ: case PSRLQ:
                shift(s, m, i, tmp);
                return;
            default:
                break;
        }
        long bl = Sse.src(s, m, i, tmp, true), bh = tmp[0];
        int d = i.reg0;
        long al = s.xmmLo[d], ah = s.xmmHi[d];
        long rl, rh;
        switch (i.op) {
            case PMULUDQ:
                rl = (al & 0xffffffffL) * (bl & 0xffffffffL);
                rh = (ah & 0xffffffffL) * (bh & 0xffffffffL);
                break;
            case PMADDWD:
                rl = maddwd(al, bl);
                rh = maddwd(ah, bh);
                break;
            case PSADBW:
                rl = sad(al, bl);
                rh = sad(ah, bh);
                break;
            default: {
                int w = width(i.op);
                rl = lanes(i.op, al, bl, w);
                rh = lanes(i.op, ah, bh, w);
            }
        }
        s.xmmLo[d] = rl;
        s.xmmHi[d] = rh;
    }

    private static int width(Op op) {
        switch (op) {
            case PADDSB: case PADDUSB: case PSUBSB: case PSUBUSB: case PCMPGTB: case PMAXUB: case PAVGB:
                return 8;
            case PCMPGTD:
                return 32;
            default:
                return 16;
        }
    }

    private static long lanes(Op op, long a, long b, int w) {
        long mk = (1L << w) - 1;
        long r = 0;
        for (int k = 0; k < 64; k += w) {
            long x = (a >>> k) & mk, y = (b >>> k) & mk;
            long sx = x << (64 - w) >> (64 - w), sy = y << (64 - w) >> (64 - w);
            long v;
            switch (op) {
                case PADDSB: case PADDSW: v = sat(sx + sy, w); break;
                case PSUBSB: case PSUBSW: v = sat(sx - sy, w); break;
                case PADDUSB: case PADDUSW: v = Math.min(x + y, mk); break;
                case PSUBUSB: case PSUBUSW: v = Math.max(x - y, 0); break;
                case PMULLW: v = x * y; break;
                case PMULHW: v = (sx * sy) >> 16; break;
                case PMULHUW: v = (x * y) >>> 16; break;
                case PCMPGTB: case PCMPGTW: case PCMPGTD: v = sx > sy ? mk : 0; break;
                case PMAXUB: v = Math.max(x, y); break;
                case PMAXSW: v = Math.max(sx, sy); break;
                case PMINSW: v = Math.min(sx, sy); break;
                case PAVGB: case PAVGW: v = (x + y + 1) >>> 1; break;
                default: throw new IllegalStateException(op.name());
            }
            r |= (v & mk) << k;
        }
        return r;
    }

    /** Signed saturation to w bits. */
    static long sat(long v, int w) {
        long max = (1L << (w - 1)) - 1, min = -(1L << (w - 1));
        return v > max ? max : v < min ? min : v;
    }

    private static long maddwd(long a, long b) {
        long r = 0;
        for (int k = 0; k < 64; k += 32) {
            int p = (short) (a >>> k) * (short) (b >>> k) + (short) (a >>> (k + 16)) * (short) (b >>> (k + 16));
            r |= (p & 0xffffffffL) << k;
        }
        return r;
    }

    private static long sad(long a, long b) {
        long sum = 0;
        for (int k = 0; k < 64; k += 8) {
            sum += Math.abs(((a >>> k) & 0xff) - ((b >>> k) & 0xff));
        }
        return sum;
    }

    private static void shift(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        long count;
        if (i.kind1 == K_IMM) {
            count = i.imm & 0xff;
        } else {
            count = Sse.src(s, m, i, tmp, true);
        }
        int d = i.reg0;
        int w;
        int kind; // 0 left, 1 logical right, 2 arithmetic right
        switch (i.op) {
            case PSLLW: w = 16; kind = 0; break;
            case PSRLW: w = 16; kind = 1; break;
            case PSRAW: w = 16; kind = 2; break;
            case PSLLD: w = 32; kind = 0; break;
            case PSRLD: w = 32; kind = 1; break;
            case PSRAD: w = 32; kind = 2; break;
            case PSLLQ: w = 64; kind = 0; break;
            default: w = 64; kind = 1; break;
        }
        s.xmmLo[d] = shiftLanes(s.xmmLo[d], count, w, kind);
        s.xmmHi[d] = shiftLanes(s.xmmHi[d], count, w, kind);
    }

    private static long shiftLanes(long v, long count, int w, int kind) {
        boolean big = Long.compareUnsigned(count, w - 1) > 0;
        if (big && kind != 2) {
            return 0;
        }
        int n = big ? w - 1 : (int) count;
        if (w == 64) {
            return kind == 0 ? v << n : v >>> n;
        }
        long mk = (1L << w) - 1;
        long r = 0;
        for (int k = 0; k < 64; k += w) {
            long x = (v >>> k) & mk;
            long y;
            switch (kind) {
                case 0: y = x << n; break;
                case 1: y = x >>> n; break;
                default: y = (x << (64 - w) >> (64 - w)) >> n; break;
            }
            r |= (y & mk) << k;
        }
        return r;
    }
}
