package gmpvm.cli.gdb;

import gmpvm.emulator.cpu.CpuState;
import java.util.ArrayList;
import java.util.List;

/**
 * gdb's amd64 register numbering and how each register maps onto a {@link CpuState}: the
 * sixteen general registers in gdb's order (rax rbx rcx rdx rsi rdi rbp rsp r8–r15, not the
 * encoding's), rip, eflags, the six segment selectors, the x87 stack and control registers
 * (which the emulated CPU does not have: they read as an idle FPU, fctrl 0x37f, and writes to
 * them are ignored), xmm0–15, mxcsr, then orig_rax (-1: no system call to restart) and the
 * FS/GS bases. The {@code g} packet is these registers in this order, each in target byte
 * order; {@link TargetDescription} describes the same list to gdb, so the two cannot disagree.
 */
final class Amd64Registers {
    /** Where a register lives in gdb's feature set. */
    enum Feature {
        CORE("org.gnu.gdb.i386.core"),
        SSE("org.gnu.gdb.i386.sse"),
        LINUX("org.gnu.gdb.i386.linux"),
        SEGMENTS("org.gnu.gdb.i386.segments");

        final String gdbName;

        Feature(String gdbName) {
            this.gdbName = gdbName;
        }
    }

    /**
     * One register.
     *
     * @param name    gdb's name
     * @param bits    width
     * @param type    the type name in the target description
     * @param group   the group ("general", "float", "vector"), or null for the default
     * @param feature the feature that holds it
     */
    record Reg(String name, int bits, String type, String group, Feature feature) {
        int bytes() {
            return bits / 8;
        }
    }

    /** gdb's order of the general registers as CpuState indexes. */
    private static final int[] GPR = {CpuState.RAX, CpuState.RBX, CpuState.RCX, CpuState.RDX, CpuState.RSI,
        CpuState.RDI, CpuState.RBP, CpuState.RSP, 8, 9, 10, 11, 12, 13, 14, 15};
    static final int RIP = 16, EFLAGS = 17, CS = 18, SS = 19, DS = 20, ES = 21, FS = 22, GS = 23;
    static final int ST0 = 24, FCTRL = 32, FOP = 39, XMM0 = 40, MXCSR = 56, ORIG_RAX = 57, FS_BASE = 58,
            GS_BASE = 59;
    /** The selectors Linux gives a 64-bit user process (__USER_CS, __USER_DS). */
    static final long USER_CS = 0x33, USER_SS = 0x2b;
    /** fctrl after FNINIT: every exception masked, 64-bit precision, round to nearest. */
    static final long FCTRL_INIT = 0x37f;

    private final List<Reg> regs = new ArrayList<>();
    private final int[] offsets;
    private final int total;

    Amd64Registers() {
        String[] gpr = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp"};
        for (String n : gpr) {
            String type = n.equals("rbp") || n.equals("rsp") ? "data_ptr" : "int64";
            regs.add(new Reg(n, 64, type, null, Feature.CORE));
        }
        for (int i = 8; i < 16; i++) {
            regs.add(new Reg("r" + i, 64, "int64", null, Feature.CORE));
        }
        regs.add(new Reg("rip", 64, "code_ptr", null, Feature.CORE));
        regs.add(new Reg("eflags", 32, "i386_eflags", null, Feature.CORE));
        for (String n : new String[] {"cs", "ss", "ds", "es", "fs", "gs"}) {
            regs.add(new Reg(n, 32, "int32", null, Feature.CORE));
        }
        for (int i = 0; i < 8; i++) {
            regs.add(new Reg("st" + i, 80, "i387_ext", null, Feature.CORE));
        }
        for (String n : new String[] {"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop"}) {
            regs.add(new Reg(n, 32, "int", "float", Feature.CORE));
        }
        for (int i = 0; i < 16; i++) {
            regs.add(new Reg("xmm" + i, 128, "vec128", null, Feature.SSE));
        }
        regs.add(new Reg("mxcsr", 32, "i386_mxcsr", "vector", Feature.SSE));
        regs.add(new Reg("orig_rax", 64, "int", null, Feature.LINUX));
        regs.add(new Reg("fs_base", 64, "int", null, Feature.SEGMENTS));
        regs.add(new Reg("gs_base", 64, "int", null, Feature.SEGMENTS));
        offsets = new int[regs.size()];
        int off = 0;
        for (int i = 0; i < regs.size(); i++) {
            offsets[i] = off;
            off += regs.get(i).bytes();
        }
        total = off;
    }

    List<Reg> all() {
        return regs;
    }

    int count() {
        return regs.size();
    }

    /** Bytes in a {@code g} reply. */
    int totalBytes() {
        return total;
    }

    /** Register n's value in target byte order. */
    byte[] read(CpuState c, int n) {
        byte[] b = new byte[regs.get(n).bytes()];
        if (n < 16) {
            put(b, 0, c.r[GPR[n]], 8);
        } else if (n == RIP) {
            put(b, 0, c.rip, 8);
        } else if (n == EFLAGS) {
            put(b, 0, c.rflags(), 4);
        } else if (n == CS) {
            put(b, 0, USER_CS, 4);
        } else if (n == SS) {
            put(b, 0, USER_SS, 4);
        } else if (n == FCTRL) {
            put(b, 0, FCTRL_INIT, 4);
        } else if (n >= XMM0 && n < XMM0 + 16) {
            put(b, 0, c.xmmLo[n - XMM0], 8);
            put(b, 8, c.xmmHi[n - XMM0], 8);
        } else if (n == MXCSR) {
            put(b, 0, c.mxcsr, 4);
        } else if (n == ORIG_RAX) {
            put(b, 0, -1L, 8);
        } else if (n == FS_BASE) {
            put(b, 0, c.fsBase, 8);
        } else if (n == GS_BASE) {
            put(b, 0, c.gsBase, 8);
        }
        // ds, es, fs, gs selectors are 0 in a 64-bit Linux process; the x87 stack is empty
        return b;
    }

    /** Every register, in order: the {@code g} reply's bytes. */
    byte[] readAll(CpuState c) {
        byte[] all = new byte[total];
        for (int n = 0; n < regs.size(); n++) {
            byte[] b = read(c, n);
            System.arraycopy(b, 0, all, offsets[n], b.length);
        }
        return all;
    }

    /**
     * Sets register n from bytes in target order (exactly its size). Registers the CPU does not
     * have (x87, selectors, orig_rax) accept the write and keep their fixed values.
     */
    void write(CpuState c, int n, byte[] b, int off) {
        if (n < 16) {
            c.r[GPR[n]] = get(b, off, 8);
        } else if (n == RIP) {
            c.rip = get(b, off, 8);
        } else if (n == EFLAGS) {
            c.setRflags(get(b, off, 4));
        } else if (n >= XMM0 && n < XMM0 + 16) {
            c.xmmLo[n - XMM0] = get(b, off, 8);
            c.xmmHi[n - XMM0] = get(b, off + 8, 8);
        } else if (n == MXCSR) {
            c.mxcsr = (int) get(b, off, 4);
        } else if (n == FS_BASE) {
            c.fsBase = get(b, off, 8);
        } else if (n == GS_BASE) {
            c.gsBase = get(b, off, 8);
        }
    }

    /** Sets every register from a {@code G} packet's bytes (exactly {@link #totalBytes} of them). */
    void writeAll(CpuState c, byte[] b) {
        for (int n = 0; n < regs.size(); n++) {
            write(c, n, b, offsets[n]);
        }
    }

    private static void put(byte[] b, int off, long v, int size) {
        for (int i = 0; i < size; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private static long get(byte[] b, int off, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }
}
