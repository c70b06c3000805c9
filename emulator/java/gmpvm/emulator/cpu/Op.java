package gmpvm.emulator.cpu;

/**
 * Instruction families the decoder produces. A family is one mnemonic (or one mnemonic per
 * condition, with the condition in {@link Insn#cc}); the operand size and operand kinds in
 * {@link Insn} complete it. {@link #UNSUPPORTED} marks bytes the decoder measured (so its length
 * is right) but the CPU does not execute: executing it raises SIGILL.
 */
public enum Op {
    // data movement
    MOV, MOVZX, MOVSX, MOVSXD, CMOV, XCHG, BSWAP, LEA, PUSH, POP, PUSHF, POPF, LAHF, SAHF,
    // control flow
    CALL, RET, JMP, JCC, LOOP, LOOPE, LOOPNE, JRCXZ, SETCC, LEAVE, ENTER,
    // integer arithmetic and logic (ALU8 order for the first eight, as encoded in /r of 0x80)
    ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST, INC, DEC, NEG, NOT,
    // shifts and rotates (order as encoded in /r of 0xC0)
    ROL, ROR, RCL, RCR, SHL, SHR, SAL, SAR, SHLD, SHRD,
    // multiply and divide
    MUL, IMUL, DIV, IDIV,
    // sign extensions of rAX: CBW/CWDE/CDQE by size; CWD/CDQ/CQO by size
    CBW, CWD,
    // bit operations
    BT, BTS, BTR, BTC, BSF, BSR, TZCNT, LZCNT, POPCNT,
    // string operations (REP/REPE/REPNE in Insn.prefixes)
    MOVS, STOS, LODS, SCAS, CMPS,
    // atomics
    CMPXCHG, XADD, CMPXCHG8B, CMPXCHG16B,
    // flags
    CLC, STC, CMC, CLD, STD,
    // system and miscellaneous
    NOP, PAUSE, ENDBR64, MFENCE, LFENCE, SFENCE, CPUID, RDTSC, SYSCALL, INT3, INT, UD2, HLT, PREFETCH,
    // x87 control and status (no x87 arithmetic is executed)
    FNSTCW, FLDCW, FNSTSW, FNSTENV, FLDENV, FNCLEX, FNINIT, FWAIT,
    // SSE moves and the integer SSE2 subset
    MOVUPS, MOVAPS, MOVUPD, MOVAPD, MOVDQU, MOVDQA, MOVQ, MOVD, MOVSD, MOVSS, MOVHPS, MOVLPS, MOVHPD, MOVLPD,
    PXOR, XORPS, XORPD, PAND, PANDN, POR, ANDPS, ANDNPS, ORPS,
    PADDB, PADDW, PADDD, PADDQ, PSUBB, PSUBW, PSUBD, PSUBQ,
    PCMPEQB, PCMPEQW, PCMPEQD, PMOVMSKB, PSHUFD, PMINUB,
    PUNPCKLBW, PUNPCKLWD, PUNPCKLDQ, PUNPCKLQDQ, PUNPCKHQDQ,
    PSLLDQ, PSRLDQ, PSLLQ, PSRLQ, PSLLD, PSRLD,
    // SSE/SSE2 floating point: arithmetic (packed and scalar, single and double)
    ADDPS, ADDPD, ADDSS, ADDSD, SUBPS, SUBPD, SUBSS, SUBSD, MULPS, MULPD, MULSS, MULSD,
    DIVPS, DIVPD, DIVSS, DIVSD, MINPS, MINPD, MINSS, MINSD, MAXPS, MAXPD, MAXSS, MAXSD,
    SQRTPS, SQRTPD, SQRTSS, SQRTSD, RCPPS, RCPSS, RSQRTPS, RSQRTSS,
    ANDPD, ANDNPD, ORPD,
    // compares: predicate in the immediate; flag-setting compares
    CMPPS, CMPPD, CMPSS, CMPSD, UCOMISS, UCOMISD, COMISS, COMISD,
    // conversions
    CVTSI2SS, CVTSI2SD, CVTSS2SI, CVTSD2SI, CVTTSS2SI, CVTTSD2SI, CVTSS2SD, CVTSD2SS,
    CVTPS2PD, CVTPD2PS, CVTDQ2PS, CVTPS2DQ, CVTTPS2DQ, CVTDQ2PD, CVTPD2DQ, CVTTPD2DQ,
    // shuffles, unpacks, packs, element moves and masks
    UNPCKLPS, UNPCKLPD, UNPCKHPS, UNPCKHPD, SHUFPS, SHUFPD, MOVMSKPS, MOVMSKPD, MOVHLPS, MOVLHPS,
    PSHUFHW, PSHUFLW, PINSRW, PEXTRW, PACKSSWB, PACKSSDW, PACKUSWB, PUNPCKHBW, PUNPCKHWD, PUNPCKHDQ,
    // the rest of the SSE2 integer set
    PADDSB, PADDSW, PADDUSB, PADDUSW, PSUBSB, PSUBSW, PSUBUSB, PSUBUSW,
    PMULLW, PMULHW, PMULHUW, PMULUDQ, PMADDWD, PCMPGTB, PCMPGTW, PCMPGTD,
    PMAXUB, PMAXSW, PMINSW, PAVGB, PAVGW, PSADBW, PSLLW, PSRLW, PSRAW, PSRAD,
    // MXCSR, non-temporal stores, cache control
    LDMXCSR, STMXCSR, MOVNTPS, MOVNTPD, MOVNTDQ, MOVNTI, MASKMOVDQU, CLFLUSH,
    // measured but not executed (x87, AVX, privileged, ...)
    UNSUPPORTED,
    // not a valid encoding in 64-bit mode (#UD)
    BAD;

    private static final Op[] VALUES = values();

    public static Op of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Intel mnemonic in lower case (without condition suffix for JCC/SETCC/CMOV). */
    public String mnemonic() {
        return name().toLowerCase();
    }
}
