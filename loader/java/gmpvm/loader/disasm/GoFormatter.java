package gmpvm.loader.disasm;

import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a decoded instruction in the Go (Plan 9) assembler's syntax, as Go's
 * {@code src/runtime/*.s} files spell it: Go mnemonics with size suffixes ({@code MOVQ},
 * {@code ADDL}, {@code MOVBQZX}, {@code CMOVQEQ}, {@code SETEQ}, {@code JLS}), operands in
 * source-first order (except {@code CMP}, which Go writes in Intel order), registers
 * {@code AX}..{@code R15} and {@code X0}..{@code X15}, memory as {@code off(base)(index*scale)}.
 *
 * <p>The text is meant to be read back by a Go-dialect assembler and to mean exactly these
 * bytes' operation. What Go's syntax cannot say is spelled out as {@code BYTE} directives joined
 * with {@code ;}: a prefix the instruction does not consume ({@code BYTE $0x2e; NOPW ...}), and
 * whole instructions Go has no mnemonic for ({@code BYTE $0xcc} for INT3, {@code BYTE $0x90} for
 * the one-byte NOP, because Go's {@code NOP} assembles to nothing). LOCK and REP are Go's own
 * prefix instructions ({@code LOCK; XADDQ AX, (BX)}, {@code REP; STOSQ}).
 *
 * <p>Forms: immediates {@code $0x10} / {@code $-0x1} (signed in the operand's size; shift counts,
 * bit numbers and shuffle masks unsigned); memory {@code -0x8(SP)}, {@code (AX)(CX*8)},
 * {@code 0x10(CX*4)}, a bare {@code 0x10} for an absolute address; RIP-relative
 * {@code sym+0x10(SB)} when the resolver names the address, else {@code 0x10(IP)} with the
 * displacement; an absolute address {@code sym+0x10(SB)} when named (with {@code (AX*8)} when
 * indexed); FS:-8 (the g slot) as {@code (TLS)} and an FS-based access with a base register as
 * {@code 0x10(AX)(TLS*1)}, the two TLS forms of Go's {@code go_tls.h}; branch targets
 * {@code sym(SB)} when a symbol starts exactly there, else the absolute address {@code 0x401020}.
 */
public final class GoFormatter {
    private static final String[] CC = {"OS", "OC", "CS", "CC", "EQ", "NE", "LS", "HI", "MI", "PL", "PS", "PC", "LT", "GE", "LE", "GT"};
    private static final String[] R8 = {"AL", "CL", "DL", "BL", "SPB", "BPB", "SIB", "DIB",
        "R8B", "R9B", "R10B", "R11B", "R12B", "R13B", "R14B", "R15B", "AH", "CH", "DH", "BH"};
    private static final String[] R = {"AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI",
        "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"};

    private final SymbolResolver symbols;
    private final IntelFormatter intel;

    public GoFormatter(SymbolResolver symbols) {
        this.symbols = symbols == null ? SymbolResolver.NONE : symbols;
        this.intel = new IntelFormatter(this.symbols);
    }

    /** Go's condition suffix for condition code {@code cc} ("EQ", "CS", "LS", ...). */
    static String cc(int cc) {
        return CC[cc & 15];
    }

    /** Formats {@code in}, whose bytes start at {@code code[off]}. */
    public String format(Insn in, byte[] code, int off) {
        String body = in.op == Op.BAD || in.op == Op.UNSUPPORTED ? null : body(in);
        if (body == null) {
            return bytes(code, off, in.len);
        }
        String[] names = intel.prefixNames(in, code, off);
        Prefixes p = Prefixes.of(code, off, in.len);
        StringBuilder sb = new StringBuilder();
        boolean string = in.op == Op.MOVS || in.op == Op.STOS || in.op == Op.LODS || in.op == Op.SCAS || in.op == Op.CMPS;
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            int b = p.bytes[i];
            if (n == null) {
                if (string && (b == 0xf3 || b == 0xf2)) {
                    sb.append(b == 0xf3 ? "REP; " : "REPN; ");
                } else if (b == 0x67 || isSeg(b) && !(b == 0x64 && (tlsForm(in) || fsMinus8(in)))) {
                    // consumed by the CPU, but Go's syntax has no way to say it
                    sb.append("BYTE $0x").append(Integer.toHexString(b)).append("; ");
                }
                continue;
            }
            if (n.equals("lock")) {
                sb.append("LOCK; ");
            } else if (string && (n.equals("rep") || n.equals("repz") || n.equals("repnz")) && isLastRep(p, i)) {
                sb.append(b == 0xf3 ? "REP; " : "REPN; ");
            } else {
                sb.append("BYTE $0x").append(Integer.toHexString(b)).append("; ");
            }
        }
        return sb.append(body).toString();
    }

    private static boolean isSeg(int b) {
        return b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65;
    }

    /** An FS-relative access with a base register and no index: Go's {@code off(reg)(TLS*1)}. */
    private static boolean tlsForm(Insn in) {
        return in.seg == Insn.SEG_FS && in.base >= 0 && in.base != Insn.RIP && in.index < 0 && !in.addr32;
    }

    /** FS:-8 with no base or index: the g slot, which Go writes {@code (TLS)}. */
    private static boolean fsMinus8(Insn in) {
        return in.seg == Insn.SEG_FS && in.base < 0 && in.index < 0 && in.disp == -8 && !in.addr32;
    }

    private static boolean isLastRep(Prefixes p, int i) {
        return i == Math.max(p.last(0xf2), p.last(0xf3));
    }

    private static String bytes(byte[] code, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len && off + i < code.length; i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append("BYTE $0x").append(Integer.toHexString(code[off + i] & 0xff));
        }
        return sb.length() == 0 ? "BYTE" : sb.toString();
    }

    private static String suffix(int size) {
        switch (size) {
            case 1: return "B";
            case 2: return "W";
            case 4: return "L";
            default: return "Q";
        }
    }

    /** The instruction without prefixes, or null when Go has no spelling for it. */
    private String body(Insn in) {
        String s = suffix(in.size);
        switch (in.op) {
            case ADD: case OR: case ADC: case SBB: case AND: case SUB: case XOR: case TEST:
            case INC: case DEC: case NEG: case NOT: case MUL: case DIV: case IDIV:
            case ROL: case ROR: case RCL: case RCR: case SHL: case SHR: case SAL: case SAR:
            case BT: case BTS: case BTR: case BTC: case BSF: case BSR: case TZCNT: case LZCNT: case POPCNT:
            case XCHG: case XADD: case CMPXCHG: case MOV: case BSWAP:
                if (in.op == Op.MOV && in.opcode == 0x8b && in.size == 4 && in.kind1 == Insn.K_REG) {
                    // Go assembles MOVLQZX r, r with the load opcode (8B) and MOVL r, r with 89
                    return "MOVLQZX " + reversed(in);
                }
                return in.op.name() + s + " " + reversed(in);
            case SHLD: case SHRD:
                return (in.op == Op.SHLD ? "SHL" : "SHR") + s + " " + reversed(in);
            case CMP:
                return "CMP" + s + " " + operands(in, false);
            case IMUL:
                if (in.nops == 3) {
                    return "IMUL3" + s + " " + reversed(in);
                }
                return "IMUL" + s + " " + reversed(in);
            case LEA:
                return "LEA" + s + " " + reversed(in);
            case PUSH: case POP:
                return in.op.name() + s + " " + reversed(in);
            case MOVZX: case MOVSX: {
                String name = "MOV" + suffix(in.size1) + s + (in.op == Op.MOVZX ? "ZX" : "SX");
                if (name.equals("MOVWWZX")) {
                    name = "MOVZWW";
                } else if (name.equals("MOVWWSX")) {
                    name = "MOVSWW";
                }
                return name + " " + reversed(in);
            }
            case MOVSXD:
                return in.size == 8 ? "MOVLQSX " + reversed(in) : null;
            case CMOV:
                return "CMOV" + s + cc(in.cc) + " " + reversed(in);
            case SETCC:
                return "SET" + cc(in.cc) + " " + reversed(in);
            case JCC:
                return "J" + cc(in.cc) + " " + reversed(in);
            case JMP: case CALL:
                return in.op.name() + " " + reversed(in);
            case RET:
                return in.nops == 0 ? "RET" : "RET " + reversed(in);
            case LOOP:
                return "LOOP " + reversed(in);
            case LOOPE:
                return "LOOPEQ " + reversed(in);
            case LOOPNE:
                return "LOOPNE " + reversed(in);
            case JRCXZ:
                return (in.addr32 ? "JCXZL " : "JCXZQ ") + reversed(in);
            case CBW:
                return in.size == 2 ? "CBW" : in.size == 4 ? "CWDE" : "CDQE";
            case CWD:
                return in.size == 2 ? "CWD" : in.size == 4 ? "CDQ" : "CQO";
            case MOVS: case STOS: case LODS: case SCAS: case CMPS:
                return in.op.name() + s;
            case PUSHF: case POPF: case LEAVE:
                return in.op.name() + s;
            case ENTER:
                return "ENTER " + reversed(in);
            case LAHF: case SAHF: case CLC: case STC: case CMC: case CLD: case STD: case PAUSE: case ENDBR64:
            case MFENCE: case LFENCE: case SFENCE: case CPUID: case RDTSC: case SYSCALL: case UD2: case HLT:
            case CMPXCHG8B: case CMPXCHG16B:
                return in.nops == 0 ? in.op.name() : in.op.name() + " " + reversed(in);
            case INT:
                return "INT " + reversed(in);
            case INT3:
                return "BYTE $0xcc";
            case NOP:
                if (in.opcode == 0x90) {
                    return null; // Go's NOP assembles to nothing: spell the bytes
                }
                if (in.opcode != 0x0f1f || in.size == 8) {
                    return null;
                }
                return "NOP" + s + " " + reversed(in);
            case PREFETCH: {
                if (in.opcode != 0x0f18) {
                    return null;
                }
                String[] n = {"PREFETCHNTA", "PREFETCHT0", "PREFETCHT1", "PREFETCHT2"};
                return n[(in.modrm >> 3) & 3] + " " + reversed(in);
            }
            case MOVD:
                return "MOVL " + reversed(in);
            case MOVDQU:
                return "MOVOU " + reversed(in);
            case MOVDQA:
                return "MOVO " + reversed(in);
            case PADDD:
                return "PADDL " + reversed(in);
            case PSUBD:
                return "PSUBL " + reversed(in);
            case PCMPEQD:
                return "PCMPEQL " + reversed(in);
            case PUNPCKLWD:
                return "PUNPCKLWL " + reversed(in);
            case PUNPCKLDQ:
                return "PUNPCKLLQ " + reversed(in);
            case PSLLDQ:
                return "PSLLO " + reversed(in);
            case PSRLDQ:
                return "PSRLO " + reversed(in);
            case PSLLD:
                return "PSLLL " + reversed(in);
            case PSRLD:
                return "PSRLL " + reversed(in);
            case PMOVMSKB:
                return "PMOVMSKB " + reversed(in);
            case PSHUFD:
                return "PSHUFL " + reversed(in);
            case CVTSI2SS: case CVTSI2SD:
                return "CVTS" + (in.size1 == 8 ? "Q" : "L") + "2S" + (in.op == Op.CVTSI2SS ? "S " : "D ") + reversed(in);
            case CVTSS2SI: case CVTSD2SI: case CVTTSS2SI: case CVTTSD2SI:
                return in.op.name().substring(0, in.op.name().length() - 1) + (in.size0 == 8 ? "Q " : "L ") + reversed(in);
            case CMPPS: case CMPPD: case CMPSS: case CMPSD:
                return in.op.name() + " " + operand(in, 1) + ", " + operand(in, 0) + ", " + operand(in, 2);
            case MOVNTI:
                return (in.size == 8 ? "MOVNTIQ " : "MOVNTIL ") + reversed(in);
            case MOVMSKPS: case MOVMSKPD:
                // Go has no REX.W form (the result is the same, zero-extended): spell those bytes
                return in.size == 8 ? null : in.op.name() + " " + reversed(in);
            case CVTDQ2PD: case CVTDQ2PS: case CVTPD2DQ: case CVTPS2DQ: case CVTTPD2DQ: case CVTTPS2DQ:
                return in.op.name().replace("DQ", "PL") + " " + reversed(in);
            case PACKSSDW: return "PACKSSLW " + reversed(in);
            case PMADDWD: return "PMADDWL " + reversed(in);
            case PMULUDQ: return "PMULULQ " + reversed(in);
            case PCMPGTD: return "PCMPGTL " + reversed(in);
            case PSRAD: return "PSRAL " + reversed(in);
            case PUNPCKHWD: return "PUNPCKHWL " + reversed(in);
            case PUNPCKHDQ: return "PUNPCKHLQ " + reversed(in);
            case MOVNTDQ: return "MOVNTO " + reversed(in);
            case MASKMOVDQU: return "MASKMOVOU " + reversed(in);
            case ADDPS: case ADDPD: case ADDSS: case ADDSD: case SUBPS: case SUBPD: case SUBSS: case SUBSD:
            case MULPS: case MULPD: case MULSS: case MULSD: case DIVPS: case DIVPD: case DIVSS: case DIVSD:
            case MINPS: case MINPD: case MINSS: case MINSD: case MAXPS: case MAXPD: case MAXSS: case MAXSD:
            case SQRTPS: case SQRTPD: case SQRTSS: case SQRTSD: case RCPPS: case RCPSS: case RSQRTPS: case RSQRTSS:
            case ANDPD: case ANDNPD: case ORPD: case UCOMISS: case UCOMISD: case COMISS: case COMISD:
            case CVTSS2SD: case CVTSD2SS: case CVTPS2PD: case CVTPD2PS:
            case UNPCKLPS: case UNPCKLPD: case UNPCKHPS: case UNPCKHPD: case SHUFPS: case SHUFPD: case MOVHLPS: case MOVLHPS: case PSHUFHW: case PSHUFLW: case PINSRW: case PEXTRW:
            case PACKSSWB: case PACKUSWB: case PUNPCKHBW: case PADDSB: case PADDSW: case PADDUSB: case PADDUSW:
            case PSUBSB: case PSUBSW: case PSUBUSB: case PSUBUSW: case PMULLW: case PMULHW: case PMULHUW:
            case PCMPGTB: case PCMPGTW: case PMAXUB: case PMAXSW: case PMINSW: case PMINUB: case PAVGB: case PAVGW:
            case PSADBW: case PSLLW: case PSRLW: case PSRAW: case LDMXCSR: case STMXCSR: case CLFLUSH:
            case MOVNTPS: case MOVNTPD:
                return in.op.name() + " " + reversed(in);
            case MOVUPS: case MOVAPS: case MOVUPD: case MOVAPD: case MOVQ: case MOVSD: case MOVSS: case MOVHPS:
            case MOVLPS: case PXOR: case XORPS: case XORPD: case PAND: case PANDN: case POR: case ANDPS: case ANDNPS:
            case ORPS: case PADDB: case PADDW: case PADDQ: case PSUBB: case PSUBW: case PSUBQ: case PCMPEQB:
            case PCMPEQW: case PUNPCKLBW: case PUNPCKLQDQ: case PUNPCKHQDQ: case PSLLQ: case PSRLQ:
                return in.op.name() + " " + reversed(in);
            default:
                return null;
        }
    }

    private String reversed(Insn in) {
        return operands(in, true);
    }

    private String operands(Insn in, boolean reverse) {
        List<String> ops = new ArrayList<>(3);
        for (int i = 0; i < in.nops; i++) {
            ops.add(operand(in, i));
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < ops.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(ops.get(reverse ? ops.size() - 1 - k : k));
        }
        return sb.toString();
    }

    private static boolean isShift(Op op) {
        switch (op) {
            case ROL: case ROR: case RCL: case RCR: case SHL: case SHR: case SAL: case SAR: case SHLD: case SHRD:
                return true;
            default:
                return false;
        }
    }

    private String operand(Insn in, int i) {
        switch (in.kind(i)) {
            case Insn.K_REG: {
                int size = in.opSize(i);
                if (size == 1 && in.reg(i) == 1 && isShift(in.op) && i == in.nops - 1) {
                    return "CX"; // the shift count register, as Go writes it
                }
                return size == 1 ? R8[in.reg(i)] : R[in.reg(i)];
            }
            case Insn.K_XMM:
                return "X" + in.reg(i);
            case Insn.K_MEM:
                return memory(in);
            case Insn.K_IMM:
                return "$" + signedHex(immediate(in, i));
            case Insn.K_REL:
                return target(in.target);
            default:
                return "?";
        }
    }

    /** The immediate as Go should read it: signed in its operand size, or unsigned for counts and masks. */
    private static long immediate(Insn in, int i) {
        long v = in.op == Op.ENTER && i == 1 ? in.imm2 : in.imm;
        int sz = in.opSize(i);
        boolean unsigned = isShift(in.op) || in.op == Op.BT || in.op == Op.BTS || in.op == Op.BTR || in.op == Op.BTC
                || in.op == Op.RET || in.op == Op.ENTER || in.op == Op.INT || in.op.ordinal() >= Op.MOVUPS.ordinal();
        if (sz >= 8) {
            return v;
        }
        long mask = (1L << (8 * sz)) - 1;
        v &= mask;
        if (!unsigned && (v & (1L << (8 * sz - 1))) != 0) {
            v -= 1L << (8 * sz);
            if (v >= -128 && longImmediate(in)) {
                // a full-size immediate that would fit in 8 bits: written unsigned, the assembler
                // keeps the long encoding (as Go's does: $0xffffff80 is not an int8)
                v &= mask;
            }
        }
        return v;
    }

    /** True for encodings with a full-size immediate that also have an imm8 form (81, 69, and the accumulator forms). */
    private static boolean longImmediate(Insn in) {
        int o = in.opcode;
        return o == 0x81 || o == 0x69 || (o < 0x40 && (o & 7) == 5);
    }

    private static String signedHex(long v) {
        return v < 0 ? (v == Long.MIN_VALUE ? "-0x8000000000000000" : "-0x" + Long.toHexString(-v)) : "0x" + Long.toHexString(v);
    }

    private String target(long a) {
        String s = symbols.symbolize(a);
        if (s != null && s.indexOf('+') < 0) {
            return s + "(SB)";
        }
        return "0x" + Long.toHexString(a);
    }

    private String memory(Insn in) {
        StringBuilder sb = new StringBuilder();
        if (in.base == Insn.RIP) {
            String s = symbols.symbolize(in.disp);
            if (s != null) {
                return s + "(SB)";
            }
            long rel = (int) (in.disp - (in.addr + in.len));
            return signedHex(rel) + "(IP)";
        }
        boolean havebase = in.base >= 0;
        boolean haveindex = in.index >= 0;
        if (fsMinus8(in)) {
            return "(TLS)";
        }
        if (!havebase && !in.addr32) {
            String sym = symbols.symbolize(in.disp);
            if (sym != null) {
                sb.append(sym).append("(SB)");
                if (haveindex) {
                    sb.append('(').append(R[in.index]).append('*').append(in.scale).append(')');
                }
                return sb.toString();
            }
        }
        boolean tls = tlsForm(in);
        long disp = in.addr32 && !havebase && !haveindex ? in.disp & 0xffffffffL : in.disp;
        if (disp != 0 || !havebase && !haveindex) {
            sb.append(signedHex(disp));
        }
        if (havebase) {
            sb.append('(').append(R[in.base]).append(')');
        }
        if (haveindex) {
            sb.append('(').append(R[in.index]).append('*').append(in.scale).append(')');
        } else if (tls) {
            sb.append("(TLS*1)");
        }
        return sb.toString();
    }
}
