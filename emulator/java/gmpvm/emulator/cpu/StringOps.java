package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.CpuState.RAX;
import static gmpvm.emulator.cpu.CpuState.RCX;
import static gmpvm.emulator.cpu.CpuState.RDI;
import static gmpvm.emulator.cpu.CpuState.RSI;

import gmpvm.emulator.memory.GuestMemory;

/**
 * MOVS, STOS, LODS, SCAS and CMPS with REP/REPE/REPNE. Each iteration updates RSI/RDI/RCX
 * before the next begins, so a fault in the middle leaves the registers where a restart
 * continues, as on hardware. The source side (RSI) honours an FS/GS override; RDI never does.
 * DF chooses the direction. With the 0x67 prefix the index and count registers are 32-bit.
 */
final class StringOps {
    private StringOps() {
    }

    static void exec(CpuState s, GuestMemory m, Insn i) {
        boolean rep = (i.prefixes & (Insn.P_REP | Insn.P_REPNE)) != 0;
        if (!rep) {
            once(s, m, i);
            return;
        }
        boolean a32 = i.addr32;
        boolean compare = i.op == Op.CMPS || i.op == Op.SCAS;
        boolean repne = compare && i.mandatory == 0xf2;
        while (true) {
            long c = a32 ? s.r[RCX] & 0xffffffffL : s.r[RCX];
            if (c == 0) {
                return; // no iteration writes nothing, not even the upper half of RCX
            }
            if (!compare && !a32 && i.op != Op.LODS && fast(s, m, i, c)) {
                continue;
            }
            once(s, m, i);
            c--;
            s.r[RCX] = a32 ? c & 0xffffffffL : c;
            if (compare && (Flags.zf(s) == repne)) {
                return;
            }
        }
    }

    private static long base(CpuState s, Insn i) {
        return i.seg == Insn.SEG_FS ? s.fsBase : i.seg == Insn.SEG_GS ? s.gsBase : 0;
    }

    private static long idx(CpuState s, int reg, boolean a32) {
        return a32 ? s.r[reg] & 0xffffffffL : s.r[reg];
    }

    private static void advance(CpuState s, int reg, long delta, boolean a32) {
        long v = s.r[reg] + delta;
        s.r[reg] = a32 ? v & 0xffffffffL : v;
    }

    private static void once(CpuState s, GuestMemory m, Insn i) {
        int size = i.size;
        boolean a32 = i.addr32;
        long delta = s.df() ? -size : size;
        switch (i.op) {
            case MOVS: {
                long v = m.read(base(s, i) + idx(s, RSI, a32), size);
                m.write(idx(s, RDI, a32), size, v);
                advance(s, RSI, delta, a32);
                advance(s, RDI, delta, a32);
                return;
            }
            case STOS:
                m.write(idx(s, RDI, a32), size, s.r[RAX]);
                advance(s, RDI, delta, a32);
                return;
            case LODS:
                Operands.setReg(s, RAX, size, m.read(base(s, i) + idx(s, RSI, a32), size));
                advance(s, RSI, delta, a32);
                return;
            case SCAS: {
                long a = Operands.getReg(s, RAX, size);
                long b = m.read(idx(s, RDI, a32), size);
                advance(s, RDI, delta, a32);
                Flags.set(s, Flags.CC_SUB, size, a, b, a - b);
                return;
            }
            case CMPS: {
                long a = m.read(base(s, i) + idx(s, RSI, a32), size);
                long b = m.read(idx(s, RDI, a32), size);
                advance(s, RSI, delta, a32);
                advance(s, RDI, delta, a32);
                Flags.set(s, Flags.CC_SUB, size, a, b, a - b);
                return;
            }
            default:
                throw new IllegalStateException(i.op.name());
        }
    }

    /**
     * REP MOVS/STOS over whole pages at once when DF=0 and source and destination do not
     * overlap in a way that byte-by-byte copying would observe. Returns false to fall back to
     * one iteration at a time (which also produces precise faults).
     */
    private static boolean fast(CpuState s, GuestMemory m, Insn i, long count) {
        if (s.df() || count < 16) {
            return false;
        }
        int size = i.size;
        long dst = s.r[RDI];
        long bytes = Math.min(count, 4096 / size) * size;
        // stay within one page on each side so the permission check is a single lookup
        long dstRoom = 4096 - (dst & 4095);
        if (bytes > dstRoom) {
            bytes = dstRoom - dstRoom % size;
        }
        if (i.op == Op.MOVS) {
            long src = base(s, i) + s.r[RSI];
            long srcRoom = 4096 - (src & 4095);
            if (bytes > srcRoom) {
                bytes = srcRoom - srcRoom % size;
            }
            if (bytes < size * 4L || (dst > src && dst < src + bytes)) {
                return false;
            }
            byte[] buf = m.readBytes(src, (int) bytes);
            m.writeBytes(dst, buf, 0, (int) bytes);
            s.r[RSI] += bytes;
        } else {
            if (bytes < size * 4L) {
                return false;
            }
            byte[] buf = new byte[(int) bytes];
            long v = s.r[RAX];
            for (int k = 0; k < bytes; k++) {
                buf[k] = (byte) (v >>> ((k % size) * 8));
            }
            m.writeBytes(dst, buf, 0, (int) bytes);
        }
        s.r[RDI] += bytes;
        s.r[RCX] = count - bytes / size;
        return true;
    }
}
