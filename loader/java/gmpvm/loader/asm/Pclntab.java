package gmpvm.loader.asm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runtime·pclntab}: the table the runtime reads at run time to turn a PC into a function,
 * a file and a line (Go's pclntab, in a simpler format of gmpvm's own, documented in
 * docs/runtime.md). Little-endian, offsets from the table's start:
 * <pre>
 * header (32 bytes): magic "gmpc" u32 @0, nfunc @4, functab @8, rows @12, files @16,
 *                    strings @20, nfile @24, 0 @28
 * functab[nfunc] (48 bytes each, sorted by entry): entry u64 @0, end u64 @8,
 *                    name (string offset u32 @16, length u32 @20), args u32 @24,
 *                    frame u32 @28 (bytes the prologue subtracts, saved BP included),
 *                    flags u32 @32 (TEXT flags, FLAG_BP when the prologue saves BP),
 *                    nrows u32 @36, first row u32 @40 (byte offset), 0 @44
 * rows (12 bytes each): pc offset from entry u32, line u32, file index u32; a row holds from
 *                    its pc offset to the next row's (the last to the function's end)
 * files[nfile] (8 bytes each): string offset u32, length u32
 * strings: names and file names, not terminated
 * </pre>
 */
final class Pclntab {
    static final String SYMBOL = "runtime.pclntab";
    static final int MAGIC = 0x63706d67; // "gmpc"
    static final int HEADER = 32;
    static final int FUNC = 48;
    static final int ROW = 12;
    static final int FILE = 8;
    /** Set in a function's flags when its prologue saves BP (a frame-pointer frame). */
    static final int FLAG_BP = 0x10000;

    /** One function as the table needs it: address, code size and the assembled Func. */
    record Entry(long addr, Func func) {
    }

    private Pclntab() {
    }

    /** The table's size in bytes for these functions (it does not depend on their addresses). */
    static int size(List<Func> funcs) {
        return build(funcs.stream().map(f -> new Entry(0, f)).toList()).length;
    }

    /** The table for these functions, given in address order. */
    static byte[] build(List<Entry> entries) {
        Map<String, Integer> fileIndex = new LinkedHashMap<>();
        java.io.ByteArrayOutputStream strings = new java.io.ByteArrayOutputStream();
        List<int[]> fileRefs = new ArrayList<>();
        int[][] names = new int[entries.size()][];
        int nrows = 0;
        for (int i = 0; i < entries.size(); i++) {
            Func f = entries.get(i).func();
            byte[] n = (f.name() + (f.local() ? "<>" : "")).getBytes(StandardCharsets.UTF_8);
            names[i] = new int[] {strings.size(), n.length};
            strings.write(n, 0, n.length);
            for (Func.LineRow r : f.lines()) {
                String file = r.pos() == null ? "?" : r.pos().file();
                if (!fileIndex.containsKey(file)) {
                    fileIndex.put(file, fileIndex.size());
                    byte[] fb = file.getBytes(StandardCharsets.UTF_8);
                    fileRefs.add(new int[] {strings.size(), fb.length});
                    strings.write(fb, 0, fb.length);
                }
                nrows++;
            }
        }
        int functab = HEADER;
        int rows = functab + FUNC * entries.size();
        int files = rows + ROW * nrows;
        int str = files + FILE * fileRefs.size();
        ByteBuffer b = ByteBuffer.allocate(str + strings.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, MAGIC).putInt(4, entries.size()).putInt(8, functab).putInt(12, rows).putInt(16, files)
                .putInt(20, str).putInt(24, fileRefs.size());
        int row = rows;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Func f = e.func();
            int at = functab + FUNC * i;
            b.putLong(at, e.addr()).putLong(at + 8, e.addr() + f.code().length)
                    .putInt(at + 16, names[i][0]).putInt(at + 20, names[i][1])
                    .putInt(at + 24, (int) f.args()).putInt(at + 28, (int) f.autoffset())
                    .putInt(at + 32, f.flags() | (f.savesBP() ? FLAG_BP : 0))
                    .putInt(at + 36, f.lines().size()).putInt(at + 40, row);
            for (Func.LineRow r : f.lines()) {
                String file = r.pos() == null ? "?" : r.pos().file();
                b.putInt(row, r.offset()).putInt(row + 4, r.pos() == null ? 0 : r.pos().line())
                        .putInt(row + 8, fileIndex.get(file));
                row += ROW;
            }
        }
        for (int i = 0; i < fileRefs.size(); i++) {
            b.putInt(files + FILE * i, fileRefs.get(i)[0]).putInt(files + FILE * i + 4, fileRefs.get(i)[1]);
        }
        b.put(str, strings.toByteArray());
        return b.array();
    }
}
