package gmpvm.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random instruction forms in Go's spelling (registers, immediates at the size
 * boundaries, memory operands with every base/index/displacement shape), for the differential
 * test against Go's assembler.
 */
final class RandomForms {
    private static final String[] R = {"AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI",
        "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"};
    // SPB is left out: Go's assembler rejects it in most instructions
    private static final String[] RB = {"AL", "CL", "DL", "BL", "BPB", "SIB", "DIB",
        "R8B", "R9B", "R10B", "R11B", "R12B", "R13B", "R14B", "R15B"};
    private static final String[] CC = {"EQ", "NE", "LT", "LE", "GT", "GE", "CS", "CC", "LS", "HI",
        "MI", "PL", "OS", "OC", "PS", "PC"};
    private static final String SUF = "?BW?L???Q";

    private final Random rnd;

    RandomForms(long seed) {
        rnd = new Random(seed);
    }

    private String pick(String... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    private String reg(int s) {
        return s == 1 ? pick(RB) : pick(R);
    }

    private String xreg() {
        return "X" + rnd.nextInt(16);
    }

    private String mem() {
        String base = rnd.nextInt(17) == 16 ? null : R[rnd.nextInt(16)];
        String idx = rnd.nextInt(3) == 0 ? null : R[rnd.nextInt(16)];
        if ("SP".equals(idx)) {
            idx = null;
        }
        if (base == null && idx == null) {
            base = "AX";
        }
        long[] offs = {0, 0, 1, -1, 8, 127, 128, -128, -129, 0x1000, -0x12345};
        long off = offs[rnd.nextInt(offs.length)];
        StringBuilder sb = new StringBuilder();
        if (off != 0) {
            sb.append(off);
        }
        if (base != null) {
            sb.append('(').append(base).append(')');
        }
        if (idx != null) {
            sb.append('(').append(idx).append('*').append(1 << rnd.nextInt(4)).append(')');
        }
        return sb.toString();
    }

    private String imm(int s) {
        long[] c = switch (s) {
            case 1 -> new long[] {0, 1, -1, 0x7f, -0x80, 0xff, 0x80};
            case 2 -> new long[] {0, 1, -1, 0x7f, 0x80, -0x80, 0xff, 0x7fff, -0x8000, 0xffff};
            default -> new long[] {0, 1, -1, 2, 0x7f, 0x80, -0x80, -0x81, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
                0x12345, 0x7fffffff, -0x80000000L};
        };
        return "$" + c[rnd.nextInt(c.length)];
    }

    private String rm(int s) {
        return rnd.nextBoolean() ? reg(s) : mem();
    }

    /** {@code n} forms; each PUSHQ comes with its POPQ on the same line. */
    List<String> forms(int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            int s = new int[] {1, 2, 4, 8}[rnd.nextInt(4)];
            String sf = String.valueOf(SUF.charAt(s));
            switch (rnd.nextInt(14)) {
                case 0 -> {
                    String op = pick("ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR");
                    out.add(op + sf + " " + switch (rnd.nextInt(5)) {
                        case 0 -> reg(s) + ", " + reg(s);
                        case 1 -> imm(s) + ", " + reg(s);
                        case 2 -> imm(s) + ", " + mem();
                        case 3 -> mem() + ", " + reg(s);
                        default -> reg(s) + ", " + mem();
                    });
                }
                case 1 -> out.add("CMP" + sf + " " + switch (rnd.nextInt(5)) {
                    case 0 -> reg(s) + ", " + reg(s);
                    case 1 -> reg(s) + ", " + imm(s);
                    case 2 -> mem() + ", " + imm(s);
                    case 3 -> mem() + ", " + reg(s);
                    default -> reg(s) + ", " + mem();
                });
                case 2 -> out.add("MOV" + sf + " " + switch (rnd.nextInt(5)) {
                    case 0 -> reg(s) + ", " + reg(s);
                    case 1 -> imm(s) + ", " + reg(s);
                    case 2 -> imm(s) + ", " + mem();
                    case 3 -> mem() + ", " + reg(s);
                    default -> reg(s) + ", " + mem();
                });
                case 3 -> out.add("TEST" + sf + " " + switch (rnd.nextInt(3)) {
                    case 0 -> reg(s) + ", " + reg(s);
                    case 1 -> imm(s) + ", " + rm(s);
                    default -> reg(s) + ", " + mem();
                });
                case 4 -> out.add(pick("INC", "DEC", "NEG", "NOT", "MUL", "DIV", "IDIV", "IMUL") + sf + " " + rm(s));
                case 5 -> out.add(pick("ROL", "ROR", "RCL", "RCR", "SHL", "SHR", "SAR") + sf + " "
                        + pick("$1", "$3", "$31", "CX") + ", " + rm(s));
                case 6 -> {
                    int t = s == 1 ? 8 : s;
                    out.add(pick("BSF", "BSR", "POPCNT", "TZCNT", "LZCNT") + SUF.charAt(t) + " " + rm(t) + ", " + reg(t));
                }
                case 7 -> {
                    int t = s == 1 ? 4 : s;
                    out.add(pick("BT", "BTS", "BTR", "BTC") + SUF.charAt(t) + " " + (rnd.nextBoolean() ? "$5" : reg(t))
                            + ", " + rm(t));
                }
                case 8 -> {
                    int t = s == 1 ? 8 : s;
                    out.add("CMOV" + SUF.charAt(t) + pick(CC) + " " + rm(t) + ", " + reg(t));
                }
                case 9 -> {
                    String op = pick("MOVBLZX", "MOVBQZX", "MOVWLZX", "MOVWQZX", "MOVBLSX", "MOVBQSX", "MOVWLSX",
                            "MOVWQSX", "MOVLQSX");
                    int src = op.startsWith("MOVB") ? 1 : op.startsWith("MOVW") ? 2 : 4;
                    out.add(op + " " + rm(src) + ", " + reg(8));
                }
                case 10 -> {
                    String op = pick("MOVUPS", "MOVOU", "MOVO", "PXOR", "PADDQ", "PCMPEQB", "MOVSD", "MOVSS", "XORPS");
                    int form = rnd.nextInt(op.startsWith("MOV") ? 3 : 2);
                    out.add(op + " " + (form == 0 ? xreg() + ", " + xreg() : form == 1 ? mem() + ", " + xreg()
                            : xreg() + ", " + mem()));
                }
                case 11 -> out.add(pick("LEAQ", "LEAL") + " " + mem() + ", " + reg(8));
                case 12 -> {
                    int t = s == 1 ? 8 : s;
                    out.add(pick("XADD", "XCHG", "CMPXCHG") + SUF.charAt(t) + " " + reg(t) + ", " + rm(t));
                }
                default -> {
                    switch (rnd.nextInt(9)) {
                        case 0 -> out.add("IMUL3Q $" + pick("3", "-1", "1000") + ", " + rm(8) + ", " + reg(8));
                        case 1 -> out.add("SHLQ $" + pick("1", "7") + ", " + reg(8) + ", " + rm(8));
                        case 2 -> out.add("SHRL CX, " + reg(4) + ", " + rm(4));
                        case 3 -> out.add("MOVQ " + xreg() + ", " + reg(8));
                        case 4 -> out.add("MOVQ " + reg(8) + ", " + xreg());
                        case 5 -> out.add("SET" + pick(CC) + " " + rm(1));
                        case 6 -> out.add("PUSHQ " + pick(reg(8), mem(), "$5", "$1000") + "; POPQ " + reg(8));
                        case 7 -> out.add("CALL " + pick(reg(8), "8(BX)(CX*8)", "(R12)"));
                        default -> out.add("JMP " + pick(reg(8), "-8(BP)", "(R13)(AX*1)"));
                    }
                }
            }
        }
        return out;
    }
}
