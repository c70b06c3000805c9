package gmpvm.loader.asm;

/**
 * Low-level x86-64 encoding: legacy prefixes, REX, opcode, ModRM, SIB and displacement for a
 * register or memory r/m operand. Callers decide which operand goes in ModRM.reg and which in
 * ModRM.rm; this class only lays out the bytes.
 */
final class X86 {
    private X86() {
    }

    /**
     * The r/m side of an instruction: a register (0-15, plus byte-register REX constraints) or a
     * memory operand.
     */
    record Rm(int reg, Mem mem, boolean needRex, boolean noRex) {
        static Rm reg(int r) {
            return new Rm(r, null, false, false);
        }

        static Rm mem(Mem m) {
            return new Rm(-1, m, false, false);
        }

        boolean isReg() {
            return mem == null;
        }
    }

    /**
     * Emits prefixes, REX, opcode bytes, ModRM (+SIB, +disp) for {@code regField} and {@code rm}.
     *
     * @param legacy    mandatory/size prefixes (0x66, 0xF2, 0xF3, 0xF0), in order
     * @param w         REX.W
     * @param op        opcode bytes
     * @param regField  ModRM.reg value 0-15 (a register number or an opcode extension)
     * @param rexForce  the instruction needs a REX byte even without W/R/X/B (SPL..DIL)
     * @param rexForbid the instruction may not have a REX byte (AH..BH)
     */
    static void modrm(Code c, int[] legacy, boolean w, int[] op, int regField, Rm rm,
                      boolean rexForce, boolean rexForbid, Pos pos) {
        Mem m = rm.mem();
        if (m != null && m.fs()) {
            c.u8(0x64);
        }
        for (int p : legacy) {
            c.u8(p);
        }
        int rex = (w ? 8 : 0) | ((regField & 8) != 0 ? 4 : 0);
        if (m == null) {
            rex |= (rm.reg() & 8) != 0 ? 1 : 0;
        } else {
            if (m.index() >= 0 && (m.index() & 8) != 0) {
                rex |= 2;
            }
            if (m.base() >= 0 && m.base() < 16 && (m.base() & 8) != 0) {
                rex |= 1;
            }
        }
        boolean force = rexForce || rm.needRex();
        boolean forbid = rexForbid || rm.noRex();
        if ((rex != 0 || force) && forbid) {
            throw new AsmError(pos, "AH, BH, CH and DH cannot be used in an instruction that needs a REX prefix"
                    + " (with R8-R15, SPB-DIB or a 64-bit operand)");
        }
        if (rex != 0 || force) {
            c.u8(0x40 | rex);
        }
        for (int o : op) {
            c.u8(o);
        }
        int reg3 = (regField & 7) << 3;
        if (m == null) {
            c.u8(0xC0 | reg3 | (rm.reg() & 7));
            return;
        }
        long disp = m.disp();
        if (m.base() == Mem.RIP) {
            c.u8(reg3 | 5);
            if (m.sym() != null) {
                c.fix(Fixup.Kind.PC32, m.sym(), disp, m.pos());
                c.le(0, 4);
            } else {
                c.le(disp, 4);
            }
            return;
        }
        checkDisp(disp, m);
        if (m.base() < 0) {
            // absolute [disp32] or [index*scale + disp32]: SIB with no base
            c.u8(reg3 | 4);
            int idx = m.index() < 0 ? 4 : (m.index() & 7);
            c.u8((scaleBits(m.index() < 0 ? 1 : m.scale()) << 6) | (idx << 3) | 5);
            if (m.sym() != null) {
                c.fix(Fixup.Kind.ABS32S, m.sym(), disp, m.pos());
                c.le(0, 4);
            } else {
                c.le(disp, 4);
            }
            return;
        }
        int base = m.base() & 7;
        int mod;
        if (disp == 0 && base != 5) {
            mod = 0;
        } else if (disp >= -128 && disp <= 127) {
            mod = 1;
        } else {
            mod = 2;
        }
        if (m.index() < 0 && base != 4) {
            c.u8((mod << 6) | reg3 | base);
        } else {
            c.u8((mod << 6) | reg3 | 4);
            int idx = m.index() < 0 ? 4 : (m.index() & 7);
            c.u8((scaleBits(m.index() < 0 ? 1 : m.scale()) << 6) | (idx << 3) | base);
        }
        if (mod == 1) {
            c.u8((int) disp);
        } else if (mod == 2) {
            c.le(disp, 4);
        }
    }

    private static void checkDisp(long disp, Mem m) {
        if (disp != (int) disp) {
            throw new AsmError(m.pos(), "offset " + disp + " does not fit in 32 bits");
        }
    }

    private static int scaleBits(int s) {
        return switch (s) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            default -> 3;
        };
    }

    static boolean fits8(long v) {
        return v >= -128 && v <= 127;
    }

    static boolean fits32(long v) {
        return v == (int) v;
    }

    /** True when {@code v} is representable as a {@code size}-byte immediate, signed or unsigned. */
    static boolean fitsSize(long v, int size) {
        return switch (size) {
            case 1 -> v >= -128 && v <= 255;
            case 2 -> v >= -32768 && v <= 65535;
            case 4 -> v >= Integer.MIN_VALUE && v <= 0xFFFFFFFFL;
            default -> true;
        };
    }
}
