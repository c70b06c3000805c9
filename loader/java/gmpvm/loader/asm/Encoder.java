package gmpvm.loader.asm;

import gmpvm.loader.asm.Mnemonics.Fam;
import gmpvm.loader.asm.Mnemonics.Spec;
import gmpvm.loader.asm.X86.Rm;
import java.util.List;

/**
 * Encodes one Go-spelled instruction (operands in Go's source-first order) into x86-64 bytes.
 * Branches to labels and {@code n(PC)} are laid out by {@link FuncBuilder}; everything else,
 * including CALL/JMP to symbols (rel32 with a fixup), registers and memory, is encoded here.
 * A bad operand combination is an {@link AsmError} that says what the instruction expects.
 */
final class Encoder {
    /** What the encoder needs from the enclosing function: the pseudo-register adjustments. */
    interface Ctx {
        /** Added to a {@code name-off(SP)} offset to get the hardware-SP offset. */
        long autoAdj();

        /** Added to a {@code name+off(FP)} offset to get the hardware-SP offset. */
        long paramAdj();

        /** The package {@code ·name} refers to. */
        String pkg();
    }

    private static final int[] NONE = {};
    private static final int[] OPSIZE = {0x66};

    private final String op;
    private final Spec spec;
    private final List<Operand> a;
    private final Ctx ctx;
    private final Pos pos;
    private final Code c = new Code();

    private Encoder(String op, Spec spec, List<Operand> args, Ctx ctx, Pos pos) {
        this.op = op;
        this.spec = spec;
        this.a = args;
        this.ctx = ctx;
        this.pos = pos;
    }

    static Code encode(String op, Spec spec, List<Operand> args, Ctx ctx, Pos pos) {
        Encoder e = new Encoder(op, spec, args, ctx, pos);
        e.run();
        return e.c.done();
    }

    // ------------------------------------------------------------------ helpers

    private AsmError bad(String expected) {
        StringBuilder got = new StringBuilder();
        for (Operand o : a) {
            got.append(got.length() == 0 ? "" : ", ").append(o.describe());
        }
        return new AsmError(pos, "bad operands for " + op + ": want " + expected
                + (a.isEmpty() ? "" : ", got " + got));
    }

    private void nargs(int n, String expected) {
        if (a.size() != n) {
            throw bad(expected);
        }
    }

    private static int[] sizePrefix(int size) {
        return size == 2 ? OPSIZE : NONE;
    }

    /** Symbol name as the linker sees it: package-qualified, file-local ones ending in {@code <>}. */
    static String linkName(Operand o, String pkg) {
        String s = Symbols.qualify(o.sym, pkg);
        return o.name == Operand.Name.STATIC ? s + "<>" : s;
    }

    /** The concrete memory operand for a MEM or ADDR operand. */
    Mem mem(Operand o) {
        switch (o.name) {
            case EXTERN, STATIC -> {
                String s = linkName(o, ctx.pkg());
                if (o.index < 0) {
                    return new Mem(false, Mem.RIP, -1, 1, o.off, s, o.pos);
                }
                return new Mem(false, -1, o.index, o.scale, o.off, s, o.pos);
            }
            case AUTO -> {
                return new Mem(false, Reg.SP, o.index, o.scale, o.off + ctx.autoAdj(), null, o.pos);
            }
            case PARAM -> {
                return new Mem(false, Reg.SP, o.index, o.scale, o.off + ctx.paramAdj(), null, o.pos);
            }
            default -> {
                if (o.base == Reg.TLS) {
                    if (o.index >= 0) {
                        throw new AsmError(o.pos, "off(TLS) takes no index");
                    }
                    return new Mem(true, -1, -1, 1, o.off - 8, null, o.pos);
                }
                if (o.index == Reg.TLS) {
                    return new Mem(true, o.base, -1, 1, o.off, null, o.pos);
                }
                return new Mem(false, o.base, o.index, o.scale, o.off, null, o.pos);
            }
        }
    }

    /** An r/m operand of the given size: a general register or memory. */
    private Rm rm(Operand o, int size) {
        if (o.kind == Operand.Kind.MEM) {
            return Rm.mem(mem(o));
        }
        if (o.kind == Operand.Kind.REG) {
            int r = gprNum(o, size);
            boolean high = o.reg >= Reg.AH && o.reg < Reg.AH + 4;
            boolean low = size == 1 && !high && r >= 4 && r <= 7;
            return new Rm(r, null, low, high);
        }
        throw bad("a register or memory operand");
    }

    /** The 0-15 number of a general register used at {@code size}; byte names only at size 1. */
    private int gprNum(Operand o, int size) {
        if (o.kind != Operand.Kind.REG) {
            throw bad("a general register");
        }
        if (size == 1 ? !Reg.isByteCapable(o.reg) : !Reg.isGpr(o.reg)) {
            throw new AsmError(o.pos, Reg.name(o.reg) + " cannot be used in " + op + ", which wants "
                    + (size == 1 ? "a general register" : size * 8 + "-bit general registers (AX, BX, ... R15)"));
        }
        return Reg.num(o.reg);
    }

    /** ModRM with a register operand in the reg field (size decides the byte-register rules). */
    private void rr(int[] legacy, boolean w, int[] opc, Operand reg, int size, Rm rm) {
        int r = gprNum(reg, size);
        boolean high = reg.reg >= Reg.AH && reg.reg < Reg.AH + 4;
        boolean low = size == 1 && !high && r >= 4 && r <= 7;
        X86.modrm(c, legacy, w, opc, r, rm, low, high, pos);
    }

    private void ext(int[] legacy, boolean w, int[] opc, int digit, Rm rm) {
        X86.modrm(c, legacy, w, opc, digit, rm, false, false, pos);
    }

    private void imm(long v, int size) {
        c.le(v, size);
    }

    private long immOf(Operand o, int size) {
        if (o.kind != Operand.Kind.IMM) {
            throw bad("a constant");
        }
        if (!(size == 8 ? X86.fits32(o.off) : X86.fitsSize(o.off, size))) {
            throw new AsmError(o.pos, "constant " + o.off + " does not fit in a " + (size == 8 ? "32-bit signed" : size * 8 + "-bit")
                    + " immediate of " + op);
        }
        return o.off;
    }

    private static int izSize(int size) {
        return size == 8 ? 4 : size;
    }

    // ------------------------------------------------------------------ families

    private void run() {
        int s = spec.size();
        boolean w = s == 8;
        switch (spec.fam()) {
            case ALU -> alu(s, w);
            case TEST -> test(s, w);
            case MOV -> mov(s, w);
            case LEA -> {
                nargs(2, "LEA mem, reg");
                Operand src = a.get(0);
                if (src.kind != Operand.Kind.MEM || src.base == Reg.TLS || src.index == Reg.TLS) {
                    throw bad("a memory operand then a register");
                }
                rr(sizePrefix(s), w, new int[] {0x8D}, a.get(1), s, Rm.mem(mem(src)));
            }
            case XCHG -> {
                nargs(2, "two operands, at most one in memory");
                Operand x = a.get(0);
                Operand y = a.get(1);
                if (x.isMem() && y.isMem()) {
                    throw bad("at most one memory operand");
                }
                if (s > 1 && x.isGpr() && y.isGpr() && (x.reg == Reg.AX || y.reg == Reg.AX)) {
                    // XCHG with AX: the one-byte 90+r form, as Go emits it (XCHGL AX, AX is 90)
                    int r = Reg.num(x.reg == Reg.AX ? y.reg : x.reg);
                    if (s == 2) {
                        c.u8(0x66);
                    }
                    if (w || r >= 8) {
                        c.u8(0x40 | (w ? 8 : 0) | (r >= 8 ? 1 : 0));
                    }
                    c.u8(0x90 + (r & 7));
                } else if (x.isMem()) {
                    rr(sizePrefix(s), w, new int[] {s == 1 ? 0x86 : 0x87}, y, s, rm(x, s));
                } else {
                    rr(sizePrefix(s), w, new int[] {s == 1 ? 0x86 : 0x87}, x, s, rm(y, s));
                }
            }
            case XADD, CMPXCHG -> {
                nargs(2, "a register then a register or memory operand");
                int base = spec.fam() == Fam.XADD ? 0xC0 : 0xB0;
                rr(sizePrefix(s), w, new int[] {0x0F, s == 1 ? base : base + 1}, a.get(0), s, rm(a.get(1), s));
            }
            case UNARY -> unary(s, w);
            case INCDEC -> {
                nargs(1, "one register or memory operand");
                ext(sizePrefix(s), w, new int[] {s == 1 ? 0xFE : 0xFF}, spec.code(), rm(a.get(0), s));
            }
            case SHIFT -> shift(s, w);
            case IMUL3 -> {
                nargs(3, "$imm, source register or memory, destination register");
                long v = immOf(a.get(0), s == 2 ? 2 : 4);
                boolean short8 = X86.fits8(v);
                rr(sizePrefix(s), w, new int[] {short8 ? 0x6B : 0x69}, a.get(2), s, rm(a.get(1), s));
                imm(v, short8 ? 1 : izSize(s));
            }
            case EXT -> {
                nargs(2, "a register or memory source and a register destination");
                int srcSize = spec.code() == 0xB6 || spec.code() == 0xBE ? 1 : spec.code() == 0x63 ? 4 : 2;
                Rm src = rm(a.get(0), srcSize);
                int[] opc = spec.code() == 0x63 ? new int[] {0x63} : new int[] {0x0F, spec.code()};
                int d = gprNum(a.get(1), s);
                X86.modrm(c, sizePrefix(s), w, opc, d, src, false, false, pos);
            }
            case MOVLQZX -> {
                nargs(2, "a register or memory source and a register destination");
                rr(NONE, false, new int[] {0x8B}, a.get(1), 4, rm(a.get(0), 4));
            }
            case CMOV -> {
                nargs(2, "a register or memory source and a register destination");
                rr(sizePrefix(s), w, new int[] {0x0F, 0x40 + spec.code()}, a.get(1), s, rm(a.get(0), s));
            }
            case SET -> {
                nargs(1, "one byte register or memory operand");
                ext(NONE, false, new int[] {0x0F, 0x90 + spec.code()}, 0, rm(a.get(0), 1));
            }
            case JMP, CALL -> jmpCall(spec.fam() == Fam.CALL);
            case RET -> {
                if (!a.isEmpty()) {
                    throw bad("no operands");
                }
                c.u8(0xC3);
            }
            case PUSH -> push();
            case POP -> {
                nargs(1, "a register or memory operand");
                Operand o = a.get(0);
                if (o.isGpr()) {
                    int r = Reg.num(o.reg);
                    if (r >= 8) {
                        c.u8(0x41);
                    }
                    c.u8(0x58 + (r & 7));
                } else if (o.isMem()) {
                    ext(NONE, false, new int[] {0x8F}, 0, rm(o, 8));
                } else {
                    throw bad("a register or memory operand");
                }
            }
            case BSWAP -> {
                nargs(1, "one register");
                int r = gprNum(a.get(0), s);
                int rex = (w ? 8 : 0) | (r >= 8 ? 1 : 0);
                if (rex != 0) {
                    c.u8(0x40 | rex);
                }
                c.u8(0x0F);
                c.u8(0xC8 + (r & 7));
            }
            case BITSCAN -> {
                nargs(2, "a register or memory source and a register destination");
                int pre = spec.code() >> 8;
                int[] legacy = pre == 0 ? sizePrefix(s) : (s == 2 ? new int[] {0x66, pre} : new int[] {pre});
                rr(legacy, w, new int[] {0x0F, spec.code() & 0xFF}, a.get(1), s, rm(a.get(0), s));
            }
            case BT -> {
                nargs(2, "a bit number ($imm or register) then a register or memory operand");
                Operand bit = a.get(0);
                if (bit.isImm()) {
                    long v = bit.off;
                    if (v < 0 || v > 255) {
                        throw new AsmError(bit.pos, "bit number must be 0-255");
                    }
                    ext(sizePrefix(s), w, new int[] {0x0F, 0xBA}, spec.code(), rm(a.get(1), s));
                    imm(v, 1);
                } else {
                    int[] opc = {0xA3, 0xAB, 0xB3, 0xBB};
                    rr(sizePrefix(s), w, new int[] {0x0F, opc[spec.code() - 4]}, bit, s, rm(a.get(1), s));
                }
            }
            case FIXED -> {
                if (!a.isEmpty()) {
                    throw bad("no operands");
                }
                for (int b : spec.bytes()) {
                    c.u8(b);
                }
            }
            case INT -> {
                nargs(1, "$n");
                long v = immOf(a.get(0), 1);
                c.u8(0xCD); // as Go: INT $3 is CD 03 (INT3 is the one-byte CC)
                c.u8((int) v);
            }
            case CMPXCHGNB -> {
                nargs(1, "one memory operand");
                if (!a.get(0).isMem()) {
                    throw bad("one memory operand");
                }
                ext(NONE, w, new int[] {0x0F, 0xC7}, 1, rm(a.get(0), 8));
            }
            case SSEMOV -> sseMov();
            case SSEOP -> {
                nargs(2, "an X register or memory source and an X register destination");
                xmmOp(spec.bytes()[0], spec.bytes()[1], a.get(1), a.get(0));
            }
            case SSESHIFT -> sseShift();
            case SSEX -> sseX();
            case PSHUFL -> {
                nargs(3, "$imm, an X register or memory source, an X register destination");
                long v = immOf(a.get(0), 1);
                xmmOp(0x66, 0x70, a.get(2), a.get(1));
                imm(v, 1);
            }
            case PMOVMSKB -> {
                nargs(2, "an X register then a general register");
                if (!a.get(0).isXmm()) {
                    throw bad("an X register then a general register");
                }
                X86.modrm(c, OPSIZE, false, new int[] {0x0F, 0xD7}, gprNum(a.get(1), 4),
                        Rm.reg(Reg.num(a.get(0).reg)), false, false, pos);
            }
            case NOPRM -> {
                nargs(1, "one register or memory operand (a multi-byte NOP)");
                ext(sizePrefix(s), false, new int[] {0x0F, 0x1F}, 0, rm(a.get(0), s));
            }
            case PREFETCH -> {
                nargs(1, "one memory operand");
                if (!a.get(0).isMem()) {
                    throw bad("one memory operand");
                }
                ext(NONE, false, new int[] {0x0F, 0x18}, spec.code(), rm(a.get(0), 8));
            }
            case INLINE -> inline(s);
            default -> throw new AsmError(pos, op + " cannot be used here");
        }
    }

    private void alu(int s, boolean w) {
        nargs(2, "source, destination (CMP: left, right)");
        int n = spec.code();
        boolean cmp = n == 7;
        Operand dst = cmp ? a.get(0) : a.get(1);
        Operand src = cmp ? a.get(1) : a.get(0);
        if (src.isImm()) {
            long v = immOf(src, s);
            boolean isAx = dst.isReg() && Reg.isByteCapable(dst.reg) && Reg.num(dst.reg) == 0
                    && !(dst.reg >= Reg.AH && dst.reg < Reg.AH + 4);
            if (s == 1) {
                if (isAx) {
                    c.u8(n * 8 + 4);
                } else {
                    ext(NONE, false, new int[] {0x80}, n, rm(dst, 1));
                }
                imm(v, 1);
            } else if (X86.fits8(v)) { // as Go: the constant as written must fit in int8
                ext(sizePrefix(s), w, new int[] {0x83}, n, rm(dst, s));
                imm(v, 1);
            } else if (isAx) {
                if (s == 2) {
                    c.u8(0x66);
                }
                if (w) {
                    c.u8(0x48);
                }
                c.u8(n * 8 + 5);
                imm(v, izSize(s));
            } else {
                ext(sizePrefix(s), w, new int[] {0x81}, n, rm(dst, s));
                imm(v, izSize(s));
            }
        } else if (src.isReg() && dst.isRm()) {
            rr(sizePrefix(s), w, new int[] {n * 8 + (s == 1 ? 0 : 1)}, src, s, rm(dst, s));
        } else if (src.isMem() && dst.isReg()) {
            rr(sizePrefix(s), w, new int[] {n * 8 + (s == 1 ? 2 : 3)}, dst, s, rm(src, s));
        } else if (src.isReg() && dst.isReg()) {
            rr(sizePrefix(s), w, new int[] {n * 8 + (s == 1 ? 0 : 1)}, src, s, rm(dst, s));
        } else {
            throw bad(cmp ? "register/memory then register/memory/$imm (not both memory)"
                    : "$imm, register or memory source then a register or memory destination (not both memory)");
        }
    }

    private void test(int s, boolean w) {
        nargs(2, "two operands");
        Operand x = a.get(0);
        Operand y = a.get(1);
        if (y.isImm() && !x.isImm()) {
            Operand t = x;
            x = y;
            y = t;
        }
        if (x.isImm()) {
            long v = immOf(x, s);
            if (y.isReg() && Reg.isByteCapable(y.reg) && Reg.num(y.reg) == 0 && !(y.reg >= Reg.AH && y.reg < Reg.AH + 4)) {
                // the AX short form (A8/A9), as Go emits it
                if (s == 2) {
                    c.u8(0x66);
                }
                if (w) {
                    c.u8(0x48);
                }
                c.u8(s == 1 ? 0xA8 : 0xA9);
            } else {
                ext(sizePrefix(s), w, new int[] {s == 1 ? 0xF6 : 0xF7}, 0, rm(y, s));
            }
            imm(v, izSize(s));
        } else if (x.isReg() && y.isRm()) {
            rr(sizePrefix(s), w, new int[] {s == 1 ? 0x84 : 0x85}, x, s, rm(y, s));
        } else if (x.isMem() && y.isReg()) {
            rr(sizePrefix(s), w, new int[] {s == 1 ? 0x84 : 0x85}, y, s, rm(x, s));
        } else if (x.isReg() && y.isReg()) {
            rr(sizePrefix(s), w, new int[] {s == 1 ? 0x84 : 0x85}, x, s, rm(y, s));
        } else {
            throw bad("$imm or register, then register or memory (not both memory)");
        }
    }

    private void mov(int s, boolean w) {
        nargs(2, "source, destination");
        Operand src = a.get(0);
        Operand dst = a.get(1);
        if (src.isXmm() || dst.isXmm()) {
            movXmm(s, src, dst);
            return;
        }
        if (src.isReg() && src.reg == Reg.TLS) {
            if (s != 8 || !dst.isGpr()) {
                throw bad("MOVQ TLS, register");
            }
            ext(NONE, true, new int[] {0xC7}, 0, rm(dst, 8));
            imm(-8, 4);
            return;
        }
        switch (src.kind) {
            case IMM -> {
                if (dst.isReg()) {
                    int r = gprNum(dst, s);
                    if (s == 8) {
                        if (X86.fits32(src.off)) {
                            ext(NONE, true, new int[] {0xC7}, 0, Rm.reg(r));
                            imm(src.off, 4);
                        } else if (src.off > 0 && src.off <= 0xFFFFFFFFL) {
                            // as Go: a 32-bit MOVL, which zero-extends
                            if (r >= 8) {
                                c.u8(0x41);
                            }
                            c.u8(0xB8 + (r & 7));
                            imm(src.off, 4);
                        } else {
                            c.u8(0x48 | (r >= 8 ? 1 : 0));
                            c.u8(0xB8 + (r & 7));
                            imm(src.off, 8);
                        }
                        return;
                    }
                    long v = immOf(src, s);
                    Rm d = rm(dst, s);
                    if (s == 2) {
                        c.u8(0x66);
                    }
                    int rex = (r >= 8 ? 1 : 0);
                    if (d.noRex() && rex != 0) {
                        throw new AsmError(pos, "bad byte register");
                    }
                    if (rex != 0 || d.needRex()) {
                        c.u8(0x40 | rex);
                    }
                    c.u8((s == 1 ? 0xB0 : 0xB8) + (r & 7));
                    imm(v, s);
                } else if (dst.isMem()) {
                    long v = immOf(src, s);
                    ext(sizePrefix(s), w, new int[] {s == 1 ? 0xC6 : 0xC7}, 0, rm(dst, s));
                    imm(v, izSize(s));
                } else {
                    throw bad("a register or memory destination");
                }
            }
            case ADDR -> {
                if (s < 4 || !dst.isGpr()) {
                    throw bad("$address then a register (MOVQ or MOVL)");
                }
                if (src.base == Reg.TLS || src.index == Reg.TLS) {
                    throw bad("an address that does not use TLS");
                }
                rr(NONE, w, new int[] {0x8D}, dst, s, Rm.mem(mem(src)));
            }
            case REG -> {
                if (!dst.isRm()) {
                    if (dst.isReg() && s == 1) {
                        rr(NONE, false, new int[] {0x88}, src, 1, rm(dst, 1));
                        return;
                    }
                    throw bad("a register or memory destination");
                }
                rr(sizePrefix(s), w, new int[] {s == 1 ? 0x88 : 0x89}, src, s, rm(dst, s));
            }
            case MEM -> {
                if (!dst.isReg()) {
                    throw bad("memory to a register (no memory-to-memory moves)");
                }
                rr(sizePrefix(s), w, new int[] {s == 1 ? 0x8A : 0x8B}, dst, s, rm(src, s));
            }
            default -> throw bad("$imm, $address, register or memory, then register or memory");
        }
    }

    private void movXmm(int s, Operand src, Operand dst) {
        if (s == 8) {
            if (dst.isXmm() && (src.isXmm() || src.isMem())) {
                xmmOp(0xF3, 0x7E, dst, src);
            } else if (src.isXmm() && dst.isMem()) {
                X86.modrm(c, OPSIZE, false, new int[] {0x0F, 0xD6}, Reg.num(src.reg), rm(dst, 8), false, false, pos);
            } else if (dst.isXmm() && src.isGpr()) {
                X86.modrm(c, OPSIZE, true, new int[] {0x0F, 0x6E}, Reg.num(dst.reg), rm(src, 8), false, false, pos);
            } else if (src.isXmm() && dst.isGpr()) {
                X86.modrm(c, OPSIZE, true, new int[] {0x0F, 0x7E}, Reg.num(src.reg), rm(dst, 8), false, false, pos);
            } else {
                throw bad("X register, general register or memory combinations of MOVQ");
            }
        } else if (s == 4) {
            if (dst.isXmm() && src.isRm()) {
                X86.modrm(c, OPSIZE, false, new int[] {0x0F, 0x6E}, Reg.num(dst.reg), rm(src, 4), false, false, pos);
            } else if (src.isXmm() && dst.isRm()) {
                X86.modrm(c, OPSIZE, false, new int[] {0x0F, 0x7E}, Reg.num(src.reg), rm(dst, 4), false, false, pos);
            } else {
                throw bad("an X register and a general register or memory (MOVL is movd)");
            }
        } else {
            throw bad("general registers (X registers need MOVQ, MOVL or an SSE move)");
        }
    }

    /** prefix 0F op with reg = X destination, rm = X register or memory source. */
    private void xmmOp(int prefix, int opc, Operand dst, Operand src) {
        if (!dst.isXmm() || !(src.isXmm() || src.isMem())) {
            throw bad("an X register or memory source and an X register destination");
        }
        Rm r = src.isXmm() ? Rm.reg(Reg.num(src.reg)) : rm(src, 16);
        X86.modrm(c, prefix == 0 ? NONE : new int[] {prefix}, false, new int[] {0x0F, opc}, Reg.num(dst.reg), r, false, false, pos);
    }

    private void sseMov() {
        nargs(2, "source, destination: X register or memory");
        Operand src = a.get(0);
        Operand dst = a.get(1);
        int prefix = spec.bytes()[0];
        boolean memOnly = spec.size() < 0;
        if (dst.isXmm() && (src.isMem() || (src.isXmm() && !memOnly))) {
            xmmOp(prefix, spec.bytes()[1], dst, src);
        } else if (src.isXmm() && dst.isMem()) {
            X86.modrm(c, prefix == 0 ? NONE : new int[] {prefix}, false, new int[] {0x0F, spec.code()},
                    Reg.num(src.reg), rm(dst, 16), false, false, pos);
        } else {
            throw bad(memOnly ? "memory to X register or X register to memory"
                    : "X register or memory to X register, or X register to memory");
        }
    }

    /** The SSE forms of {@link Mnemonics.Fam#SSEX}, by the shape in {@code spec.code()}. */
    private void sseX() {
        int prefix = spec.bytes()[0];
        int opc = spec.bytes()[1];
        int[] legacy = prefix == 0 ? NONE : new int[] {prefix};
        boolean w = spec.size() == 8;
        switch (spec.code()) {
            case Mnemonics.X_CMP -> {
                nargs(3, "an X register or memory source, an X register destination, $predicate");
                long v = immOf(a.get(2), 1);
                xmmOp(prefix, opc, a.get(1), a.get(0));
                imm(v, 1);
            }
            case Mnemonics.X_IMM -> {
                nargs(3, "$imm, an X register or memory source, an X register destination");
                long v = immOf(a.get(0), 1);
                xmmOp(prefix, opc, a.get(2), a.get(1));
                imm(v, 1);
            }
            case Mnemonics.X_GX -> {
                nargs(2, "a general register or memory source, an X register destination");
                if (!a.get(1).isXmm() || a.get(0).isXmm()) {
                    throw bad("a general register or memory source, an X register destination");
                }
                X86.modrm(c, legacy, w, new int[] {0x0F, opc}, Reg.num(a.get(1).reg), rm(a.get(0), spec.size()), false, false, pos);
            }
            case Mnemonics.X_XG -> {
                nargs(2, "an X register or memory source, a general register destination");
                Operand src = a.get(0);
                if (!(src.isXmm() || src.isMem())) {
                    throw bad("an X register or memory source, a general register destination");
                }
                Rm r = src.isXmm() ? Rm.reg(Reg.num(src.reg)) : rm(src, 8);
                X86.modrm(c, legacy, w, new int[] {0x0F, opc}, gprNum(a.get(1), spec.size()), r, false, false, pos);
            }
            case Mnemonics.X_MSK -> {
                nargs(2, "an X register then a general register");
                if (!a.get(0).isXmm()) {
                    throw bad("an X register then a general register");
                }
                X86.modrm(c, legacy, false, new int[] {0x0F, opc}, gprNum(a.get(1), 4), Rm.reg(Reg.num(a.get(0).reg)), false, false, pos);
            }
            case Mnemonics.X_PINSRW -> {
                nargs(3, "$index, a general register or memory, an X register");
                long v = immOf(a.get(0), 1);
                if (!a.get(2).isXmm() || a.get(1).isXmm()) {
                    throw bad("$index, a general register or memory, an X register");
                }
                X86.modrm(c, legacy, false, new int[] {0x0F, opc}, Reg.num(a.get(2).reg), rm(a.get(1), 4), false, false, pos);
                imm(v, 1);
            }
            case Mnemonics.X_PEXTRW -> {
                nargs(3, "$index, an X register, a general register");
                long v = immOf(a.get(0), 1);
                if (!a.get(1).isXmm()) {
                    throw bad("$index, an X register, a general register");
                }
                X86.modrm(c, legacy, false, new int[] {0x0F, opc}, gprNum(a.get(2), 4), Rm.reg(Reg.num(a.get(1).reg)), false, false, pos);
                imm(v, 1);
            }
            case Mnemonics.X_STORE -> {
                nargs(2, "an X register, then memory");
                if (!a.get(0).isXmm() || !a.get(1).isMem()) {
                    throw bad("an X register, then memory");
                }
                X86.modrm(c, legacy, false, new int[] {0x0F, opc}, Reg.num(a.get(0).reg), rm(a.get(1), 16), false, false, pos);
            }
            case Mnemonics.X_STOREG -> {
                nargs(2, "a general register, then memory");
                if (!a.get(1).isMem()) {
                    throw bad("a general register, then memory");
                }
                rr(NONE, w, new int[] {0x0F, opc}, a.get(0), spec.size(), rm(a.get(1), spec.size()));
            }
            default -> {
                nargs(1, "one memory operand");
                if (!a.get(0).isMem()) {
                    throw bad("one memory operand");
                }
                ext(NONE, false, new int[] {0x0F, 0xAE}, opc, rm(a.get(0), spec.size()));
            }
        }
    }

    private void sseShift() {
        nargs(2, "$count or X register, then an X register");
        Operand cnt = a.get(0);
        Operand dst = a.get(1);
        if (!dst.isXmm()) {
            throw bad("an X register destination");
        }
        if (cnt.isImm()) {
            long v = immOf(cnt, 1);
            X86.modrm(c, OPSIZE, false, new int[] {0x0F, spec.bytes()[1]}, spec.code(), Rm.reg(Reg.num(dst.reg)), false, false, pos);
            imm(v, 1);
        } else if (spec.bytes()[0] != 0) {
            xmmOp(0x66, spec.bytes()[0], dst, cnt);
        } else {
            throw bad("$count, X register");
        }
    }

    private void unary(int s, boolean w) {
        if (a.size() == 1) {
            ext(sizePrefix(s), w, new int[] {s == 1 ? 0xF6 : 0xF7}, spec.code(), rm(a.get(0), s));
            return;
        }
        if (spec.code() != 5 || a.size() != 2 || s == 1) {
            throw bad(spec.code() == 5 ? "one operand, or source and destination register (IMULW/L/Q)" : "one register or memory operand");
        }
        Operand src = a.get(0);
        Operand dst = a.get(1);
        if (src.isImm()) {
            long v = immOf(src, s == 2 ? 2 : 4);
            boolean short8 = X86.fits8(v);
            rr(sizePrefix(s), w, new int[] {short8 ? 0x6B : 0x69}, dst, s, rm(dst, s));
            imm(v, short8 ? 1 : izSize(s));
        } else {
            rr(sizePrefix(s), w, new int[] {0x0F, 0xAF}, dst, s, rm(src, s));
        }
    }

    private void shift(int s, boolean w) {
        int n = spec.code();
        if (a.size() == 3) {
            if ((n != 4 && n != 5) || s == 1) {
                throw bad("two operands (only SHLW/L/Q and SHRW/L/Q take $count or CX, source, destination)");
            }
            Operand cnt = a.get(0);
            int base = n == 4 ? 0xA4 : 0xAC;
            if (cnt.isImm()) {
                long v = cnt.off;
                if (v < 0 || v > 255) {
                    throw new AsmError(cnt.pos, "shift count must be 0-255");
                }
                rr(sizePrefix(s), w, new int[] {0x0F, base}, a.get(1), s, rm(a.get(2), s));
                imm(v, 1);
            } else if (cnt.isReg() && Reg.num(cnt.reg) == Reg.CX && (Reg.isGpr(cnt.reg) || cnt.reg == Reg.BYTE0 + 1)) {
                rr(sizePrefix(s), w, new int[] {0x0F, base + 1}, a.get(1), s, rm(a.get(2), s));
            } else {
                throw bad("$count or CX, source register, destination");
            }
            return;
        }
        nargs(2, "$count or CX, then a register or memory operand");
        Operand cnt = a.get(0);
        Rm dst = rm(a.get(1), s);
        if (cnt.isImm()) {
            long v = cnt.off;
            if (v < 0 || v > 255) {
                throw new AsmError(cnt.pos, "shift count must be 0-255");
            }
            if (v == 1) {
                ext(sizePrefix(s), w, new int[] {s == 1 ? 0xD0 : 0xD1}, n, dst);
            } else {
                ext(sizePrefix(s), w, new int[] {s == 1 ? 0xC0 : 0xC1}, n, dst);
                imm(v, 1);
            }
        } else if (cnt.isReg() && Reg.num(cnt.reg) == Reg.CX && (Reg.isGpr(cnt.reg) || cnt.reg == Reg.BYTE0 + 1)) {
            ext(sizePrefix(s), w, new int[] {s == 1 ? 0xD2 : 0xD3}, n, dst);
        } else {
            throw bad("$count or CX as the shift count");
        }
    }

    private void jmpCall(boolean call) {
        nargs(1, "a label, n(PC), sym(SB), a register or memory");
        Operand t = a.get(0);
        if (t.isMem() && t.isSymRef() && t.index < 0) {
            c.u8(call ? 0xE8 : 0xE9);
            c.fix(Fixup.Kind.PC32, linkName(t, ctx.pkg()), t.off, t.pos);
            c.le(0, 4);
        } else if (t.isGpr()) {
            ext(NONE, false, new int[] {0xFF}, call ? 2 : 4, Rm.reg(Reg.num(t.reg)));
        } else if (t.isMem()) {
            ext(NONE, false, new int[] {0xFF}, call ? 2 : 4, rm(t, 8));
        } else {
            throw bad("a label, n(PC), sym(SB), a register or memory");
        }
    }

    private void push() {
        nargs(1, "a register, memory or $imm");
        Operand o = a.get(0);
        if (o.isGpr()) {
            int r = Reg.num(o.reg);
            if (r >= 8) {
                c.u8(0x41);
            }
            c.u8(0x50 + (r & 7));
        } else if (o.isImm()) {
            long v = immOf(o, 8);
            if (X86.fits8(v)) {
                c.u8(0x6A);
                imm(v, 1);
            } else {
                c.u8(0x68);
                imm(v, 4);
            }
        } else if (o.isMem()) {
            ext(NONE, false, new int[] {0xFF}, 6, rm(o, 8));
        } else {
            throw bad("a register, memory or $imm");
        }
    }

    private void inline(int s) {
        nargs(1, "$value");
        Operand v = a.get(0);
        if (v.isImm()) {
            if (!X86.fitsSize(v.off, s)) {
                throw new AsmError(v.pos, "value " + v.off + " does not fit in " + op);
            }
            imm(v.off, s);
        } else if (v.kind == Operand.Kind.ADDR && v.isSymRef() && v.index < 0 && (s == 8 || s == 4)) {
            c.fix(s == 8 ? Fixup.Kind.ABS64 : Fixup.Kind.ABS32, linkName(v, ctx.pkg()), v.off, v.pos);
            imm(0, s);
        } else {
            throw bad("$constant (or $sym(SB) for LONG/QUAD)");
        }
    }
}
