package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_IMM;
import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_REG;

import gmpvm.emulator.memory.GuestMemory;

/**
 * Reading and writing operands: registers with x86's partial-register rules (8- and 16-bit
 * writes merge, 32-bit writes zero the upper half, AH-BH are bits 8-15), effective addresses
 * (base + index*scale + disp, the 0x67 32-bit wrap, FS/GS bases) and memory.
 */
final class Operands {
    private Operands() {
    }

    static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    static long signExtend(long v, int size) {
        switch (size) {
            case 1: return (byte) v;
            case 2: return (short) v;
            case 4: return (int) v;
            default: return v;
        }
    }

    static long getReg(CpuState s, int reg, int size) {
        if (reg >= Insn.AH) {
            return (s.r[reg - Insn.AH] >>> 8) & 0xff;
        }
        long v = s.r[reg];
        switch (size) {
            case 1: return v & 0xff;
            case 2: return v & 0xffff;
            case 4: return v & 0xffffffffL;
            default: return v;
        }
    }

    static void setReg(CpuState s, int reg, int size, long v) {
        switch (size) {
            case 1:
                if (reg >= Insn.AH) {
                    int r = reg - Insn.AH;
                    s.r[r] = (s.r[r] & ~0xff00L) | ((v & 0xff) << 8);
                } else {
                    s.r[reg] = (s.r[reg] & ~0xffL) | (v & 0xff);
                }
                return;
            case 2: s.r[reg] = (s.r[reg] & ~0xffffL) | (v & 0xffff); return;
            case 4: s.r[reg] = v & 0xffffffffL; return;
            default: s.r[reg] = v;
        }
    }

    /** The linear address of the memory operand (segment base included). */
    static long ea(CpuState s, Insn i) {
        long a = i.disp;
        int b = i.base;
        if (b >= 0 && b < 16) {
            a += s.r[b];
        }
        if (i.index >= 0) {
            a += s.r[i.index] * i.scale;
        }
        if (i.addr32) {
            a &= 0xffffffffL;
        }
        if (i.seg != Insn.SEG_NONE) {
            a += i.seg == Insn.SEG_FS ? s.fsBase : s.gsBase;
        }
        return a;
    }

    /** The offset part of the address (what LEA computes: no segment base). */
    static long offset(CpuState s, Insn i) {
        long a = i.disp;
        int b = i.base;
        if (b >= 0 && b < 16) {
            a += s.r[b];
        }
        if (i.index >= 0) {
            a += s.r[i.index] * i.scale;
        }
        return i.addr32 ? a & 0xffffffffL : a;
    }

    /**
     * True when a fault at {@code addr} was an access through the stack segment: the memory
     * operand based on RSP or RBP without a segment override, or the stack itself for the
     * instructions that push and pop. A non-canonical stack access is #SS (SIGBUS) rather
     * than #GP (SIGSEGV).
     */
    static boolean stackAccess(CpuState s, Insn i, long addr) {
        boolean hasMem = i.kind0 == K_MEM || i.kind1 == K_MEM || i.kind2 == K_MEM;
        int overrides = Insn.P_FS | Insn.P_GS; // CS DS ES SS overrides are ignored in 64-bit mode
        if (hasMem && (i.base == CpuState.RSP || i.base == CpuState.RBP) && (i.prefixes & overrides) == 0
                && addr - ea(s, i) >= 0 && addr - ea(s, i) < 16) {
            return true;
        }
        switch (i.op) {
            case PUSH: case POP: case CALL: case RET: case PUSHF: case POPF: case LEAVE: case ENTER: {
                long d = addr - s.r[CpuState.RSP];
                return d >= -64 && d < 64 || i.op == Op.LEAVE;
            }
            default:
                return false;
        }
    }

    static long read(CpuState s, GuestMemory m, Insn i, int kind, int reg, int size) {
        switch (kind) {
            case K_REG: return getReg(s, reg, size);
            case K_MEM: return m.read(ea(s, i), size);
            case K_IMM: return i.imm;
            default: throw new IllegalStateException("operand kind " + kind);
        }
    }

    static long read0(CpuState s, GuestMemory m, Insn i) {
        return read(s, m, i, i.kind0, i.reg0, i.size0);
    }

    static long read1(CpuState s, GuestMemory m, Insn i) {
        return read(s, m, i, i.kind1, i.reg1, i.size1);
    }

    static void write(CpuState s, GuestMemory m, Insn i, int kind, int reg, int size, long v) {
        if (kind == K_REG) {
            setReg(s, reg, size, v);
        } else {
            m.write(ea(s, i), size, v);
        }
    }

    static void write0(CpuState s, GuestMemory m, Insn i, long v) {
        write(s, m, i, i.kind0, i.reg0, i.size0, v);
    }

    static void write1(CpuState s, GuestMemory m, Insn i, long v) {
        write(s, m, i, i.kind1, i.reg1, i.size1, v);
    }

    /** The linear address of a memory destination (operand 0), or 0 when it is a register. */
    static long destAddr(CpuState s, Insn i) {
        return i.kind0 == K_MEM ? ea(s, i) : 0;
    }

    /** Reads operand 0 at addr (from {@link #destAddr}) or from its register. */
    static long readDest(CpuState s, GuestMemory m, Insn i, long addr, int size) {
        return i.kind0 == K_MEM ? m.read(addr, size) : getReg(s, i.reg0, size);
    }

    /** Writes operand 0 at addr (from {@link #destAddr}) or to its register. */
    static void writeDest(CpuState s, GuestMemory m, Insn i, long addr, int size, long v) {
        if (i.kind0 == K_MEM) {
            m.write(addr, size, v);
        } else {
            setReg(s, i.reg0, size, v);
        }
    }

    static void push(CpuState s, GuestMemory m, int size, long v) {
        long sp = s.r[CpuState.RSP] - size;
        m.write(sp, size, v);
        s.r[CpuState.RSP] = sp;
    }

    static long pop(CpuState s, GuestMemory m, int size) {
        long sp = s.r[CpuState.RSP];
        long v = m.read(sp, size);
        s.r[CpuState.RSP] = sp + size;
        return v;
    }
}
