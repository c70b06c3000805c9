package gmpvm.emulator.cpu;

/**
 * A synchronous exception raised by an instruction, already in the guest's terms: the signal
 * Linux would deliver, its si_code and si_addr. {@code after} is true for traps (INT3) whose
 * reported RIP is the next instruction.
 */
public final class Trap extends RuntimeException {
    public static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;
    public static final int ILL_ILLOPN = 2;
    public static final int FPE_INTDIV = 1;
    public static final int SI_KERNEL = 0x80;

    final int signal;
    final int code;
    final long address;
    final boolean after;

    Trap(int signal, int code, long address, boolean after) {
        super(null, null, false, false);
        this.signal = signal;
        this.code = code;
        this.address = address;
        this.after = after;
    }

    static Trap illegal(Insn i) {
        return new Trap(SIGILL, ILL_ILLOPN, i.addr, false);
    }

    /** #GP in user mode: Linux sends SIGSEGV with SI_KERNEL and address 0. */
    static Trap generalProtection() {
        return new Trap(SIGSEGV, SI_KERNEL, 0, false);
    }

    static Trap divide(Insn i) {
        return new Trap(SIGFPE, FPE_INTDIV, i.addr, false);
    }
}
