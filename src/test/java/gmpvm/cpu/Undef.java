package gmpvm.cpu;

/**
 * The Intel SDM's undefined results, per instruction class: which RFLAGS bits (and, in a few
 * cases, which destination register) a differential comparison must ignore. The rules read the
 * state before the instruction (the CL count) and the native state after it (ZF of BSF/BSR).
 */
enum Undef {
    /** Everything the instruction writes is defined. */
    NONE,
    /** AND OR XOR TEST: AF undefined. */
    LOGIC,
    /** SHL SAL SHR SAR. */
    SHIFT,
    /** ROL ROR. */
    ROTATE,
    /** RCL RCR. */
    ROTATE_CARRY,
    /** SHLD SHRD. */
    DOUBLE_SHIFT,
    /** MUL IMUL: SF ZF AF PF undefined. */
    MUL,
    /** DIV IDIV: all six status flags undefined. */
    DIV,
    /** BT BTS BTR BTC: OF SF AF PF undefined. */
    BIT_TEST,
    /** BSF BSR: CF OF SF AF PF undefined; the destination too when the source is zero. */
    BIT_SCAN,
    /** TZCNT LZCNT: OF SF AF PF undefined. */
    COUNT,
    /**
     * CMPXCHG with a 32-bit register destination: when the comparison fails Intel writes the
     * destination back (zeroing bits 63:32, the SDM's "DEST := TEMP") while AMD leaves the
     * register alone, so the upper half is vendor-specific.
     */
    CMPXCHG32;

    static final long CF = 1, PF = 4, AF = 16, ZF = 64, SF = 128, OF = 2048;
    static final long ARITH = CF | PF | AF | ZF | SF | OF;

    /** The flags to ignore, given the instruction, RCX before it and native RFLAGS after it. */
    static long flagMask(GenInsn g, long rcxBefore, long nativeFlagsAfter) {
        switch (g.undef()) {
            case NONE: return 0;
            case LOGIC: return AF;
            case MUL: return SF | ZF | AF | PF;
            case DIV: return ARITH;
            case BIT_TEST: return OF | SF | AF | PF;
            case BIT_SCAN: return CF | OF | SF | AF | PF;
            case COUNT: return OF | SF | AF | PF;
            case CMPXCHG32: return 0;
            default: break;
        }
        int bits = g.size() * 8;
        int count = (int) (g.count() >= 0 ? g.count() : rcxBefore) & (g.size() == 8 ? 63 : 31);
        if (count == 0) {
            return 0;
        }
        switch (g.undef()) {
            case SHIFT: {
                long m = count == 1 ? AF : AF | OF;
                if (count >= bits && !g.text().startsWith("sar")) {
                    m |= CF; // undefined for SHL and SHR only: SAR keeps shifting out the sign
                }
                return m;
            }
            case ROTATE:
            case ROTATE_CARRY:
                return count == 1 ? 0 : OF;
            case DOUBLE_SHIFT:
                if (count > bits) {
                    return ARITH;
                }
                return count == 1 ? AF : AF | OF;
            default:
                throw new IllegalStateException(g.undef().name());
        }
    }

    /** The bits of the destination register ({@link GenInsn#dest}) whose value is undefined. */
    static long destMask(GenInsn g, long rcxBefore, long nativeFlagsAfter) {
        switch (g.undef()) {
            case BIT_SCAN:
                return (nativeFlagsAfter & ZF) != 0 ? -1L : 0;
            case DOUBLE_SHIFT: {
                int count = (int) (g.count() >= 0 ? g.count() : rcxBefore) & (g.size() == 8 ? 63 : 31);
                return count > g.size() * 8 ? -1L : 0;
            }
            case CMPXCHG32:
                return (nativeFlagsAfter & ZF) == 0 ? 0xffffffff00000000L : 0;
            default:
                return 0;
        }
    }
}
