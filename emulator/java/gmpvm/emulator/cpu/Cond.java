package gmpvm.emulator.cpu;

/** The sixteen x86 condition codes (the low nibble of Jcc/SETcc/CMOVcc), Intel's names. */
public final class Cond {
    public static final int O = 0, NO = 1, B = 2, AE = 3, E = 4, NE = 5, BE = 6, A = 7,
            S = 8, NS = 9, P = 10, NP = 11, L = 12, GE = 13, LE = 14, G = 15;

    private static final String[] INTEL = {"o", "no", "b", "ae", "e", "ne", "be", "a",
        "s", "ns", "p", "np", "l", "ge", "le", "g"};
    /** Go assembler spellings of Jcc for each condition. */
    private static final String[] GO_JUMP = {"JOS", "JOC", "JCS", "JCC", "JEQ", "JNE", "JLS", "JHI",
        "JMI", "JPL", "JPS", "JPC", "JLT", "JGE", "JLE", "JGT"};

    private Cond() {
    }

    public static String intel(int cc) {
        return INTEL[cc];
    }

    public static String goJump(int cc) {
        return GO_JUMP[cc];
    }
}
