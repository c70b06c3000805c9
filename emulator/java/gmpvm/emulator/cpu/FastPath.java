package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_IMM;
import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_REG;
import static gmpvm.emulator.cpu.Insn.K_REL;
import static gmpvm.emulator.cpu.Insn.K_XMM;

/**
 * Chooses, once per decoded instruction, a specialised handler for the forms that dominate real
 * code (register and immediate ALU operations on 32/64-bit operands, plain loads and stores,
 * LEA, branches, CALL/RET, PUSH/POP, and the SSE/SSE2 forms of {@link SseFast}). The interpreter
 * runs those inline; everything else takes the general path. A handler must behave exactly as the
 * general path does — the native differential tests run through both; an SSE handler may decline
 * an instruction at run time (a floating-point case it cannot be sure of), which then takes the
 * general path.
 */
final class FastPath {
    static final int GENERAL = 1;
    static final int MOV_RR64 = 2, MOV_RR32 = 3, MOV_RI64 = 4, MOV_RI32 = 5;
    static final int LOAD64 = 6, LOAD32 = 7, STORE64 = 8, STORE32 = 9, LEA64 = 10;
    static final int ADD_RR64 = 11, ADD_RI64 = 12, ADD_RR32 = 13, ADD_RI32 = 14;
    static final int SUB_RR64 = 15, SUB_RI64 = 16, SUB_RR32 = 17, SUB_RI32 = 18;
    static final int AND_RR64 = 19, AND_RI64 = 20, AND_RR32 = 21, AND_RI32 = 22;
    static final int OR_RR64 = 23, OR_RI64 = 24, OR_RR32 = 25, OR_RI32 = 26;
    static final int XOR_RR64 = 27, XOR_RI64 = 28, XOR_RR32 = 29, XOR_RI32 = 30;
    static final int CMP_RR64 = 31, CMP_RI64 = 32, CMP_RR32 = 33, CMP_RI32 = 34;
    static final int TEST_RR64 = 35, TEST_RI64 = 36, TEST_RR32 = 37, TEST_RI32 = 38;
    static final int INC64 = 39, DEC64 = 40, INC32 = 41, DEC32 = 42;
    static final int JCC = 43, JMP = 44, CALL = 45, RET = 46, PUSH64 = 47, POP64 = 48, NOP = 49;
    static final int SHL_RI64 = 50, SHR_RI64 = 51, SAR_RI64 = 52, SHL_RI32 = 53, SHR_RI32 = 54, SAR_RI32 = 55;
    static final int MOVZX_B = 56, MOVZX_W = 57, MOVSXD = 58, CMP_RM64 = 59, CMP_RM32 = 60;
    static final int ADD_RM64 = 61, ADD_RM32 = 62, SUB_RM64 = 63, SUB_RM32 = 64, ADD_MR64 = 65;
    static final int TEST_RI8 = 66, CMP_RI8 = 67, STORE8 = 68, IMUL_RR64 = 69, IMUL_RR32 = 70;
    // SSE (see SseFast): 128-bit moves, scalar moves, MOVD/MOVQ
    static final int X_MOV = 71, X_LOAD_A = 72, X_LOAD_U = 73, X_STORE_A = 74, X_STORE_U = 75;
    static final int X_MOVSD_LOAD = 76, X_MOVSS_LOAD = 77, X_MOVSD_STORE = 78, X_MOVSS_STORE = 79;
    static final int X_MOVSD_RR = 80, X_MOVSS_RR = 81, X_MOVQ_TO_XMM = 82, X_MOVQ_TO_GPR = 83, X_MOVQ_STORE = 84;
    // bitwise and packed integers (each group in SseFast's op order)
    static final int X_XOR = 85, X_AND = 86, X_OR = 87, X_ANDN = 88;
    static final int X_PADDD = 89, X_PSUBD = 90, X_PADDQ = 91, X_PSUBQ = 92;
    static final int X_PMULUDQ = 93, X_PSHUFD = 94, X_PUNPCKLDQ = 95, X_PUNPCKLQDQ = 96, X_PUNPCKHQDQ = 97;
    static final int X_PCMPEQB = 98, X_PMOVMSKB = 99;
    static final int X_PSLLQ_I = 100, X_PSRLQ_I = 101, X_PSLLD_I = 102, X_PSRLD_I = 103;
    // double precision
    static final int X_ADDSD = 104, X_SUBSD = 105, X_MULSD = 106, X_DIVSD = 107;
    static final int X_ADDPD = 108, X_SUBPD = 109, X_MULPD = 110, X_DIVPD = 111;
    static final int X_COMISD = 112, X_CVTSI2SD = 113, X_CVTTSD2SI = 114;

    private FastPath() {
    }

    static int select(Insn i) {
        if ((i.prefixes & Insn.P_LOCK) != 0) {
            return GENERAL;
        }
        int sz = i.size;
        boolean wide = sz == 8;
        boolean narrow = sz == 4;
        boolean rr = i.nops == 2 && i.kind0 == K_REG && i.kind1 == K_REG && i.reg0 < 16 && i.reg1 < 16;
        boolean ri = i.nops == 2 && i.kind0 == K_REG && i.kind1 == K_IMM && i.reg0 < 16;
        switch (i.op) {
            case MOV:
                if (rr && wide) return MOV_RR64;
                if (rr && narrow) return MOV_RR32;
                if (ri && wide) return MOV_RI64;
                if (ri && narrow) return MOV_RI32;
                if (i.kind0 == K_REG && i.kind1 == K_MEM && i.reg0 < 16) {
                    return wide ? LOAD64 : narrow ? LOAD32 : GENERAL;
                }
                if (i.kind0 == K_MEM && i.kind1 == K_REG && i.reg1 < 16) {
                    return wide ? STORE64 : narrow ? STORE32 : sz == 1 ? STORE8 : GENERAL;
                }
                return GENERAL;
            case LEA:
                return wide && !i.addr32 ? LEA64 : GENERAL;
            case ADD:
                if (i.kind0 == K_REG && i.kind1 == K_MEM && i.reg0 < 16 && (wide || narrow)) {
                    return wide ? ADD_RM64 : ADD_RM32;
                }
                if (i.kind0 == K_MEM && i.kind1 == K_REG && i.reg1 < 16 && wide) {
                    return ADD_MR64;
                }
                return alu(rr, ri, sz, ADD_RR64);
            case SUB:
                if (i.kind0 == K_REG && i.kind1 == K_MEM && i.reg0 < 16 && (wide || narrow)) {
                    return wide ? SUB_RM64 : SUB_RM32;
                }
                return alu(rr, ri, sz, SUB_RR64);
            case IMUL:
                return i.nops == 2 && rr && (wide || narrow) ? (wide ? IMUL_RR64 : IMUL_RR32) : GENERAL;
            case AND: return alu(rr, ri, sz, AND_RR64);
            case OR: return alu(rr, ri, sz, OR_RR64);
            case XOR: return alu(rr, ri, sz, XOR_RR64);
            case TEST:
                if (ri && sz == 1) return TEST_RI8;
                return alu(rr, ri, sz, TEST_RR64);
            case CMP:
                if (ri && sz == 1) return CMP_RI8;
                if (i.kind0 == K_REG && i.kind1 == K_MEM && i.reg0 < 16 && (wide || narrow)) {
                    return wide ? CMP_RM64 : CMP_RM32;
                }
                return alu(rr, ri, sz, CMP_RR64);
            case INC:
            case DEC:
                if (i.kind0 != K_REG || i.reg0 >= 16 || !(wide || narrow)) return GENERAL;
                return i.op == Op.INC ? (wide ? INC64 : INC32) : (wide ? DEC64 : DEC32);
            case SHL: case SAL: case SHR: case SAR: {
                if (!ri || !(wide || narrow)) return GENERAL;
                int count = (int) i.imm & (wide ? 63 : 31);
                if (count == 0) return GENERAL;
                int base = i.op == Op.SHR ? SHR_RI64 : i.op == Op.SAR ? SAR_RI64 : SHL_RI64;
                return wide ? base : base + 3;
            }
            case JCC: return JCC;
            case JMP: return i.kind0 == K_REL ? JMP : GENERAL;
            case CALL: return i.kind0 == K_REL ? CALL : GENERAL;
            case RET: return i.nops == 0 ? RET : GENERAL;
            case PUSH: return i.kind0 == K_REG && sz == 8 ? PUSH64 : GENERAL;
            case POP: return i.kind0 == K_REG && sz == 8 ? POP64 : GENERAL;
            case NOP: case ENDBR64: return NOP;
            case MOVZX:
                if (i.kind0 != K_REG || !(wide || narrow)) return GENERAL;
                if (i.kind1 == K_REG && i.reg1 >= 16) return GENERAL;
                return i.size1 == 1 ? MOVZX_B : MOVZX_W;
            case MOVSXD:
                return wide && i.kind0 == K_REG ? MOVSXD : GENERAL;
            default:
                return sse(i);
        }
    }

    /** The SSE handlers: by the instruction and the kinds of its operands. */
    private static int sse(Insn i) {
        boolean xx = i.kind0 == K_XMM && i.kind1 == K_XMM;
        boolean xm = i.kind0 == K_XMM && i.kind1 == K_MEM;
        boolean mx = i.kind0 == K_MEM && i.kind1 == K_XMM;
        boolean vw = xx || xm; // XMM destination, XMM or memory source
        switch (i.op) {
            case MOVAPS: case MOVAPD: case MOVDQA:
                return xx ? X_MOV : xm ? X_LOAD_A : mx ? X_STORE_A : GENERAL;
            case MOVUPS: case MOVUPD: case MOVDQU:
                return xx ? X_MOV : xm ? X_LOAD_U : mx ? X_STORE_U : GENERAL;
            case MOVSD:
                return xx ? X_MOVSD_RR : xm ? X_MOVSD_LOAD : mx ? X_MOVSD_STORE : GENERAL;
            case MOVSS:
                return xx ? X_MOVSS_RR : xm ? X_MOVSS_LOAD : mx ? X_MOVSS_STORE : GENERAL;
            case MOVD: case MOVQ:
                if (i.kind0 == K_XMM && (i.kind1 == K_REG && i.reg1 < 16 || i.kind1 == K_MEM || i.kind1 == K_XMM)) {
                    return X_MOVQ_TO_XMM;
                }
                if (i.kind0 == K_REG && i.reg0 < 16 && i.kind1 == K_XMM) {
                    return X_MOVQ_TO_GPR;
                }
                return mx ? X_MOVQ_STORE : GENERAL;
            case PMOVMSKB: return i.kind0 == K_REG && i.reg0 < 16 && i.kind1 == K_XMM ? X_PMOVMSKB : GENERAL;
            case PSLLQ: case PSRLQ: case PSLLD: case PSRLD: {
                if (i.kind0 != K_XMM || i.kind1 != K_IMM) {
                    return GENERAL;
                }
                switch (i.op) {
                    case PSLLQ: return X_PSLLQ_I;
                    case PSRLQ: return X_PSRLQ_I;
                    case PSLLD: return X_PSLLD_I;
                    default: return X_PSRLD_I;
                }
            }
            case CVTSI2SD:
                return i.kind0 == K_XMM && (i.kind1 == K_REG && i.reg1 < 16 || i.kind1 == K_MEM) ? X_CVTSI2SD : GENERAL;
            case CVTTSD2SI:
                return i.kind0 == K_REG && i.reg0 < 16 && (i.kind1 == K_XMM || i.kind1 == K_MEM) ? X_CVTTSD2SI : GENERAL;
            default: {
                Integer h = XMM_SOURCE.get(i.op);
                return h != null && vw ? h : GENERAL;
            }
        }
    }

    /** The SSE handlers that need only an XMM destination and an XMM or memory source: by instruction. */
    private static final java.util.Map<Op, Integer> XMM_SOURCE = xmmSource();

    private static java.util.Map<Op, Integer> xmmSource() {
        java.util.EnumMap<Op, Integer> m = new java.util.EnumMap<>(Op.class);
        for (Op o : new Op[] {Op.PXOR, Op.XORPS, Op.XORPD}) {
            m.put(o, X_XOR);
        }
        for (Op o : new Op[] {Op.PAND, Op.ANDPS, Op.ANDPD}) {
            m.put(o, X_AND);
        }
        for (Op o : new Op[] {Op.POR, Op.ORPS, Op.ORPD}) {
            m.put(o, X_OR);
        }
        for (Op o : new Op[] {Op.PANDN, Op.ANDNPS, Op.ANDNPD}) {
            m.put(o, X_ANDN);
        }
        m.put(Op.PADDD, X_PADDD);
        m.put(Op.PSUBD, X_PSUBD);
        m.put(Op.PADDQ, X_PADDQ);
        m.put(Op.PSUBQ, X_PSUBQ);
        m.put(Op.PMULUDQ, X_PMULUDQ);
        m.put(Op.PSHUFD, X_PSHUFD);
        m.put(Op.PUNPCKLDQ, X_PUNPCKLDQ);
        m.put(Op.PUNPCKLQDQ, X_PUNPCKLQDQ);
        m.put(Op.UNPCKLPD, X_PUNPCKLQDQ);
        m.put(Op.PUNPCKHQDQ, X_PUNPCKHQDQ);
        m.put(Op.UNPCKHPD, X_PUNPCKHQDQ);
        m.put(Op.PCMPEQB, X_PCMPEQB);
        m.put(Op.ADDSD, X_ADDSD);
        m.put(Op.SUBSD, X_SUBSD);
        m.put(Op.MULSD, X_MULSD);
        m.put(Op.DIVSD, X_DIVSD);
        m.put(Op.ADDPD, X_ADDPD);
        m.put(Op.SUBPD, X_SUBPD);
        m.put(Op.MULPD, X_MULPD);
        m.put(Op.DIVPD, X_DIVPD);
        m.put(Op.UCOMISD, X_COMISD);
        m.put(Op.COMISD, X_COMISD);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The first of each group of four is RR64, then RI64, RR32, RI32. */
    private static int alu(boolean rr, boolean ri, int size, int rr64) {
        if (size == 8) {
            return rr ? rr64 : ri ? rr64 + 1 : GENERAL;
        }
        if (size == 4) {
            return rr ? rr64 + 2 : ri ? rr64 + 3 : GENERAL;
        }
        return GENERAL;
    }
}
