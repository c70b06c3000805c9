package gmpvm.loader.asm;

/**
 * Thrown inside the assembler to abandon one statement (or one file) with a located message;
 * the driver catches it and records it in {@link Diagnostics}. It carries no stack trace: it is
 * a user-facing error, not a program fault.
 */
final class AsmError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Pos pos;

    AsmError(Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    Pos pos() {
        return pos;
    }
}
