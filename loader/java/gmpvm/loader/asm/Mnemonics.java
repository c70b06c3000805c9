package gmpvm.loader.asm;

import java.util.HashMap;
import java.util.Map;

/**
 * The instruction names Go's amd64 assembler uses, each mapped to an encoding family, an
 * operand size and a family-specific code (ALU operation, condition, opcode byte, ...).
 */
final class Mnemonics {
    enum Fam {
        ALU, TEST, MOV, LEA, XCHG, XADD, CMPXCHG, UNARY, INCDEC, SHIFT, IMUL3, EXT, MOVLQZX,
        CMOV, SET, JCC, JMP, CALL, RET, JCXZ, LOOP, PUSH, POP, BSWAP, BITSCAN, BT, FIXED, INT,
        CMPXCHGNB, NOPRM, SSEMOV, SSEOP, SSEX, SSESHIFT, PSHUFL, PMOVMSKB, PREFETCH, INLINE, NOP, ADJSP,
        TEXT, DATA, GLOBL, PCDATA, FUNCDATA
    }

    /** @param size operand size in bytes; @param code family-specific; @param bytes FIXED bytes or SSE opcode info. */
    record Spec(Fam fam, int size, int code, int[] bytes) {
    }

    /** Go condition suffixes in x86 condition-code order. */
    static final String[] CC = {"OS", "OC", "CS", "CC", "EQ", "NE", "LS", "HI",
        "MI", "PL", "PS", "PC", "LT", "GE", "LE", "GT"};

    private static final Map<String, Spec> TABLE = build();

    private Mnemonics() {
    }

    static Spec lookup(String name) {
        return TABLE.get(name);
    }

    private static int sizeOf(char c) {
        return switch (c) {
            case 'B' -> 1;
            case 'W' -> 2;
            case 'L' -> 4;
            default -> 8;
        };
    }

    private static void sized(Map<String, Spec> m, String base, String sizes, Fam f, int code) {
        for (char c : sizes.toCharArray()) {
            m.put(base + c, new Spec(f, sizeOf(c), code, null));
        }
    }

    private static void fixed(Map<String, Spec> m, String name, int... bytes) {
        m.put(name, new Spec(Fam.FIXED, 0, 0, bytes));
    }

    /** SSE op: prefix (0 none), opcode (after 0F), load/op form; store opcode in code (0 none). */
    private static void sse(Map<String, Spec> m, String name, Fam f, int size, int prefix, int op, int storeOp) {
        m.put(name, new Spec(f, size, storeOp, new int[] {prefix, op}));
    }

    // operand shapes of Fam.SSEX (Spec.code); Spec.bytes = {mandatory prefix, opcode}
    static final int X_CMP = 0;     // CMPPS X1, X0, $pred: source, destination, predicate
    static final int X_IMM = 1;     // SHUFPS $imm, X1, X0
    static final int X_GX = 2;      // CVTSQ2SD AX, X0: general register or memory to X
    static final int X_XG = 3;      // CVTTSD2SQ X0, AX: X register or memory to a general register
    static final int X_MSK = 4;     // MOVMSKPD X0, AX: X register to a 32-bit general register
    static final int X_PINSRW = 5;  // PINSRW $imm, AX or (mem), X0
    static final int X_PEXTRW = 6;  // PEXTRW $imm, X0, AX
    static final int X_STORE = 7;   // MOVNTPS X0, (mem)
    static final int X_STOREG = 8;  // MOVNTIQ AX, (mem)
    static final int X_MEM = 9;     // LDMXCSR (mem): 0F AE /digit, the digit in bytes[1]

    private static void x(Map<String, Spec> m, String name, int shape, int size, int prefix, int op) {
        m.put(name, new Spec(Fam.SSEX, size, shape, new int[] {prefix, op}));
    }

    /** The SSE/SSE2 baseline beyond the moves, under Go's names (cmd/internal/obj/x86 anames). */
    private static void sseBaseline(Map<String, Spec> m) {
        String[] arith = {"SQRT:51", "ADD:58", "MUL:59", "SUB:5C", "MIN:5D", "DIV:5E", "MAX:5F"};
        for (String a : arith) {
            String n = a.substring(0, a.indexOf(':'));
            int op = Integer.parseInt(a.substring(a.indexOf(':') + 1), 16);
            sse(m, n + "PS", Fam.SSEOP, 16, 0, op, 0);
            sse(m, n + "PD", Fam.SSEOP, 16, 0x66, op, 0);
            sse(m, n + "SS", Fam.SSEOP, 16, 0xF3, op, 0);
            sse(m, n + "SD", Fam.SSEOP, 16, 0xF2, op, 0);
        }
        String[][] ops = {{"RSQRTPS", "0", "52"}, {"RSQRTSS", "F3", "52"}, {"RCPPS", "0", "53"}, {"RCPSS", "F3", "53"},
            {"ANDPD", "66", "54"}, {"ANDNPD", "66", "55"}, {"ORPD", "66", "56"},
            {"UNPCKLPS", "0", "14"}, {"UNPCKLPD", "66", "14"}, {"UNPCKHPS", "0", "15"}, {"UNPCKHPD", "66", "15"},
            {"UCOMISS", "0", "2E"}, {"UCOMISD", "66", "2E"}, {"COMISS", "0", "2F"}, {"COMISD", "66", "2F"},
            {"CVTPS2PD", "0", "5A"}, {"CVTPD2PS", "66", "5A"}, {"CVTSS2SD", "F3", "5A"}, {"CVTSD2SS", "F2", "5A"},
            {"CVTPL2PS", "0", "5B"}, {"CVTPS2PL", "66", "5B"}, {"CVTTPS2PL", "F3", "5B"},
            {"CVTTPD2PL", "66", "E6"}, {"CVTPL2PD", "F3", "E6"}, {"CVTPD2PL", "F2", "E6"},
            {"MOVHLPS", "0", "12"}, {"MOVLHPS", "0", "16"}, {"MASKMOVOU", "66", "F7"},
            {"PACKSSWB", "66", "63"}, {"PCMPGTB", "66", "64"}, {"PCMPGTW", "66", "65"}, {"PCMPGTL", "66", "66"},
            {"PACKUSWB", "66", "67"}, {"PUNPCKHBW", "66", "68"}, {"PUNPCKHWL", "66", "69"}, {"PUNPCKHLQ", "66", "6A"},
            {"PACKSSLW", "66", "6B"}, {"PMULLW", "66", "D5"}, {"PSUBUSB", "66", "D8"}, {"PSUBUSW", "66", "D9"},
            {"PMINUB", "66", "DA"}, {"PADDUSB", "66", "DC"}, {"PADDUSW", "66", "DD"}, {"PMAXUB", "66", "DE"},
            {"PAVGB", "66", "E0"}, {"PAVGW", "66", "E3"}, {"PMULHUW", "66", "E4"}, {"PMULHW", "66", "E5"},
            {"PSUBSB", "66", "E8"}, {"PSUBSW", "66", "E9"}, {"PMINSW", "66", "EA"}, {"PADDSB", "66", "EC"},
            {"PADDSW", "66", "ED"}, {"PMAXSW", "66", "EE"}, {"PMULULQ", "66", "F4"}, {"PMADDWL", "66", "F5"},
            {"PSADBW", "66", "F6"}};
        for (String[] o : ops) {
            sse(m, o[0], Fam.SSEOP, 16, Integer.parseInt(o[1], 16), Integer.parseInt(o[2], 16), 0);
        }
        x(m, "CMPPS", X_CMP, 16, 0, 0xC2);
        x(m, "CMPPD", X_CMP, 16, 0x66, 0xC2);
        x(m, "CMPSS", X_CMP, 16, 0xF3, 0xC2);
        x(m, "CMPSD", X_CMP, 16, 0xF2, 0xC2);
        x(m, "SHUFPS", X_IMM, 16, 0, 0xC6);
        x(m, "SHUFPD", X_IMM, 16, 0x66, 0xC6);
        x(m, "PSHUFHW", X_IMM, 16, 0xF3, 0x70);
        x(m, "PSHUFLW", X_IMM, 16, 0xF2, 0x70);
        x(m, "CVTSL2SS", X_GX, 4, 0xF3, 0x2A);
        x(m, "CVTSQ2SS", X_GX, 8, 0xF3, 0x2A);
        x(m, "CVTSL2SD", X_GX, 4, 0xF2, 0x2A);
        x(m, "CVTSQ2SD", X_GX, 8, 0xF2, 0x2A);
        x(m, "CVTTSS2SL", X_XG, 4, 0xF3, 0x2C);
        x(m, "CVTTSS2SQ", X_XG, 8, 0xF3, 0x2C);
        x(m, "CVTTSD2SL", X_XG, 4, 0xF2, 0x2C);
        x(m, "CVTTSD2SQ", X_XG, 8, 0xF2, 0x2C);
        x(m, "CVTSS2SL", X_XG, 4, 0xF3, 0x2D);
        x(m, "CVTSS2SQ", X_XG, 8, 0xF3, 0x2D);
        x(m, "CVTSD2SL", X_XG, 4, 0xF2, 0x2D);
        x(m, "CVTSD2SQ", X_XG, 8, 0xF2, 0x2D);
        x(m, "MOVMSKPS", X_MSK, 4, 0, 0x50);
        x(m, "MOVMSKPD", X_MSK, 4, 0x66, 0x50);
        x(m, "PINSRW", X_PINSRW, 4, 0x66, 0xC4);
        x(m, "PEXTRW", X_PEXTRW, 4, 0x66, 0xC5);
        x(m, "MOVNTPS", X_STORE, 16, 0, 0x2B);
        x(m, "MOVNTPD", X_STORE, 16, 0x66, 0x2B);
        x(m, "MOVNTO", X_STORE, 16, 0x66, 0xE7);
        x(m, "MOVNTDQ", X_STORE, 16, 0x66, 0xE7);
        x(m, "MOVNTIL", X_STOREG, 4, 0, 0xC3);
        x(m, "MOVNTIQ", X_STOREG, 8, 0, 0xC3);
        x(m, "LDMXCSR", X_MEM, 4, 0, 2);
        x(m, "STMXCSR", X_MEM, 4, 0, 3);
        x(m, "CLFLUSH", X_MEM, 1, 0, 7);
        // the shifts the register-count table lacked: register-count opcode, group opcode, /digit
        m.put("PSLLW", new Spec(Fam.SSESHIFT, 16, 6, new int[] {0xF1, 0x71}));
        m.put("PSRLW", new Spec(Fam.SSESHIFT, 16, 2, new int[] {0xD1, 0x71}));
        m.put("PSRAW", new Spec(Fam.SSESHIFT, 16, 4, new int[] {0xE1, 0x71}));
        m.put("PSRAL", new Spec(Fam.SSESHIFT, 16, 4, new int[] {0xE2, 0x72}));
    }

    private static Map<String, Spec> build() {
        Map<String, Spec> m = new HashMap<>();
        String[] alu = {"ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR", "CMP"};
        for (int i = 0; i < alu.length; i++) {
            sized(m, alu[i], "BWLQ", Fam.ALU, i);
        }
        sized(m, "TEST", "BWLQ", Fam.TEST, 0);
        sized(m, "MOV", "BWLQ", Fam.MOV, 0);
        sized(m, "LEA", "WLQ", Fam.LEA, 0);
        sized(m, "XCHG", "BWLQ", Fam.XCHG, 0);
        sized(m, "XADD", "BWLQ", Fam.XADD, 0);
        sized(m, "CMPXCHG", "BWLQ", Fam.CMPXCHG, 0);
        String[] un = {null, null, "NOT", "NEG", "MUL", "IMUL", "DIV", "IDIV"};
        for (int i = 2; i < 8; i++) {
            sized(m, un[i], "BWLQ", Fam.UNARY, i);
        }
        sized(m, "INC", "BWLQ", Fam.INCDEC, 0);
        sized(m, "DEC", "BWLQ", Fam.INCDEC, 1);
        String[] sh = {"ROL", "ROR", "RCL", "RCR", "SHL", "SHR", "SAL", "SAR"};
        for (int i = 0; i < sh.length; i++) {
            sized(m, sh[i], "BWLQ", Fam.SHIFT, i == 6 ? 4 : i);
        }
        sized(m, "IMUL3", "WLQ", Fam.IMUL3, 0);
        // zero/sign extensions: code = opcode after 0F (0x63 for MOVLQSX), size = destination size
        m.put("MOVBWZX", new Spec(Fam.EXT, 2, 0xB6, null));
        m.put("MOVBLZX", new Spec(Fam.EXT, 4, 0xB6, null));
        m.put("MOVBQZX", new Spec(Fam.EXT, 8, 0xB6, null));
        m.put("MOVWLZX", new Spec(Fam.EXT, 4, 0xB7, null));
        m.put("MOVWQZX", new Spec(Fam.EXT, 8, 0xB7, null));
        m.put("MOVBWSX", new Spec(Fam.EXT, 2, 0xBE, null));
        m.put("MOVBLSX", new Spec(Fam.EXT, 4, 0xBE, null));
        m.put("MOVBQSX", new Spec(Fam.EXT, 8, 0xBE, null));
        m.put("MOVWLSX", new Spec(Fam.EXT, 4, 0xBF, null));
        m.put("MOVWQSX", new Spec(Fam.EXT, 8, 0xBF, null));
        m.put("MOVLQSX", new Spec(Fam.EXT, 8, 0x63, null));
        m.put("MOVLQZX", new Spec(Fam.MOVLQZX, 4, 0, null));
        for (int cc = 0; cc < 16; cc++) {
            sized(m, "CMOV", "WLQ", Fam.CMOV, cc);
            for (char s : "WLQ".toCharArray()) {
                m.put("CMOV" + s + CC[cc], new Spec(Fam.CMOV, sizeOf(s), cc, null));
            }
            m.put("SET" + CC[cc], new Spec(Fam.SET, 1, cc, null));
            m.put("J" + CC[cc], new Spec(Fam.JCC, 0, cc, null));
        }
        m.remove("CMOVW");
        m.remove("CMOVL");
        m.remove("CMOVQ");
        String[][] alias = {{"JA", "HI"}, {"JAE", "CC"}, {"JB", "CS"}, {"JBE", "LS"}, {"JC", "CS"},
            {"JE", "EQ"}, {"JG", "GT"}, {"JHS", "CC"}, {"JL", "LT"}, {"JLO", "CS"}, {"JNA", "LS"},
            {"JNAE", "CS"}, {"JNB", "CC"}, {"JNBE", "HI"}, {"JNC", "CC"}, {"JNG", "LE"}, {"JNGE", "LT"},
            {"JNL", "GE"}, {"JNLE", "GT"}, {"JNO", "OC"}, {"JNP", "PC"}, {"JNS", "PL"}, {"JNZ", "NE"},
            {"JO", "OS"}, {"JP", "PS"}, {"JPE", "PS"}, {"JPO", "PC"}, {"JS", "MI"}, {"JZ", "EQ"}};
        for (String[] a : alias) {
            m.put(a[0], m.get("J" + a[1]));
        }
        m.put("JMP", new Spec(Fam.JMP, 8, 0, null));
        m.put("CALL", new Spec(Fam.CALL, 8, 0, null));
        m.put("RET", new Spec(Fam.RET, 0, 0, null));
        m.put("JCXZQ", new Spec(Fam.JCXZ, 0, 0, null));
        m.put("LOOP", new Spec(Fam.LOOP, 0, 0xE2, null));
        m.put("LOOPEQ", new Spec(Fam.LOOP, 0, 0xE1, null));
        m.put("LOOPNE", new Spec(Fam.LOOP, 0, 0xE0, null));
        m.put("PUSHQ", new Spec(Fam.PUSH, 8, 0, null));
        m.put("POPQ", new Spec(Fam.POP, 8, 0, null));
        sized(m, "BSWAP", "LQ", Fam.BSWAP, 0);
        sized(m, "BSF", "WLQ", Fam.BITSCAN, 0x00BC);
        sized(m, "BSR", "WLQ", Fam.BITSCAN, 0x00BD);
        sized(m, "TZCNT", "WLQ", Fam.BITSCAN, 0xF3BC);
        sized(m, "LZCNT", "WLQ", Fam.BITSCAN, 0xF3BD);
        sized(m, "POPCNT", "WLQ", Fam.BITSCAN, 0xF3B8);
        sized(m, "BT", "WLQ", Fam.BT, 4);
        sized(m, "BTS", "WLQ", Fam.BT, 5);
        sized(m, "BTR", "WLQ", Fam.BT, 6);
        sized(m, "BTC", "WLQ", Fam.BT, 7);
        fixed(m, "CBW", 0x66, 0x98);
        fixed(m, "CWDE", 0x98);
        fixed(m, "CDQE", 0x48, 0x98);
        fixed(m, "CWD", 0x66, 0x99);
        fixed(m, "CDQ", 0x99);
        fixed(m, "CQO", 0x48, 0x99);
        String[] str = {"MOVS", "CMPS", "STOS", "LODS", "SCAS"};
        int[] strOp = {0xA4, 0xA6, 0xAA, 0xAC, 0xAE};
        for (int i = 0; i < str.length; i++) {
            fixed(m, str[i] + "B", strOp[i]);
            fixed(m, str[i] + "W", 0x66, strOp[i] + 1);
            fixed(m, str[i] + "L", strOp[i] + 1);
            fixed(m, str[i] + "Q", 0x48, strOp[i] + 1);
        }
        fixed(m, "REP", 0xF3);
        fixed(m, "REPN", 0xF2);
        fixed(m, "LOCK", 0xF0);
        fixed(m, "CLC", 0xF8);
        fixed(m, "STC", 0xF9);
        fixed(m, "CMC", 0xF5);
        fixed(m, "CLD", 0xFC);
        fixed(m, "STD", 0xFD);
        fixed(m, "PAUSE", 0xF3, 0x90);
        fixed(m, "MFENCE", 0x0F, 0xAE, 0xF0);
        fixed(m, "LFENCE", 0x0F, 0xAE, 0xE8);
        fixed(m, "SFENCE", 0x0F, 0xAE, 0xF8);
        fixed(m, "CPUID", 0x0F, 0xA2);
        fixed(m, "RDTSC", 0x0F, 0x31);
        fixed(m, "SYSCALL", 0x0F, 0x05);
        fixed(m, "UNDEF", 0x0F, 0x0B);
        fixed(m, "UD2", 0x0F, 0x0B); // Go's anames spelling (the disassembler prints it)
        fixed(m, "HLT", 0xF4);
        fixed(m, "LEAVEQ", 0xC9);
        fixed(m, "PUSHFQ", 0x9C);
        fixed(m, "POPFQ", 0x9D);
        fixed(m, "INT3", 0xCC);
        m.put("INT", new Spec(Fam.INT, 1, 0, null));
        m.put("CMPXCHG16B", new Spec(Fam.CMPXCHGNB, 8, 0, null));
        m.put("CMPXCHG8B", new Spec(Fam.CMPXCHGNB, 4, 0, null));
        // SSE moves: load opcode, store opcode
        sse(m, "MOVUPS", Fam.SSEMOV, 16, 0, 0x10, 0x11);
        sse(m, "MOVAPS", Fam.SSEMOV, 16, 0, 0x28, 0x29);
        sse(m, "MOVUPD", Fam.SSEMOV, 16, 0x66, 0x10, 0x11);
        sse(m, "MOVAPD", Fam.SSEMOV, 16, 0x66, 0x28, 0x29);
        sse(m, "MOVOU", Fam.SSEMOV, 16, 0xF3, 0x6F, 0x7F);
        sse(m, "MOVO", Fam.SSEMOV, 16, 0x66, 0x6F, 0x7F);
        sse(m, "MOVOA", Fam.SSEMOV, 16, 0x66, 0x6F, 0x7F);
        sse(m, "MOVSD", Fam.SSEMOV, 8, 0xF2, 0x10, 0x11);
        sse(m, "MOVSS", Fam.SSEMOV, 4, 0xF3, 0x10, 0x11);
        sse(m, "MOVHPS", Fam.SSEMOV, -8, 0, 0x16, 0x17);
        sse(m, "MOVLPS", Fam.SSEMOV, -8, 0, 0x12, 0x13);
        String[][] ops = {{"PXOR", "66", "EF"}, {"XORPS", "0", "57"}, {"XORPD", "66", "57"},
            {"PAND", "66", "DB"}, {"PANDN", "66", "DF"}, {"POR", "66", "EB"}, {"ANDPS", "0", "54"},
            {"ANDNPS", "0", "55"}, {"ORPS", "0", "56"}, {"PADDB", "66", "FC"}, {"PADDW", "66", "FD"},
            {"PADDL", "66", "FE"}, {"PADDQ", "66", "D4"}, {"PSUBB", "66", "F8"}, {"PSUBW", "66", "F9"},
            {"PSUBL", "66", "FA"}, {"PSUBQ", "66", "FB"}, {"PCMPEQB", "66", "74"}, {"PCMPEQW", "66", "75"},
            {"PCMPEQL", "66", "76"}, {"PUNPCKLBW", "66", "60"}, {"PUNPCKLWL", "66", "61"},
            {"PUNPCKLLQ", "66", "62"}, {"PUNPCKLQDQ", "66", "6C"}, {"PUNPCKHQDQ", "66", "6D"}};
        for (String[] o : ops) {
            sse(m, o[0], Fam.SSEOP, 16, Integer.parseInt(o[1], 16), Integer.parseInt(o[2], 16), 0);
        }
        // shifts: register-count opcode, immediate group opcode and /digit in code
        m.put("PSLLQ", new Spec(Fam.SSESHIFT, 16, 6, new int[] {0xF3, 0x73}));
        m.put("PSRLQ", new Spec(Fam.SSESHIFT, 16, 2, new int[] {0xD3, 0x73}));
        m.put("PSLLL", new Spec(Fam.SSESHIFT, 16, 6, new int[] {0xF2, 0x72}));
        m.put("PSRLL", new Spec(Fam.SSESHIFT, 16, 2, new int[] {0xD2, 0x72}));
        m.put("PSLLO", new Spec(Fam.SSESHIFT, 16, 7, new int[] {0, 0x73}));
        m.put("PSRLO", new Spec(Fam.SSESHIFT, 16, 3, new int[] {0, 0x73}));
        sseBaseline(m);
        m.put("PSHUFL", new Spec(Fam.PSHUFL, 16, 0, null));
        m.put("PSHUFD", m.get("PSHUFL"));
        m.put("PADDD", m.get("PADDL"));
        m.put("PSLLDQ", m.get("PSLLO"));
        m.put("PSRLDQ", m.get("PSRLO"));
        m.put("NOPW", new Spec(Fam.NOPRM, 2, 0, null));
        m.put("NOPL", new Spec(Fam.NOPRM, 4, 0, null));
        m.put("PMOVMSKB", new Spec(Fam.PMOVMSKB, 16, 0, null));
        m.put("PREFETCHNTA", new Spec(Fam.PREFETCH, 0, 0, null));
        m.put("PREFETCHT0", new Spec(Fam.PREFETCH, 0, 1, null));
        m.put("PREFETCHT1", new Spec(Fam.PREFETCH, 0, 2, null));
        m.put("PREFETCHT2", new Spec(Fam.PREFETCH, 0, 3, null));
        m.put("BYTE", new Spec(Fam.INLINE, 1, 0, null));
        m.put("WORD", new Spec(Fam.INLINE, 2, 0, null));
        m.put("LONG", new Spec(Fam.INLINE, 4, 0, null));
        m.put("QUAD", new Spec(Fam.INLINE, 8, 0, null));
        m.put("NOP", new Spec(Fam.NOP, 0, 0, null));
        m.put("ADJSP", new Spec(Fam.ADJSP, 8, 0, null));
        m.put("TEXT", new Spec(Fam.TEXT, 0, 0, null));
        m.put("DATA", new Spec(Fam.DATA, 0, 0, null));
        m.put("GLOBL", new Spec(Fam.GLOBL, 0, 0, null));
        m.put("PCDATA", new Spec(Fam.PCDATA, 0, 0, null));
        m.put("FUNCDATA", new Spec(Fam.FUNCDATA, 0, 0, null));
        return Map.copyOf(m);
    }
}
