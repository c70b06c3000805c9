package gmpvm.loader.disasm;

import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a decoded instruction exactly as GNU objdump 2.40 does with {@code -M intel}: the
 * prefixes the instruction does not consume, by name and in byte order ({@code data16},
 * {@code rex.W}, {@code cs}, {@code lock}, {@code rep}, {@code bnd}, {@code notrack}); the
 * mnemonic padded to six columns; operands in Intel order with {@code QWORD PTR} size words;
 * and, after a RIP-relative operand, objdump's {@code # address} comment.
 *
 * <p>Addresses (branch targets, the RIP comment) print as {@code 0x401000} when the
 * {@link SymbolResolver} knows no symbol there, and as {@code 401000 <main+0x10>} when it does,
 * as objdump does with and without a symbol table. Bytes the CPU does not execute
 * ({@link Op#UNSUPPORTED}, {@link Op#BAD}) print as {@code (bad)}.
 */
public final class IntelFormatter {
    private static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};

    private final SymbolResolver symbols;

    public IntelFormatter(SymbolResolver symbols) {
        this.symbols = symbols == null ? SymbolResolver.NONE : symbols;
    }

    /** Condition suffix ("e", "ne", "ae", ...) of condition code {@code cc}, as Intel spells it. */
    static String cc(int cc) {
        return CC[cc & 15];
    }

    /** How an address prints: {@code 0x...} without a symbol, {@code hex <sym>} with one. */
    String address(long a) {
        String s = symbols.symbolize(a);
        return s == null ? "0x" + Long.toHexString(a) : Long.toHexString(a) + " <" + s + ">";
    }

    /** What the instruction consumed of its prefixes (the rest objdump prints by name). */
    private static final class Used {
        int rex;          // REX bits used, plus 0x40 once anything touched the REX
        boolean opsize;
        boolean addr;
        boolean seg;
        boolean rep;
        String repName;   // printed instead of repz/repnz when consumed as rep/bnd
        int repIndex = -2; // which F2/F3 byte was consumed (-2: the last one)
        boolean notrack;
        boolean padMnemonicOnly; // objdump pads these after the mnemonic, ignoring prefix names
    }

    /** Formats {@code in}, whose bytes start at {@code code[off]}. */
    public String format(Insn in, byte[] code, int off) {
        Prefixes p = Prefixes.of(code, off, in.len);
        if (in.op == Op.BAD || in.op == Op.UNSUPPORTED) {
            return "(bad)";
        }
        Used u = new Used();
        List<String> ops = new ArrayList<>(3);
        String mn = body(in, p, u, ops);
        String comment = null;
        if (in.base == Insn.RIP && hasMem(in)) {
            comment = address(in.disp);
        }
        StringBuilder sb = new StringBuilder(48);
        prefixNames(in, p, u, sb);
        int start = u.padMnemonicOnly ? sb.length() : 0;
        sb.append(mn);
        if (!ops.isEmpty()) {
            while (sb.length() - start < 6) {
                sb.append(' ');
            }
            sb.append(' ');
            for (int i = 0; i < ops.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(ops.get(i));
            }
        }
        if (comment != null) {
            sb.append("        # ").append(comment);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ prefixes

    private static void prefixNames(Insn in, Prefixes p, Used u, StringBuilder sb) {
        for (String name : prefixNames(in, p, u)) {
            if (name != null) {
                sb.append(name).append(' ');
            }
        }
    }

    /**
     * For each prefix byte of {@code in} (bytes starting at {@code code[off]}), the name objdump
     * prints for it, or null when the instruction consumes it silently (an operand-size prefix
     * that selects 16-bit operands, a mandatory SSE prefix, a REX whose every bit matters, ...).
     */
    String[] prefixNames(Insn in, byte[] code, int off) {
        Prefixes p = Prefixes.of(code, off, in.len);
        if (in.op == Op.BAD || in.op == Op.UNSUPPORTED) {
            return new String[p.count];
        }
        Used u = new Used();
        body(in, p, u, new ArrayList<>(3));
        return prefixNames(in, p, u);
    }

    private static String[] prefixNames(Insn in, Prefixes p, Used u) {
        String[] out = new String[p.count];
        int last66 = p.last(0x66);
        int last67 = p.last(0x67);
        int lastRep = u.repIndex == -2 ? Math.max(p.last(0xf2), p.last(0xf3)) : u.repIndex;
        int lastSeg = -1;
        for (int i = 0; i < p.count; i++) {
            int b = p.bytes[i];
            if (b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65) {
                lastSeg = i;
            }
        }
        int rex = p.rex;
        boolean rexShown = rex != 0 && !(rex == u.rex);
        for (int i = 0; i < p.count; i++) {
            int b = p.bytes[i];
            String name;
            if ((b & 0xf0) == 0x40) {
                if (i == p.rexAt && !rexShown) {
                    continue;
                }
                name = Prefixes.rexName(b);
            } else if (b == 0x66) {
                if (i == last66 && u.opsize) {
                    continue;
                }
                name = "data16";
            } else if (b == 0x67) {
                if (i == last67 && u.addr) {
                    continue;
                }
                name = "addr32";
            } else if (b == 0xf0) {
                name = "lock";
            } else if (b == 0xf2 || b == 0xf3) {
                if (i == lastRep && u.rep) {
                    if (u.repName == null) {
                        continue;
                    }
                    name = u.repName;
                } else {
                    name = b == 0xf3 ? "repz" : "repnz";
                }
            } else {
                if (i == lastSeg && u.notrack && b == 0x3e) {
                    name = "notrack";
                } else if (i == lastSeg && u.seg) {
                    continue;
                } else {
                    name = segName(b);
                }
            }
            out[i] = name;
        }
        return out;
    }

    private static String segName(int b) {
        switch (b) {
            case 0x2e: return "cs";
            case 0x36: return "ss";
            case 0x3e: return "ds";
            case 0x26: return "es";
            case 0x64: return "fs";
            default: return "gs";
        }
    }

    // ------------------------------------------------------------------ instruction body

    private static boolean hasMem(Insn in) {
        for (int i = 0; i < in.nops; i++) {
            if (in.kind(i) == Insn.K_MEM) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGroup(int opc) {
        switch (opc) {
            case 0x80: case 0x81: case 0x83: case 0x8f: case 0xc0: case 0xc1: case 0xc6: case 0xc7:
            case 0xd0: case 0xd1: case 0xd2: case 0xd3: case 0xf6: case 0xf7: case 0xfe: case 0xff:
            case 0xd8: case 0xd9: case 0xda: case 0xdb: case 0xdc: case 0xdd: case 0xde: case 0xdf:
            case 0x0f00: case 0x0f01: case 0x0f0d: case 0x0f71: case 0x0f72: case 0x0f73: case 0x0fae:
            case 0x0fba: case 0x0fc7:
                return true;
            default:
                return opc >= 0x0f18 && opc <= 0x0f1f || opc >= 0x0f90 && opc <= 0x0f9f;
        }
    }

    /** True when the operand size comes from REX.W / 66 (objdump's "v" operands). */
    private static boolean vsized(Insn in) {
        switch (in.op) {
            case PUSH: case POP: case CALL: case JMP: case RET: case JCC: case LOOP: case LOOPE: case LOOPNE:
            case JRCXZ: case SETCC: case LEAVE: case ENTER: case PUSHF: case POPF: case LAHF: case SAHF:
            case CLC: case STC: case CMC: case CLD: case STD: case INT: case INT3: case PAUSE: case ENDBR64:
            case MFENCE: case LFENCE: case SFENCE: case PREFETCH: case SYSCALL: case CPUID: case RDTSC:
            case UD2: case HLT: case FNSTCW: case FLDCW: case FNSTSW: case FNSTENV: case FLDENV: case FNCLEX:
            case FNINIT: case FWAIT:
                return false;
            case NOP:
                return in.opcode != 0x90;
            case MOVD: case MOVQ:
                return in.opcode == 0x0f6e || in.opcode == 0x0f7e && in.mandatory == 0x66;
            case CMPXCHG8B: case CMPXCHG16B: case PMOVMSKB:
                return true;
            default:
                break;
        }
        if (in.op.ordinal() >= Op.MOVUPS.ordinal()) {
            return false; // SSE
        }
        return in.size != 1;
    }

    /** SSE instructions whose general-register operand is 32 or 64 bits by REX.W. */
    private static boolean sseWide(Insn in) {
        switch (in.op) {
            case CVTSI2SS: case CVTSI2SD: case CVTSS2SI: case CVTSD2SI: case CVTTSS2SI: case CVTTSD2SI:
            case MOVMSKPS: case MOVMSKPD: case MOVNTI:
                return true;
            default:
                return false;
        }
    }

    private static final String[] CMP_PREDICATES = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};

    private static boolean isString(Op op) {
        return op == Op.MOVS || op == Op.STOS || op == Op.LODS || op == Op.SCAS || op == Op.CMPS;
    }

    private String body(Insn in, Prefixes p, Used u, List<String> ops) {
        int rex = p.rex;
        boolean hasModrm = in.modrm >= 0;
        boolean sib = hasModrm && (in.modrm >> 6) != 3 && (in.modrm & 7) == 4;
        int opc = in.opcode;
        boolean embedded = opc >= 0x50 && opc <= 0x5f || opc >= 0x90 && opc <= 0x97 || opc >= 0xb0 && opc <= 0xbf
                || opc >= 0x0fc8 && opc <= 0x0fcf;
        int used = 0;
        if (hasModrm || embedded) {
            used |= 1;
        }
        if (sib) {
            used |= 2;
        }
        if (hasModrm && !isGroup(opc)) {
            used |= 4;
        }
        boolean v = vsized(in);
        if (v || sseWide(in)) {
            used |= 8;
        }
        boolean byteReg = false; // SPL BPL SIL DIL need a REX to exist
        for (int i = 0; i < in.nops; i++) {
            if (in.kind(i) == Insn.K_REG && in.opSize(i) == 1 && in.reg(i) >= 4 && in.reg(i) <= 7) {
                byteReg = true;
            }
        }
        int ru = used & rex & 0xf;
        if (ru != 0 || byteReg) {
            ru |= 0x40;
        }
        u.rex = ru;
        boolean w = (rex & 8) != 0;
        if (v && !w) {
            u.opsize = true;
        }
        if (in.op.ordinal() >= Op.MOVUPS.ordinal() && in.mandatory == 0x66) {
            u.opsize = true;
        }
        // addresses
        if (isString(in.op) || in.op == Op.JRCXZ || hasMem(in) && !(opc >= 0xa0 && opc <= 0xa3)) {
            u.addr = true;
        }
        if (in.seg != Insn.SEG_NONE && hasMem(in) || in.op == Op.MOVS || in.op == Op.LODS || in.op == Op.CMPS) {
            u.seg = true;
        }
        hle(in, p, u);
        int lastRep = Math.max(p.last(0xf2), p.last(0xf3));
        int repByte = lastRep >= 0 ? p.bytes[lastRep] : 0;
        String mn = in.op.mnemonic();
        switch (in.op) {
            case MOVS: case STOS: case LODS: case SCAS: case CMPS:
                if (repByte != 0) {
                    u.rep = true;
                    u.repName = repByte == 0xf2 ? "repnz" : in.op == Op.SCAS || in.op == Op.CMPS ? "repz" : "rep";
                }
                stringOperands(in, ops);
                return mn;
            case JCC: case JMP: case CALL: case RET:
                if (p.has(0xf2)) {
                    u.rep = true;
                    u.repName = "bnd";
                    u.repIndex = p.last(0xf2);
                }
                if ((in.op == Op.JMP || in.op == Op.CALL) && in.kind0 != Insn.K_REL && p.count > 0) {
                    int lastSeg = -1;
                    for (int i = 0; i < p.count; i++) {
                        int b = p.bytes[i];
                        if (b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65) {
                            lastSeg = i;
                        }
                    }
                    if (lastSeg >= 0 && p.bytes[lastSeg] == 0x3e) {
                        u.notrack = true;
                    }
                }
                if (in.op == Op.JCC) {
                    mn = "j" + cc(in.cc);
                }
                break;
            case SETCC:
                mn = "set" + cc(in.cc);
                break;
            case CMOV:
                mn = "cmov" + cc(in.cc);
                break;
            case PAUSE: case ENDBR64: case MOVSS: case MOVSD: case MOVDQU: case POPCNT: case TZCNT: case LZCNT:
                u.rep = repByte != 0;
                break;
            case MOVQ:
                if (in.mandatory == 0xf3) {
                    u.rep = true;
                }
                break;
            case CBW:
                return in.size == 2 ? "cbw" : in.size == 4 ? "cwde" : "cdqe";
            case CWD:
                return in.size == 2 ? "cwd" : in.size == 4 ? "cdq" : "cqo";
            case SAL:
                mn = "shl";
                break;
            case INT3:
                return "int3";
            case NOP:
                if (opc == 0x0f1e && in.mandatory == 0xf3 && (in.modrm >> 6) == 3 && ((in.modrm >> 3) & 7) == 1) {
                    // RDSSPD/RDSSPQ: a NOP while shadow stacks are off, which is how we run it
                    u.rep = true;
                    ops.add(Registers.gpr(in.reg0, (rex & 8) != 0 ? 8 : 4));
                    return (rex & 8) != 0 ? "rdsspq" : "rdsspd";
                }
                if (opc == 0x0f18 && hasMem(in) && ((in.modrm >> 3) & 7) >= 6) {
                    // 0F 18 /6 /7 (PREFETCHIT1/0) are a prefix-table entry in objdump: the
                    // mandatory prefix is consumed
                    u.padMnemonicOnly = in.mandatory == 0;
                    int r = (in.modrm >> 3) & 7;
                    if (in.mandatory == 0 && in.base == Insn.RIP) {
                        u.rex &= ~8;
                        if (u.rex == 0x40 && (rex & 7 & used) == 0) {
                            u.rex = 0;
                        }
                        ops.add(memory(in, "BYTE PTR "));
                        return r == 7 ? "prefetchit0" : "prefetchit1";
                    }
                    if (in.mandatory == 0x66) {
                        u.opsize = true;
                    } else if (in.mandatory != 0) {
                        u.rep = true;
                    }
                }
                if (opc == 0x90 && p.has(0x66)) {
                    u.opsize = true;
                    u.rex |= rex & 8;
                    if (u.rex != 0) {
                        u.rex |= 0x40;
                    }
                    String r = Registers.gpr(0, in.size);
                    ops.add(r);
                    ops.add(r);
                    return "xchg";
                }
                break;
            case BSF: case BSR:
                u.opsize = true;
                break;
            case CMPXCHG8B: case CMPXCHG16B:
                u.opsize = false;
                break;
            case PMOVMSKB:
                if ((rex & 8) != 0) {
                    ops.add(Registers.gpr(in.reg0, 8));
                    ops.add(operand(in, 1));
                    return mn;
                }
                break;
            case MOV:
                if (opc >= 0xb8 && opc <= 0xbf && in.size == 8 || opc >= 0xa0 && opc <= 0xa3 && !in.addr32) {
                    mn = "movabs";
                }
                break;
            case PUSH:
                if (in.kind0 == Insn.K_IMM && in.size == 2) {
                    mn = "pushw";
                }
                u.opsize |= in.size == 2;
                break;
            case POP:
                u.opsize |= in.size == 2;
                break;
            case PUSHF: case POPF: case LEAVE:
                if (in.size == 2) {
                    u.opsize = true;
                    mn = mn + "w";
                }
                break;
            case JRCXZ:
                mn = in.addr32 ? "jecxz" : "jrcxz";
                break;
            case MOVSXD:
                u.opsize = true;
                ops.add(operand(in, 0));
                ops.add(in.kind1 == Insn.K_REG ? Registers.gpr(in.reg1, 4) : memory(in, "DWORD PTR "));
                return mn;
            case PREFETCH:
                mn = prefetchName(in);
                break;
            case CMPPS: case CMPPD: case CMPSS: case CMPSD:
                u.rep = in.mandatory == 0xf2 || in.mandatory == 0xf3;
                if ((in.imm & 0xff) < 8) {
                    ops.add(operand(in, 0));
                    ops.add(operand(in, 1));
                    return "cmp" + CMP_PREDICATES[(int) in.imm & 7] + mn.substring(3);
                }
                break;
            default:
                if (in.op.ordinal() >= Op.ADDPS.ordinal() && (in.mandatory == 0xf2 || in.mandatory == 0xf3)) {
                    u.rep = true; // a mandatory prefix
                }
                break;
        }
        for (int i = 0; i < in.nops; i++) {
            ops.add(operand(in, i));
        }
        return mn;
    }

    /**
     * Hardware lock elision: objdump names F2/F3 {@code xacquire}/{@code xrelease} on a LOCKed
     * read-modify-write of memory or on XCHG with memory, and F3 {@code xrelease} on a MOV store.
     */
    private static void hle(Insn in, Prefixes p, Used u) {
        int lastRep = Math.max(p.last(0xf2), p.last(0xf3));
        if (lastRep < 0 || in.kind0 != Insn.K_MEM) {
            return;
        }
        int rep = p.bytes[lastRep];
        boolean lock = p.has(0xf0);
        boolean lockable;
        switch (in.op) {
            case ADD: case OR: case ADC: case SBB: case AND: case SUB: case XOR: case INC: case DEC:
            case NEG: case NOT: case BTS: case BTR: case BTC: case XADD: case CMPXCHG: case CMPXCHG8B:
                lockable = lock;
                break;
            case XCHG:
                lockable = true;
                break;
            case MOV:
                int o = in.opcode;
                if (rep == 0xf3 && (o == 0x88 || o == 0x89 || o == 0xc6 || o == 0xc7)) {
                    u.rep = true;
                    u.repName = "xrelease";
                }
                return;
            default:
                lockable = false;
        }
        if (lockable) {
            u.rep = true;
            u.repName = rep == 0xf2 ? "xacquire" : "xrelease";
        }
    }

    private static String prefetchName(Insn in) {
        int r = (in.modrm >> 3) & 7;
        if (in.opcode == 0x0f18) {
            return new String[] {"prefetchnta", "prefetcht0", "prefetcht1", "prefetcht2"}[r & 3];
        }
        return r == 1 ? "prefetchw" : r == 2 ? "prefetchwt1" : "prefetch";
    }

    private void stringOperands(Insn in, List<String> ops) {
        String size = sizeWord(in.size, false);
        String di = size + "es:[" + (in.addr32 ? "edi" : "rdi") + "]";
        String seg = in.seg == Insn.SEG_FS ? "fs:" : in.seg == Insn.SEG_GS ? "gs:" : "ds:";
        String si = size + seg + "[" + (in.addr32 ? "esi" : "rsi") + "]";
        String acc = Registers.gpr(0, in.size);
        switch (in.op) {
            case MOVS: ops.add(di); ops.add(si); break;
            case STOS: ops.add(di); ops.add(acc); break;
            case LODS: ops.add(acc); ops.add(si); break;
            case SCAS: ops.add(acc); ops.add(di); break;
            default: ops.add(si); ops.add(di); break;
        }
    }

    private String operand(Insn in, int i) {
        switch (in.kind(i)) {
            case Insn.K_REG:
                return Registers.gpr(in.reg(i), in.opSize(i));
            case Insn.K_XMM:
                return "xmm" + in.reg(i);
            case Insn.K_MEM: {
                boolean bare = in.op == Op.LEA || in.modrm < 0;
                return memory(in, bare ? "" : in.op == Op.CMPXCHG16B ? "OWORD PTR " : sizeWord(in.opSize(i), true));
            }
            case Insn.K_IMM: {
                if ((in.opcode == 0xd0 || in.opcode == 0xd1) && i == 1) {
                    return "1";
                }
                long v = in.op == Op.ENTER && i == 1 ? in.imm2 : in.imm;
                int sz = in.opSize(i);
                if (sz < 8) {
                    v &= (1L << (8 * sz)) - 1;
                }
                return "0x" + Long.toHexString(v);
            }
            case Insn.K_REL:
                return address(in.target);
            default:
                return "?";
        }
    }

    private static String sizeWord(int size, boolean xmm) {
        switch (size) {
            case 1: return "BYTE PTR ";
            case 2: return "WORD PTR ";
            case 4: return "DWORD PTR ";
            case 8: return "QWORD PTR ";
            case 10: return "TBYTE PTR ";
            case 16: return xmm ? "XMMWORD PTR " : "OWORD PTR ";
            default: return "";
        }
    }

    /** The memory operand in objdump's Intel form, after {@code size} ("DWORD PTR "). */
    private static String memory(Insn in, String size) {
        StringBuilder sb = new StringBuilder(size);
        String seg = in.seg == Insn.SEG_FS ? "fs:" : in.seg == Insn.SEG_GS ? "gs:" : null;
        if (seg != null) {
            sb.append(seg);
        }
        if (in.modrm < 0) { // moffs
            if (seg == null) {
                sb.append("ds:");
            }
            long d = in.addr32 ? in.disp & 0xffffffffL : in.disp;
            return sb.append("0x").append(Long.toHexString(d)).toString();
        }
        int mod = in.modrm >> 6;
        boolean sib = (in.modrm & 7) == 4;
        boolean riprel = in.base == Insn.RIP;
        boolean havebase = in.base >= 0 && !riprel;
        boolean haveindex = in.index >= 0;
        int ss = Integer.numberOfTrailingZeros(in.scale);
        long disp = in.disp;
        if (riprel) {
            disp = (int) (in.disp - (in.addr + in.len));
        }
        boolean needindex = sib && !havebase && !haveindex && in.addr32;
        boolean havedisp = havebase || needindex || sib && (haveindex || ss != 0);
        if (!havedisp && !riprel) {
            if (seg == null) {
                sb.append("ds:");
            }
            long d = in.addr32 ? disp & 0xffffffffL : disp;
            return sb.append("0x").append(Long.toHexString(d)).toString();
        }
        sb.append('[');
        if (riprel) {
            sb.append(in.addr32 ? "eip" : "rip");
        }
        if (havebase) {
            sb.append(Registers.addr(in.base, in.addr32));
        }
        boolean rspBase = havebase && (in.base & 7) == 4;
        if (sib && (haveindex || ss != 0 || needindex || havebase && !rspBase)) {
            if (havebase) {
                sb.append('+');
            }
            sb.append(haveindex ? Registers.addr(in.index, in.addr32) : in.addr32 ? "eiz" : "riz");
            sb.append('*').append(1 << ss);
        }
        if (disp != 0 || mod != 0 || !havebase) {
            if (riprel) {
                sb.append("+0x").append(Long.toHexString(disp));
            } else if (needindex) {
                sb.append("+0x").append(Long.toHexString(disp & 0xffffffffL));
            } else if (disp >= 0) {
                sb.append("+0x").append(Long.toHexString(disp));
            } else {
                sb.append("-0x").append(Long.toHexString(-disp));
            }
        }
        return sb.append(']').toString();
    }
}
