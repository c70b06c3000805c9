package gmpvm.loader.asm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PC → source line table gmpvm's assembler keeps in the ELF section {@value #SECTION}.
 * Format (little-endian):
 * <pre>
 *   0  8 bytes  magic "GMPVMLT1"
 *   8  u32      number of file names F
 *  12  u32      number of rows R
 *  16  F times  u16 length, then that many UTF-8 bytes (a file name as given to the assembler)
 *      R times  u64 pc, u32 file index (0xFFFFFFFF: no source, e.g. alignment padding), u32 line
 * </pre>
 * Rows are sorted by pc; a row covers the addresses from its pc up to the next row's pc.
 * The last row is always a "no source" row at the end of the text.
 *
 * <p>The same table, without the section, holds the lines of gcc and Go binaries:
 * {@code gmpvm.loader.dwarf.LineProgram} reads their DWARF {@code .debug_line} into it through
 * {@link Builder}.
 */
public final class LineTable {
    public static final String SECTION = ".gmpvm.lines";
    static final byte[] MAGIC = "GMPVMLT1".getBytes(StandardCharsets.US_ASCII);
    public static final int NO_FILE = -1;

    /** A source position: file name and 1-based line. */
    public record Line(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private final List<String> files;
    private final long[] pcs;
    private final int[] fileIdx;
    private final int[] lines;

    private LineTable(List<String> files, long[] pcs, int[] fileIdx, int[] lines) {
        this.files = files;
        this.pcs = pcs;
        this.fileIdx = fileIdx;
        this.lines = lines;
    }

    /** The source line of the instruction covering {@code pc}, or null. */
    public Line lookup(long pc) {
        int lo = 0;
        int hi = pcs.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(pcs[mid], pc) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0 || fileIdx[found] == NO_FILE) {
            return null;
        }
        return new Line(files.get(fileIdx[found]), lines[found]);
    }

    /** Every row's pc, in order (for listings that want line boundaries). */
    public long[] rowPcs() {
        return pcs.clone();
    }

    public int size() {
        return pcs.length;
    }

    /** Parses the section contents; throws IllegalArgumentException when they are malformed. */
    public static LineTable parse(byte[] data) {
        try {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[8];
            b.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a gmpvm line table");
            }
            int nf = b.getInt();
            int nr = b.getInt();
            if (nf < 0 || nr < 0 || nr > data.length / 16) {
                throw new IllegalArgumentException("bad line table counts");
            }
            List<String> files = new ArrayList<>();
            for (int i = 0; i < nf; i++) {
                int len = Short.toUnsignedInt(b.getShort());
                byte[] s = new byte[len];
                b.get(s);
                files.add(new String(s, StandardCharsets.UTF_8));
            }
            long[] pcs = new long[nr];
            int[] fi = new int[nr];
            int[] ln = new int[nr];
            for (int i = 0; i < nr; i++) {
                pcs[i] = b.getLong();
                fi[i] = b.getInt();
                ln[i] = b.getInt();
                if (fi[i] != NO_FILE && (fi[i] < 0 || fi[i] >= nf)) {
                    throw new IllegalArgumentException("bad file index in line table");
                }
            }
            return new LineTable(files, pcs, fi, ln);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated line table");
        }
    }

    /**
     * Collects rows in address order (a row at the address of the one before replaces it), then
     * serialises them ({@link #bytes()}) or makes the table ({@link #table()}). The assembler
     * fills it from its functions, {@code gmpvm.loader.dwarf.LineProgram} from {@code .debug_line}.
     */
    public static final class Builder {
        private final List<String> files = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private long[] pcs = new long[64];
        private int[] fileIdx = new int[64];
        private int[] lines = new int[64];
        private int rows;

        /** Adds a row; file null means no source from pc on. */
        public void row(long pc, String file, int line) {
            int fi = file == null ? NO_FILE : index.computeIfAbsent(file, f -> {
                files.add(f);
                return files.size() - 1;
            });
            if (rows > 0 && pcs[rows - 1] == pc) {
                rows--;
            }
            if (rows == pcs.length) {
                pcs = java.util.Arrays.copyOf(pcs, rows * 2);
                fileIdx = java.util.Arrays.copyOf(fileIdx, rows * 2);
                lines = java.util.Arrays.copyOf(lines, rows * 2);
            }
            pcs[rows] = pc;
            fileIdx[rows] = fi;
            lines[rows] = line;
            rows++;
        }

        public int size() {
            return rows;
        }

        /** The table of the rows so far. */
        public LineTable table() {
            return new LineTable(List.copyOf(files), java.util.Arrays.copyOf(pcs, rows), java.util.Arrays.copyOf(fileIdx, rows),
                    java.util.Arrays.copyOf(lines, rows));
        }

        byte[] bytes() {
            int size = 16 + rows * 16;
            List<byte[]> names = new ArrayList<>();
            for (String f : files) {
                byte[] n = f.getBytes(StandardCharsets.UTF_8);
                if (n.length > 0xFFFF) {
                    n = java.util.Arrays.copyOf(n, 0xFFFF);
                }
                names.add(n);
                size += 2 + n.length;
            }
            ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            b.put(MAGIC).putInt(files.size()).putInt(rows);
            for (byte[] n : names) {
                b.putShort((short) n.length).put(n);
            }
            for (int i = 0; i < rows; i++) {
                b.putLong(pcs[i]).putInt(fileIdx[i]).putInt(lines[i]);
            }
            return b.array();
        }
    }
}
