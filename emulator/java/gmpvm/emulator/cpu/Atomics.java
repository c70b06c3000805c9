package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_MEM;

import gmpvm.emulator.memory.GuestMemory;

/**
 * CMPXCHG, XADD, CMPXCHG8B and CMPXCHG16B. Guest threads interleave only at instruction
 * boundaries, so each of these is atomic by construction; LOCK adds nothing to execute.
 */
final class Atomics {
    private Atomics() {
    }

    static void cmpxchg(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        long addr = Operands.destAddr(s, i);
        long dst = Operands.readDest(s, m, i, addr, size);
        long acc = Operands.getReg(s, CpuState.RAX, size);
        long src = Operands.getReg(s, i.reg1, size);
        boolean equal = ((acc ^ dst) & Operands.mask(size)) == 0;
        Operands.writeDest(s, m, i, addr, size, equal ? src : dst);
        if (!equal) {
            Operands.setReg(s, CpuState.RAX, size, dst);
        }
        Flags.set(s, Flags.CC_SUB, size, acc, dst, acc - dst);
    }

    static void xadd(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        long addr = Operands.destAddr(s, i);
        long dst = Operands.readDest(s, m, i, addr, size);
        long src = Operands.getReg(s, i.reg1, size);
        long sum = dst + src;
        if (i.kind0 == K_MEM) {
            m.write(addr, size, sum);
            Operands.setReg(s, i.reg1, size, dst);
        } else {
            Operands.setReg(s, i.reg1, size, dst);
            Operands.setReg(s, i.reg0, size, sum);
        }
        Flags.set(s, Flags.CC_ADD, size, dst, src, sum);
    }

    static void cmpxchgWide(CpuState s, GuestMemory m, Insn i) {
        long addr = Operands.ea(s, i);
        long[] r = s.r;
        boolean equal;
        if (i.op == Op.CMPXCHG16B) {
            if ((addr & 15) != 0) {
                throw Trap.generalProtection();
            }
            m.checkWritable(addr, 16);
            long lo = m.read64(addr), hi = m.read64(addr + 8);
            equal = lo == r[CpuState.RAX] && hi == r[CpuState.RDX];
            if (equal) {
                m.write64(addr, r[CpuState.RBX]);
                m.write64(addr + 8, r[CpuState.RCX]);
            } else {
                m.write64(addr, lo);
                m.write64(addr + 8, hi);
                r[CpuState.RAX] = lo;
                r[CpuState.RDX] = hi;
            }
        } else {
            long v = m.read64(addr);
            long expect = (r[CpuState.RDX] & 0xffffffffL) << 32 | (r[CpuState.RAX] & 0xffffffffL);
            equal = v == expect;
            if (equal) {
                m.write64(addr, (r[CpuState.RCX] & 0xffffffffL) << 32 | (r[CpuState.RBX] & 0xffffffffL));
            } else {
                m.write64(addr, v);
                r[CpuState.RAX] = v & 0xffffffffL;
                r[CpuState.RDX] = v >>> 32;
            }
        }
        Flags.put(s, Flags.ZF, equal);
    }
}
