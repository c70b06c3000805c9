package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_IMM;
import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Operands.mask;

import gmpvm.emulator.memory.GuestMemory;

/** Bit tests (BT BTS BTR BTC) and bit scans (BSF BSR TZCNT LZCNT POPCNT). */
final class Bits {
    private Bits() {
    }

    static void bitTest(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        int bits = size * 8;
        long off = i.kind1 == K_IMM ? i.imm & 0xff : Operands.getReg(s, i.reg1, size);
        long addr = 0;
        long v;
        int bit;
        if (i.kind0 == K_MEM) {
            addr = Operands.ea(s, i);
            if (i.kind1 == K_IMM) {
                bit = (int) (off & (bits - 1));
            } else {
                long sOff = Operands.signExtend(off, size);
                addr += (sOff >> (size == 2 ? 4 : size == 4 ? 5 : 6)) * size;
                bit = (int) (sOff & (bits - 1));
            }
            v = m.read(addr, size);
        } else {
            bit = (int) (off & (bits - 1));
            v = Operands.getReg(s, i.reg0, size);
        }
        boolean cf = ((v >>> bit) & 1) != 0;
        long nv;
        switch (i.op) {
            case BTS: nv = v | (1L << bit); break;
            case BTR: nv = v & ~(1L << bit); break;
            case BTC: nv = v ^ (1L << bit); break;
            default: nv = v; break;
        }
        if (i.op != Op.BT) {
            if (i.kind0 == K_MEM) {
                m.write(addr, size, nv);
            } else {
                Operands.setReg(s, i.reg0, size, nv);
            }
        }
        Flags.put(s, Flags.CF, cf);
    }

    static void scan(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        int bits = size * 8;
        long v = Operands.read1(s, m, i) & mask(size);
        Flags.materialize(s);
        long f = s.flags;
        switch (i.op) {
            case BSF:
            case BSR:
                if (v == 0) {
                    f |= Flags.ZF;
                } else {
                    f &= ~Flags.ZF;
                    long idx = i.op == Op.BSF ? Long.numberOfTrailingZeros(v) : 63 - Long.numberOfLeadingZeros(v);
                    Operands.setReg(s, i.reg0, size, idx);
                }
                break;
            case TZCNT:
            case LZCNT: {
                long n = i.op == Op.TZCNT ? (v == 0 ? bits : Long.numberOfTrailingZeros(v))
                        : Long.numberOfLeadingZeros(v) - (64 - bits);
                Operands.setReg(s, i.reg0, size, n);
                f = v == 0 ? f | Flags.CF : f & ~Flags.CF;
                f = n == 0 ? f | Flags.ZF : f & ~Flags.ZF;
                break;
            }
            default: { // POPCNT
                Operands.setReg(s, i.reg0, size, Long.bitCount(v));
                f &= ~Flags.ARITH;
                if (v == 0) {
                    f |= Flags.ZF;
                }
                break;
            }
        }
        s.flags = f;
    }
}
