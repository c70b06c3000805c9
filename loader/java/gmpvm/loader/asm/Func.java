package gmpvm.loader.asm;

import java.util.List;

/**
 * One assembled TEXT symbol: its machine code (prologue, body, epilogues, morestack stub),
 * the fixups inside it and the line rows mapping code offsets to source positions.
 * {@code autoffset} is what the prologue subtracts from SP (the frame plus the saved BP, if
 * {@code savesBP}), which a traceback needs to step over the frame. For the linker's stack
 * check: {@code split} says whether it got the split prologue, {@code depth} is the most stack
 * it takes below its entry SP by itself (frame, saved BP, pushes), and {@code calls} lists its
 * calls and tail jumps with the stack taken at each.
 */
record Func(String name, boolean local, int flags, Pos pos, byte[] code, List<Fixup> fixups,
            List<LineRow> lines, long frame, long args, long autoffset, boolean savesBP,
            boolean split, long depth, List<Call> calls) {
    /**
     * A CALL (or, with {@code tail}, a JMP) to the linker symbol {@code sym}, or through a
     * register or memory when {@code sym} is null; {@code depth} is the stack the function
     * holds below its entry SP at that point.
     */
    record Call(String sym, long depth, boolean tail, Pos pos) {
    }

    /** Code at {@code offset} and after (until the next row) came from {@code pos}. */
    record LineRow(int offset, Pos pos) {
    }
}
