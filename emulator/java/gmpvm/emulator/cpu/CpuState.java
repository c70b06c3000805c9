package gmpvm.emulator.cpu;

/**
 * The architectural state of one guest thread: general registers, RIP, RFLAGS (kept lazily, see
 * {@link Flags}), the FS/GS bases and the SSE registers. Register numbers follow the encoding:
 * 0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP, 6 RSI, 7 RDI, 8-15 R8-R15.
 */
public final class CpuState {
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7,
            R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;

    public static final String[] NAMES64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    public final long[] r = new long[16];
    public long rip;
    public long fsBase;
    public long gsBase;
    /** XMM registers: low and high 64-bit halves. */
    public final long[] xmmLo = new long[16];
    public final long[] xmmHi = new long[16];
    /** MXCSR and the x87 control word at reset (and for a signal handler, as Linux gives it). */
    public static final int DEFAULT_MXCSR = 0x1f80, DEFAULT_FPU_CW = 0x037f;
    public int mxcsr = DEFAULT_MXCSR;
    /** The x87 control and status words (see X87Control: only they are modelled). */
    public int fpuCw = DEFAULT_FPU_CW;
    public int fpuSw;
    /** SSE floating-point exceptions detected by the instruction being executed (see {@link Mxcsr}). */
    int fpx;

    // ---- lazy flags (see Flags): the last flag-setting operation and its operands
    int ccOp = Flags.CC_NONE;
    int ccSize = 8;
    long ccDst;
    long ccSrc;
    long ccRes;
    /** Carry in (ADC/SBB), the preserved CF (INC/DEC) or the carry out (shifts). */
    long ccAux;
    /** Materialized RFLAGS bits: all of them when ccOp is CC_NONE, else the non-arithmetic ones. */
    long flags = Flags.FIXED;

    /** Instructions retired on this thread. */
    public long retired;

    // ---- the last fault, filled when the interpreter stops with Stop.FAULT
    public int faultSignal;
    public int faultCode;
    public long faultAddr;

    public long rflags() {
        return Flags.get(this);
    }

    public void setRflags(long value) {
        Flags.set(this, value);
    }

    /** True when DF is set (string operations walk down). */
    public boolean df() {
        return (flags & Flags.DF) != 0;
    }

    public void copyFrom(CpuState o) {
        System.arraycopy(o.r, 0, r, 0, 16);
        rip = o.rip;
        fsBase = o.fsBase;
        gsBase = o.gsBase;
        System.arraycopy(o.xmmLo, 0, xmmLo, 0, 16);
        System.arraycopy(o.xmmHi, 0, xmmHi, 0, 16);
        mxcsr = o.mxcsr;
        fpuCw = o.fpuCw;
        fpuSw = o.fpuSw;
        ccOp = o.ccOp;
        ccSize = o.ccSize;
        ccDst = o.ccDst;
        ccSrc = o.ccSrc;
        ccRes = o.ccRes;
        ccAux = o.ccAux;
        flags = o.flags;
    }
}
