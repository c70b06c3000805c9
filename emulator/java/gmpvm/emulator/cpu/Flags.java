package gmpvm.emulator.cpu;

/**
 * RFLAGS, computed lazily. An arithmetic instruction records what it did (an operation kind,
 * its operands, its result and size) in the CpuState; a flag is computed only when something
 * reads it (Jcc, SETcc, CMOVcc, ADC, PUSHF, a signal frame, the debugger). The result must be
 * indistinguishable from eager evaluation.
 *
 * <p><b>Undefined flags.</b> Where the Intel SDM leaves a flag undefined this CPU makes one fixed
 * choice, documented in docs/cpu.md: logic ops clear AF; shifts and rotates by more than one
 * compute OF with the one-bit formula and leave AF clear; MUL/IMUL set SF, ZF and PF from the low
 * half of the result and clear AF; BSF/BSR/TZCNT/LZCNT/BT leave the other flags unchanged except
 * as noted at each instruction; DIV/IDIV leave all flags unchanged.
 */
public final class Flags {
    public static final long CF = 1, PF = 1 << 2, AF = 1 << 4, ZF = 1 << 6, SF = 1 << 7, TF = 1 << 8,
            IF = 1 << 9, DF = 1 << 10, OF = 1 << 11, AC = 1L << 18, ID = 1L << 21;
    /** The six status flags. */
    public static final long ARITH = CF | PF | AF | ZF | SF | OF;
    /** Bit 1 is always set; IF is always set in user mode. */
    public static final long FIXED = 2 | IF;
    /** Bits a user-mode POPF may change. */
    public static final long USER_WRITABLE = ARITH | DF | TF | AC | ID;

    // lazy operation kinds
    public static final int CC_NONE = 0, CC_ADD = 1, CC_ADC = 2, CC_SUB = 3, CC_SBB = 4, CC_LOGIC = 5,
            CC_INC = 6, CC_DEC = 7, CC_NEG = 8, CC_SHL = 9, CC_SHR = 10, CC_SAR = 11, CC_MUL = 12;

    private Flags() {
    }

    static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    static long signBit(int size) {
        return 1L << (size * 8 - 1);
    }

    // ------------------------------------------------------------------ recording

    static void set(CpuState s, int op, int size, long dst, long src, long res) {
        s.ccOp = op;
        s.ccSize = size;
        s.ccDst = dst;
        s.ccSrc = src;
        s.ccRes = res;
    }

    /** Records a logic result (CF=OF=AF=0). */
    static void logic(CpuState s, int size, long res) {
        s.ccOp = CC_LOGIC;
        s.ccSize = size;
        s.ccRes = res;
    }

    // ------------------------------------------------------------------ reading single flags

    static boolean cf(CpuState s) {
        long m;
        switch (s.ccOp) {
            case CC_NONE: return (s.flags & CF) != 0;
            case CC_ADD: m = mask(s.ccSize); return Long.compareUnsigned(s.ccRes & m, s.ccDst & m) < 0;
            case CC_ADC:
                m = mask(s.ccSize);
                return s.ccAux != 0 ? Long.compareUnsigned(s.ccRes & m, s.ccDst & m) <= 0
                        : Long.compareUnsigned(s.ccRes & m, s.ccDst & m) < 0;
            case CC_SUB: m = mask(s.ccSize); return Long.compareUnsigned(s.ccDst & m, s.ccSrc & m) < 0;
            case CC_SBB:
                m = mask(s.ccSize);
                return s.ccAux != 0 ? Long.compareUnsigned(s.ccDst & m, s.ccSrc & m) <= 0
                        : Long.compareUnsigned(s.ccDst & m, s.ccSrc & m) < 0;
            case CC_LOGIC: return false;
            case CC_INC: case CC_DEC: return s.ccAux != 0;
            case CC_NEG: return (s.ccSrc & mask(s.ccSize)) != 0;
            case CC_SHL: case CC_SHR: case CC_SAR: return s.ccAux != 0;
            case CC_MUL: return s.ccAux != 0;
            default: throw new IllegalStateException();
        }
    }

    static boolean zf(CpuState s) {
        if (s.ccOp == CC_NONE) {
            return (s.flags & ZF) != 0;
        }
        return (s.ccRes & mask(s.ccSize)) == 0;
    }

    static boolean sf(CpuState s) {
        if (s.ccOp == CC_NONE) {
            return (s.flags & SF) != 0;
        }
        return (s.ccRes & signBit(s.ccSize)) != 0;
    }

    static boolean of(CpuState s) {
        long sb = signBit(s.ccSize);
        switch (s.ccOp) {
            case CC_NONE: return (s.flags & OF) != 0;
            case CC_ADD: case CC_ADC: return ((s.ccDst ^ s.ccRes) & (s.ccSrc ^ s.ccRes) & sb) != 0;
            case CC_SUB: case CC_SBB: return ((s.ccDst ^ s.ccSrc) & (s.ccDst ^ s.ccRes) & sb) != 0;
            case CC_LOGIC: return false;
            case CC_INC: return (s.ccRes & mask(s.ccSize)) == sb;
            case CC_DEC: return (s.ccRes & mask(s.ccSize)) == sb - 1;
            case CC_NEG: return (s.ccRes & mask(s.ccSize)) == sb;
            case CC_SHL: return ((s.ccRes & sb) != 0) != (s.ccAux != 0);
            case CC_SHR: return (s.ccDst & sb) != 0;
            case CC_SAR: return false;
            case CC_MUL: return s.ccAux != 0;
            default: throw new IllegalStateException();
        }
    }

    static boolean pf(CpuState s) {
        if (s.ccOp == CC_NONE) {
            return (s.flags & PF) != 0;
        }
        return (Integer.bitCount((int) s.ccRes & 0xff) & 1) == 0;
    }

    static boolean af(CpuState s) {
        switch (s.ccOp) {
            case CC_NONE: return (s.flags & AF) != 0;
            case CC_ADD: case CC_ADC: case CC_SUB: case CC_SBB:
                return ((s.ccDst ^ s.ccSrc ^ s.ccRes) & 0x10) != 0;
            case CC_INC: return (s.ccRes & 0xf) == 0;
            case CC_DEC: return (s.ccRes & 0xf) == 0xf;
            case CC_NEG: return ((s.ccSrc ^ s.ccRes) & 0x10) != 0;
            default: return false;
        }
    }

    // ------------------------------------------------------------------ whole register

    /** The full RFLAGS value. */
    public static long get(CpuState s) {
        if (s.ccOp == CC_NONE) {
            return s.flags;
        }
        long f = s.flags & ~ARITH;
        if (cf(s)) f |= CF;
        if (pf(s)) f |= PF;
        if (af(s)) f |= AF;
        if (zf(s)) f |= ZF;
        if (sf(s)) f |= SF;
        if (of(s)) f |= OF;
        return f;
    }

    /** Replaces RFLAGS (user-writable bits only; bit 1 and IF stay set). */
    public static void set(CpuState s, long value) {
        s.flags = (value & USER_WRITABLE) | FIXED;
        s.ccOp = CC_NONE;
    }

    /** Computes the lazy flags into {@code s.flags} so single bits can be edited. */
    static void materialize(CpuState s) {
        if (s.ccOp != CC_NONE) {
            s.flags = get(s);
            s.ccOp = CC_NONE;
        }
    }

    /** Sets or clears the given bits after materializing. */
    static void put(CpuState s, long bits, boolean on) {
        materialize(s);
        if (on) {
            s.flags |= bits;
        } else {
            s.flags &= ~bits;
        }
    }

    // ------------------------------------------------------------------ conditions

    /** Evaluates condition code cc (Intel's tttn encoding). */
    static boolean cond(CpuState s, int cc) {
        boolean r;
        switch (cc >> 1) {
            case 0: r = of(s); break;
            case 1: r = cf(s); break;
            case 2: r = zf(s); break;
            case 3: r = cf(s) || zf(s); break;
            case 4: r = sf(s); break;
            case 5: r = pf(s); break;
            case 6: r = lt(s); break;
            default: r = zf(s) || lt(s); break;
        }
        return r ^ ((cc & 1) != 0);
    }

    private static boolean lt(CpuState s) {
        if (s.ccOp == CC_SUB) {
            int sh = 64 - s.ccSize * 8;
            return (s.ccDst << sh) < (s.ccSrc << sh);
        }
        return sf(s) != of(s);
    }
}
