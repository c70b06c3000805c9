package gmpvm.emulator.cpu;

/**
 * What CPUID reports: a modest, fixed x86-64 feature set. SSE, SSE2, CMPXCHG8B/16B, CMOV, TSC,
 * POPCNT, LZCNT (ABM), BMI1's TZCNT and SYSCALL/LM are advertised; SSE3 and later, AVX and
 * x87-dependent extensions are not (x87 itself is reported, as long mode requires, but not executed).
 */
final class Cpuid {
    private Cpuid() {
    }

    /** Returns {eax, ebx, ecx, edx} for the leaf in EAX and sub-leaf in ECX. */
    static int[] query(int leaf, int subleaf) {
        switch (leaf) {
            case 0:
                // max leaf 7; vendor "GmpvmVirtCPU" spelled across EBX, EDX, ECX
                return new int[] {7, str("Gmpv"), str("tCPU"), str("mVir")};
            case 1: {
                int eax = 0x000306a9 & 0x0fff3fff; // family 6
                int ecx = (1 << 13) | (1 << 23); // CMPXCHG16B, POPCNT
                int edx = 1 | (1 << 4) | (1 << 8) | (1 << 15) | (1 << 19) | (1 << 23) | (1 << 24) | (1 << 25) | (1 << 26);
                // FPU TSC CX8 CMOV CLFSH MMX FXSR SSE SSE2
                return new int[] {eax, 0x00010800, ecx, edx};
            }
            case 7:
                return subleaf == 0 ? new int[] {0, 1 << 3, 0, 0} : new int[4]; // BMI1 (TZCNT)
            case 0x80000000:
                return new int[] {0x80000001, 0, 0, 0};
            case 0x80000001:
                return new int[] {0, 0, (1 << 5), (1 << 11) | (1 << 29)}; // ABM(LZCNT); SYSCALL, LM
            default:
                return new int[4];
        }
    }

    private static int str(String s4) {
        return s4.charAt(0) | s4.charAt(1) << 8 | s4.charAt(2) << 16 | s4.charAt(3) << 24;
    }
}
