package gmpvm.loader.asm;

/**
 * One parsed operand of a statement, in Go's terms.
 * <ul>
 * <li>{@code REG}: a register ({@link Reg} number);</li>
 * <li>{@code IMM}: {@code $expr}; {@code STR}: {@code $"bytes"}; {@code FLOAT}: {@code $1.5};</li>
 * <li>{@code ADDR}: {@code $sym+off(SB)} or {@code $off(REG)}: the address of a memory reference;</li>
 * <li>{@code MEM}: {@code sym+off(SB)}, {@code name+off(FP)}, {@code name-off(SP)} (pseudo-SP),
 *     {@code off(REG)(IDX*scale)}, {@code off(TLS)};</li>
 * <li>{@code BRANCH}: a label or {@code n(PC)};</li>
 * <li>{@code TEXTSIZE}: the {@code $frame-args} of TEXT.</li>
 * </ul>
 */
final class Operand {
    enum Kind { REG, IMM, STR, FLOAT, ADDR, MEM, BRANCH, TEXTSIZE }

    /** What a memory reference is relative to. */
    enum Name { NONE, EXTERN, STATIC, AUTO, PARAM }

    final Kind kind;
    final Pos pos;
    int reg = -1;
    long off;
    String sym;
    Name name = Name.NONE;
    int base = -1;
    int index = -1;
    int scale = 1;
    String label;
    boolean pcRel;
    String str;
    long frame;
    long args;
    boolean hasArgs;
    /** A bare number without $ or parentheses: TEXT/GLOBL flags, or an absolute address. */
    boolean bare;
    /** The {@code /size} of a DATA destination, 0 when absent. */
    int dataSize;

    Operand(Kind kind, Pos pos) {
        this.kind = kind;
        this.pos = pos;
    }

    boolean isReg() {
        return kind == Kind.REG;
    }

    boolean isGpr() {
        return kind == Kind.REG && Reg.isGpr(reg);
    }

    boolean isXmm() {
        return kind == Kind.REG && Reg.isXmm(reg);
    }

    boolean isMem() {
        return kind == Kind.MEM;
    }

    boolean isImm() {
        return kind == Kind.IMM;
    }

    /** A constant as TEXT/GLOBL flags take it: $n or a bare n. */
    boolean isFlags() {
        return kind == Kind.IMM || bare;
    }

    /** A general register or memory: what an r/m operand accepts. */
    boolean isRm() {
        return isGpr() || isMem();
    }

    /** A symbol reference through SB. */
    boolean isSymRef() {
        return name == Name.EXTERN || name == Name.STATIC;
    }

    String describe() {
        return switch (kind) {
            case REG -> "register " + Reg.name(reg);
            case IMM -> "constant";
            case STR -> "string constant";
            case FLOAT -> "floating-point constant";
            case ADDR -> "address constant";
            case MEM -> "memory operand";
            case BRANCH -> "branch target";
            case TEXTSIZE -> "frame size";
        };
    }
}
