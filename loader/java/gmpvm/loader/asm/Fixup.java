package gmpvm.loader.asm;

/**
 * A place in emitted bytes that the linker fills with a symbol's address: {@code at} is the
 * offset of the field, {@code end} the offset PC-relative values are measured from (the end of
 * the instruction). {@code sym} is the linker name ({@code name<>} for file-local symbols).
 */
record Fixup(int at, int end, Kind kind, String sym, long addend, Pos pos) {
    enum Kind {
        /** 32-bit signed, S + A - end. */
        PC32,
        /** 32-bit absolute, sign-extended by the CPU. */
        ABS32S,
        /** 32-bit absolute, zero-extended (DATA /4). */
        ABS32,
        /** 64-bit absolute. */
        ABS64
    }

    Fixup shift(int by) {
        return new Fixup(at + by, end + by, kind, sym, addend, pos);
    }

    int width() {
        return kind == Kind.ABS64 ? 8 : 4;
    }
}
