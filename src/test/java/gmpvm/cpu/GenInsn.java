package gmpvm.cpu;

/**
 * One generated instruction: its Intel-syntax text (as GNU as reads it) and what the comparison
 * must ignore because the Intel SDM leaves it undefined ({@link Undef}).
 *
 * @param text the instruction in Intel syntax
 * @param undef which undefined-flag rule applies
 * @param size operand size in bytes (shift and rotate rules depend on it)
 * @param count the immediate shift count, or -1 when the count is CL
 * @param dest the destination GPR (0-15) whose value is undefined in some cases, or -1
 */
record GenInsn(String text, Undef undef, int size, int count, int dest) {
    static GenInsn plain(String text) {
        return new GenInsn(text, Undef.NONE, 0, 0, -1);
    }

    static GenInsn of(String text, Undef undef) {
        return new GenInsn(text, undef, 0, 0, -1);
    }
}
