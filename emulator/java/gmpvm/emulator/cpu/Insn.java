package gmpvm.emulator.cpu;

/**
 * One decoded instruction. The decoder fills it once; the interpreter executes it many times
 * (it is cached per code page), and the disassembler prints it.
 *
 * <p><b>Operands</b> are listed in Intel order, operand 0 being the destination, and only those
 * that Intel syntax (as GNU objdump prints it) shows: {@code shl eax,1} has two operands (the
 * second an {@link #K_IMM} of 1), {@code mul rcx} has one, {@code cqo} and {@code rep movsb} none.
 * Each operand has a kind ({@code K_*}), a register number (GPR 0-15, or 16-19 for AH CH DH BH;
 * XMM 0-15) and a size in bytes (1, 2, 4, 8, or 16 for XMM/m128). There is at most one memory
 * operand; its address parts are {@link #seg}, {@link #base}, {@link #index}, {@link #scale},
 * {@link #disp}. A RIP-relative address has {@code base == RIP} and {@code disp} already
 * resolved to the absolute address.
 */
public final class Insn {
    // operand kinds
    public static final int K_NONE = 0;
    public static final int K_REG = 1;
    public static final int K_MEM = 2;
    public static final int K_IMM = 3;
    public static final int K_REL = 4;
    public static final int K_XMM = 5;

    /** Register number meaning "the byte registers AH, CH, DH, BH" start here (16 + n - 4). */
    public static final int AH = 16;
    /** {@link #base} value for RIP-relative addressing. */
    public static final int RIP = 16;

    // segment overrides kept for addressing
    public static final int SEG_NONE = 0, SEG_FS = 1, SEG_GS = 2;

    // prefix bits
    public static final int P_LOCK = 1, P_REP = 2, P_REPNE = 4, P_OPSIZE = 8, P_ADDR32 = 16,
            P_FS = 32, P_GS = 64, P_CS = 128, P_DS = 256, P_ES = 512, P_SS = 1024, P_REX = 2048;

    // ------------------------------------------------------------------ identity
    public long addr;
    public int len;
    public Op op;
    /** Condition code for JCC, SETCC and CMOV (see {@link Cond}). */
    public int cc;
    /** The instruction's operand size in bytes (its main operation width). */
    public int size;
    /** Prefix bit set ({@code P_*}). */
    public int prefixes;
    /** The REX byte, or 0. */
    public int rex;
    /** Opcode: 0x00-0xff one-byte map, 0x0f00|b two-byte map, 0x0f3800|b and 0x0f3a00|b. */
    public int opcode;
    /** The mandatory-prefix byte in effect for SSE opcodes (0, 0x66, 0xf2, 0xf3). */
    public int mandatory;
    /** Raw ModRM byte, or -1 when the instruction has none. */
    public int modrm = -1;

    // ------------------------------------------------------------------ operands
    public int nops;
    public int kind0, reg0, size0;
    public int kind1, reg1, size1;
    public int kind2, reg2, size2;

    // ------------------------------------------------------------------ memory operand
    public int seg;
    public int base = -1;
    public int index = -1;
    public int scale = 1;
    public long disp;
    /** True when the memory address is computed with 32-bit wrap (0x67 prefix). */
    public boolean addr32;

    /** Immediate operand value (sign- or zero-extended as the instruction defines). */
    public long imm;
    /** Second immediate (ENTER's nesting level). */
    public long imm2;
    /** Absolute branch target of a K_REL operand. */
    public long target;

    // ------------------------------------------------------------------ interpreter links
    /** The decoded instruction that follows this one in memory, once looked up. */
    public Insn next;
    /** The cached decoded instruction at {@link #target}, once a branch went there. */
    public Insn taken;
    /** Set when the bytes this was decoded from were written: it must be decoded again. */
    public boolean stale;
    /** Interpreter-private handler index chosen at first execution (0 = not yet chosen). */
    public int handler;

    public int kind(int n) {
        return n == 0 ? kind0 : n == 1 ? kind1 : kind2;
    }

    public int reg(int n) {
        return n == 0 ? reg0 : n == 1 ? reg1 : reg2;
    }

    public int opSize(int n) {
        return n == 0 ? size0 : n == 1 ? size1 : size2;
    }

    public boolean has(int prefix) {
        return (prefixes & prefix) != 0;
    }

    public long nextAddr() {
        return addr + len;
    }

    void setOp(int n, int kind, int reg, int size) {
        switch (n) {
            case 0: kind0 = kind; reg0 = reg; size0 = size; break;
            case 1: kind1 = kind; reg1 = reg; size1 = size; break;
            default: kind2 = kind; reg2 = reg; size2 = size; break;
        }
        if (n + 1 > nops) {
            nops = n + 1;
        }
    }

    @Override
    public String toString() {
        return String.format("%x: %s/%d len=%d", addr, op, size, len);
    }
}
