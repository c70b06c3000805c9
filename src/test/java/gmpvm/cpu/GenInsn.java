package gmpvm.cpu;

/**
 * One generated instruction: its Intel-syntax text (as GNU as reads it) and what the comparison
 * must ignore because the Intel SDM leaves it undefined ({@link Undef}).
 *
 * @param text the instruction in Intel syntax; {@code @T} stands for the slot's branch-target exit
 * @param undef which undefined-flag rule applies
 * @param size operand size in bytes (shift and rotate rules depend on it)
 * @param count the immediate shift count, or -1 when the count is CL
 * @param dest the destination GPR (0-15) whose value is undefined in some cases, or -1
 * @param branch how the instruction may leave its slot
 */
record GenInsn(String text, Undef undef, int size, int count, int dest, Branch branch) {
    /** How a control transfer leaves its slot. */
    enum Branch {
        /** Falls through. */
        NONE,
        /** To its own slot's target exit ({@code @T}) when taken, else falls through. */
        DIRECT,
        /** To some slot's exit, at an address computed at run time (RET, indirect JMP/CALL). */
        INDIRECT
    }

    GenInsn(String text, Undef undef, int size, int count, int dest) {
        this(text, undef, size, count, dest, Branch.NONE);
    }

    static GenInsn plain(String text) {
        return new GenInsn(text, Undef.NONE, 0, 0, -1);
    }

    static GenInsn of(String text, Undef undef) {
        return new GenInsn(text, undef, 0, 0, -1);
    }

    static GenInsn branch(String text, Branch kind) {
        return new GenInsn(text, Undef.NONE, 0, 0, -1, kind);
    }
}
