package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Ieee.F32;
import static gmpvm.emulator.cpu.Ieee.F64;

import gmpvm.emulator.memory.GuestMemory;

/**
 * The CVT* conversions between integers, single and double precision, scalar and packed. The
 * non-truncating forms round by MXCSR.RC; the CVTT forms truncate. A NaN or an out-of-range
 * value converted to an integer raises IE and gives the "integer indefinite" 0x80000000
 * (0x8000000000000000 for 64 bits).
 */
final class SseConvert {
    private SseConvert() {
    }

    static void exec(CpuState s, GuestMemory m, Insn i, long[] tmp) {
        int d = i.reg0;
        switch (i.op) {
            case CVTSI2SS: case CVTSI2SD: {
                long v = Operands.signExtend(Operands.read1(s, m, i), i.size1);
                long r = Ieee.fromInt(s, i.op == Op.CVTSI2SS ? F32 : F64, v);
                Mxcsr.commit(s, i);
                s.xmmLo[d] = i.op == Op.CVTSI2SS ? (s.xmmLo[d] & 0xffffffff00000000L) | r : r;
                return;
            }
            case CVTSS2SI: case CVTTSS2SI: case CVTSD2SI: case CVTTSD2SI: {
                boolean single = i.op == Op.CVTSS2SI || i.op == Op.CVTTSS2SI;
                long a = Sse.scalarSrc(s, m, i, single ? 4 : 8);
                boolean trunc = i.op == Op.CVTTSS2SI || i.op == Op.CVTTSD2SI;
                long r = Ieee.toInt(s, single ? F32 : F64, a, i.size * 8, trunc);
                Mxcsr.commit(s, i);
                Operands.setReg(s, d, i.size, r);
                return;
            }
            case CVTSS2SD: {
                long r = Ieee.convert(s, F32, F64, Sse.scalarSrc(s, m, i, 4));
                Mxcsr.commit(s, i);
                s.xmmLo[d] = r;
                return;
            }
            case CVTSD2SS: {
                long r = Ieee.convert(s, F64, F32, Sse.scalarSrc(s, m, i, 8));
                Mxcsr.commit(s, i);
                s.xmmLo[d] = (s.xmmLo[d] & 0xffffffff00000000L) | r;
                return;
            }
            case CVTPS2PD: {
                long a = Sse.scalarSrc(s, m, i, 8);
                long r0 = Ieee.convert(s, F32, F64, a & 0xffffffffL);
                long r1 = Ieee.convert(s, F32, F64, a >>> 32);
                Mxcsr.commit(s, i);
                s.xmmLo[d] = r0;
                s.xmmHi[d] = r1;
                return;
            }
            case CVTDQ2PD: {
                long a = Sse.scalarSrc(s, m, i, 8);
                s.xmmLo[d] = Double.doubleToRawLongBits((int) a);
                s.xmmHi[d] = Double.doubleToRawLongBits((int) (a >>> 32));
                return;
            }
            default:
                break;
        }
        long bl = Sse.src(s, m, i, tmp, true), bh = tmp[0];
        long rl, rh;
        switch (i.op) {
            case CVTPD2PS:
                rl = Ieee.convert(s, F64, F32, bl) | Ieee.convert(s, F64, F32, bh) << 32;
                rh = 0;
                break;
            case CVTPD2DQ: case CVTTPD2DQ: {
                boolean t = i.op == Op.CVTTPD2DQ;
                rl = Ieee.toInt(s, F64, bl, 32, t) | Ieee.toInt(s, F64, bh, 32, t) << 32;
                rh = 0;
                break;
            }
            case CVTDQ2PS:
                rl = Ieee.fromInt(s, F32, (int) bl) | Ieee.fromInt(s, F32, (int) (bl >>> 32)) << 32;
                rh = Ieee.fromInt(s, F32, (int) bh) | Ieee.fromInt(s, F32, (int) (bh >>> 32)) << 32;
                break;
            case CVTPS2DQ: case CVTTPS2DQ: {
                boolean t = i.op == Op.CVTTPS2DQ;
                rl = Ieee.toInt(s, F32, bl & 0xffffffffL, 32, t) | Ieee.toInt(s, F32, bl >>> 32, 32, t) << 32;
                rh = Ieee.toInt(s, F32, bh & 0xffffffffL, 32, t) | Ieee.toInt(s, F32, bh >>> 32, 32, t) << 32;
                break;
            }
            default:
                throw Trap.illegal(i);
        }
        Mxcsr.commit(s, i);
        s.xmmLo[d] = rl;
        s.xmmHi[d] = rh;
    }
}
