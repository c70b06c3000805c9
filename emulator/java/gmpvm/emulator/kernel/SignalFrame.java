package gmpvm.emulator.kernel;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;

/**
 * Linux's x86-64 signal frame, byte for byte: what the kernel pushes when it delivers a signal
 * to a handler, and what rt_sigreturn reads back.
 *
 * <pre>
 *   handler's RSP (≡ 8 mod 16) → pretcode   the SA_RESTORER address the handler returns to
 *                        +8      ucontext   uc_flags @0, uc_link @8, uc_stack @16 (sp, flags, size),
 *                                           uc_mcontext @40 (r8…r15, rdi, rsi, rbp, rbx, rdx, rax, rcx,
 *                                           rsp @0xA0, rip @0xA8, eflags @0xB0, cs/gs/fs/ss, err, trapno,
 *                                           oldmask, cr2, fpstate pointer), uc_sigmask @296; 304 bytes
 *                        +312    siginfo    signo @0, errno @4, code @8, addr/pid @16; 128 bytes
 *   higher, 64-aligned           fpstate    fxsave image (512 bytes): mxcsr @24, XMM0–15 @160
 * </pre>
 *
 * The frame sits below a 128-byte red zone under the interrupted RSP, or at the top of the
 * alternate signal stack when SA_ONSTACK asks for it and the thread is not already on it.
 */
public final class SignalFrame {
    public static final int UC_FLAGS = 0;
    public static final int UC_LINK = 8;
    public static final int UC_STACK = 16;
    public static final int UC_MCONTEXT = 40;
    public static final int UC_SIGMASK = 296;
    public static final int UC_SIZE = 304;

    /** Offsets inside uc_mcontext (struct sigcontext). */
    public static final int MC_R8 = 0, MC_RDI = 64, MC_RSI = 72, MC_RBP = 80, MC_RBX = 88, MC_RDX = 96,
            MC_RAX = 104, MC_RCX = 112, MC_RSP = 120, MC_RIP = 128, MC_EFLAGS = 136, MC_CSGSFS = 144,
            MC_ERR = 152, MC_TRAPNO = 160, MC_OLDMASK = 168, MC_CR2 = 176, MC_FPSTATE = 184;

    public static final int SIGINFO_OFFSET = 8 + UC_SIZE;
    public static final int SIGINFO_SIZE = 128;
    public static final int FRAME_SIZE = SIGINFO_OFFSET + SIGINFO_SIZE;
    public static final int FPSTATE_SIZE = 512;
    public static final int FP_MXCSR = 24;
    public static final int FP_XMM = 160;

    /** User code selector as Linux reports it in uc_mcontext (cs=0x33, ss=0x2b). */
    private static final long CSGSFS = 0x33L | (0x2bL << 48);

    /** sigcontext order of the general registers, as CpuState register numbers (r8…r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp). */
    private static final int[] MC_ORDER = {8, 9, 10, 11, 12, 13, 14, 15,
        CpuState.RDI, CpuState.RSI, CpuState.RBP, CpuState.RBX, CpuState.RDX, CpuState.RAX, CpuState.RCX, CpuState.RSP};

    /** An alternate signal stack as sigaltstack(2) describes it. */
    public record AltStack(long sp, long size, int flags) {
        public static final int SS_ONSTACK = 1;
        public static final int SS_DISABLE = 2;
        public static final AltStack NONE = new AltStack(0, 0, SS_DISABLE);

        public boolean contains(long addr) {
            return flags != SS_DISABLE && Long.compareUnsigned(addr - sp, size) < 0;
        }
    }

    /** The siginfo fields the emulator fills. */
    public record SigInfo(int signo, int code, long addr, int pid, int uid) {
    }

    /** Where a built frame is. */
    public record Built(long frame, long ucontext, long siginfo, long fpstate) {
    }

    private SignalFrame() {
    }

    /**
     * Pushes a frame for a handler and points the thread at it: RSP = frame, RIP = handler,
     * RDI = signo, RSI = &amp;siginfo, RDX = &amp;ucontext, RAX = 0, DF and TF cleared.
     *
     * @param onAltStack whether to switch to {@code alt} (SA_ONSTACK and not already on it)
     * @param oldMask the blocked-signal mask to restore on return
     */
    public static Built push(GuestMemory m, CpuState s, long handler, long restorer, SigInfo info,
                             boolean onAltStack, AltStack alt, long oldMask) {
        long sp = s.r[CpuState.RSP] - 128;
        if (onAltStack) {
            sp = alt.sp() + alt.size();
        }
        long fp = (sp - FPSTATE_SIZE) & ~63L;
        long frame = ((fp - FRAME_SIZE) & ~15L) - 8;
        m.checkWritable(frame, fp + FPSTATE_SIZE - frame);

        long uc = frame + 8;
        long si = frame + SIGINFO_OFFSET;
        m.write64(frame, restorer);
        m.write64(uc + UC_FLAGS, 0);
        m.write64(uc + UC_LINK, 0);
        m.write64(uc + UC_STACK, alt.sp());
        m.write64(uc + UC_STACK + 8, alt.flags() == AltStack.SS_DISABLE ? AltStack.SS_DISABLE
                : alt.contains(s.r[CpuState.RSP]) ? AltStack.SS_ONSTACK : 0);
        m.write64(uc + UC_STACK + 16, alt.size());
        long mc = uc + UC_MCONTEXT;
        for (int k = 0; k < MC_ORDER.length; k++) {
            m.write64(mc + 8L * k, s.r[MC_ORDER[k]]);
        }
        m.write64(mc + MC_RIP, s.rip);
        m.write64(mc + MC_EFLAGS, s.rflags());
        m.write64(mc + MC_CSGSFS, CSGSFS);
        m.write64(mc + MC_ERR, info.signo() == 11 ? 4 | (info.code() == 2 ? 1 : 0) : 0);
        m.write64(mc + MC_TRAPNO, trapno(info.signo()));
        m.write64(mc + MC_OLDMASK, oldMask);
        m.write64(mc + MC_CR2, info.signo() == 11 ? info.addr() : 0);
        m.write64(mc + MC_FPSTATE, fp);
        for (int k = 0; k < 8; k++) {
            m.write64(mc + 192 + 8L * k, 0);
        }
        m.write64(uc + UC_SIGMASK, oldMask);

        writeSigInfo(m, si, info);
        writeFpState(m, s, fp);
        // as Linux, the handler starts with the default floating-point state; the frame keeps the old
        s.fpuCw = CpuState.DEFAULT_FPU_CW;
        s.fpuSw = 0;
        s.mxcsr = CpuState.DEFAULT_MXCSR;

        s.r[CpuState.RSP] = frame;
        s.rip = handler;
        s.r[CpuState.RDI] = info.signo();
        s.r[CpuState.RSI] = si;
        s.r[CpuState.RDX] = uc;
        s.r[CpuState.RAX] = 0;
        s.setRflags(s.rflags() & ~((1L << 10) | (1L << 8)));
        return new Built(frame, uc, si, fp);
    }

    private static int trapno(int signo) {
        switch (signo) {
            case 11: return 14; // page fault
            case 8: return 0;   // divide error
            case 4: return 6;   // invalid opcode
            case 5: return 3;   // breakpoint
            default: return 0;
        }
    }

    static void writeSigInfo(GuestMemory m, long si, SigInfo info) {
        for (int k = 0; k < SIGINFO_SIZE; k += 8) {
            m.write64(si + k, 0);
        }
        m.write32(si, info.signo());
        m.write32(si + 4, 0);
        m.write32(si + 8, info.code());
        if (info.code() <= 0) {
            // sent by a process (SI_USER, SI_TKILL): pid and uid
            m.write32(si + 16, info.pid());
            m.write32(si + 20, info.uid());
        } else {
            m.write64(si + 16, info.addr());
        }
    }

    private static void writeFpState(GuestMemory m, CpuState s, long fp) {
        for (int k = 0; k < FPSTATE_SIZE; k += 8) {
            m.write64(fp + k, 0);
        }
        m.write16(fp, s.fpuCw);        // x87 control and status words, as the code left them
        m.write16(fp + 2, s.fpuSw);
        m.write32(fp + FP_MXCSR, s.mxcsr);
        m.write32(fp + FP_MXCSR + 4, 0xffff);
        for (int k = 0; k < 16; k++) {
            m.write64(fp + FP_XMM + 16L * k, s.xmmLo[k]);
            m.write64(fp + FP_XMM + 16L * k + 8, s.xmmHi[k]);
        }
    }

    /** What rt_sigreturn restored besides the registers. */
    public record Restored(long sigmask, long altSp, long altSize, int altFlags) {
    }

    /**
     * rt_sigreturn: the handler's RET popped pretcode, so the frame starts at RSP - 8. Restores
     * the general registers, RIP, the user-changeable flags and XMM0–15 (from the fpstate the
     * frame points at, if any) from the possibly edited ucontext.
     */
    public static Restored pop(GuestMemory m, CpuState s) {
        long frame = s.r[CpuState.RSP] - 8;
        long uc = frame + 8;
        long mc = uc + UC_MCONTEXT;
        m.checkReadable(uc, UC_SIZE);
        long[] regs = new long[MC_ORDER.length];
        for (int k = 0; k < MC_ORDER.length; k++) {
            regs[k] = m.read64(mc + 8L * k);
        }
        long rip = m.read64(mc + MC_RIP);
        long flags = m.read64(mc + MC_EFLAGS);
        long fp = m.read64(mc + MC_FPSTATE);
        long mask = m.read64(uc + UC_SIGMASK);
        long altSp = m.read64(uc + UC_STACK);
        int altFlags = m.read32(uc + UC_STACK + 8);
        long altSize = m.read64(uc + UC_STACK + 16);
        long[] xlo = null, xhi = null;
        int mxcsr = s.mxcsr, fcw = s.fpuCw, fsw = s.fpuSw;
        if (fp != 0) {
            m.checkReadable(fp, FPSTATE_SIZE);
            xlo = new long[16];
            xhi = new long[16];
            for (int k = 0; k < 16; k++) {
                xlo[k] = m.read64(fp + FP_XMM + 16L * k);
                xhi[k] = m.read64(fp + FP_XMM + 16L * k + 8);
            }
            mxcsr = m.read32(fp + FP_MXCSR);
            fcw = m.read16(fp) & 0xffff;
            fsw = m.read16(fp + 2) & 0xffff;
        }
        for (int k = 0; k < MC_ORDER.length; k++) {
            s.r[MC_ORDER[k]] = regs[k];
        }
        s.rip = rip;
        s.setRflags(flags);
        if (xlo != null) {
            System.arraycopy(xlo, 0, s.xmmLo, 0, 16);
            System.arraycopy(xhi, 0, s.xmmHi, 0, 16);
            s.mxcsr = mxcsr;
            s.fpuCw = fcw;
            s.fpuSw = fsw;
        }
        return new Restored(mask, altSp, altSize, altFlags);
    }
}
