package gmpvm.loader.asm;

import java.util.List;

/**
 * One assembled TEXT symbol: its machine code (prologue, body, epilogues, morestack stub),
 * the fixups inside it and the line rows mapping code offsets to source positions.
 */
record Func(String name, boolean local, int flags, Pos pos, byte[] code, List<Fixup> fixups,
            List<LineRow> lines, long frame, long args) {
    /** Code at {@code offset} and after (until the next row) came from {@code pos}. */
    record LineRow(int offset, Pos pos) {
    }
}
