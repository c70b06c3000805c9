package gmpvm.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of random integer instruction sequences in Intel syntax, for the native
 * differential test. Each {@link Case} starts from a register file of edge values (0, 1, -1,
 * sign boundaries, random) and runs a short sequence.
 *
 * <p>Memory operands always land in the 4 KiB data buffer at {@link #DATA}: a case pins a base
 * register B and an index register I (which no instruction of the case writes) to known values
 * and chooses displacements from them; RSP points into the buffer too, and a string case also
 * pins RSI, RDI and RCX. Rarely an operand addresses unmapped memory on purpose, to compare the
 * SIGSEGV. 8-bit forms use AH-BH (no REX) or SPL-R15B (REX), never both in one instruction.
 */
final class X86Gen {
    static final long CODE = 0x20000000L;
    static final long DATA = 0x10000000L;
    static final int DATA_SIZE = 4096;
    /** A read-only page right after the buffer (bytes (i * 7 + 3) & 0xff): writes there fault. */
    static final long RO = DATA + DATA_SIZE;

    static final String[] R64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
        "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
        "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
    static final String[] R8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
        "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
    static final String[] HIGH8 = {"ah", "ch", "dh", "bh"};
    static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np",
        "l", "ge", "le", "g"};
    static final long[] EDGE = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffffL,
        0x80000000L, 0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, -2, 0x100000000L};
    private static final int AH = 16;

    /** A generated test case: initial registers and flags, the buffer seed and the instructions. */
    record Case(long[] regs, long flags, long bufSeed, List<GenInsn> insns) {
    }

    private final SplittableRandom rnd;
    // per case
    private long[] regs;
    private boolean[] pinned;
    private int base;
    private int index;
    private long baseOff;
    private long indexVal;
    private int stackDepth;
    private boolean stringCase;
    /** The string case runs its string instructions with the 0x67 prefix (32-bit RSI/RDI/RCX). */
    private boolean addr32Strings;
    private List<GenInsn> out;
    // per instruction: true when the instruction must encode without REX (uses AH-BH)
    private boolean legacy;

    X86Gen(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    // ------------------------------------------------------------------ cases

    Case next(int maxInsns) {
        return next(maxInsns, false);
    }

    /** A case of SSE moves and SSE2 integer operations mixed with a few integer instructions. */
    Case nextSse(int maxInsns) {
        return next(maxInsns, true);
    }

    /**
     * Sixteen XMM registers (low, high) of edge and random values, then MXCSR. A register holds
     * integers, two doubles or four floats, drawn from the IEEE edge cases (zeros, infinities,
     * quiet and signaling NaNs, denormals, the largest and smallest normals, rounding and
     * conversion boundaries). MXCSR is mostly the default with some sticky flags, sometimes with
     * another rounding mode, DAZ or FTZ, and sometimes with exceptions unmasked.
     */
    long[] xmmValues() {
        long[] x = new long[33];
        for (int k = 0; k < 16; k++) {
            switch (rnd.nextInt(3)) {
                case 0:
                    x[2 * k] = value();
                    x[2 * k + 1] = value();
                    break;
                case 1:
                    x[2 * k] = double64();
                    x[2 * k + 1] = double64();
                    break;
                default:
                    x[2 * k] = float32() | float32() << 32;
                    x[2 * k + 1] = float32() | float32() << 32;
                    break;
            }
        }
        x[32] = mxcsr();
        return x;
    }

    private static final long[] DOUBLES = {
        0, 0x8000000000000000L, 0x3ff0000000000000L, 0xbff0000000000000L, 0x7ff0000000000000L,
        0xfff0000000000000L, 0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff0000000000001L,
        0xfff4000000000123L, 0x7ffc0000deadbeefL, 0x0000000000000001L, 0x800fffffffffffffL,
        0x0010000000000000L, 0x8010000000000001L, 0x7fefffffffffffffL, 0xffefffffffffffffL,
        0x3ca0000000000000L, 0x3cb8000000000000L, 0x3ff0000000000001L, 0x3fe0000000000000L,
        0x41dfffffffe00000L, 0x41dfffffffffffffL, 0x41e0000000000000L, 0xc1e0000000000000L,
        0xc1e0000000100000L, 0x43dfffffffffffffL, 0x43e0000000000000L, 0xc3e0000000000000L,
        0x4330000000000000L, 0x4338000000000001L, 0x3ff8000000000000L, 0x4004000000000000L,
        0x36a0000000000000L, 0x47efffffe0000000L, 0x47efffffefffffffL, 0x3810000000000000L,
        0x380fffffffffffffL, 0x36a8000000000000L, 0x3feffffffffffffeL, 0x4000000000000000L,
    };

    private static final int[] FLOATS = {
        0, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
        0x7f800001, 0xffa00123, 0x7fe0beef, 0x00000001, 0x807fffff, 0x00800000, 0x80800001,
        0x7f7fffff, 0xff7fffff, 0x33800000, 0x34000000, 0x3f800001, 0x3f000000, 0x4effffff,
        0x4f000000, 0xcf000000, 0xcf000001, 0x5effffff, 0x5f000000, 0xdf000000, 0x4b000000,
        0x4b400001, 0x3fc00000, 0x40200000, 0x3f7fffff, 0x40000000, 0x00400000,
    };

    private long double64() {
        switch (rnd.nextInt(4)) {
            case 0: return rnd.nextLong();
            case 1: {
                // a random value of a moderate exponent, sometimes a small integer
                double d = rnd.nextInt(3) == 0 ? rnd.nextInt(2001) - 1000 : (rnd.nextDouble() - 0.5) * Math.scalb(1.0, rnd.nextInt(140) - 70);
                return Double.doubleToRawLongBits(d);
            }
            default: return DOUBLES[rnd.nextInt(DOUBLES.length)];
        }
    }

    private long float32() {
        int v;
        switch (rnd.nextInt(4)) {
            case 0: v = rnd.nextInt(); break;
            case 1: {
                float f = rnd.nextInt(3) == 0 ? rnd.nextInt(2001) - 1000 : (float) ((rnd.nextDouble() - 0.5) * Math.scalb(1.0, rnd.nextInt(60) - 30));
                v = Float.floatToRawIntBits(f);
                break;
            }
            default: v = FLOATS[rnd.nextInt(FLOATS.length)]; break;
        }
        return v & 0xffffffffL;
    }

    /** An MXCSR value for a case (see {@link #xmmValues}). */
    private long mxcsr() {
        int v = 0x1f80;
        if (rnd.nextInt(3) == 0) {
            v |= rnd.nextInt(64); // sticky flags
        }
        if (rnd.nextInt(3) == 0) {
            v |= rnd.nextInt(4) << 13; // rounding control
        }
        if (rnd.nextInt(6) == 0) {
            v |= 0x40; // DAZ
        }
        if (rnd.nextInt(6) == 0) {
            v |= 0x8000; // FTZ
        }
        if (rnd.nextInt(8) == 0) {
            v &= ~((1 << rnd.nextInt(6)) << 7); // one exception unmasked
            v &= ~0x3f; // without a pending flag of its own (not an exception yet)
        }
        return v;
    }

    private Case next(int maxInsns, boolean sse) {
        regs = new long[16];
        pinned = new boolean[16];
        for (int k = 0; k < 16; k++) {
            regs[k] = value();
        }
        int[] candidates = {3, 5, 8, 9, 10, 11, 12, 13, 14, 15};
        base = candidates[rnd.nextInt(candidates.length)];
        do {
            index = candidates[rnd.nextInt(candidates.length)];
        } while (index == base);
        baseOff = 0x200 + rnd.nextInt(0xc00);
        indexVal = rnd.nextInt(16);
        regs[base] = DATA + baseOff;
        regs[index] = indexVal;
        regs[4] = DATA + 0x780 + 8 * rnd.nextInt(32) + (rnd.nextInt(8) == 0 ? 4 : 0);
        pinned[4] = pinned[base] = pinned[index] = true;
        stringCase = rnd.nextInt(6) == 0;
        if (stringCase) {
            regs[6] = DATA + 0x600 + rnd.nextInt(0x100);
            regs[7] = DATA + 0x700 + rnd.nextInt(0x100);
            regs[1] = rnd.nextInt(41);
            pinned[1] = pinned[6] = pinned[7] = true;
            addr32Strings = rnd.nextInt(3) == 0;
            if (addr32Strings) {
                // the upper halves do not take part in 32-bit addressing; they show whether
                // the instruction writes the registers back as 32-bit values
                regs[1] |= rnd.nextLong() << 32;
                regs[6] |= rnd.nextLong() << 32;
                regs[7] |= rnd.nextLong() << 32;
            }
        }
        long flags = 0x202 | (rnd.nextLong() & Undef.ARITH) | (rnd.nextInt(4) == 0 ? 0x400 : 0);
        stackDepth = 0;
        out = new ArrayList<>();
        int n = 1 + rnd.nextInt(maxInsns);
        while (out.size() < n) {
            legacy = false;
            if (sse && rnd.nextInt(5) != 0) {
                sseOne();
            } else if (stringCase && rnd.nextInt(2) == 0) {
                stringOp();
            } else {
                one();
            }
        }
        return new Case(regs, flags, rnd.nextLong(), out);
    }

    private void one() {
        switch (rnd.nextInt(38)) {
            case 0: case 1: mov(); break;
            case 2: movExtend(); break;
            case 3: cmov(); break;
            case 4: xchg(); break;
            case 5: lea(); break;
            case 6: pushPop(); break;
            case 7: case 8: case 9: alu(); break;
            case 10: unary(); break;
            case 11: case 12: shift(); break;
            case 13: doubleShift(); break;
            case 14: mulWide(); break;
            case 15: imul(); break;
            case 16: div(); break;
            case 17: convert(); break;
            case 18: bitTest(); break;
            case 19: bitScan(); break;
            case 20: setcc(); break;
            case 21: cmpxchg(); break;
            case 22: xadd(); break;
            case 23: cmpxchgWide(); break;
            case 24: flagOps(); break;
            case 25: misc(); break;
            case 26: bswap(); break;
            case 27: popf(); break;
            case 28: lahfSahf(); break;
            case 29: leave(); break;
            case 30: enter(); break;
            case 31: raw(); break;
            case 32: wildAccess(); break;
            case 33: case 34: branch(); break;
            case 35: stackPointer(); break;
            default: alu(); break;
        }
    }

    // ------------------------------------------------------------------ values

    long value() {
        switch (rnd.nextInt(8)) {
            case 0: case 1: case 2: return EDGE[rnd.nextInt(EDGE.length)];
            case 3: return rnd.nextInt(64);
            case 4: return (rnd.nextLong() & ~0xffffL) | (EDGE[rnd.nextInt(EDGE.length)] & 0xffff);
            case 5: return -rnd.nextInt(64);
            default: return rnd.nextLong();
        }
    }

    /** A signed immediate that fits size bytes (at most 32 bits), as decimal text. */
    private long imm(int size) {
        int bits = Math.min(size, 4) * 8;
        long v;
        switch (rnd.nextInt(5)) {
            case 0: v = EDGE[rnd.nextInt(EDGE.length)]; break;
            case 1: v = rnd.nextInt(256) - 128; break;
            default: v = rnd.nextLong(); break;
        }
        return (v << (64 - bits)) >> (64 - bits);
    }

    private static int[] sizes(int... s) {
        return s;
    }

    private int pick(int[] s) {
        return s[rnd.nextInt(s.length)];
    }

    // ------------------------------------------------------------------ registers

    private static String ptr(int size) {
        switch (size) {
            case 1: return "byte ptr ";
            case 2: return "word ptr ";
            case 4: return "dword ptr ";
            case 8: return "qword ptr ";
            default: return "xmmword ptr ";
        }
    }

    static String reg(int r, int size) {
        if (r >= AH) {
            return HIGH8[r - AH];
        }
        switch (size) {
            case 1: return R8[r];
            case 2: return R16[r];
            case 4: return R32[r];
            default: return R64[r];
        }
    }

    /** The full register a register operand writes. */
    private static int full(int r) {
        return r >= AH ? r - AH : r;
    }

    /** A register the instruction may write. */
    private int dst(int size) {
        while (true) {
            int r = candidate(size);
            if (!pinned[full(r)]) {
                return r;
            }
        }
    }

    /** A register the instruction only reads. */
    private int src(int size) {
        return candidate(size);
    }

    private int candidate(int size) {
        if (legacy) {
            if (size == 1) {
                int k = rnd.nextInt(8);
                return k < 4 ? k : AH + k - 4;
            }
            return rnd.nextInt(8);
        }
        return rnd.nextInt(16);
    }

    /** Starts an instruction of this size: 8-bit ones use AH-BH (and no REX) now and then. */
    private void begin(int size) {
        legacy = size == 1 && rnd.nextInt(3) == 0;
    }

    // ------------------------------------------------------------------ memory operands

    /** A memory operand of this size inside the data buffer (rarely outside, to fault). */
    private String mem(int size) {
        return ptr(size) + bracket(addr(size, size >= 16 ? 16 : rnd.nextInt(2) == 0 ? size : 1, true));
    }

    private static String bracket(String a) {
        return a.startsWith("gs:") ? a : "[" + a + "]";
    }

    /** A memory operand whose address is aligned to align and never faults. */
    private String memSafe(int size, int align) {
        return ptr(size) + bracket(addr(size, align, false));
    }

    private String addr(int size, int align, boolean mayFault) {
        int room = DATA_SIZE - Math.max(size, 16);
        long t = rnd.nextInt(room) & -align;
        if (mayFault && size > 1 && size <= 8 && rnd.nextInt(100) == 0) {
            // straddles the end of the buffer into the read-only page (stores fault, and must not
            // write the part that was writable) or its start from the unmapped page below
            return rnd.nextInt(2) == 0 ? hex(RO - 1 - rnd.nextInt(size - 1)) : hex(DATA - 1 - rnd.nextInt(size - 1));
        }
        if (rnd.nextInt(40) == 0) {
            // the GS base is the buffer's address
            if (rnd.nextInt(2) == 0 || legacy && index >= 8) {
                return "gs:" + hex(t);
            }
            int sc = 1 << rnd.nextInt(4);
            return "gs:[" + R64[index] + "*" + sc + " + " + hex(t - indexVal * sc) + "]";
        }
        if (align == 16 && rnd.nextInt(12) == 0) {
            t += 8; // misaligned CMPXCHG16B: #GP
        }
        if (mayFault && rnd.nextInt(150) == 0) {
            return hex(0x1000 + rnd.nextInt(0x100)); // unmapped: SEGV_MAPERR
        }
        if (mayFault && rnd.nextInt(150) == 0) {
            return hex(RO + rnd.nextInt(0x1000 - 16)); // read-only: stores fault with SEGV_ACCERR
        }
        boolean noRex = legacy;
        while (true) {
            switch (rnd.nextInt(8)) {
                case 0: case 1:
                    if (noRex && base >= 8) {
                        continue;
                    }
                    return R64[base] + disp(t - baseOff);
                case 2: {
                    if (noRex && (base >= 8 || index >= 8)) {
                        continue;
                    }
                    int sc = 1 << rnd.nextInt(4);
                    return R64[base] + " + " + R64[index] + "*" + sc + disp(t - baseOff - indexVal * sc);
                }
                case 3:
                    return "rip + dbuf" + disp(t);
                case 4:
                    return hex(DATA + t);
                case 5: {
                    if (noRex && index >= 8) {
                        continue;
                    }
                    int sc = 1 << rnd.nextInt(4);
                    return R64[index] + "*" + sc + " + " + hex(DATA + t - indexVal * sc);
                }
                case 6: {
                    if (noRex && base >= 8) {
                        continue;
                    }
                    return R32[base] + disp(t - baseOff); // 0x67: 32-bit address (the buffer is below 4 GiB)
                }
                default: {
                    long sp = regs[4] - DATA + stackDepth * -8L;
                    long d = t - sp;
                    if (d < -128 || d > 127) {
                        continue;
                    }
                    return "rsp" + disp(d);
                }
            }
        }
    }

    private static String disp(long d) {
        return d == 0 ? "" : d < 0 ? " - " + hex(-d) : " + " + hex(d);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** A register or (one time in three) memory operand the instruction writes. */
    private String rmDst(int size) {
        return rnd.nextInt(3) == 0 ? mem(size) : reg(dst(size), size);
    }

    private String rmSrc(int size) {
        return rnd.nextInt(3) == 0 ? mem(size) : reg(src(size), size);
    }

    private static final String[] SEGMENTS = {"ds ", "cs "};

    private void emit(String text) {
        if (text.contains("ptr [") && !text.startsWith("lock") && !text.startsWith("push") && rnd.nextInt(25) == 0) {
            text = SEGMENTS[rnd.nextInt(2)] + text; // ignored segment overrides
        }
        out.add(GenInsn.plain(text));
    }

    private void emit(String text, Undef u) {
        out.add(GenInsn.of(text, u));
    }

    // ------------------------------------------------------------------ families

    private void mov() {
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        switch (rnd.nextInt(6)) {
            case 0: emit("mov " + reg(dst(size), size) + ", " + reg(src(size), size)); break;
            case 1: emit("mov " + reg(dst(size), size) + ", " + mem(size)); break;
            case 2: emit("mov " + mem(size) + ", " + reg(src(size), size)); break;
            case 3: emit("mov " + rmDst(size) + ", " + imm(size)); break;
            case 4: {
                int r = dst(8);
                legacy = false;
                emit("movabs " + R64[r] + ", " + hex(value()));
                break;
            }
            default:
                legacy = false;
                if (rnd.nextInt(2) == 0) {
                    emit("movabs " + reg(0, size) + ", " + ptr(size) + "[" + hex(DATA + (rnd.nextInt(DATA_SIZE - 8))) + "]");
                } else {
                    emit("movabs " + ptr(size) + "[" + hex(DATA + (rnd.nextInt(DATA_SIZE - 8))) + "], " + reg(0, size));
                }
        }
    }

    private void movExtend() {
        switch (rnd.nextInt(3)) {
            case 0: case 1: {
                String op = rnd.nextInt(2) == 0 ? "movzx " : "movsx ";
                int from = pick(sizes(1, 2));
                int to = from == 1 ? pick(sizes(2, 4, 8)) : pick(sizes(4, 8));
                begin(from);
                if (legacy && to == 8) {
                    to = 4;
                }
                emit(op + reg(dst(to), to) + ", " + rmSrc(from));
                break;
            }
            default:
                emit("movsxd " + R64[dst(8)] + ", " + rmSrc(4));
        }
    }

    private void cmov() {
        int size = pick(sizes(2, 4, 8));
        emit("cmov" + CC[rnd.nextInt(16)] + " " + reg(dst(size), size) + ", " + rmSrc(size));
    }

    private void xchg() {
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        String a = reg(rnd.nextInt(4) == 0 ? 0 : dst(size), size);
        if (rnd.nextInt(3) == 0) {
            emit((rnd.nextInt(3) == 0 ? "lock " : "") + "xchg " + mem(size) + ", " + a);
        } else {
            emit("xchg " + a + ", " + reg(dst(size), size));
        }
    }

    private void lea() {
        int size = pick(sizes(2, 4, 8));
        int b = rnd.nextInt(16), x = rnd.nextInt(16);
        long d = rnd.nextInt(3) == 0 ? imm(4) : rnd.nextInt(256) - 128;
        String ix = x == 4 ? "" : " + " + R64[x] + "*" + (1 << rnd.nextInt(4));
        if (rnd.nextInt(4) == 0) {
            ix = ix.isEmpty() ? "" : " + " + R32[x] + "*" + (1 << rnd.nextInt(4));
            emit("lea " + reg(dst(size), size) + ", [" + R32[b] + ix + disp(d) + "]");
        } else {
            emit("lea " + reg(dst(size), size) + ", [" + R64[b] + ix + disp(d) + "]");
        }
    }

    private void pushPop() {
        boolean push = stackDepth <= -6 || (stackDepth < 6 && rnd.nextInt(2) == 0);
        boolean word = rnd.nextInt(6) == 0;
        if (push) {
            stackDepth++;
            switch (rnd.nextInt(4)) {
                case 0: emit("push " + mem(word ? 2 : 8)); break;
                case 1: if (!word) {
                    emit("push " + imm(4));
                    break;
                }
                // fall through
                default: emit("push " + reg(src(8), word ? 2 : 8)); break;
            }
            if (word) {
                // keep the stack 8-aligned for the rest of the case
                emit("push " + R16[src(2)]);
            }
        } else {
            stackDepth--;
            if (rnd.nextInt(4) == 0) {
                if (rnd.nextInt(3) == 0) {
                    emit("pop qword ptr [rsp + 8]"); // the address uses RSP after the pop
                } else {
                    emit("pop " + memSafe(8, 1));
                }
            } else if (word) {
                emit("pop " + R16[dst(2)]);
                emit("pop " + R16[dst(2)]);
            } else {
                emit("pop " + R64[dst(8)]);
            }
        }
    }

    private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", "test"};

    private void alu() {
        String op = ALU[rnd.nextInt(ALU.length)];
        Undef u = op.equals("and") || op.equals("or") || op.equals("xor") || op.equals("test") ? Undef.LOGIC : Undef.NONE;
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        boolean writes = !op.equals("cmp") && !op.equals("test");
        String lock = writes && rnd.nextInt(3) == 0 ? "lock " : "";
        switch (rnd.nextInt(6)) {
            case 0: case 1:
                emit(op + " " + reg(writes ? dst(size) : src(size), size) + ", " + reg(src(size), size), u);
                break;
            case 2:
                if (op.equals("test")) {
                    emit("test " + mem(size) + ", " + reg(src(size), size), u);
                } else {
                    emit(op + " " + reg(writes ? dst(size) : src(size), size) + ", " + mem(size), u);
                }
                break;
            case 3:
                emit(lock + op + " " + mem(size) + ", " + reg(src(size), size), u);
                break;
            case 4:
                emit(lock + op + " " + mem(size) + ", " + imm(size), u);
                break;
            default:
                emit(op + " " + reg(writes ? (rnd.nextInt(3) == 0 ? 0 : dst(size)) : src(size), size) + ", " + imm(size), u);
                break;
        }
    }

    private void unary() {
        String[] ops = {"inc", "dec", "neg", "not"};
        String op = ops[rnd.nextInt(4)];
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        if (rnd.nextInt(2) == 0) {
            emit((rnd.nextInt(2) == 0 ? "lock " : "") + op + " " + mem(size));
        } else {
            emit(op + " " + reg(dst(size), size));
        }
    }

    private static final String[] SHIFTS = {"rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar"};

    private int shiftCount() {
        switch (rnd.nextInt(5)) {
            case 0: return 1;
            case 1: return rnd.nextInt(256);
            default: return rnd.nextInt(70);
        }
    }

    /** Sets CL to a chosen count when RCX is free (so counts cover the interesting range). */
    private void setCl() {
        if (!pinned[1] && rnd.nextInt(3) != 0) {
            emit("mov cl, " + shiftCount());
        }
    }

    private void shift() {
        String op = SHIFTS[rnd.nextInt(SHIFTS.length)];
        Undef u = op.startsWith("rc") ? Undef.ROTATE_CARRY : op.startsWith("ro") ? Undef.ROTATE : Undef.SHIFT;
        int size = pick(sizes(1, 2, 4, 8));
        int kind = rnd.nextInt(3);
        if (kind == 2) {
            setCl();
        }
        begin(size);
        String dst = rmDst(size);
        switch (kind) {
            case 0: out.add(new GenInsn(op + " " + dst + ", 1", u, size, 1, -1)); break;
            case 1: {
                int c = shiftCount();
                out.add(new GenInsn(op + " " + dst + ", " + c, u, size, c, -1));
                break;
            }
            default: out.add(new GenInsn(op + " " + dst + ", cl", u, size, -1, -1)); break;
        }
    }

    private void doubleShift() {
        String op = rnd.nextInt(2) == 0 ? "shld" : "shrd";
        int size = pick(sizes(2, 4, 8));
        boolean memDst = rnd.nextInt(3) == 0;
        int d = memDst ? -1 : dst(size);
        String dst = memDst ? mem(size) : reg(d, size);
        String src = reg(src(size), size);
        if (rnd.nextInt(2) == 0) {
            int c = shiftCount();
            if (memDst && size == 2) {
                c &= 15; // a count above 16 leaves a memory destination undefined
            }
            out.add(new GenInsn(op + " " + dst + ", " + src + ", " + c, Undef.DOUBLE_SHIFT, size, c, d));
        } else {
            if (memDst && size == 2) {
                if (pinned[1]) {
                    out.add(new GenInsn(op + " " + dst + ", " + src + ", 7", Undef.DOUBLE_SHIFT, size, 7, d));
                    return;
                }
                emit("mov ecx, " + rnd.nextInt(17));
            } else {
                setCl();
            }
            out.add(new GenInsn(op + " " + dst + ", " + src + ", cl", Undef.DOUBLE_SHIFT, size, -1, d));
        }
    }

    private void mulWide() {
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        emit((rnd.nextInt(2) == 0 ? "mul " : "imul ") + rmSrc(size), Undef.MUL);
    }

    private void imul() {
        int size = pick(sizes(2, 4, 8));
        if (rnd.nextInt(2) == 0) {
            emit("imul " + reg(dst(size), size) + ", " + rmSrc(size), Undef.MUL);
        } else {
            emit("imul " + reg(dst(size), size) + ", " + rmSrc(size) + ", " + imm(size), Undef.MUL);
        }
    }

    private void div() {
        int size = pick(sizes(1, 2, 4, 8));
        boolean signed = rnd.nextInt(2) == 0;
        if (rnd.nextInt(5) != 0) {
            // make the quotient fit most of the time
            switch (size) {
                case 1: emit(signed ? "cbw" : "movzx ax, al"); break;
                case 2: emit(signed ? "cwd" : "xor edx, edx"); break;
                case 4: emit(signed ? "cdq" : "xor edx, edx"); break;
                default: emit(signed ? "cqo" : "xor edx, edx"); break;
            }
        }
        begin(size);
        emit((signed ? "idiv " : "div ") + rmSrc(size), Undef.DIV);
    }

    private void convert() {
        String[] ops = {"cbw", "cwde", "cdqe", "cwd", "cdq", "cqo"};
        emit(ops[rnd.nextInt(ops.length)]);
    }

    private void bitTest() {
        String[] ops = {"bt", "bts", "btr", "btc"};
        String op = ops[rnd.nextInt(4)];
        int size = pick(sizes(2, 4, 8));
        boolean writes = !op.equals("bt");
        switch (rnd.nextInt(4)) {
            case 0:
                emit(op + " " + reg(writes ? dst(size) : src(size), size) + ", " + reg(src(size), size), Undef.BIT_TEST);
                break;
            case 1:
                emit(op + " " + reg(writes ? dst(size) : src(size), size) + ", " + rnd.nextInt(256), Undef.BIT_TEST);
                break;
            case 2:
                emit((writes && rnd.nextInt(2) == 0 ? "lock " : "") + op + " " + memSafe(size, 1) + ", " + rnd.nextInt(256), Undef.BIT_TEST);
                break;
            default: {
                // register bit offset into memory: the offset selects a word anywhere around the
                // operand, so set it to something that stays inside the buffer
                int r = dst(size);
                long off = rnd.nextInt(4000) - 2000;
                emit("mov " + reg(r, size) + ", " + off);
                legacy = false;
                String m = ptr(size) + "[rip + dbuf + " + hex(0x400 + rnd.nextInt(0x800)) + "]";
                emit((writes && rnd.nextInt(2) == 0 ? "lock " : "") + op + " " + m + ", " + reg(r, size), Undef.BIT_TEST);
            }
        }
    }

    private void bitScan() {
        String[] ops = {"bsf", "bsr", "tzcnt", "lzcnt", "popcnt"};
        String op = ops[rnd.nextInt(ops.length)];
        int size = pick(sizes(2, 4, 8));
        int d = dst(size);
        Undef u = op.startsWith("bs") ? Undef.BIT_SCAN : op.equals("popcnt") ? Undef.NONE : Undef.COUNT;
        out.add(new GenInsn(op + " " + reg(d, size) + ", " + rmSrc(size), u, size, 0, d));
    }

    private void setcc() {
        begin(1);
        emit("set" + CC[rnd.nextInt(16)] + " " + rmDst(1));
    }

    private void cmpxchg() {
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        boolean memDst = rnd.nextInt(2) == 0;
        int d = memDst ? -1 : dst(size);
        String dst = memDst ? memSafe(size, 1) : reg(d, size);
        if (rnd.nextInt(2) == 0) {
            emit("mov " + reg(0, size) + ", " + dst); // take the equal path
        }
        String text = (memDst && rnd.nextInt(2) == 0 ? "lock " : "") + "cmpxchg " + dst + ", " + reg(src(size), size);
        out.add(new GenInsn(text, size == 4 && !memDst ? Undef.CMPXCHG32 : Undef.NONE, size, 0, d));
    }

    private void xadd() {
        int size = pick(sizes(1, 2, 4, 8));
        begin(size);
        String src = reg(dst(size), size);
        if (rnd.nextInt(2) == 0) {
            emit((rnd.nextInt(2) == 0 ? "lock " : "") + "xadd " + mem(size) + ", " + src);
        } else {
            emit("xadd " + reg(dst(size), size) + ", " + src);
        }
    }

    private void cmpxchgWide() {
        boolean wide = rnd.nextInt(2) == 0;
        String lock = rnd.nextInt(2) == 0 ? "lock " : "";
        int size = wide ? 16 : 8;
        int align = wide ? 16 : 8;
        int room = DATA_SIZE - 16;
        long t = rnd.nextInt(room) & -align;
        if (wide && rnd.nextInt(10) == 0) {
            t += 8;
        }
        String a = "rip + dbuf + " + hex(t);
        if (rnd.nextInt(2) == 0) {
            if (wide) {
                emit("mov rax, qword ptr [" + a + "]");
                emit("mov rdx, qword ptr [" + a + " + 8]");
            } else {
                emit("mov eax, dword ptr [" + a + "]");
                emit("mov edx, dword ptr [" + a + " + 4]");
            }
        }
        emit(lock + (wide ? "cmpxchg16b " : "cmpxchg8b ") + ptr(size) + "[" + a + "]");
    }

    private void flagOps() {
        String[] ops = {"clc", "stc", "cmc", "cld", "std"};
        emit(ops[rnd.nextInt(ops.length)]);
    }

    private void misc() {
        String[] ops = {"nop", "nop dword ptr [rax]", "nop word ptr [rax + rax + 0x11223344]", "pause",
            "mfence", "lfence", "sfence", "endbr64", "xchg ax, ax", "xchg eax, eax",
            "prefetcht0 byte ptr [rip + dbuf + 0x40]", "prefetchnta byte ptr [rax + rcx*8 - 0x1234]",
            "prefetchw byte ptr [rdx]"};
        emit(ops[rnd.nextInt(ops.length)]);
    }

    private void bswap() {
        int size = pick(sizes(4, 8));
        emit("bswap " + reg(dst(size), size));
    }

    private void popf() {
        if (rnd.nextInt(3) == 0) {
            stackDepth++;
            emit("pushfq");
            return;
        }
        long v = (rnd.nextLong() & (Undef.ARITH | 0x400)) | (rnd.nextInt(4) == 0 ? 0x3f0000 & ~0x40000 & ~0x200000 : 0);
        emit("push " + v);
        emit("popfq");
    }

    private void lahfSahf() {
        emit(rnd.nextInt(2) == 0 ? "lahf" : "sahf");
    }

    private void leave() {
        if (pinned[5]) {
            alu();
            return;
        }
        int d = 8 * rnd.nextInt(4);
        emit("lea rbp, [rsp + " + d + "]");
        emit("leave");
        stackDepth -= d / 8 + 1;
    }

    private void enter() {
        if (pinned[5]) {
            alu();
            return;
        }
        int level = rnd.nextInt(4);
        int frame = 8 * rnd.nextInt(4);
        emit("lea rbp, [rsp + " + 8 * rnd.nextInt(8) + "]");
        emit("enter " + frame + ", " + level);
        stackDepth += (level == 0 ? 1 : level + 1) + frame / 8;
        if (rnd.nextInt(2) == 0) {
            emit("leave");
            stackDepth = stackDepth - (level == 0 ? 1 : level + 1) - frame / 8;
        }
    }

    /** Encodings written as bytes: invalid opcodes, LOCK misuse, odd but valid prefix uses. */
    private void raw() {
        switch (rnd.nextInt(12)) {
            case 0: {
                String[] bad = {".byte 0x06", ".byte 0x07", ".byte 0x0e", ".byte 0x16", ".byte 0x1f", ".byte 0x27",
                    ".byte 0x2f", ".byte 0x37", ".byte 0x3f", ".byte 0x60", ".byte 0x61", ".byte 0xce",
                    ".byte 0xd4, 0x0a", ".byte 0xd5, 0x0a", ".byte 0xd6", "ud2", "int3", "hlt",
                    ".byte 0x9a, 1, 2, 3, 4, 5, 6", ".byte 0x0f, 0x0b",
                    ".byte 0x82, 0xc0, 0x01", // the 0x82 alias of 0x80 is invalid in 64-bit mode
                    ".byte 0xc6, 0xc8, 0x01", ".byte 0xfe, 0xd0", ".byte 0xff, 0xf8", ".byte 0xff, 0xd8",
                    ".byte 0x0f, 0xff, 0xc0", ".byte 0xcd, 0x10", ".byte 0xcd, 0x03", ".byte 0xcd, 0x0d", ".byte 0xcd, 0x04", ".byte 0xcd, 0xff",
                    // sixteen bytes: longer than the 15-byte limit
                    ".byte 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x01, 0xc8"};
                emit(bad[rnd.nextInt(bad.length)]);
                return;
            }
            case 1: {
                // LOCK on a register destination or on an instruction that cannot be locked: #UD
                String[] lk = {".byte 0xf0, 0x01, 0xc8", ".byte 0xf0, 0x39, 0x03", ".byte 0xf0, 0x85, 0x03",
                    ".byte 0xf0, 0x8b, 0x03", ".byte 0xf0, 0xff, 0xc0", ".byte 0xf0, 0x90", ".byte 0xf0, 0x0f, 0xaf, 0xc1", ".byte 0xf0, 0x0f, 0xb1, 0xc8",
                    ".byte 0xf0, 0x0f, 0xc1, 0xc8", ".byte 0xf0, 0xa4", ".byte 0xf0, 0x87, 0xc8", ".byte 0xf0, 0xf7, 0xd0"};
                emit(lk[rnd.nextInt(lk.length)]);
                return;
            }
            case 2: case 3: case 4: {
                // SAL's alias encoding /6 (GNU as only emits /4)
                int r = rnd.nextInt(2) == 0 ? 0 : 2;
                int size = pick(sizes(1, 4, 8));
                int rm = size == 1 && rnd.nextInt(2) == 0 ? r + 4 : r; // AH or DH
                String rex = size == 8 ? "0x48, " : "";
                int modrm = 0xf0 | rm;
                int op = size == 1 ? 0 : 1;
                switch (rnd.nextInt(3)) {
                    case 0:
                        out.add(new GenInsn(".byte " + rex + hex(0xd0 + op) + ", " + hex(modrm), Undef.SHIFT, size, 1, -1));
                        return;
                    case 1: {
                        int c = shiftCount();
                        out.add(new GenInsn(".byte " + rex + hex(0xc0 + op) + ", " + hex(modrm) + ", " + c, Undef.SHIFT, size, c, -1));
                        return;
                    }
                    default:
                        setCl();
                        out.add(new GenInsn(".byte " + rex + hex(0xd2 + op) + ", " + hex(modrm), Undef.SHIFT, size, -1, -1));
                        return;
                }
            }
            default: {
                String[] odd = {
                    ".byte 0x40, 0x88, 0xe0", // mov al, spl: with REX, reg 4 is SPL not AH
                    ".byte 0x40, 0x88, 0xf2", // mov dl, sil
                    ".byte 0x40, 0x0f, 0xb6, 0xc7", // movzx eax, dil
                    ".byte 0x40, 0x00, 0xfa", // add dl, dil
                    ".byte 0x66, 0x48, 0x01, 0xc8", // REX.W wins over 0x66: add rax, rcx
                    ".byte 0x66, 0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff", // mov rax, -1 (imm32, not imm16)
                    ".byte 0xf3, 0x01, 0xd0", // add eax, edx with an ignored REP
                    ".byte 0xf2, 0x31, 0xd0", // xor eax, edx with an ignored REPNE
                    ".byte 0x48, 0x90", // REX.W nop is xchg rax, rax
                    ".byte 0x41, 0x90", // xchg r8d, eax, not NOP
                    ".byte 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00",
                    ".byte 0x0f, 0x1f, 0x80, 0, 0, 0, 0",
                    ".byte 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0",
                    ".byte 0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0",
                    ".byte 0x48, 0x0f, 0xc8", // bswap rax
                    ".byte 0x49, 0x0f, 0xca", // bswap r10
                    ".byte 0x66, 0x98", // cbw
                    ".byte 0x66, 0x99", // cwd
                    ".byte 0xf3, 0x90", // pause
                    ".byte 0x48, 0x66, 0x01, 0xc8", // a REX not right before the opcode is ignored: add ax, cx
                    ".byte 0xf6, 0xc8, 0x5a", // TEST's alias encoding F6 /1
                    ".byte 0xf7, 0xca, 0x00, 0x80, 0x00, 0x00", // F7 /1: test edx, 0x8000
                    ".byte 0x66, 0x6a, 0xfb, 0x66, 0x58", // nothing: overwritten below
                };
                String t = odd[rnd.nextInt(odd.length)];
                if (t.startsWith(".byte 0x66, 0x6a")) {
                    // 16-bit pushes of immediates, popped by POPFW or a 16-bit POP
                    long f = (rnd.nextLong() & (Undef.ARITH | 0x400));
                    emit(".byte 0x66, 0x68, " + hex(f & 0xff) + ", " + hex(f >> 8));
                    emit(rnd.nextInt(2) == 0 ? "popfw" : "pop " + R16[dst(2)]);
                    if (rnd.nextInt(2) == 0) {
                        emit(".byte 0x66, 0x6a, " + hex(rnd.nextInt(256)));
                        emit("pushfw");
                        emit("pop " + R16[dst(2)]);
                        emit("pop " + R16[dst(2)]);
                    }
                    return;
                }
                if (t.contains("0x41, 0x90") && pinned[8] || t.contains("0x49") && pinned[10]) {
                    emit("nop");
                    return;
                }
                emit(t);
            }
        }
    }

    /** Instructions that write RSP itself, keeping it inside the buffer. */
    private void stackPointer() {
        int k = 1 + rnd.nextInt(3);
        switch (rnd.nextInt(8)) {
            case 0:
                if (stackDepth + k <= 8) {
                    emit("sub rsp, " + 8 * k);
                    stackDepth += k;
                    return;
                }
                // fall through
            case 1:
                if (stackDepth - k >= -8) {
                    emit("add rsp, " + 8 * k);
                    stackDepth -= k;
                    return;
                }
                emit("lea rsp, [rsp + 0]");
                return;
            case 2:
                emit("lea rsp, [rsp - " + 8 * k + "]");
                emit("lea rsp, [rsp + " + 8 * k + "]");
                return;
            case 3:
                emit("push rsp"); // pushes RSP as it was before the push
                emit("pop rsp"); // RSP becomes the popped value, not the incremented one
                return;
            case 4:
                emit("mov esp, esp"); // a 32-bit write (the buffer is below 4 GiB)
                return;
            case 5:
                emit("and rsp, -16");
                return;
            case 6: {
                int r = dst(8);
                emit("mov " + R64[r] + ", rsp");
                emit("sub rsp, " + 8 * k);
                emit("mov rsp, " + R64[r]);
                return;
            }
            default:
                emit("xchg rsp, rsp");
                emit("cmovne rsp, rsp");
        }
    }

    /** Control transfers: {@code @T} is the slot's branch-target exit (see NativeHarness). */
    private void branch() {
        switch (rnd.nextInt(9)) {
            case 0: case 1:
                out.add(GenInsn.branch((rnd.nextInt(3) == 0 ? "{disp32} j" : "j") + CC[rnd.nextInt(16)] + " @T",
                        GenInsn.Branch.DIRECT));
                return;
            case 2:
                out.add(GenInsn.branch((rnd.nextInt(2) == 0 ? "{disp32} " : "") + "jmp @T", GenInsn.Branch.DIRECT));
                return;
            case 3: {
                if (pinned[1]) {
                    out.add(GenInsn.branch("j" + CC[rnd.nextInt(16)] + " @T", GenInsn.Branch.DIRECT));
                    return;
                }
                if (rnd.nextInt(2) == 0) {
                    emit("mov ecx, " + rnd.nextInt(3));
                } else if (rnd.nextInt(3) == 0) {
                    emit("movabs rcx, " + hex((rnd.nextLong() << 32) | rnd.nextInt(2)));
                }
                String[] ops = {"loop", "loope", "loopne", "jrcxz", "jecxz", "addr32 loop", "addr32 loope", "addr32 loopne"};
                out.add(GenInsn.branch(ops[rnd.nextInt(ops.length)] + " @T", GenInsn.Branch.DIRECT));
                return;
            }
            case 4:
                // CALL pushes the address of its fall-through exit; RET returns there
                out.add(GenInsn.branch("call @T", GenInsn.Branch.DIRECT));
                stackDepth++;
                if (rnd.nextInt(2) == 0) {
                    out.add(GenInsn.branch("ret", GenInsn.Branch.INDIRECT));
                    stackDepth--;
                }
                return;
            case 5:
                emit("push " + imm(4));
                emit("push " + R64[src(8)]);
                out.add(GenInsn.branch("call @T", GenInsn.Branch.DIRECT));
                out.add(GenInsn.branch("ret 16", GenInsn.Branch.INDIRECT));
                return;
            default: {
                // indirect transfers to a target exit whose address LEA computed
                int r = dst(8);
                emit("lea " + R64[r] + ", [rip + @T]");
                switch (rnd.nextInt(5)) {
                    case 0:
                        out.add(GenInsn.branch("jmp " + R64[r], GenInsn.Branch.INDIRECT));
                        return;
                    case 1:
                        out.add(GenInsn.branch("call " + R64[r], GenInsn.Branch.INDIRECT));
                        stackDepth++;
                        return;
                    case 2:
                        emit("push " + R64[r]);
                        out.add(GenInsn.branch("ret", GenInsn.Branch.INDIRECT));
                        return;
                    default: {
                        String m = memSafe(8, 8);
                        emit("mov " + m + ", " + R64[r]);
                        boolean call = rnd.nextInt(2) == 0;
                        out.add(GenInsn.branch((call ? "call " : "jmp ") + m, GenInsn.Branch.INDIRECT));
                        if (call) {
                            stackDepth++;
                        }
                        return;
                    }
                }
            }
        }
    }

    /** A memory access through a register holding an unmapped or non-canonical address. */
    private void wildAccess() {
        int r = dst(8);
        long[] addrs = {0x8000000000000000L, 0x0000800000000000L, 0xffff7fffffff0000L, 0x10L, 0x7fff00000000L,
            0x1234567890abcdefL, RO + 0x100};
        emit("movabs " + R64[r] + ", " + hex(addrs[rnd.nextInt(addrs.length)]));
        String m = "[" + R64[r] + " + " + rnd.nextInt(64) + "]";
        String[] forms = {"mov eax, dword ptr " + m, "mov qword ptr " + m + ", rcx", "add byte ptr " + m + ", 1",
            "push qword ptr " + m, "lock xadd dword ptr " + m + ", edx", "movzx eax, word ptr " + m,
            "xchg qword ptr " + m + ", rdx", "inc dword ptr " + m};
        emit(forms[rnd.nextInt(forms.length)]);
    }

    // ------------------------------------------------------------------ SSE

    private String xmm() {
        return "xmm" + rnd.nextInt(16);
    }

    private void sseOne() {
        if (rnd.nextInt(14) < 9) {
            sse2One();
            return;
        }
        switch (rnd.nextInt(14)) {
            case 0: case 1: {
                String[] ops = {"movups", "movaps", "movdqu", "movdqa", "movupd", "movapd"};
                String op = ops[rnd.nextInt(ops.length)];
                boolean aligned = op.contains("a");
                String m = aligned ? mem(16) : memSafe(16, 1 << rnd.nextInt(5));
                switch (rnd.nextInt(3)) {
                    case 0: emit(op + " " + xmm() + ", " + xmm()); break;
                    case 1: emit(op + " " + xmm() + ", " + m); break;
                    default: emit(op + " " + m + ", " + xmm()); break;
                }
                return;
            }
            case 2: {
                switch (rnd.nextInt(5)) {
                    case 0: emit("movq " + xmm() + ", " + R64[src(8)]); break;
                    case 1: emit("movq " + R64[dst(8)] + ", " + xmm()); break;
                    case 2: emit("movq " + xmm() + ", " + xmm()); break;
                    case 3: emit("movq " + xmm() + ", " + mem(8)); break;
                    default: emit("movq " + mem(8) + ", " + xmm()); break;
                }
                return;
            }
            case 3: {
                switch (rnd.nextInt(4)) {
                    case 0: emit("movd " + xmm() + ", " + R32[src(4)]); break;
                    case 1: emit("movd " + R32[dst(4)] + ", " + xmm()); break;
                    case 2: emit("movd " + xmm() + ", " + mem(4)); break;
                    default: emit("movd " + mem(4) + ", " + xmm()); break;
                }
                return;
            }
            case 4: case 5: {
                boolean d = rnd.nextInt(2) == 0;
                String op = d ? "movsd" : "movss";
                int size = d ? 8 : 4;
                switch (rnd.nextInt(3)) {
                    case 0: emit(op + " " + xmm() + ", " + xmm()); break;
                    case 1: emit(op + " " + xmm() + ", " + mem(size)); break;
                    default: emit(op + " " + mem(size) + ", " + xmm()); break;
                }
                return;
            }
            case 6: {
                String[] halves = {"movhps", "movlps", "movhpd", "movlpd"};
                String op = halves[rnd.nextInt(4)];
                emit(rnd.nextInt(2) == 0 ? op + " " + xmm() + ", " + mem(8) : op + " " + mem(8) + ", " + xmm());
                return;
            }
            case 7: case 8: case 9: {
                String[] ops = {"pxor", "xorps", "xorpd", "pand", "pandn", "por", "andps", "andnps", "orps",
                    "paddb", "paddw", "paddd", "paddq", "psubb", "psubw", "psubd", "psubq",
                    "pcmpeqb", "pcmpeqw", "pcmpeqd", "pminub", "punpcklbw", "punpcklwd", "punpckldq", "punpcklqdq", "punpckhqdq"};
                String op = ops[rnd.nextInt(ops.length)];
                emit(op + " " + xmm() + ", " + (rnd.nextInt(3) == 0 ? mem(16) : xmm()));
                return;
            }
            case 10:
                emit("pmovmskb " + R32[dst(4)] + ", " + xmm());
                return;
            case 11:
                emit("pshufd " + xmm() + ", " + (rnd.nextInt(3) == 0 ? mem(16) : xmm()) + ", " + rnd.nextInt(256));
                return;
            case 12: {
                String[] ops = {"pslldq", "psrldq", "psllq", "psrlq", "pslld", "psrld"};
                int[] counts = {0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 100, 255};
                emit(ops[rnd.nextInt(ops.length)] + " " + xmm() + ", " + counts[rnd.nextInt(counts.length)]);
                return;
            }
            default:
                emit("pxor " + xmm() + ", " + xmm());
        }
    }

    private String xmmOrMem(int size) {
        return rnd.nextInt(3) == 0 ? mem(size) : xmm();
    }

    private static final String[] FLOAT_OPS = {"add", "sub", "mul", "div", "min", "max", "sqrt"};
    private static final String[] INT_OPS = {"paddsb", "paddsw", "paddusb", "paddusw", "psubsb", "psubsw",
        "psubusb", "psubusw", "pmullw", "pmulhw", "pmulhuw", "pmuludq", "pmaddwd", "pcmpgtb", "pcmpgtw",
        "pcmpgtd", "pmaxub", "pmaxsw", "pminsw", "pavgb", "pavgw", "psadbw", "packsswb", "packssdw",
        "packuswb", "punpckhbw", "punpckhwd", "punpckhdq", "unpcklps", "unpcklpd", "unpckhps", "unpckhpd",
        "andpd", "andnpd", "orpd"};

    /** The SSE/SSE2 floating-point, conversion, packed-integer and shuffle instructions. */
    private void sse2One() {
        switch (rnd.nextInt(16)) {
            case 0: case 1: case 2: case 3: {
                String op = FLOAT_OPS[rnd.nextInt(FLOAT_OPS.length)];
                int form = rnd.nextInt(4);
                String sfx = new String[] {"ps", "pd", "ss", "sd"}[form];
                int size = new int[] {16, 16, 4, 8}[form];
                emit(op + sfx + " " + xmm() + ", " + xmmOrMem(size));
                return;
            }
            case 4: {
                int form = rnd.nextInt(4);
                String sfx = new String[] {"ps", "pd", "ss", "sd"}[form];
                int size = new int[] {16, 16, 4, 8}[form];
                int imm = rnd.nextInt(10) == 0 ? rnd.nextInt(256) : rnd.nextInt(8);
                emit("cmp" + sfx + " " + xmm() + ", " + xmmOrMem(size) + ", " + imm);
                return;
            }
            case 5: {
                String[] ops = {"ucomiss", "comiss", "ucomisd", "comisd"};
                int k = rnd.nextInt(4);
                emit(ops[k] + " " + xmm() + ", " + xmmOrMem(k < 2 ? 4 : 8));
                return;
            }
            case 6: {
                boolean q = rnd.nextInt(2) == 0;
                String src = rnd.nextInt(3) == 0 ? mem(q ? 8 : 4) : q ? R64[src(8)] : R32[src(4)];
                emit((rnd.nextInt(2) == 0 ? "cvtsi2ss " : "cvtsi2sd ") + xmm() + ", " + src);
                return;
            }
            case 7: {
                String[] ops = {"cvtss2si", "cvttss2si", "cvtsd2si", "cvttsd2si"};
                int k = rnd.nextInt(4);
                boolean q = rnd.nextInt(2) == 0;
                String d = q ? R64[dst(8)] : R32[dst(4)];
                emit(ops[k] + " " + d + ", " + xmmOrMem(k < 2 ? 4 : 8));
                return;
            }
            case 8: {
                String[] ops = {"cvtss2sd", "cvtsd2ss", "cvtps2pd", "cvtpd2ps", "cvtdq2ps", "cvtps2dq", "cvttps2dq",
                    "cvtdq2pd", "cvtpd2dq", "cvttpd2dq"};
                int[] sizes = {4, 8, 8, 16, 16, 16, 16, 8, 16, 16};
                int k = rnd.nextInt(ops.length);
                emit(ops[k] + " " + xmm() + ", " + xmmOrMem(sizes[k]));
                return;
            }
            case 9: case 10:
                emit(INT_OPS[rnd.nextInt(INT_OPS.length)] + " " + xmm() + ", " + xmmOrMem(16));
                return;
            case 11: {
                String[] ops = {"psllw", "psrlw", "psraw", "pslld", "psrld", "psrad", "psllq", "psrlq"};
                String op = ops[rnd.nextInt(ops.length)];
                if (rnd.nextInt(2) == 0 && !op.equals("psraq")) {
                    int[] counts = {0, 1, 7, 15, 16, 31, 32, 63, 64, 200};
                    emit(op + " " + xmm() + ", " + counts[rnd.nextInt(counts.length)]);
                } else {
                    emit(op + " " + xmm() + ", " + xmmOrMem(16));
                }
                return;
            }
            case 12: {
                switch (rnd.nextInt(5)) {
                    case 0: emit((rnd.nextInt(2) == 0 ? "shufps " : "shufpd ") + xmm() + ", " + xmmOrMem(16) + ", " + rnd.nextInt(256)); break;
                    case 1: emit((rnd.nextInt(2) == 0 ? "pshufhw " : "pshuflw ") + xmm() + ", " + xmmOrMem(16) + ", " + rnd.nextInt(256)); break;
                    case 2: emit((rnd.nextInt(2) == 0 ? "movmskps " : "movmskpd ") + (rnd.nextInt(2) == 0 ? R32[dst(4)] : R64[dst(8)]) + ", " + xmm()); break;
                    case 3: emit((rnd.nextInt(2) == 0 ? "movhlps " : "movlhps ") + xmm() + ", " + xmm()); break;
                    default: emit("pextrw " + R32[dst(4)] + ", " + xmm() + ", " + rnd.nextInt(16)); break;
                }
                return;
            }
            case 13: {
                String src = rnd.nextInt(3) == 0 ? mem(2) : R32[src(4)];
                emit("pinsrw " + xmm() + ", " + src + ", " + rnd.nextInt(16));
                return;
            }
            case 14: {
                switch (rnd.nextInt(4)) {
                    case 0: emit(new String[] {"movntps ", "movntpd ", "movntdq "}[rnd.nextInt(3)] + mem(16) + ", " + xmm()); break;
                    case 1: {
                        boolean q = rnd.nextInt(2) == 0;
                        emit("movnti " + mem(q ? 8 : 4) + ", " + (q ? R64[src(8)] : R32[src(4)]));
                        break;
                    }
                    case 2: emit("clflush " + mem(1)); break;
                    default: emit("stmxcsr " + mem(4)); break;
                }
                return;
            }
            default: {
                // a valid MXCSR through memory: a store, then LDMXCSR (sometimes an invalid one: #GP)
                String m = memSafe(4, 4);
                long v = mxcsr();
                if (rnd.nextInt(10) == 0) {
                    v |= 1L << (rnd.nextInt(2) == 0 ? 16 : 18 + rnd.nextInt(14)); // bit 17 is AMD's misaligned-access mask
                }
                emit("mov " + m + ", " + hex(v));
                emit("ldmxcsr " + m);
            }
        }
    }

    // ------------------------------------------------------------------ string operations

    private void stringOp() {
        String[] ops = {"movs", "stos", "lods", "scas", "cmps"};
        String op = ops[rnd.nextInt(ops.length)];
        char suffix = "bwdq".charAt(rnd.nextInt(4));
        if (rnd.nextInt(3) == 0) {
            emit(rnd.nextInt(2) == 0 ? "std" : "cld");
        }
        if (rnd.nextInt(4) == 0) {
            emit("mov ecx, " + rnd.nextInt(41));
        }
        if (rnd.nextInt(10) == 0) {
            // run into the read-only page above the buffer or the unmapped page below it: a REP
            // instruction faults part-way, with RSI/RDI/RCX showing the iterations done
            boolean up = rnd.nextInt(2) == 0;
            emit(up ? "cld" : "std");
            long at = up ? DATA + DATA_SIZE - 8 * rnd.nextInt(6) - rnd.nextInt(8) : DATA + 8 * rnd.nextInt(6) + rnd.nextInt(8);
            emit("mov " + (rnd.nextInt(2) == 0 ? "edi, " : "esi, ") + hex(at));
            emit("mov ecx, " + (8 + rnd.nextInt(33)));
        }
        String prefix;
        boolean compare = op.equals("scas") || op.equals("cmps");
        switch (rnd.nextInt(3)) {
            case 0: prefix = ""; break;
            case 1: prefix = "rep "; break;
            default: prefix = compare ? "repne " : "rep "; break;
        }
        if (prefix.equals("rep ") && compare) {
            prefix = "repe ";
        }
        boolean source = op.equals("movs") || op.equals("lods") || op.equals("cmps");
        if (source && rnd.nextInt(6) == 0) {
            // GS override on the source: GS base + RSI reads the code image (same bytes on both sides)
            int size = "bwdq".indexOf(suffix);
            size = 1 << size;
            String si = addr32Strings ? "esi" : "rsi", di = addr32Strings ? "edi" : "rdi";
            String src = ptr(size) + "gs:[" + si + "]", dst = ptr(size) + "es:[" + di + "]";
            String text;
            switch (op) {
                case "movs": text = "movs " + dst + ", " + src; break;
                case "lods": text = "lods " + reg(0, size) + ", " + src; break;
                default: text = "cmps " + src + ", " + dst; break;
            }
            emit(prefix + text);
            return;
        }
        emit((addr32Strings ? "addr32 " : "") + prefix + op + suffix);
    }
}
