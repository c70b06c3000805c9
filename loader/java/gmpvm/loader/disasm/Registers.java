package gmpvm.loader.disasm;

import gmpvm.emulator.cpu.Insn;

/** Register names in Intel (lower case) spelling, by the decoder's register numbers. */
final class Registers {
    private Registers() {
    }

    private static final String[] R64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    private static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
        "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
    private static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
        "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
    private static final String[] R8 = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
        "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b", "ah", "ch", "dh", "bh"};

    /** Intel name of GPR {@code r} (0-15, or 16-19 for AH CH DH BH) at {@code size} bytes. */
    static String gpr(int r, int size) {
        switch (size) {
            case 1: return R8[r];
            case 2: return R16[r];
            case 4: return R32[r];
            default: return R64[r];
        }
    }

    /** Intel name of an address register: 64-bit, or 32-bit under an address-size prefix. */
    static String addr(int r, boolean addr32) {
        if (r == Insn.RIP) {
            return addr32 ? "eip" : "rip";
        }
        return addr32 ? R32[r] : R64[r];
    }
}
