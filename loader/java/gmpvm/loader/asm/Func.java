package gmpvm.loader.asm;

import java.util.List;

/**
 * One assembled TEXT symbol: its machine code (prologue, body, epilogues, morestack stub),
 * the fixups inside it and the line rows mapping code offsets to source positions;
 * {@code autoffset} is what the prologue subtracts from SP (the frame plus the saved BP, if
 * {@code savesBP}), which a traceback needs to step over the frame.
 */
record Func(String name, boolean local, int flags, Pos pos, byte[] code, List<Fixup> fixups,
            List<LineRow> lines, long frame, long args, long autoffset, boolean savesBP) {
    /** Code at {@code offset} and after (until the next row) came from {@code pos}. */
    record LineRow(int offset, Pos pos) {
    }
}
