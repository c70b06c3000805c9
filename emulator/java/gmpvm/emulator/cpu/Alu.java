package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_REG;
import static gmpvm.emulator.cpu.Operands.mask;
import static gmpvm.emulator.cpu.Operands.signExtend;

import gmpvm.emulator.memory.GuestMemory;

/**
 * Integer arithmetic and logic: the eight classic ALU operations, INC/DEC/NEG/NOT, shifts and
 * rotates, SHLD/SHRD. Every instruction writes its destination before it records flags, so a
 * faulting store leaves RFLAGS as it was.
 */
final class Alu {
    private Alu() {
    }

    /** ADD OR ADC SBB AND SUB XOR CMP and TEST. */
    static void binary(CpuState s, GuestMemory m, Insn i, Op op) {
        int size = i.size;
        long addr = Operands.destAddr(s, i);
        long a = Operands.readDest(s, m, i, addr, size);
        long b = Operands.read1(s, m, i);
        long r;
        int cc;
        long carry = 0;
        switch (op) {
            case ADD: r = a + b; cc = Flags.CC_ADD; break;
            case OR: r = a | b; cc = Flags.CC_LOGIC; break;
            case ADC: carry = Flags.cf(s) ? 1 : 0; r = a + b + carry; cc = Flags.CC_ADC; break;
            case SBB: carry = Flags.cf(s) ? 1 : 0; r = a - b - carry; cc = Flags.CC_SBB; break;
            case AND: case TEST: r = a & b; cc = Flags.CC_LOGIC; break;
            case SUB: case CMP: r = a - b; cc = Flags.CC_SUB; break;
            case XOR: r = a ^ b; cc = Flags.CC_LOGIC; break;
            default: throw new IllegalStateException(op.name());
        }
        if (op != Op.CMP && op != Op.TEST) {
            Operands.writeDest(s, m, i, addr, size, r);
        }
        s.ccOp = cc;
        s.ccSize = size;
        s.ccDst = a;
        s.ccSrc = b;
        s.ccRes = r;
        s.ccAux = carry;
    }

    static void incDec(CpuState s, GuestMemory m, Insn i, boolean inc) {
        int size = i.size;
        long addr = Operands.destAddr(s, i);
        long a = Operands.readDest(s, m, i, addr, size);
        long r = inc ? a + 1 : a - 1;
        boolean cf = Flags.cf(s);
        Operands.writeDest(s, m, i, addr, size, r);
        s.ccOp = inc ? Flags.CC_INC : Flags.CC_DEC;
        s.ccSize = size;
        s.ccDst = a;
        s.ccSrc = 1;
        s.ccRes = r;
        s.ccAux = cf ? 1 : 0;
    }

    static void neg(CpuState s, GuestMemory m, Insn i) {
        long a = Operands.read0(s, m, i);
        long r = -a;
        Operands.write0(s, m, i, r);
        Flags.set(s, Flags.CC_NEG, i.size, 0, a, r);
    }

    static void not(CpuState s, GuestMemory m, Insn i) {
        Operands.write0(s, m, i, ~Operands.read0(s, m, i));
    }

    /** Records flags computed eagerly: CF and OF given, SF ZF PF from the result, AF clear. */
    static void eager(CpuState s, int size, long res, boolean cf, boolean of) {
        long f = s.flags & ~Flags.ARITH; // the lazy state only ever holds arithmetic flags
        if (cf) f |= Flags.CF;
        if (of) f |= Flags.OF;
        if ((res & mask(size)) == 0) f |= Flags.ZF;
        if ((res & Flags.signBit(size)) != 0) f |= Flags.SF;
        if ((Integer.bitCount((int) res & 0xff) & 1) == 0) f |= Flags.PF;
        s.flags = f;
        s.ccOp = Flags.CC_NONE;
    }

    // ------------------------------------------------------------------ shifts and rotates

    static void shift(CpuState s, GuestMemory m, Insn i, Op op) {
        int size = i.size;
        int bits = size * 8;
        long addr = Operands.destAddr(s, i);
        long a = Operands.readDest(s, m, i, addr, size);
        int count = (int) (i.kind1 == K_REG ? s.r[CpuState.RCX] : i.imm) & (size == 8 ? 63 : 31);
        if (count == 0) {
            zeroCount(s, m, i, addr, a);
            return;
        }
        long msk = mask(size);
        a &= msk;
        long r;
        switch (op) {
            case SHL: case SAL: {
                r = count >= 64 ? 0 : a << count;
                boolean cf = count <= bits && ((a >>> (bits - count)) & 1) != 0;
                Operands.writeDest(s, m, i, addr, i.size, r);
                s.ccOp = Flags.CC_SHL;
                s.ccSize = size;
                s.ccDst = a;
                s.ccRes = r;
                s.ccAux = cf ? 1 : 0;
                return;
            }
            case SHR: {
                r = a >>> count;
                boolean cf = ((a >>> (count - 1)) & 1) != 0;
                Operands.writeDest(s, m, i, addr, i.size, r);
                s.ccOp = Flags.CC_SHR;
                s.ccSize = size;
                s.ccDst = a;
                s.ccRes = r;
                s.ccAux = cf ? 1 : 0;
                return;
            }
            case SAR: {
                long sa = signExtend(a, size);
                r = sa >> count;
                boolean cf = ((sa >> (count - 1)) & 1) != 0;
                Operands.writeDest(s, m, i, addr, i.size, r);
                s.ccOp = Flags.CC_SAR;
                s.ccSize = size;
                s.ccDst = a;
                s.ccRes = r;
                s.ccAux = cf ? 1 : 0;
                return;
            }
            case ROL: {
                int c = count % bits;
                r = c == 0 ? a : ((a << c) | (a >>> (bits - c))) & msk;
                Operands.writeDest(s, m, i, addr, i.size, r);
                boolean cf = (r & 1) != 0;
                boolean of = ((r >>> (bits - 1)) & 1) != 0 ^ cf;
                rotateFlags(s, cf, of);
                return;
            }
            case ROR: {
                int c = count % bits;
                r = c == 0 ? a : ((a >>> c) | (a << (bits - c))) & msk;
                Operands.writeDest(s, m, i, addr, i.size, r);
                boolean cf = ((r >>> (bits - 1)) & 1) != 0;
                boolean of = cf ^ (((r >>> (bits - 2)) & 1) != 0);
                rotateFlags(s, cf, of);
                return;
            }
            case RCL: {
                int c = size <= 2 ? count % (bits + 1) : count;
                boolean cf = Flags.cf(s);
                r = a;
                for (int k = 0; k < c; k++) {
                    boolean out = ((r >>> (bits - 1)) & 1) != 0;
                    r = ((r << 1) | (cf ? 1 : 0)) & msk;
                    cf = out;
                }
                Operands.writeDest(s, m, i, addr, i.size, r);
                boolean of = (((r >>> (bits - 1)) & 1) != 0) ^ cf;
                rotateFlags(s, cf, of);
                return;
            }
            case RCR: {
                int c = size <= 2 ? count % (bits + 1) : count;
                boolean cf = Flags.cf(s);
                r = a;
                boolean of = false;
                for (int k = 0; k < c; k++) {
                    of = (((r >>> (bits - 1)) & 1) != 0) ^ cf;
                    boolean out = (r & 1) != 0;
                    r = (r >>> 1) | ((cf ? 1L : 0L) << (bits - 1));
                    cf = out;
                }
                Operands.writeDest(s, m, i, addr, i.size, r);
                rotateFlags(s, cf, of);
                return;
            }
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /**
     * A shift whose masked count is 0 changes no flags and no value, but it is still a
     * read-modify-write: a 32-bit register destination is zero-extended, and a memory
     * destination must be writable (a read-only one faults, as on hardware).
     */
    private static void zeroCount(CpuState s, GuestMemory m, Insn i, long addr, long a) {
        if (i.kind0 == K_MEM) {
            m.checkWritable(addr, i.size);
        } else if (i.size == 4) {
            Operands.setReg(s, i.reg0, 4, a);
        }
    }

    private static void rotateFlags(CpuState s, boolean cf, boolean of) {
        Flags.materialize(s);
        long f = s.flags & ~(Flags.CF | Flags.OF);
        if (cf) f |= Flags.CF;
        if (of) f |= Flags.OF;
        s.flags = f;
    }

    /** SHLD/SHRD dst, src, count. */
    static void doubleShift(CpuState s, GuestMemory m, Insn i, boolean left) {
        int size = i.size;
        int bits = size * 8;
        long addr = Operands.destAddr(s, i);
        long a = Operands.readDest(s, m, i, addr, size);
        long b = Operands.getReg(s, i.reg1, size);
        int count = (int) (i.kind2 == K_REG ? s.r[CpuState.RCX] : i.imm) & (size == 8 ? 63 : 31);
        if (count == 0) {
            zeroCount(s, m, i, addr, a);
            return;
        }
        long msk = mask(size);
        a &= msk;
        b &= msk;
        long r;
        boolean cf;
        if (size == 2) {
            // counts above 16 are undefined; this shifts through dst:src:dst (48 bits)
            if (left) {
                long w = (a << 32) | (b << 16) | a;
                r = (w << count) >>> 32 & 0xffff;
                cf = ((w >>> (48 - count)) & 1) != 0;
            } else {
                long w = a | (b << 16) | (a << 32);
                r = (w >>> count) & 0xffff;
                cf = ((w >>> (count - 1)) & 1) != 0;
            }
        } else if (left) {
            r = ((a << count) | (b >>> (bits - count))) & msk;
            cf = ((a >>> (bits - count)) & 1) != 0;
        } else {
            r = ((a >>> count) | (b << (bits - count))) & msk;
            cf = ((a >>> (count - 1)) & 1) != 0;
        }
        Operands.writeDest(s, m, i, addr, i.size, r);
        boolean of = (((r ^ a) >>> (bits - 1)) & 1) != 0;
        eager(s, size, r, cf, of);
    }

    // ------------------------------------------------------------------ multiply and divide

    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** One-operand MUL and IMUL: rDX:rAX = rAX * src. */
    static void mulWide(CpuState s, GuestMemory m, Insn i, boolean signed) {
        int size = i.size;
        long src = Operands.read0(s, m, i);
        long[] r = s.r;
        long lo, hi;
        boolean overflow;
        switch (size) {
            case 1: {
                long p = signed ? (long) (byte) r[0] * (byte) src : (r[0] & 0xff) * (src & 0xff);
                Operands.setReg(s, 0, 2, p);
                lo = p & 0xff;
                hi = (p >> 8) & 0xff;
                overflow = signed ? p != (byte) p : (p & 0xff00) != 0;
                break;
            }
            case 2: {
                long p = signed ? (long) (short) r[0] * (short) src : (r[0] & 0xffff) * (src & 0xffff);
                Operands.setReg(s, 0, 2, p);
                Operands.setReg(s, 2, 2, p >> 16);
                lo = p & 0xffff;
                hi = (p >> 16) & 0xffff;
                overflow = signed ? p != (short) p : (p >>> 16) != 0;
                break;
            }
            case 4: {
                long p = signed ? (long) (int) r[0] * (int) src : (r[0] & 0xffffffffL) * (src & 0xffffffffL);
                r[0] = p & 0xffffffffL;
                r[2] = (p >>> 32) & 0xffffffffL;
                lo = p & 0xffffffffL;
                hi = p >>> 32;
                overflow = signed ? p != (int) p : (p >>> 32) != 0;
                break;
            }
            default: {
                long a = r[0];
                lo = a * src;
                hi = signed ? Math.multiplyHigh(a, src) : unsignedMultiplyHigh(a, src);
                r[0] = lo;
                r[2] = hi;
                overflow = signed ? hi != (lo >> 63) : hi != 0;
                break;
            }
        }
        mulFlags(s, size, lo, overflow);
    }

    /** Two- and three-operand IMUL: dst = src1 * src2, truncated. */
    static void imul(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        long a, b;
        if (i.nops == 3) {
            a = Operands.read1(s, m, i);
            b = i.imm;
        } else {
            a = Operands.getReg(s, i.reg0, size);
            b = Operands.read1(s, m, i);
        }
        a = signExtend(a, size);
        b = signExtend(b, size);
        long lo = a * b;
        boolean overflow;
        if (size == 8) {
            overflow = Math.multiplyHigh(a, b) != (lo >> 63);
        } else {
            overflow = lo != signExtend(lo, size);
        }
        Operands.setReg(s, i.reg0, size, lo);
        mulFlags(s, size, lo, overflow);
    }

    private static void mulFlags(CpuState s, int size, long lo, boolean overflow) {
        s.ccOp = Flags.CC_MUL;
        s.ccSize = size;
        s.ccRes = lo;
        s.ccAux = overflow ? 1 : 0;
    }

    /** DIV and IDIV; #DE (SIGFPE) on a zero divisor or a quotient that does not fit. Flags unchanged. */
    static void divide(CpuState s, GuestMemory m, Insn i, boolean signed) {
        int size = i.size;
        long d = Operands.read0(s, m, i) & mask(size);
        if (d == 0) {
            throw Trap.divide(i);
        }
        long[] r = s.r;
        switch (size) {
            case 1: {
                long n = r[0] & 0xffff;
                long q, rem;
                if (signed) {
                    long sn = (short) n, sd = (byte) d;
                    q = sn / sd;
                    rem = sn % sd;
                    if (q != (byte) q) throw Trap.divide(i);
                } else {
                    q = n / d;
                    rem = n % d;
                    if (q > 0xff) throw Trap.divide(i);
                }
                Operands.setReg(s, 0, 2, (q & 0xff) | (rem & 0xff) << 8);
                return;
            }
            case 2: {
                long n = (r[2] & 0xffff) << 16 | (r[0] & 0xffff);
                long q, rem;
                if (signed) {
                    long sn = (int) n, sd = (short) d;
                    q = sn / sd;
                    rem = sn % sd;
                    if (q != (short) q) throw Trap.divide(i);
                } else {
                    q = n / d;
                    rem = n % d;
                    if (q > 0xffff) throw Trap.divide(i);
                }
                Operands.setReg(s, 0, 2, q);
                Operands.setReg(s, 2, 2, rem);
                return;
            }
            case 4: {
                long n = (r[2] & 0xffffffffL) << 32 | (r[0] & 0xffffffffL);
                long q, rem;
                if (signed) {
                    long sd = (int) d;
                    if (n == Long.MIN_VALUE && sd == -1) throw Trap.divide(i);
                    q = n / sd;
                    rem = n % sd;
                    if (q != (int) q) throw Trap.divide(i);
                } else {
                    q = Long.divideUnsigned(n, d);
                    rem = Long.remainderUnsigned(n, d);
                    if ((q >>> 32) != 0) throw Trap.divide(i);
                }
                r[0] = q & 0xffffffffL;
                r[2] = rem & 0xffffffffL;
                return;
            }
            default: {
                long hi = r[2], lo = r[0];
                if (signed) {
                    divSigned128(s, i, hi, lo, d);
                } else {
                    if (Long.compareUnsigned(hi, d) >= 0) throw Trap.divide(i);
                    if (hi == 0) {
                        r[0] = Long.divideUnsigned(lo, d);
                        r[2] = Long.remainderUnsigned(lo, d);
                    } else {
                        java.math.BigInteger n = unsigned128(hi, lo);
                        java.math.BigInteger[] qr = n.divideAndRemainder(unsigned64(d));
                        r[0] = qr[0].longValue();
                        r[2] = qr[1].longValue();
                    }
                }
            }
        }
    }

    private static void divSigned128(CpuState s, Insn i, long hi, long lo, long d) {
        if (hi == (lo >> 63)) {
            if (lo == Long.MIN_VALUE && d == -1) throw Trap.divide(i);
            s.r[0] = lo / d;
            s.r[2] = lo % d;
            return;
        }
        java.math.BigInteger n = java.math.BigInteger.valueOf(hi).shiftLeft(64).or(unsigned64(lo));
        java.math.BigInteger[] qr = n.divideAndRemainder(java.math.BigInteger.valueOf(d));
        if (qr[0].bitLength() > 63) throw Trap.divide(i);
        s.r[0] = qr[0].longValue();
        s.r[2] = qr[1].longValue();
    }

    private static java.math.BigInteger unsigned64(long v) {
        java.math.BigInteger b = java.math.BigInteger.valueOf(v & Long.MAX_VALUE);
        return v < 0 ? b.setBit(63) : b;
    }

    private static java.math.BigInteger unsigned128(long hi, long lo) {
        return unsigned64(hi).shiftLeft(64).or(unsigned64(lo));
    }
}
