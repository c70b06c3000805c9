package gmpvm.loader.disasm;

/** Which assembler syntax a listing uses. */
public enum Syntax {
    /** GNU objdump's {@code -M intel}. */
    INTEL,
    /** Go's (Plan 9) assembler syntax. */
    GO
}
