package gmpvm.loader.asm;

import java.util.HashMap;
import java.util.Map;

/**
 * Register names as Go's amd64 assembler spells them, mapped to numbers: 0-15 the general
 * registers in encoding order (AX CX DX BX SP BP SI DI R8-R15, used at every operand size),
 * 100-115 their byte names (AL CL DL BL SPB BPB SIB DIB R8B-R15B), 116-119 AH CH DH BH,
 * 32-47 X0-X15, and the pseudo-registers TLS, SB, FP and PC.
 */
final class Reg {
    static final int AX = 0, CX = 1, DX = 2, BX = 3, SP = 4, BP = 5, SI = 6, DI = 7;
    static final int BYTE0 = 100;
    static final int AH = 116;
    static final int X0 = 32;
    static final int TLS = 64, SB = 65, FP = 66, PC = 67;

    private static final Map<String, Integer> NAMES = build();
    private static final String[] GPR = {"AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI",
        "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"};

    private Reg() {
    }

    private static Map<String, Integer> build() {
        Map<String, Integer> m = new HashMap<>();
        String[] gpr = {"AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI"};
        String[] byt = {"AL", "CL", "DL", "BL", "SPB", "BPB", "SIB", "DIB"};
        for (int i = 0; i < 8; i++) {
            m.put(gpr[i], i);
            m.put(byt[i], BYTE0 + i);
            m.put("R" + (i + 8), i + 8);
            m.put("R" + (i + 8) + "B", BYTE0 + i + 8);
        }
        String[] high = {"AH", "CH", "DH", "BH"};
        for (int i = 0; i < 4; i++) {
            m.put(high[i], AH + i);
        }
        for (int i = 0; i < 16; i++) {
            m.put("X" + i, X0 + i);
        }
        m.put("TLS", TLS);
        m.put("SB", SB);
        m.put("FP", FP);
        m.put("PC", PC);
        return Map.copyOf(m);
    }

    /** The register's number, or -1 when {@code name} is not a register. */
    static int lookup(String name) {
        Integer r = NAMES.get(name);
        return r == null ? -1 : r;
    }

    static boolean isGpr(int r) {
        return r >= 0 && r < 16;
    }

    /** A general register usable as an 8-bit operand: any GPR, byte name or AH-BH. */
    static boolean isByteCapable(int r) {
        return isGpr(r) || (r >= BYTE0 && r < BYTE0 + 16) || (r >= AH && r < AH + 4);
    }

    static boolean isXmm(int r) {
        return r >= X0 && r < X0 + 16;
    }

    /** General register number (0-15) of a GPR or byte name; AH-BH give 4-7 (without REX). */
    static int num(int r) {
        if (r >= AH && r < AH + 4) {
            return 4 + (r - AH);
        }
        if (r >= BYTE0 && r < BYTE0 + 16) {
            return r - BYTE0;
        }
        if (isXmm(r)) {
            return r - X0;
        }
        return r;
    }

    static String name(int r) {
        if (isGpr(r)) {
            return GPR[r];
        }
        for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
            if (e.getValue() == r) {
                return e.getKey();
            }
        }
        return "?" + r;
    }
}
