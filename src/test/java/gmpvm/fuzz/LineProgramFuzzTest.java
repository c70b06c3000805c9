package gmpvm.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.loader.asm.LineTable;
import gmpvm.loader.dwarf.DwarfSections;
import gmpvm.loader.dwarf.LineBinaries;
import gmpvm.loader.dwarf.LineProgram;
import gmpvm.loader.elf.ElfFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DWARF line programs (.debug_line of gcc's DWARF 5, 4 and 3 and of Go 1.19's version 2, and
 * gcc's .debug_line_str) truncated, bit-flipped, overwritten with edge bytes, with bytes inserted
 * and removed. Each read gives null or a table whose rows are in strictly increasing address
 * order and no more than the input's bytes; it never throws.
 */
class LineProgramFuzzTest {
    /** The first units of Go's table, up to this many bytes, so an input reads in microseconds. */
    static final int GO_PREFIX = 16 << 10;

    record Corpus(String name, byte[] line, byte[] lineStr) {
    }

    @Test
    void mutatedLineProgramsReadCleanly() throws Exception {
        List<Corpus> corpus = new ArrayList<>();
        corpus.add(corpus("gcc-dwarf5", LineBinaries.gcc("O2", "-O2", "-g")));
        corpus.add(corpus("gcc-dwarf4", LineBinaries.gcc("dwarf4", "-O2", "-gdwarf-4")));
        corpus.add(corpus("gcc-dwarf3", LineBinaries.gcc("dwarf3", "-O1", "-gdwarf-3")));
        Corpus go = corpus("go", LineBinaries.go("gostart"));
        corpus.add(new Corpus("go", unitsUpTo(go.line(), GO_PREFIX), null));
        long n = Fuzz.inputs(4_000);
        SplittableRandom rnd = new SplittableRandom(Fuzz.seed(0x11e5));
        long tables = 0;
        long nulls = 0;
        for (long i = 0; i < n; i++) {
            Corpus c = corpus.get((int) (i % corpus.size()));
            StringBuilder how = new StringBuilder();
            byte[] input = mutate(rnd, c.line(), how);
            byte[] str = c.lineStr();
            if (str != null && rnd.nextInt(4) == 0) {
                how.append(", in .debug_line_str ");
                str = mutate(rnd, str, how);
            }
            LineTable t;
            try {
                t = LineProgram.read(input, str, null, pc -> true);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("input " + i + " (" + c.name() + ", " + how + ", seed " + Fuzz.seed(0x11e5) + ") threw " + e);
                return;
            }
            if (t == null) {
                nulls++;
                continue;
            }
            tables++;
            assertTrue(t.size() <= input.length, "input " + i + ": " + t.size() + " rows from " + input.length + " bytes");
            long[] pcs = t.rowPcs();
            for (int k = 1; k < pcs.length; k++) {
                assertTrue(Long.compareUnsigned(pcs[k - 1], pcs[k]) < 0, "input " + i + " (" + how + "): rows out of order");
            }
        }
        Fuzz.report("debug_line", n, tables + " tables, " + nulls + " without rows");
    }

    private static Corpus corpus(String name, Path bin) throws Exception {
        DwarfSections d = new DwarfSections(ElfFile.parseForListing(Files.readAllBytes(bin)));
        return new Corpus(name, d.get(".debug_line").orElseThrow(), d.get(".debug_line_str").orElse(null));
    }

    /** The whole units at the start of a .debug_line, up to max bytes (at least the first unit). */
    private static byte[] unitsUpTo(byte[] line, int max) {
        ByteBuffer b = ByteBuffer.wrap(line).order(ByteOrder.LITTLE_ENDIAN);
        int off = 0;
        while (off + 4 <= line.length) {
            int next = off + 4 + b.getInt(off);
            if (next > max && off > 0) {
                break;
            }
            off = next;
        }
        return Arrays.copyOf(line, off);
    }

    /** A mutated copy of b; says on how what was done. */
    private static byte[] mutate(SplittableRandom rnd, byte[] orig, StringBuilder how) {
        byte[] b = orig.clone();
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(6)) {
            case 0 -> {
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                how.append(flips).append(" bit flips");
            }
            case 1 -> {
                byte[] edges = {0, (byte) 0xff, (byte) 0x80, 0x7f, 1, 2, 3};
                b[at] = edges[rnd.nextInt(edges.length)];
                how.append("byte ").append(at).append(" set to ").append(b[at] & 0xff);
            }
            case 2 -> {
                int len = Math.min(b.length - at, 1 + rnd.nextInt(16));
                Arrays.fill(b, at, at + len, (byte) 0xff); // huge LEB128s and lengths
                how.append(len).append(" bytes of 0xff at ").append(at);
            }
            case 3 -> {
                how.append("truncated to ").append(at);
                return Arrays.copyOf(b, at);
            }
            case 4 -> {
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) rnd.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                how.append("a byte inserted at ").append(at);
                return c;
            }
            default -> {
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                how.append("byte ").append(at).append(" removed");
                return c;
            }
        }
        return b;
    }
}
