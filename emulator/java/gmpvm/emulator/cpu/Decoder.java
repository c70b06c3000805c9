package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_IMM;
import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_REG;
import static gmpvm.emulator.cpu.Insn.K_REL;
import static gmpvm.emulator.cpu.Insn.K_XMM;

/**
 * Decodes x86-64 machine code (long mode) into {@link Insn}s: prefixes, REX, the one-byte,
 * 0F, 0F38 and 0F3A opcode maps, ModRM/SIB, displacements and immediates.
 *
 * <p>Every byte sequence gets an answer: a supported instruction, {@link Op#UNSUPPORTED}
 * (measured, so its length is right, but not executed: x87, AVX, privileged instructions) or
 * {@link Op#BAD} (no such instruction in 64-bit mode). The decoder never reads past
 * {@code avail} bytes; needing more throws {@link Truncated} with the offset it needed, which the
 * interpreter turns into an instruction-fetch fault at that address.
 */
public final class Decoder {
    /** The longest legal instruction. */
    public static final int MAX_LEN = 15;
    /** {@link Insn#target} of the {@link Op#BAD} standing for bytes longer than {@link #MAX_LEN}: executing it is #GP. */
    public static final long TOO_LONG = -1;

    /** Thrown when the instruction runs past the bytes available. */
    public static final class Truncated extends RuntimeException {
        public final int offset;

        Truncated(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    private byte[] code;
    private int avail;
    private int pos;
    private Insn in;
    private int rex;
    private int osize;     // operand size for "v" operands: 2, 4 or 8
    private int mod, regf, rm; // ModRM fields, reg and rm with REX extension applied

    /** Decodes the instruction at the start of {@code code} (of which {@code avail} bytes are valid), located at {@code addr}. */
    public Insn decode(byte[] code, int avail, long addr) {
        this.code = code;
        this.avail = Math.min(avail, code.length);
        this.pos = 0;
        this.in = new Insn();
        this.rex = 0;
        in.addr = addr;
        try {
            decodeInsn();
        } catch (TooLong e) {
            pos = MAX_LEN + 1;
        }
        if (pos > MAX_LEN) {
            // longer than 15 bytes: #GP, marked by a target past the limit (see TOO_LONG)
            Insn bad = new Insn();
            bad.addr = addr;
            bad.op = Op.BAD;
            bad.len = MAX_LEN;
            bad.target = TOO_LONG;
            return bad;
        }
        in.len = pos;
        if (in.kind0 == K_REL || in.kind1 == K_REL) {
            in.target = addr + pos + in.imm;
        }
        if (in.base == Insn.RIP) {
            in.disp = in.addr32 ? (addr + pos + in.disp) & 0xffffffffL : addr + pos + in.disp;
        }
        return in;
    }

    private static final class TooLong extends RuntimeException {
        TooLong() {
            super(null, null, false, false);
        }
    }

    // ------------------------------------------------------------------ byte fetch

    private int next() {
        if (pos >= MAX_LEN) {
            throw new TooLong();
        }
        if (pos >= avail) {
            throw new Truncated(pos);
        }
        return code[pos++] & 0xff;
    }

    private int peekByte() {
        if (pos >= MAX_LEN) {
            throw new TooLong();
        }
        if (pos >= avail) {
            throw new Truncated(pos);
        }
        return code[pos] & 0xff;
    }

    private long imm8() {
        return (byte) next();
    }

    private long imm16() {
        int lo = next();
        return (short) (lo | next() << 8);
    }

    private long imm32() {
        int b0 = next(), b1 = next(), b2 = next(), b3 = next();
        return b0 | b1 << 8 | b2 << 16 | b3 << 24;
    }

    private long imm64() {
        long lo = imm32() & 0xffffffffL;
        return lo | imm32() << 32;
    }

    /** Operand size of stack operations: 64 bits, or 16 under a 66 prefix that REX.W does not override. */
    private int stackSize() {
        return osize == 2 ? 2 : 8;
    }

    /** An immediate of the operand size, at most 32 bits, sign-extended ("Iz"). */
    private long immZ(int size) {
        return size == 2 ? imm16() : imm32();
    }

    // ------------------------------------------------------------------ prefixes and maps

    private void decodeInsn() {
        int b;
        int prefixes = 0;
        int lastRep = 0;
        int seg = Insn.SEG_NONE;
        while (true) {
            b = next();
            switch (b) {
                case 0xf0: prefixes |= Insn.P_LOCK; continue;
                case 0xf2: prefixes |= Insn.P_REPNE; lastRep = 0xf2; continue;
                case 0xf3: prefixes |= Insn.P_REP; lastRep = 0xf3; continue;
                case 0x66: prefixes |= Insn.P_OPSIZE; continue;
                case 0x67: prefixes |= Insn.P_ADDR32; continue;
                case 0x2e: prefixes |= Insn.P_CS; continue;
                case 0x3e: prefixes |= Insn.P_DS; continue;
                case 0x26: prefixes |= Insn.P_ES; continue;
                case 0x36: prefixes |= Insn.P_SS; continue;
                case 0x64: prefixes |= Insn.P_FS; seg = Insn.SEG_FS; continue;
                case 0x65: prefixes |= Insn.P_GS; seg = Insn.SEG_GS; continue;
                default: break;
            }
            if ((b & 0xf0) == 0x40) {
                int nb = peekByte();
                if (isLegacyPrefix(nb) || (nb & 0xf0) == 0x40) {
                    continue; // a REX that is not last before the opcode is ignored
                }
                rex = b;
                prefixes |= Insn.P_REX;
                b = next();
            }
            break;
        }
        in.prefixes = prefixes;
        in.rex = rex;
        in.seg = seg;
        in.addr32 = (prefixes & Insn.P_ADDR32) != 0;
        osize = (rex & 8) != 0 ? 8 : (prefixes & Insn.P_OPSIZE) != 0 ? 2 : 4;
        in.mandatory = (prefixes & Insn.P_OPSIZE) != 0 ? 0x66 : 0;
        if (lastRep != 0) {
            in.mandatory = lastRep;
        }
        if (b == 0x0f) {
            int b2 = next();
            if (b2 == 0x38) {
                in.opcode = 0x0f3800 | next();
                unsupportedModrm(false);
            } else if (b2 == 0x3a) {
                in.opcode = 0x0f3a00 | next();
                unsupportedModrm(true);
            } else {
                in.opcode = 0x0f00 | b2;
                twoByte(b2);
            }
        } else {
            in.opcode = b;
            oneByte(b);
        }
    }

    private static boolean isLegacyPrefix(int b) {
        switch (b) {
            case 0xf0: case 0xf2: case 0xf3: case 0x66: case 0x67:
            case 0x2e: case 0x3e: case 0x26: case 0x36: case 0x64: case 0x65:
                return true;
            default:
                return false;
        }
    }

    // ------------------------------------------------------------------ ModRM

    private void modrm() {
        int m = next();
        in.modrm = m;
        mod = m >> 6;
        regf = ((m >> 3) & 7) | ((rex & 4) << 1);
        rm = m & 7;
        if (mod == 3) {
            rm |= (rex & 1) << 3;
            return;
        }
        in.scale = 1;
        if (rm == 4) {
            int sib = next();
            int ss = sib >> 6;
            int idx = ((sib >> 3) & 7) | ((rex & 2) << 2);
            int base = sib & 7;
            in.scale = 1 << ss;
            in.index = idx == 4 ? -1 : idx;
            if (base == 5 && mod == 0) {
                in.base = -1;
                in.disp = imm32();
            } else {
                in.base = base | ((rex & 1) << 3);
            }
        } else if (rm == 5 && mod == 0) {
            in.base = Insn.RIP;
            in.disp = imm32();
        } else {
            in.base = rm | ((rex & 1) << 3);
        }
        if (mod == 1) {
            in.disp = imm8();
        } else if (mod == 2) {
            in.disp = imm32();
        }
        rm = -1;
    }

    private boolean isMem() {
        return mod != 3;
    }

    /** GPR number for an 8-bit register field: without REX, 4-7 are AH CH DH BH. */
    private int reg8(int r) {
        return rex == 0 && r >= 4 && r <= 7 ? Insn.AH + r - 4 : r;
    }

    /** Sets operand n to the r/m operand of the given size. */
    private void opE(int n, int size) {
        if (mod == 3) {
            in.setOp(n, K_REG, size == 1 ? reg8(rm) : rm, size);
        } else {
            in.setOp(n, K_MEM, 0, size);
        }
    }

    /** Sets operand n to the reg-field GPR of the given size. */
    private void opG(int n, int size) {
        in.setOp(n, K_REG, size == 1 ? reg8(regf) : regf, size);
    }

    private void opW(int n, int size) {
        if (mod == 3) {
            in.setOp(n, K_XMM, rm, 16);
        } else {
            in.setOp(n, K_MEM, 0, size);
        }
    }

    private void opV(int n) {
        in.setOp(n, K_XMM, regf, 16);
    }

    /** The operands of an SSE move: a load (XMM ← XMM/memory) or a store (XMM/memory ← XMM). */
    private void xmmMove(boolean load, int memSize) {
        if (load) {
            opV(0);
            opW(1, memSize);
        } else {
            opW(0, memSize);
            opV(1);
        }
    }

    private void opI(int n, int size, long value) {
        in.setOp(n, K_IMM, 0, size);
        in.imm = value;
    }

    private void rel(long disp) {
        in.setOp(0, K_REL, 0, 8);
        in.imm = disp;
    }

    private void bad() {
        in.op = Op.BAD;
        in.nops = 0;
        in.kind0 = in.kind1 = in.kind2 = 0;
    }

    private void unsupported() {
        in.op = Op.UNSUPPORTED;
        in.nops = 0;
        in.kind0 = in.kind1 = in.kind2 = 0;
    }

    /** An unexecuted instruction with a ModRM (and an optional imm8): measure it. */
    private void unsupportedModrm(boolean imm8) {
        modrm();
        if (imm8) {
            next();
        }
        unsupported();
    }

    // ------------------------------------------------------------------ one-byte map

    private static final Op[] ALU = {Op.ADD, Op.OR, Op.ADC, Op.SBB, Op.AND, Op.SUB, Op.XOR, Op.CMP};
    private static final Op[] SHIFT = {Op.ROL, Op.ROR, Op.RCL, Op.RCR, Op.SHL, Op.SHR, Op.SAL, Op.SAR};

    private void oneByte(int b) {
        if (b < 0x40) {
            if ((b & 7) >= 6) {
                bad();
                return;
            }
            alu(ALU[b >> 3], b & 7);
            return;
        }
        if (b >= 0x50 && b <= 0x5f) {
            in.op = b < 0x58 ? Op.PUSH : Op.POP;
            int sz = stackSize();
            in.size = sz;
            in.setOp(0, K_REG, (b & 7) | ((rex & 1) << 3), sz);
            return;
        }
        if (b >= 0x70 && b <= 0x7f) {
            in.op = Op.JCC;
            in.cc = b & 15;
            in.size = 8;
            rel(imm8());
            return;
        }
        if (b >= 0x91 && b <= 0x97) {
            in.op = Op.XCHG;
            in.size = osize;
            in.setOp(0, K_REG, (b & 7) | ((rex & 1) << 3), osize);
            in.setOp(1, K_REG, 0, osize);
            return;
        }
        if (b >= 0xb0 && b <= 0xb7) {
            in.op = Op.MOV;
            in.size = 1;
            int r = (b & 7) | ((rex & 1) << 3);
            in.setOp(0, K_REG, reg8(r), 1);
            opI(1, 1, next());
            return;
        }
        if (b >= 0xb8 && b <= 0xbf) {
            in.op = Op.MOV;
            in.size = osize;
            in.setOp(0, K_REG, (b & 7) | ((rex & 1) << 3), osize);
            long v = osize == 8 ? imm64() : osize == 2 ? imm16() & 0xffff : imm32() & 0xffffffffL;
            opI(1, osize, v);
            return;
        }
        if (b >= 0xd8 && b <= 0xdf) {
            x87(b);
            return;
        }
        switch (b) {
            case 0x63:
                in.op = Op.MOVSXD;
                modrm();
                in.size = osize;
                opG(0, osize);
                opE(1, osize == 8 ? 4 : osize);
                return;
            case 0x68:
                in.op = Op.PUSH;
                in.size = stackSize();
                opI(0, in.size, immZ(in.size));
                return;
            case 0x6a:
                in.op = Op.PUSH;
                in.size = stackSize();
                opI(0, in.size, imm8());
                return;
            case 0x69: case 0x6b:
                in.op = Op.IMUL;
                modrm();
                in.size = osize;
                opG(0, osize);
                opE(1, osize);
                opI(2, osize, b == 0x69 ? immZ(osize) : imm8());
                return;
            case 0x6c: case 0x6d: case 0x6e: case 0x6f:
                unsupported(); // INS/OUTS: privileged
                return;
            case 0x80: case 0x81: case 0x83:
                modrm();
                in.op = ALU[regf & 7];
                in.size = b == 0x80 ? 1 : osize;
                opE(0, in.size);
                opI(1, in.size, b == 0x81 ? immZ(osize) : imm8());
                return;
            case 0x84: case 0x85:
                in.op = Op.TEST;
                modrm();
                in.size = b == 0x84 ? 1 : osize;
                opE(0, in.size);
                opG(1, in.size);
                return;
            case 0x86: case 0x87:
                in.op = Op.XCHG;
                modrm();
                in.size = b == 0x86 ? 1 : osize;
                opE(0, in.size);
                opG(1, in.size);
                return;
            case 0x88: case 0x89:
                in.op = Op.MOV;
                modrm();
                in.size = b == 0x88 ? 1 : osize;
                opE(0, in.size);
                opG(1, in.size);
                return;
            case 0x8a: case 0x8b:
                in.op = Op.MOV;
                modrm();
                in.size = b == 0x8a ? 1 : osize;
                opG(0, in.size);
                opE(1, in.size);
                return;
            case 0x8c: case 0x8e:
                unsupportedModrm(false); // segment register moves
                return;
            case 0x8d:
                modrm();
                if (!isMem()) {
                    bad();
                    return;
                }
                in.op = Op.LEA;
                in.size = osize;
                opG(0, osize);
                opE(1, osize);
                return;
            case 0x8f:
                if ((peekByte() & 0x38) != 0) {
                    xop();
                    return;
                }
                modrm();
                in.op = Op.POP;
                in.size = stackSize();
                opE(0, in.size);
                return;
            case 0x90:
                if ((rex & 1) != 0) {
                    in.op = Op.XCHG;
                    in.size = osize;
                    in.setOp(0, K_REG, 8, osize);
                    in.setOp(1, K_REG, 0, osize);
                } else {
                    in.op = (in.prefixes & Insn.P_REP) != 0 ? Op.PAUSE : Op.NOP;
                    in.size = osize;
                }
                return;
            case 0x98:
                in.op = Op.CBW;
                in.size = osize;
                return;
            case 0x99:
                in.op = Op.CWD;
                in.size = osize;
                return;
            case 0x9b:
                in.op = Op.FWAIT;
                return;
            case 0x9c:
                in.op = Op.PUSHF;
                in.size = stackSize();
                return;
            case 0x9d:
                in.op = Op.POPF;
                in.size = stackSize();
                return;
            case 0x9e:
                in.op = Op.SAHF;
                in.size = 1;
                return;
            case 0x9f:
                in.op = Op.LAHF;
                in.size = 1;
                return;
            case 0xa0: case 0xa1: case 0xa2: case 0xa3: {
                in.op = Op.MOV;
                in.size = (b & 1) == 0 ? 1 : osize;
                in.base = -1;
                in.index = -1;
                in.disp = in.addr32 ? imm32() & 0xffffffffL : imm64();
                int memOp = b < 0xa2 ? 1 : 0;
                in.setOp(memOp, K_MEM, 0, in.size);
                in.setOp(1 - memOp, K_REG, 0, in.size);
                return;
            }
            case 0xa4: case 0xa5: string(Op.MOVS, b); return;
            case 0xa6: case 0xa7: string(Op.CMPS, b); return;
            case 0xaa: case 0xab: string(Op.STOS, b); return;
            case 0xac: case 0xad: string(Op.LODS, b); return;
            case 0xae: case 0xaf: string(Op.SCAS, b); return;
            case 0xa8: case 0xa9:
                in.op = Op.TEST;
                in.size = b == 0xa8 ? 1 : osize;
                in.setOp(0, K_REG, 0, in.size);
                opI(1, in.size, b == 0xa8 ? imm8() : immZ(osize));
                return;
            case 0xc0: case 0xc1: case 0xd0: case 0xd1: case 0xd2: case 0xd3:
                modrm();
                in.op = SHIFT[regf & 7];
                in.size = (b & 1) == 0 ? 1 : osize;
                opE(0, in.size);
                if (b <= 0xc1) {
                    opI(1, 1, next());
                } else if (b <= 0xd1) {
                    opI(1, 1, 1);
                } else {
                    in.setOp(1, K_REG, 1, 1);
                }
                return;
            case 0xc2:
                in.op = Op.RET;
                in.size = 8;
                opI(0, 2, imm16() & 0xffff);
                return;
            case 0xc3:
                in.op = Op.RET;
                in.size = 8;
                return;
            case 0xc4: case 0xc5:
                vex(b);
                return;
            case 0xc6: case 0xc7:
                modrm();
                in.size = b == 0xc6 ? 1 : osize;
                if ((regf & 7) == 0) {
                    in.op = Op.MOV;
                    opE(0, in.size);
                    opI(1, in.size, b == 0xc6 ? imm8() : immZ(osize));
                } else if ((regf & 7) == 7 && mod == 3 && (in.modrm & 7) == 0) {
                    // XABORT imm8 / XBEGIN rel: transactional memory is not supported
                    if (b == 0xc6) {
                        next();
                    } else {
                        immZ(osize);
                    }
                    unsupported();
                } else {
                    bad();
                }
                return;
            case 0xc8:
                if (osize == 2) {
                    imm16();
                    next();
                    unsupported(); // ENTER with a 16-bit frame: not modelled
                    return;
                }
                in.op = Op.ENTER;
                in.size = 8;
                opI(0, 2, imm16() & 0xffff);
                in.setOp(1, K_IMM, 0, 1);
                in.imm2 = next();
                return;
            case 0xc9:
                in.op = Op.LEAVE;
                in.size = stackSize();
                return;
            case 0xca:
                imm16();
                unsupported(); // far return
                return;
            case 0xcb: case 0xcf:
                unsupported(); // far return, IRET
                return;
            case 0xcc:
                in.op = Op.INT3;
                return;
            case 0xcd:
                in.op = Op.INT;
                opI(0, 1, next());
                return;
            case 0xd7:
                unsupported(); // XLAT
                return;
            case 0xe0: case 0xe1: case 0xe2: case 0xe3:
                in.op = b == 0xe0 ? Op.LOOPNE : b == 0xe1 ? Op.LOOPE : b == 0xe2 ? Op.LOOP : Op.JRCXZ;
                in.size = in.addr32 ? 4 : 8;
                rel(imm8());
                return;
            case 0xe4: case 0xe5: case 0xe6: case 0xe7:
                next();
                unsupported(); // IN/OUT imm8
                return;
            case 0xe8:
                in.op = Op.CALL;
                in.size = 8;
                rel(imm32());
                return;
            case 0xe9:
                in.op = Op.JMP;
                in.size = 8;
                rel(imm32());
                return;
            case 0xeb:
                in.op = Op.JMP;
                in.size = 8;
                rel(imm8());
                return;
            case 0xec: case 0xed: case 0xee: case 0xef: case 0xf1: case 0xfa: case 0xfb:
                unsupported(); // IN/OUT dx, INT1, CLI, STI
                return;
            case 0xf4:
                in.op = Op.HLT;
                return;
            case 0xf5: in.op = Op.CMC; return;
            case 0xf8: in.op = Op.CLC; return;
            case 0xf9: in.op = Op.STC; return;
            case 0xfc: in.op = Op.CLD; return;
            case 0xfd: in.op = Op.STD; return;
            case 0xf6: case 0xf7:
                group3(b == 0xf6 ? 1 : osize);
                return;
            case 0xfe:
                modrm();
                if ((regf & 7) > 1) {
                    bad();
                    return;
                }
                in.op = (regf & 7) == 0 ? Op.INC : Op.DEC;
                in.size = 1;
                opE(0, 1);
                return;
            case 0xff:
                group5();
                return;
            case 0x62:
                evex();
                return;
            default:
                bad(); // 06 07 0e 16 17 1e 1f 27 2f 37 3f 60-62 82 9a c4.. ce d4-d6 ea
        }
    }

    private void alu(Op op, int form) {
        in.op = op;
        switch (form) {
            case 0: modrm(); in.size = 1; opE(0, 1); opG(1, 1); break;
            case 1: modrm(); in.size = osize; opE(0, osize); opG(1, osize); break;
            case 2: modrm(); in.size = 1; opG(0, 1); opE(1, 1); break;
            case 3: modrm(); in.size = osize; opG(0, osize); opE(1, osize); break;
            case 4: in.size = 1; in.setOp(0, K_REG, 0, 1); opI(1, 1, imm8()); break;
            default: in.size = osize; in.setOp(0, K_REG, 0, osize); opI(1, osize, immZ(osize)); break;
        }
    }

    private void string(Op op, int b) {
        in.op = op;
        in.size = (b & 1) == 0 ? 1 : osize;
    }

    private void group3(int size) {
        modrm();
        in.size = size;
        switch (regf & 7) {
            case 0: case 1:
                in.op = Op.TEST;
                opE(0, size);
                opI(1, size, size == 1 ? imm8() : immZ(size));
                return;
            case 2: in.op = Op.NOT; break;
            case 3: in.op = Op.NEG; break;
            case 4: in.op = Op.MUL; break;
            case 5: in.op = Op.IMUL; break;
            case 6: in.op = Op.DIV; break;
            default: in.op = Op.IDIV; break;
        }
        opE(0, size);
    }

    private void group5() {
        modrm();
        int sz64 = stackSize();
        switch (regf & 7) {
            case 0: in.op = Op.INC; in.size = osize; opE(0, osize); return;
            case 1: in.op = Op.DEC; in.size = osize; opE(0, osize); return;
            case 2: in.op = Op.CALL; in.size = 8; opE(0, 8); return;
            case 4: in.op = Op.JMP; in.size = 8; opE(0, 8); return;
            case 6: in.op = Op.PUSH; in.size = sz64; opE(0, sz64); return;
            case 3: case 5:
                if (mod == 3) {
                    bad();
                } else {
                    unsupported(); // far call/jmp
                }
                return;
            default: bad();
        }
    }

    /**
     * XOP-encoded (AMD) instructions, 8F with a non-zero ModRM.reg: measured, not executed. Map 8
     * carries an imm8, map 9 none, map 10 an imm32; other map numbers are not instructions.
     */
    private void xop() {
        next();
        int p0 = next();
        int map = p0 & 0x1f;
        if (map < 8 || map > 10) {
            bad();
            return;
        }
        next();
        next(); // opcode
        modrm();
        if (map == 8) {
            next();
        } else if (map == 10) {
            imm32();
        }
        unsupported();
    }

    /**
     * EVEX-encoded (AVX-512) instructions: 62, three payload bytes, opcode, ModRM. Measured, not
     * executed. Map 3 (and the imm8 forms of map 1) carry an imm8; maps 0, 4 and 7 do not exist.
     */
    private void evex() {
        int p0 = next();
        int map = p0 & 7;
        next();
        next();
        int opc = next();
        if (map == 0 || map == 4 || map == 7) {
            bad();
            return;
        }
        modrm();
        if (map == 3 || map == 1 && (opc >= 0x70 && opc <= 0x73 || opc == 0xc2 || opc == 0xc4 || opc == 0xc5 || opc == 0xc6)) {
            next();
        }
        unsupported();
    }

    /** VEX-encoded (AVX) instructions: measured, not executed. */
    private void vex(int b) {
        int map;
        if (b == 0xc5) {
            next();
            map = 1;
        } else {
            int p1 = next();
            next();
            map = p1 & 0x1f;
        }
        int opc = next();
        if (map == 1 && (opc == 0x77)) {
            unsupported(); // VZEROUPPER/VZEROALL
            return;
        }
        modrm();
        if (map == 3) {
            next();
        } else if (map == 1 && (opc >= 0x70 && opc <= 0x73 || opc == 0xc2 || opc == 0xc4 || opc == 0xc5 || opc == 0xc6)) {
            next();
        }
        unsupported();
    }

    /**
     * The x87 escape opcodes: only the control and status instructions are executed (see
     * {@link X87Control}); the arithmetic is measured and raises SIGILL.
     */
    private void x87(int b) {
        modrm();
        int r = regf & 7;
        if (isMem()) {
            if (b == 0xd9 && r >= 4 && !((r == 4 || r == 6) && (in.prefixes & Insn.P_OPSIZE) != 0)) { // not the 14-byte 16-bit environment
                Op[] ops = {Op.FLDENV, Op.FLDCW, Op.FNSTENV, Op.FNSTCW};
                in.op = ops[r - 4];
                in.size = r == 4 || r == 6 ? 28 : 2;
                in.setOp(0, K_MEM, 0, in.size);
                return;
            }
            if (b == 0xdd && r == 7) {
                in.op = Op.FNSTSW;
                in.size = 2;
                in.setOp(0, K_MEM, 0, 2);
                return;
            }
        } else if (b == 0xdf && in.modrm == 0xe0) {
            in.op = Op.FNSTSW;
            in.size = 2;
            in.setOp(0, K_REG, 0, 2);
            return;
        } else if (b == 0xdb && (in.modrm == 0xe2 || in.modrm == 0xe3)) {
            in.op = in.modrm == 0xe2 ? Op.FNCLEX : Op.FNINIT;
            in.modrm = -1;
            return;
        }
        unsupported();
    }

    // ------------------------------------------------------------------ two-byte map

    private void twoByte(int b) {
        if (SseForms.has(b) && sseForm(b)) {
            return;
        }
        if (b >= 0x40 && b <= 0x4f) {
            in.op = Op.CMOV;
            in.cc = b & 15;
            modrm();
            in.size = osize;
            opG(0, osize);
            opE(1, osize);
            return;
        }
        if (b >= 0x80 && b <= 0x8f) {
            in.op = Op.JCC;
            in.cc = b & 15;
            in.size = 8;
            rel(imm32());
            return;
        }
        if (b >= 0x90 && b <= 0x9f) {
            in.op = Op.SETCC;
            in.cc = b & 15;
            modrm();
            in.size = 1;
            opE(0, 1);
            return;
        }
        if (b >= 0xc8 && b <= 0xcf) {
            in.op = Op.BSWAP;
            in.size = osize;
            in.setOp(0, K_REG, (b & 7) | ((rex & 1) << 3), osize);
            return;
        }
        switch (b) {
            case 0x05: in.op = Op.SYSCALL; return;
            case 0x0b: in.op = Op.UD2; return;
            case 0x31: in.op = Op.RDTSC; return;
            case 0xa2: in.op = Op.CPUID; return;
            case 0x0d:
                modrm();
                if (!isMem()) {
                    unsupported();
                    return;
                }
                in.op = Op.PREFETCH;
                opE(0, 1);
                return;
            case 0x18: case 0x19: case 0x1a: case 0x1b: case 0x1c: case 0x1d: case 0x1e: case 0x1f:
                hintNop(b);
                return;
            case 0x10: case 0x11:
                sseMove(b);
                return;
            case 0x12: case 0x13: case 0x16: case 0x17:
                movlhps(b);
                return;
            case 0x28: case 0x29:
                modrm();
                in.op = in.mandatory == 0x66 ? Op.MOVAPD : in.mandatory == 0 ? Op.MOVAPS : null;
                if (in.op == null) {
                    unsupported();
                    return;
                }
                in.size = 16;
                xmmMove(b == 0x28, 16);
                return;
            case 0x54: case 0x55: case 0x56: case 0x57: {
                modrm();
                boolean pd = in.mandatory == 0x66;
                if (in.mandatory != 0 && !pd) {
                    unsupported();
                    return;
                }
                Op[] ps = {Op.ANDPS, Op.ANDNPS, Op.ORPS, Op.XORPS};
                in.op = b == 0x57 && pd ? Op.XORPD : pd ? null : ps[b - 0x54];
                if (in.op == null) {
                    unsupported();
                    return;
                }
                in.size = 16;
                opV(0);
                opW(1, 16);
                return;
            }
            case 0x6e:
                modrm();
                if (in.mandatory != 0x66) {
                    unsupported();
                    return;
                }
                in.op = (rex & 8) != 0 ? Op.MOVQ : Op.MOVD;
                in.size = (rex & 8) != 0 ? 8 : 4;
                opV(0);
                opE(1, in.size);
                return;
            case 0x7e:
                modrm();
                if (in.mandatory == 0x66) {
                    in.op = (rex & 8) != 0 ? Op.MOVQ : Op.MOVD;
                    in.size = (rex & 8) != 0 ? 8 : 4;
                    opE(0, in.size);
                    opV(1);
                } else if (in.mandatory == 0xf3) {
                    in.op = Op.MOVQ;
                    in.size = 8;
                    opV(0);
                    opW(1, 8);
                } else {
                    unsupported();
                }
                return;
            case 0xd6:
                modrm();
                if (in.mandatory != 0x66) {
                    unsupported();
                    return;
                }
                in.op = Op.MOVQ;
                in.size = 8;
                opW(0, 8);
                opV(1);
                return;
            case 0x6f: case 0x7f:
                modrm();
                in.op = in.mandatory == 0x66 ? Op.MOVDQA : in.mandatory == 0xf3 ? Op.MOVDQU : null;
                if (in.op == null) {
                    unsupported();
                    return;
                }
                in.size = 16;
                xmmMove(b == 0x6f, 16);
                return;
            case 0x70:
                modrm();
                if (in.mandatory != 0x66) {
                    next();
                    unsupported();
                    return;
                }
                in.op = Op.PSHUFD;
                in.size = 16;
                opV(0);
                opW(1, 16);
                opI(2, 1, next());
                return;
            case 0x71: case 0x72: case 0x73:
                sseShiftImm(b);
                return;
            case 0xd7:
                modrm();
                if (in.mandatory != 0x66 || isMem()) {
                    unsupported();
                    return;
                }
                in.op = Op.PMOVMSKB;
                in.size = 4;
                opG(0, 4);
                in.setOp(1, K_XMM, rm, 16);
                return;
            case 0xa3: case 0xab: case 0xb3: case 0xbb: {
                Op[] bt = {Op.BT, Op.BTS, Op.BTR, Op.BTC};
                in.op = bt[(b >> 3) & 3];
                modrm();
                in.size = osize;
                opE(0, osize);
                opG(1, osize);
                return;
            }
            case 0xba:
                modrm();
                if ((regf & 7) < 4) {
                    next();
                    bad();
                    return;
                }
                in.op = new Op[] {Op.BT, Op.BTS, Op.BTR, Op.BTC}[(regf & 7) - 4];
                in.size = osize;
                opE(0, osize);
                opI(1, 1, next());
                return;
            case 0xa4: case 0xa5: case 0xac: case 0xad:
                in.op = b < 0xac ? Op.SHLD : Op.SHRD;
                modrm();
                in.size = osize;
                opE(0, osize);
                opG(1, osize);
                if ((b & 1) == 0) {
                    opI(2, 1, next());
                } else {
                    in.setOp(2, K_REG, 1, 1);
                }
                return;
            case 0xae:
                group15();
                return;
            case 0xaf:
                in.op = Op.IMUL;
                modrm();
                in.size = osize;
                opG(0, osize);
                opE(1, osize);
                return;
            case 0xb0: case 0xb1:
                in.op = Op.CMPXCHG;
                modrm();
                in.size = b == 0xb0 ? 1 : osize;
                opE(0, in.size);
                opG(1, in.size);
                return;
            case 0xc0: case 0xc1:
                in.op = Op.XADD;
                modrm();
                in.size = b == 0xc0 ? 1 : osize;
                opE(0, in.size);
                opG(1, in.size);
                return;
            case 0xb6: case 0xb7: case 0xbe: case 0xbf:
                in.op = b < 0xbe ? Op.MOVZX : Op.MOVSX;
                modrm();
                in.size = osize;
                opG(0, osize);
                opE(1, (b & 1) == 0 ? 1 : 2);
                return;
            case 0xb8:
                modrm();
                if (in.mandatory != 0xf3) {
                    unsupported(); // JMPE
                    return;
                }
                in.op = Op.POPCNT;
                in.size = osize;
                opG(0, osize);
                opE(1, osize);
                return;
            case 0xbc: case 0xbd:
                modrm();
                if (in.mandatory == 0xf2) {
                    bad(); // no F2 form exists
                    return;
                }
                if (in.mandatory == 0xf3) {
                    in.op = b == 0xbc ? Op.TZCNT : Op.LZCNT;
                } else {
                    in.op = b == 0xbc ? Op.BSF : Op.BSR;
                }
                in.size = osize;
                opG(0, osize);
                opE(1, osize);
                return;
            case 0xc7:
                modrm();
                if ((regf & 7) == 1 && isMem()) {
                    in.op = (rex & 8) != 0 ? Op.CMPXCHG16B : Op.CMPXCHG8B;
                    in.size = (rex & 8) != 0 ? 16 : 8;
                    opE(0, in.size);
                } else {
                    unsupported(); // RDRAND, RDSEED, VMPTRLD, ...
                }
                return;
            default:
                break;
        }
        Op simd = sseInt(b);
        if (simd != null) {
            modrm();
            if (in.mandatory != 0x66) {
                unsupported(); // MMX form
                return;
            }
            in.op = simd;
            in.size = 16;
            opV(0);
            opW(1, 16);
            return;
        }
        twoByteUnsupported(b);
    }

    /**
     * Decodes an opcode of the SSE form table ({@link SseForms}) under the instruction's
     * mandatory prefix; false (nothing consumed) when the table has no form for that prefix.
     */
    private boolean sseForm(int b) {
        SseForms.Form f = SseForms.get(b, in.mandatory);
        if (f == null) {
            return false;
        }
        modrm();
        int w = (rex & 8) != 0 ? 8 : 4;
        in.op = f.op();
        in.size = f.mem();
        switch (f.shape()) {
            case SseForms.VW:
                opV(0);
                opW(1, f.mem());
                break;
            case SseForms.VWI:
                opV(0);
                opW(1, f.mem());
                opI(2, 1, next());
                break;
            case SseForms.VE:
                in.size = w;
                opV(0);
                opE(1, w);
                break;
            case SseForms.GW:
                in.size = w;
                opG(0, w);
                opW(1, f.mem());
                break;
            case SseForms.GU:
            case SseForms.GUI:
                in.size = f.shape() == SseForms.GUI ? 4 : w; // PEXTRW writes a 32-bit register
                opG(0, in.size);
                opW(1, 16);
                if (f.shape() == SseForms.GUI) {
                    opI(2, 1, next());
                }
                if (isMem()) {
                    unsupported();
                }
                break;
            case SseForms.VEI:
                opV(0);
                if (isMem()) {
                    in.setOp(1, K_MEM, 0, 2);
                } else {
                    in.setOp(1, K_REG, rm, 4);
                }
                opI(2, 1, next());
                break;
            case SseForms.MV:
                opW(0, f.mem());
                opV(1);
                if (!isMem()) {
                    unsupported();
                }
                break;
            case SseForms.MG:
                in.size = w;
                opE(0, w);
                opG(1, w);
                if (!isMem()) {
                    unsupported();
                }
                break;
            default: // VU: two XMM registers only
                opV(0);
                opW(1, 16);
                if (isMem()) {
                    unsupported();
                }
                break;
        }
        return true;
    }

    private static Op sseInt(int b) {
        switch (b) {
            case 0x60: return Op.PUNPCKLBW;
            case 0x61: return Op.PUNPCKLWD;
            case 0x62: return Op.PUNPCKLDQ;
            case 0x63: return Op.PACKSSWB;
            case 0x64: return Op.PCMPGTB;
            case 0x65: return Op.PCMPGTW;
            case 0x66: return Op.PCMPGTD;
            case 0x67: return Op.PACKUSWB;
            case 0x68: return Op.PUNPCKHBW;
            case 0x69: return Op.PUNPCKHWD;
            case 0x6a: return Op.PUNPCKHDQ;
            case 0x6b: return Op.PACKSSDW;
            case 0xd1: return Op.PSRLW;
            case 0xd2: return Op.PSRLD;
            case 0xd3: return Op.PSRLQ;
            case 0xd5: return Op.PMULLW;
            case 0xd8: return Op.PSUBUSB;
            case 0xd9: return Op.PSUBUSW;
            case 0xdc: return Op.PADDUSB;
            case 0xdd: return Op.PADDUSW;
            case 0xde: return Op.PMAXUB;
            case 0xe0: return Op.PAVGB;
            case 0xe1: return Op.PSRAW;
            case 0xe2: return Op.PSRAD;
            case 0xe3: return Op.PAVGW;
            case 0xe4: return Op.PMULHUW;
            case 0xe5: return Op.PMULHW;
            case 0xe8: return Op.PSUBSB;
            case 0xe9: return Op.PSUBSW;
            case 0xea: return Op.PMINSW;
            case 0xec: return Op.PADDSB;
            case 0xed: return Op.PADDSW;
            case 0xee: return Op.PMAXSW;
            case 0xf1: return Op.PSLLW;
            case 0xf2: return Op.PSLLD;
            case 0xf3: return Op.PSLLQ;
            case 0xf4: return Op.PMULUDQ;
            case 0xf5: return Op.PMADDWD;
            case 0xf6: return Op.PSADBW;
            case 0x6c: return Op.PUNPCKLQDQ;
            case 0x6d: return Op.PUNPCKHQDQ;
            case 0x74: return Op.PCMPEQB;
            case 0x75: return Op.PCMPEQW;
            case 0x76: return Op.PCMPEQD;
            case 0xd4: return Op.PADDQ;
            case 0xda: return Op.PMINUB;
            case 0xdb: return Op.PAND;
            case 0xdf: return Op.PANDN;
            case 0xeb: return Op.POR;
            case 0xef: return Op.PXOR;
            case 0xf8: return Op.PSUBB;
            case 0xf9: return Op.PSUBW;
            case 0xfa: return Op.PSUBD;
            case 0xfb: return Op.PSUBQ;
            case 0xfc: return Op.PADDB;
            case 0xfd: return Op.PADDW;
            case 0xfe: return Op.PADDD;
            default: return null;
        }
    }

    private void hintNop(int b) {
        modrm();
        if (b == 0x1e && in.mandatory == 0xf3 && in.modrm == 0xfa) {
            in.op = Op.ENDBR64;
            in.modrm = -1;
            return;
        }
        if (b == 0x18 && isMem() && (regf & 7) < 4) {
            in.op = Op.PREFETCH;
            opE(0, 1);
            return;
        }
        in.op = Op.NOP;
        in.size = osize;
        opE(0, osize);
    }

    private void sseMove(int b) {
        modrm();
        int elem;
        switch (in.mandatory) {
            case 0: in.op = Op.MOVUPS; elem = 16; break;
            case 0x66: in.op = Op.MOVUPD; elem = 16; break;
            case 0xf3: in.op = Op.MOVSS; elem = 4; break;
            default: in.op = Op.MOVSD; elem = 8; break;
        }
        in.size = elem;
        xmmMove(b == 0x10, elem);
    }

    private void movlhps(int b) {
        modrm();
        if (in.mandatory == 0 && !isMem() && (b == 0x12 || b == 0x16)) {
            in.op = b == 0x12 ? Op.MOVHLPS : Op.MOVLHPS;
            in.size = 16;
            opV(0);
            opW(1, 16);
            return;
        }
        if ((in.mandatory != 0 && in.mandatory != 0x66) || !isMem()) {
            unsupported(); // MOVSLDUP, MOVDDUP, ...
            return;
        }
        boolean pd = in.mandatory == 0x66;
        in.op = b < 0x16 ? (pd ? Op.MOVLPD : Op.MOVLPS) : (pd ? Op.MOVHPD : Op.MOVHPS);
        in.size = 8;
        xmmMove((b & 1) == 0, 8);
    }

    private void sseShiftImm(int b) {
        modrm();
        int imm = next();
        if (in.mandatory != 0x66 || isMem()) {
            unsupported();
            return;
        }
        Op op = null;
        int r = regf & 7;
        if (b == 0x71) {
            op = r == 2 ? Op.PSRLW : r == 4 ? Op.PSRAW : r == 6 ? Op.PSLLW : null;
        } else if (b == 0x72) {
            op = r == 2 ? Op.PSRLD : r == 4 ? Op.PSRAD : r == 6 ? Op.PSLLD : null;
        } else if (b == 0x73) {
            op = r == 2 ? Op.PSRLQ : r == 3 ? Op.PSRLDQ : r == 6 ? Op.PSLLQ : r == 7 ? Op.PSLLDQ : null;
        }
        if (op == null) {
            unsupported();
            return;
        }
        in.op = op;
        in.size = 16;
        in.setOp(0, K_XMM, rm, 16);
        opI(1, 1, imm);
    }

    private void group15() {
        modrm();
        int r = regf & 7;
        if (mod == 3 && in.mandatory == 0) {
            switch (r) {
                case 5: in.op = Op.LFENCE; in.modrm = -1; return;
                case 6: in.op = Op.MFENCE; in.modrm = -1; return;
                case 7: in.op = Op.SFENCE; in.modrm = -1; return;
                default: break;
            }
        }
        if (mod != 3 && in.mandatory == 0 && (r == 2 || r == 3 || r == 7)) {
            in.op = r == 2 ? Op.LDMXCSR : r == 3 ? Op.STMXCSR : Op.CLFLUSH;
            in.size = r == 7 ? 1 : 4;
            opE(0, in.size);
            return;
        }
        unsupported(); // FXSAVE, FXRSTOR, XSAVE, CLFLUSHOPT, RDFSBASE, ...
    }

    /** Two-byte opcodes the CPU does not execute: measure ModRM and immediates. */
    private void twoByteUnsupported(int b) {
        switch (b) {
            case 0x04: case 0x0a: case 0x0c: case 0x24: case 0x25: case 0x26: case 0x27: case 0x36:
            case 0x39: case 0x3b: case 0x3c: case 0x3d: case 0x3e: case 0x3f: case 0x7a: case 0x7b:
                bad();
                return;
            case 0xa6: case 0xa7: {
                // VIA PadLock: MONTMUL/XSHA1/XSHA256 (A6 C0/C8/D0), XSTORE/XCRYPT* (A7 C0..E8)
                int m = next();
                int top = b == 0xa6 ? 0xd0 : 0xe8;
                if (m >= 0xc0 && m <= top && (m & 7) == 0) {
                    unsupported();
                } else {
                    bad();
                }
                return;
            }
            case 0x20: case 0x21: case 0x22: case 0x23:
                next(); // MOV to/from CRn/DRn: ModRM.mod is ignored, always a register form
                unsupported();
                return;
            case 0x0f:
                modrm(); // 3DNow!: ModRM, then the operation byte
                next();
                unsupported();
                return;
            case 0x06: case 0x07: case 0x08: case 0x09: case 0x0e: case 0x30: case 0x32: case 0x33:
            case 0x34: case 0x35: case 0x37: case 0x77: case 0xa0: case 0xa1: case 0xa8: case 0xa9:
            case 0xaa:
                unsupported(); // no ModRM: CLTS, SYSRET, INVD, WBINVD, FEMMS, WRMSR, RDMSR, RDPMC, SYSENTER, SYSEXIT, GETSEC, EMMS, PUSH/POP FS/GS, RSM
                return;
            case 0xc2: case 0xc4: case 0xc5: case 0xc6:
                unsupportedModrm(true);
                return;
            default:
                unsupportedModrm(false);
        }
    }
}
