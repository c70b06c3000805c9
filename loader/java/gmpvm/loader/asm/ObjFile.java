package gmpvm.loader.asm;

import java.util.List;

/** What assembling one source file produces: its functions and data symbols, unlinked. */
record ObjFile(String source, boolean runtime, List<Func> funcs, List<DataSym> data) {
}
