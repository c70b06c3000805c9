package gmpvm.emulator.cpu;

/**
 * The SSE/SSE2 opcodes of the 0F map whose meaning depends on the mandatory prefix (none, 66,
 * F3, F2), as a table: per opcode byte and prefix, the instruction and the shape of its
 * operands. The decoder consults it before its hand-written cases; opcodes or prefixes not in
 * the table fall through to them (and finally to "measured but not executed").
 */
final class SseForms {
    private SseForms() {
    }

    /** XMM destination, XMM or memory source of {@code mem} bytes. */
    static final int VW = 0;
    /** VW plus an 8-bit immediate. */
    static final int VWI = 1;
    /** XMM destination, general register or memory source (32 or 64 bits by REX.W). */
    static final int VE = 2;
    /** General register destination (32 or 64 bits by REX.W), XMM or memory source. */
    static final int GW = 3;
    /** General register destination, XMM register source (no memory form). */
    static final int GU = 4;
    /** GU plus an 8-bit immediate. */
    static final int GUI = 5;
    /** XMM destination, 32-bit register or 16-bit memory source, 8-bit immediate (PINSRW). */
    static final int VEI = 6;
    /** Memory destination, XMM source (non-temporal stores; no register form). */
    static final int MV = 7;
    /** Memory destination, general register source (MOVNTI). */
    static final int MG = 8;
    /** Two XMM registers (MASKMOVDQU). */
    static final int VU = 9;

    record Form(Op op, int shape, int mem) {
    }

    private static final Form[] TABLE = build();

    static boolean has(int opcode) {
        int k = opcode * 4;
        return TABLE[k] != null || TABLE[k + 1] != null || TABLE[k + 2] != null || TABLE[k + 3] != null;
    }

    /** The form of 0F opcode under mandatory prefix 0, 0x66, 0xF3 or 0xF2, or null. */
    static Form get(int opcode, int mandatory) {
        int p = mandatory == 0 ? 0 : mandatory == 0x66 ? 1 : mandatory == 0xf3 ? 2 : 3;
        return TABLE[opcode * 4 + p];
    }

    private static void put(Form[] t, int opcode, int mandatory, Op op, int shape, int mem) {
        int p = mandatory == 0 ? 0 : mandatory == 0x66 ? 1 : mandatory == 0xf3 ? 2 : 3;
        t[opcode * 4 + p] = new Form(op, shape, mem);
    }

    /** An arithmetic row: PS (16), PD (16), SS (4), SD (8). */
    private static void arith(Form[] t, int opcode, Op ps, Op pd, Op ss, Op sd, int shape) {
        put(t, opcode, 0, ps, shape, 16);
        if (pd != null) {
            put(t, opcode, 0x66, pd, shape, 16);
        }
        put(t, opcode, 0xf3, ss, shape, 4);
        if (sd != null) {
            put(t, opcode, 0xf2, sd, shape, 8);
        }
    }

    private static Form[] build() {
        Form[] t = new Form[256 * 4];
        put(t, 0x14, 0, Op.UNPCKLPS, VW, 16);
        put(t, 0x14, 0x66, Op.UNPCKLPD, VW, 16);
        put(t, 0x15, 0, Op.UNPCKHPS, VW, 16);
        put(t, 0x15, 0x66, Op.UNPCKHPD, VW, 16);
        put(t, 0x2a, 0xf3, Op.CVTSI2SS, VE, 4);
        put(t, 0x2a, 0xf2, Op.CVTSI2SD, VE, 8);
        put(t, 0x2b, 0, Op.MOVNTPS, MV, 16);
        put(t, 0x2b, 0x66, Op.MOVNTPD, MV, 16);
        put(t, 0x2c, 0xf3, Op.CVTTSS2SI, GW, 4);
        put(t, 0x2c, 0xf2, Op.CVTTSD2SI, GW, 8);
        put(t, 0x2d, 0xf3, Op.CVTSS2SI, GW, 4);
        put(t, 0x2d, 0xf2, Op.CVTSD2SI, GW, 8);
        put(t, 0x2e, 0, Op.UCOMISS, VW, 4);
        put(t, 0x2e, 0x66, Op.UCOMISD, VW, 8);
        put(t, 0x2f, 0, Op.COMISS, VW, 4);
        put(t, 0x2f, 0x66, Op.COMISD, VW, 8);
        put(t, 0x50, 0, Op.MOVMSKPS, GU, 16);
        put(t, 0x50, 0x66, Op.MOVMSKPD, GU, 16);
        arith(t, 0x51, Op.SQRTPS, Op.SQRTPD, Op.SQRTSS, Op.SQRTSD, VW);
        arith(t, 0x52, Op.RSQRTPS, null, Op.RSQRTSS, null, VW);
        arith(t, 0x53, Op.RCPPS, null, Op.RCPSS, null, VW);
        put(t, 0x54, 0, Op.ANDPS, VW, 16);
        put(t, 0x54, 0x66, Op.ANDPD, VW, 16);
        put(t, 0x55, 0, Op.ANDNPS, VW, 16);
        put(t, 0x55, 0x66, Op.ANDNPD, VW, 16);
        put(t, 0x56, 0, Op.ORPS, VW, 16);
        put(t, 0x56, 0x66, Op.ORPD, VW, 16);
        put(t, 0x57, 0, Op.XORPS, VW, 16);
        put(t, 0x57, 0x66, Op.XORPD, VW, 16);
        arith(t, 0x58, Op.ADDPS, Op.ADDPD, Op.ADDSS, Op.ADDSD, VW);
        arith(t, 0x59, Op.MULPS, Op.MULPD, Op.MULSS, Op.MULSD, VW);
        put(t, 0x5a, 0, Op.CVTPS2PD, VW, 8);
        put(t, 0x5a, 0x66, Op.CVTPD2PS, VW, 16);
        put(t, 0x5a, 0xf3, Op.CVTSS2SD, VW, 4);
        put(t, 0x5a, 0xf2, Op.CVTSD2SS, VW, 8);
        put(t, 0x5b, 0, Op.CVTDQ2PS, VW, 16);
        put(t, 0x5b, 0x66, Op.CVTPS2DQ, VW, 16);
        put(t, 0x5b, 0xf3, Op.CVTTPS2DQ, VW, 16);
        arith(t, 0x5c, Op.SUBPS, Op.SUBPD, Op.SUBSS, Op.SUBSD, VW);
        arith(t, 0x5d, Op.MINPS, Op.MINPD, Op.MINSS, Op.MINSD, VW);
        arith(t, 0x5e, Op.DIVPS, Op.DIVPD, Op.DIVSS, Op.DIVSD, VW);
        arith(t, 0x5f, Op.MAXPS, Op.MAXPD, Op.MAXSS, Op.MAXSD, VW);
        put(t, 0x70, 0xf3, Op.PSHUFHW, VWI, 16);
        put(t, 0x70, 0xf2, Op.PSHUFLW, VWI, 16);
        arith(t, 0xc2, Op.CMPPS, Op.CMPPD, Op.CMPSS, Op.CMPSD, VWI);
        put(t, 0xc3, 0, Op.MOVNTI, MG, 4);
        put(t, 0xc4, 0x66, Op.PINSRW, VEI, 2);
        put(t, 0xc5, 0x66, Op.PEXTRW, GUI, 16);
        put(t, 0xc6, 0, Op.SHUFPS, VWI, 16);
        put(t, 0xc6, 0x66, Op.SHUFPD, VWI, 16);
        put(t, 0xe6, 0x66, Op.CVTTPD2DQ, VW, 16);
        put(t, 0xe6, 0xf3, Op.CVTDQ2PD, VW, 8);
        put(t, 0xe6, 0xf2, Op.CVTPD2DQ, VW, 16);
        put(t, 0xe7, 0x66, Op.MOVNTDQ, MV, 16);
        put(t, 0xf7, 0x66, Op.MASKMOVDQU, VU, 16);
        return t;
    }
}
