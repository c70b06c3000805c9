package gmpvm.emulator.cpu;

/**
 * MXCSR, the SSE control and status register: six sticky exception flags (bits 0-5), DAZ (6),
 * six exception masks (7-12), the rounding control (13-14) and FTZ (15). An instruction collects
 * the exceptions it detects in {@link CpuState#fpx}; {@link #commit} then either ORs them into
 * the flags or, when one of them is unmasked, sets the flags, leaves the destination unwritten
 * and raises #XM, which Linux turns into SIGFPE with an si_code computed from MXCSR.
 */
final class Mxcsr {
    private Mxcsr() {
    }

    static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 16, PE = 32;
    static final int DAZ = 1 << 6;
    static final int MASK_SHIFT = 7;
    static final int RC_SHIFT = 13;
    static final int RC_MASK = 3 << RC_SHIFT;
    static final int RN = 0, RD = 1, RU = 2, RZ = 3;
    static final int FTZ = 1 << 15;
    /** The bits LDMXCSR may set; any other bit set is #GP (MXCSR_MASK of an SSE2 CPU with DAZ). */
    static final int WRITABLE = 0xffff;
    static final int DEFAULT = 0x1f80;

    /** si_code values of SIGFPE (asm-generic/siginfo.h). */
    static final int FPE_FLTDIV = 3, FPE_FLTOVF = 4, FPE_FLTUND = 5, FPE_FLTRES = 6, FPE_FLTINV = 7;

    static int rounding(CpuState s) {
        return (s.mxcsr >> RC_SHIFT) & 3;
    }

    /** The exceptions in {@code fpx} that MXCSR does not mask. */
    static int unmasked(int mxcsr, int fpx) {
        return fpx & ~(mxcsr >> MASK_SHIFT) & 0x3f;
    }

    /**
     * Records the exceptions collected in {@code s.fpx}. Returns normally when all of them are
     * masked (the caller then writes its result); otherwise throws the SIGFPE trap.
     */
    static void commit(CpuState s, Insn i) {
        int fpx = s.fpx;
        if (fpx == 0) {
            return;
        }
        s.fpx = 0;
        int pre = fpx & (IE | DE | ZE);
        if (unmasked(s.mxcsr, pre) != 0) {
            // an unmasked invalid, denormal or divide-by-zero stops the instruction before its
            // results are rounded: only these flags (of every lane) are recorded
            s.mxcsr |= pre;
            throw new Trap(Trap.SIGFPE, siCode(s.mxcsr), i.addr, false);
        }
        s.mxcsr |= fpx;
        if (unmasked(s.mxcsr, fpx) != 0) {
            throw new Trap(Trap.SIGFPE, siCode(s.mxcsr), i.addr, false);
        }
    }

    /**
     * The si_code Linux gives a SIMD floating-point exception: from every flag set in MXCSR
     * whose mask is clear, the first of invalid, divide-by-zero, overflow, underflow or
     * denormal, precision (arch/x86/kernel/fpu/core.c, fpu__exception_code); 0 if none.
     */
    static int siCode(int mxcsr) {
        int err = ~(mxcsr >> MASK_SHIFT) & mxcsr;
        if ((err & IE) != 0) {
            return FPE_FLTINV;
        } else if ((err & ZE) != 0) {
            return FPE_FLTDIV;
        } else if ((err & OE) != 0) {
            return FPE_FLTOVF;
        } else if ((err & (UE | DE)) != 0) {
            return FPE_FLTUND;
        } else if ((err & PE) != 0) {
            return FPE_FLTRES;
        }
        return 0;
    }
}
