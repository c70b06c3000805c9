package gmpvm.loader.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.LineTable;
import gmpvm.loader.disasm.ElfListing;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table read from .debug_line agrees, row by row, with GNU objdump's decoding of the same
 * file ({@code objdump --dwarf=decodedline}): at every row's address, just before the next row's
 * and at every sequence's end. Where objdump lists several rows at one address, the table keeps
 * the last; a row of line 0 has no source.
 */
class LineProgramAgreementTest {
    @Test
    void gccDwarf5WithoutOptimisation() throws Exception {
        Path bin = LineBinaries.gcc("O0", "-O0", "-g");
        assertEquals(5, lineVersion(bin));
        int rows = agree(bin);
        assertTrue(rows > 20, rows + " rows");
    }

    @Test
    void gccDwarf5Optimised() throws Exception {
        Path bin = LineBinaries.gcc("O2", "-O2", "-g");
        assertEquals(5, lineVersion(bin));
        assertTrue(agree(bin) > 20);
        // directories are joined: the header's file is named by its path from the compilation directory
        LineTable t = table(bin);
        Set<String> files = new HashSet<>();
        for (long pc : t.rowPcs()) {
            LineTable.Line l = t.lookup(pc);
            if (l != null) {
                files.add(l.file());
            }
        }
        String root = Path.of("").toAbsolutePath().toString();
        assertTrue(files.contains(root + "/src/test/resources/programs/dwarf/lib/square.h"), files.toString());
        assertTrue(files.contains(root + "/src/test/resources/programs/dwarf/lib/table.c"), files.toString());
        assertTrue(files.contains(root + "/src/test/resources/programs/dwarf/lines.c"), files.toString());
    }

    @Test
    void gccDwarf4And3() throws Exception {
        Path v4 = LineBinaries.gcc("dwarf4", "-O2", "-gdwarf-4");
        assertEquals(4, lineVersion(v4));
        assertTrue(agree(v4) > 20);
        Path v3 = LineBinaries.gcc("dwarf3", "-O1", "-gdwarf-3");
        assertEquals(3, lineVersion(v3));
        assertTrue(agree(v3) > 10);
    }

    @Test
    void goBinary() throws Exception {
        Path bin = LineBinaries.go("gostart");
        assertEquals(2, lineVersion(bin));
        int rows = agree(bin);
        assertTrue(rows > 30_000, rows + " rows");
        LineTable t = table(bin);
        // Go's names are kept as written: module-relative with -trimpath
        long main = symbol(bin, "main.main");
        LineTable.Line l = t.lookup(main);
        assertNotNull(l);
        assertTrue(l.file().endsWith("gostart/main.go") && !l.file().startsWith("/"), l.toString());
        assertEquals("runtime/proc.go", t.lookup(symbol(bin, "runtime.schedule")).file());
    }

    @Test
    void compressedSections() throws Exception {
        Path gz = LineBinaries.gcc("gz", "-O2", "-g", "-gz=zlib");
        assertTrue(sectionNames(gz).contains(".debug_line"));
        assertTrue(agree(gz) > 20);
        Path zdebug = LineBinaries.zdebug(LineBinaries.gcc("O2", "-O2", "-g"), "O2-zdebug");
        assertTrue(sectionNames(zdebug).contains(".zdebug_line"), sectionNames(zdebug).toString());
        assertTrue(agree(zdebug) > 20);
        assertTableEquals(table(LineBinaries.gcc("O2", "-O2", "-g")), table(zdebug));
    }

    // ------------------------------------------------------------------ helpers

    /** Checks every row objdump decodes against the table; returns how many rows were checked. */
    static int agree(Path bin) throws Exception {
        ElfFile elf = ElfFile.parseForListing(Files.readAllBytes(bin));
        long t0 = System.nanoTime();
        LineTable t = ElfListing.lineTable(elf);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNotNull(t, bin.toString());
        DecodedLines ref = DecodedLines.parse(LineBinaries.output(List.of("objdump", "-w", "--dwarf=decodedline", bin.toString())));
        List<DecodedLines.Sequence> kept = new ArrayList<>();
        for (DecodedLines.Sequence s : ref.sequences()) {
            if (inText(elf, s.start()) && Long.compareUnsigned(s.end(), s.start()) > 0) {
                kept.add(s);
            }
        }
        kept.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        Set<Long> starts = new HashSet<>();
        for (int i = 0; i < kept.size(); i++) {
            starts.add(kept.get(i).start());
            if (i > 0) {
                assertTrue(Long.compareUnsigned(kept.get(i - 1).end(), kept.get(i).start()) <= 0, "sequences overlap in " + bin);
            }
        }
        assertTrue(!kept.isEmpty(), "objdump decodes sequences in " + bin);
        int checked = 0;
        for (DecodedLines.Sequence s : kept) {
            Map<Long, DecodedLines.Row> last = new LinkedHashMap<>();
            for (DecodedLines.Row r : s.rows()) {
                last.put(r.address(), r);
            }
            List<Long> addrs = new ArrayList<>(last.keySet());
            for (int i = 0; i < addrs.size(); i++) {
                long a = addrs.get(i);
                long next = i + 1 < addrs.size() ? addrs.get(i + 1) : s.end();
                DecodedLines.Row want = last.get(a);
                check(bin, want, a, t.lookup(a));
                check(bin, want, next - 1, t.lookup(next - 1));
                checked += 1;
            }
            if (!starts.contains(s.end())) {
                assertNull(t.lookup(s.end()), String.format("%s: past the sequence's end 0x%x", bin, s.end()));
            }
        }
        System.out.printf("%s: %d rows agree with objdump; table of %d rows built in %d ms%n", bin.getFileName(), checked, t.size(), ms);
        return checked;
    }

    private static void check(Path bin, DecodedLines.Row want, long pc, LineTable.Line got) {
        String where = String.format("%s at 0x%x (objdump: %s %s:%d)", bin.getFileName(), pc, want.fullName(), want.baseName(), want.line());
        if (want.line() == 0) {
            assertNull(got, where);
            return;
        }
        assertNotNull(got, where);
        assertEquals(want.line(), got.line(), where);
        String base = got.file().substring(got.file().lastIndexOf('/') + 1);
        assertEquals(want.baseName(), base, where + ", got " + got.file());
        // objdump prints a full name only at some changes of file: where it names this row's file, it must agree
        String full = want.fullName();
        if (full != null && full.startsWith("./")) {
            full = full.substring(2); // objdump's name for directory 0, which .debug_line before version 5 leaves unnamed
        }
        if (full != null && full.substring(full.lastIndexOf('/') + 1).equals(want.baseName())) {
            assertTrue(got.file().equals(full) || got.file().endsWith("/" + full), where + ", got " + got.file());
        }
    }

    static int lineVersion(Path bin) throws Exception {
        String raw = LineBinaries.output(List.of("objdump", "--dwarf=rawline", bin.toString()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("DWARF Version:\\s+(\\d+)").matcher(raw);
        assertTrue(m.find(), raw.substring(0, Math.min(raw.length(), 2000)));
        return Integer.parseInt(m.group(1));
    }

    static LineTable table(Path bin) throws Exception {
        return ElfListing.lineTable(ElfFile.parseForListing(Files.readAllBytes(bin)));
    }

    static long symbol(Path bin, String name) throws Exception {
        for (var s : ElfFile.parseForListing(Files.readAllBytes(bin)).symbols()) {
            if (s.name().equals(name)) {
                return s.value();
            }
        }
        throw new AssertionError(name + " not in " + bin);
    }

    private static Set<String> sectionNames(Path bin) throws Exception {
        Set<String> names = new HashSet<>();
        for (SectionHeader sh : ElfFile.parseForListing(Files.readAllBytes(bin)).sections()) {
            names.add(sh.name());
        }
        return names;
    }

    private static boolean inText(ElfFile elf, long pc) {
        for (SectionHeader sh : elf.sections()) {
            if ((sh.flags() & SectionHeader.SHF_EXECINSTR) != 0 && Long.compareUnsigned(pc - sh.addr(), sh.size()) < 0) {
                return true;
            }
        }
        return false;
    }

    static void assertTableEquals(LineTable a, LineTable b) {
        assertEquals(a.size(), b.size());
        long[] pcs = a.rowPcs();
        assertTrue(java.util.Arrays.equals(pcs, b.rowPcs()));
        for (long pc : pcs) {
            assertEquals(a.lookup(pc), b.lookup(pc));
        }
    }
}
