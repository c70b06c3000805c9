package gmpvm.loader.dwarf;

import gmpvm.loader.asm.LineTable;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Reads the DWARF line-number programs of {@code .debug_line} (versions 2 to 5, 32-bit DWARF)
 * into a {@link LineTable}: what gcc ({@code -g}, DWARF 5 by default in gcc 12, 4 with
 * {@code -gdwarf-4}) and Go 1.19's linker (version 2) write. Every unit's state machine is run
 * with all standard and extended opcodes; each sequence's rows become rows of the table, the
 * address just past a sequence a "no source" row. File names are kept as written, prefixed by
 * their directory when the directory is named ({@code /tmp/hello.c}; Go's
 * {@code runtime/proc.go} stays as it is).
 *
 * <p>Choices where the table has one row per address and DWARF may have several: the last row
 * at an address wins (at an inlined call that is the callee's line, as a debugger shows it);
 * line 0 (code no source line produced) has no source; sequences that do not start inside the
 * program's text (functions the linker discarded, left at address 0) are dropped, and so is a
 * sequence overlapping an earlier one.
 *
 * <p>Hostile input: a unit whose header does not parse is skipped; a program that runs past its
 * unit or uses an opcode it cannot decode keeps the sequences it finished. Nothing is allocated
 * from a count in the input, and at most {@link #MAX_ROWS} rows are kept.
 */
public final class LineProgram {
    /** The most rows one table holds (a huge or hostile program keeps its first ones). */
    static final int MAX_ROWS = 1 << 23;

    // standard opcodes
    private static final int DW_LNS_COPY = 1, DW_LNS_ADVANCE_PC = 2, DW_LNS_ADVANCE_LINE = 3, DW_LNS_SET_FILE = 4,
            DW_LNS_SET_COLUMN = 5, DW_LNS_NEGATE_STMT = 6, DW_LNS_SET_BASIC_BLOCK = 7, DW_LNS_CONST_ADD_PC = 8,
            DW_LNS_FIXED_ADVANCE_PC = 9, DW_LNS_SET_PROLOGUE_END = 10, DW_LNS_SET_EPILOGUE_BEGIN = 11, DW_LNS_SET_ISA = 12;
    // extended opcodes
    private static final int DW_LNE_END_SEQUENCE = 1, DW_LNE_SET_ADDRESS = 2, DW_LNE_DEFINE_FILE = 3,
            DW_LNE_SET_DISCRIMINATOR = 4;
    // version 5 entry formats: content types and forms
    private static final int DW_LNCT_PATH = 1, DW_LNCT_DIRECTORY_INDEX = 2;
    private static final int DW_FORM_BLOCK2 = 0x03, DW_FORM_BLOCK4 = 0x04, DW_FORM_DATA2 = 0x05, DW_FORM_DATA4 = 0x06,
            DW_FORM_DATA8 = 0x07, DW_FORM_STRING = 0x08, DW_FORM_BLOCK = 0x09, DW_FORM_BLOCK1 = 0x0a, DW_FORM_DATA1 = 0x0b,
            DW_FORM_SDATA = 0x0d, DW_FORM_STRP = 0x0e, DW_FORM_UDATA = 0x0f, DW_FORM_DATA16 = 0x1e, DW_FORM_LINE_STRP = 0x1f;

    private final byte[] lineStr;
    private final byte[] str;
    private final LongPredicate inText;
    private final List<Seq> seqs = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private long[] pcs = new long[1024];
    private int[] fileOf = new int[1024];
    private int[] lineOf = new int[1024];
    private int rows;

    /** One finished sequence: its rows are [from, to) of the row arrays; it covers [start, end). */
    private record Seq(long start, long end, int from, int to) {
    }

    private LineProgram(byte[] lineStr, byte[] str, LongPredicate inText) {
        this.lineStr = lineStr;
        this.str = str;
        this.inText = inText;
    }

    /**
     * The line table of an ELF file's {@code .debug_line} (compressed or not), keeping the
     * sequences that start in an executable section; null when it has none or no rows.
     */
    public static LineTable of(ElfFile elf) {
        DwarfSections d = new DwarfSections(elf);
        byte[] line = d.get(".debug_line").orElse(null);
        if (line == null) {
            return null;
        }
        List<SectionHeader> text = new ArrayList<>();
        for (SectionHeader sh : elf.sections()) {
            if ((sh.flags() & SectionHeader.SHF_EXECINSTR) != 0 && sh.size() > 0) {
                text.add(sh);
            }
        }
        LongPredicate inText = pc -> {
            for (SectionHeader sh : text) {
                if (Long.compareUnsigned(pc - sh.addr(), sh.size()) < 0) {
                    return true;
                }
            }
            return false;
        };
        return read(line, d.get(".debug_line_str").orElse(null), d.get(".debug_str").orElse(null), inText);
    }

    /**
     * The table of the line programs in {@code debugLine}; the string sections may be null.
     * Keeps the sequences whose start address {@code inText} accepts. Null when no row remains.
     */
    public static LineTable read(byte[] debugLine, byte[] debugLineStr, byte[] debugStr, LongPredicate inText) {
        LineProgram p = new LineProgram(debugLineStr, debugStr, inText);
        int off = 0;
        while (off + 4 <= debugLine.length && p.rows < MAX_ROWS) {
            long len = new Cursor(debugLine, off).u32();
            if (len >= 0xfffffff0L || len == 0) {
                break; // 64-bit DWARF (or reserved lengths) is not read; a zero length cannot advance
            }
            int end = (int) Math.min(debugLine.length, off + 4 + len);
            try {
                p.unit(new Cursor(debugLine, off + 4, end));
            } catch (DwarfException e) {
                // this unit ends here; the sequences it finished stay
            }
            off = end;
        }
        return p.table();
    }

    // ------------------------------------------------------------------ one unit

    private void unit(Cursor c) {
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw new DwarfException("malformed line program");
        }
        if (version >= 5) {
            c.u8(); // address size: DW_LNE_set_address's own length says it
            c.u8(); // segment selector size
        }
        long headerLength = c.u32();
        if (headerLength > c.length() - c.pos) {
            throw new DwarfException("malformed line program");
        }
        int programStart = c.pos + (int) headerLength;
        int minInst = c.u8();
        int maxOps = version >= 4 ? c.u8() : 1;
        if (maxOps == 0) {
            maxOps = 1;
        }
        c.u8(); // default_is_stmt: the table keeps every row, statement or not
        int lineBase = (byte) c.u8();
        int lineRange = c.u8();
        int opcodeBase = c.u8();
        if (lineRange == 0 || opcodeBase == 0) {
            throw new DwarfException("malformed line program");
        }
        int[] argCounts = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            argCounts[i] = c.u8();
        }
        List<String> dirs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (version >= 5) {
            entries(c, dirs, null);
            entries(c, names, dirs);
        } else {
            dirs.add(""); // index 0: the compilation directory, which .debug_line does not name
            names.add(null); // file numbers start at 1
            for (String d = c.cstring(); !d.isEmpty(); d = c.cstring()) {
                dirs.add(d);
            }
            for (String f = c.cstring(); !f.isEmpty(); f = c.cstring()) {
                names.add(join(dirs, c.uleb(), f));
                c.uleb(); // modification time
                c.uleb(); // length
            }
        }
        c.pos = programStart;
        run(c, minInst, maxOps, lineBase, lineRange, opcodeBase, argCounts, dirs, names);
    }

    /** Version 5's directory or file name table: formats, then entries; files are joined to their directory. */
    private void entries(Cursor c, List<String> out, List<String> dirs) {
        int nformats = c.u8();
        long[] types = new long[nformats];
        long[] forms = new long[nformats];
        for (int i = 0; i < nformats; i++) {
            types[i] = c.uleb();
            forms[i] = c.uleb();
        }
        long count = c.uleb();
        if (count > 0 && nformats == 0) {
            throw new DwarfException("entries of no bytes"); // a count from the input would be a loop
        }
        for (long n = 0; n < count; n++) {
            String path = null;
            long dir = 0;
            for (int i = 0; i < nformats; i++) {
                Object v = form(c, (int) Math.min(forms[i], Integer.MAX_VALUE));
                if (types[i] == DW_LNCT_PATH && v instanceof String s) {
                    path = s;
                } else if (types[i] == DW_LNCT_DIRECTORY_INDEX && v instanceof Long l) {
                    dir = l;
                }
            }
            if (path == null) {
                path = "";
            }
            if (dirs != null) {
                out.add(join(dirs, dir, path));
            } else if (out.isEmpty()) {
                out.add(path); // directory 0: the compilation directory
            } else {
                out.add(join(out, 0, path)); // the others are relative to it unless absolute
            }
        }
    }

    /** A string form's text, a number form's value (as Long), or null for blocks and MD5s. */
    private Object form(Cursor c, int form) {
        switch (form) {
            case DW_FORM_STRING:
                return c.cstring();
            case DW_FORM_LINE_STRP:
                return stringAt(lineStr, c.u32());
            case DW_FORM_STRP:
                return stringAt(str, c.u32());
            case DW_FORM_UDATA:
                return c.uleb();
            case DW_FORM_SDATA:
                return c.sleb();
            case DW_FORM_DATA1:
                return (long) c.u8();
            case DW_FORM_DATA2:
                return (long) c.u16();
            case DW_FORM_DATA4:
                return c.u32();
            case DW_FORM_DATA8:
                return c.u64();
            case DW_FORM_DATA16:
                c.skip(16);
                return null;
            case DW_FORM_BLOCK1:
                c.skip(c.u8());
                return null;
            case DW_FORM_BLOCK2:
                c.skip(c.u16());
                return null;
            case DW_FORM_BLOCK4:
                c.skip(c.u32());
                return null;
            case DW_FORM_BLOCK:
                c.skip(c.uleb());
                return null;
            default:
                throw new DwarfException("string form without .debug_str_offsets"); // strx and the like: not read
        }
    }

    private static String stringAt(byte[] section, long offset) {
        if (section == null) {
            throw new DwarfException("a string form without its string section");
        }
        return new Cursor(section, 0).stringAt(offset);
    }

    /** A file name with its directory, unless the name is absolute or the directory unnamed. */
    private static String join(List<String> dirs, long dir, String name) {
        if (name.startsWith("/") || dir < 0 || dir >= dirs.size()) {
            return name;
        }
        String d = dirs.get((int) dir);
        return d.isEmpty() ? name : d + "/" + name;
    }

    // ------------------------------------------------------------------ the state machine

    private void run(Cursor c, int minInst, int maxOps, int lineBase, int lineRange, int opcodeBase, int[] argCounts,
            List<String> dirs, List<String> names) {
        long address = 0;
        long opIndex = 0;
        long file = 1;
        long line = 1;
        int seqFrom = rows;
        long seqStart = 0;
        boolean inSeq = false;
        while (c.pos < c.length()) {
            int op = c.u8();
            long advance = -1; // operation advance of this opcode; -1: none
            boolean emit = false;
            if (op >= opcodeBase) {
                int adj = op - opcodeBase;
                advance = adj / lineRange;
                line += lineBase + adj % lineRange;
                emit = true;
            } else if (op == 0) {
                long len = c.uleb();
                if (len == 0 || len > c.length() - c.pos) {
                    throw new DwarfException("malformed line program");
                }
                int next = c.pos + (int) len;
                int sub = c.u8();
                switch (sub) {
                    case DW_LNE_END_SEQUENCE -> {
                        if (inSeq) {
                            row(address, file, line, names);
                            finish(seqStart, address, seqFrom);
                        }
                        seqFrom = rows;
                        inSeq = false;
                        address = 0;
                        opIndex = 0;
                        file = 1;
                        line = 1;
                    }
                    case DW_LNE_SET_ADDRESS -> {
                        int n = next - c.pos;
                        address = c.address(n);
                        opIndex = 0;
                    }
                    case DW_LNE_DEFINE_FILE -> {
                        String f = c.cstring();
                        names.add(join(dirs, c.uleb(), f));
                    }
                    case DW_LNE_SET_DISCRIMINATOR -> {
                        // not kept
                    }
                    default -> {
                        // an extension we do not know: its length says how far to skip
                    }
                }
                c.pos = next;
            } else {
                switch (op) {
                    case DW_LNS_COPY -> emit = true;
                    case DW_LNS_ADVANCE_PC -> advance = c.uleb();
                    case DW_LNS_ADVANCE_LINE -> line += c.sleb();
                    case DW_LNS_SET_FILE -> file = c.uleb();
                    case DW_LNS_SET_COLUMN, DW_LNS_SET_ISA -> c.uleb();
                    case DW_LNS_NEGATE_STMT, DW_LNS_SET_BASIC_BLOCK, DW_LNS_SET_PROLOGUE_END, DW_LNS_SET_EPILOGUE_BEGIN -> {
                        // flags the table does not keep
                    }
                    case DW_LNS_CONST_ADD_PC -> advance = (255 - opcodeBase) / lineRange;
                    case DW_LNS_FIXED_ADVANCE_PC -> {
                        address += c.u16();
                        opIndex = 0;
                    }
                    default -> {
                        for (int i = 0; i < argCounts[op]; i++) {
                            c.uleb();
                        }
                    }
                }
            }
            if (advance > 0) {
                if (maxOps == 1) {
                    address += minInst * advance;
                } else {
                    address += minInst * ((opIndex + advance) / maxOps);
                    opIndex = (opIndex + advance) % maxOps;
                }
            }
            if (emit) {
                if (!inSeq) {
                    inSeq = true;
                    seqStart = address;
                    seqFrom = rows;
                }
                if (rows >= MAX_ROWS) {
                    throw new DwarfException("malformed line program");
                }
                row(address, file, line, names);
            }
        }
    }

    /** Appends a row; a row at the address of the one before replaces it. */
    private void row(long address, long file, long line, List<String> names) {
        int f = LineTable.NO_FILE;
        if (line > 0 && line <= Integer.MAX_VALUE && file >= 0 && file < names.size() && names.get((int) file) != null) {
            String name = names.get((int) file);
            Integer k = fileIndex.get(name);
            if (k == null) {
                k = files.size();
                files.add(name);
                fileIndex.put(name, k);
            }
            f = k;
        }
        int l = f == LineTable.NO_FILE ? 0 : (int) line;
        if (rows == pcs.length) {
            int n = Math.min(MAX_ROWS + 1, rows * 2);
            pcs = Arrays.copyOf(pcs, n);
            fileOf = Arrays.copyOf(fileOf, n);
            lineOf = Arrays.copyOf(lineOf, n);
        }
        pcs[rows] = address;
        fileOf[rows] = f;
        lineOf[rows] = l;
        rows++;
    }

    private void finish(long start, long end, int from) {
        if (Long.compareUnsigned(end, start) > 0 && inText.test(start)) {
            seqs.add(new Seq(start, end, from, rows));
        }
    }

    /** The finished sequences in address order, overlapping ones dropped, as a table. */
    private LineTable table() {
        seqs.sort(Comparator.comparing(Seq::start, Long::compareUnsigned));
        LineTable.Builder b = new LineTable.Builder();
        long covered = 0;
        boolean any = false;
        for (Seq s : seqs) {
            if (any && Long.compareUnsigned(s.start(), covered) < 0) {
                continue;
            }
            long last = s.start();
            int lastFile = -2;
            int lastLine = 0;
            for (int i = s.from(); i < s.to() - 1; i++) {
                long pc = pcs[i];
                if (Long.compareUnsigned(pc, last) < 0 || Long.compareUnsigned(pc, s.end()) >= 0) {
                    continue; // the address went backwards, or past the sequence's end
                }
                if (pcs[i + 1] == pc || fileOf[i] == lastFile && lineOf[i] == lastLine) {
                    continue; // the last row at an address wins; a row that repeats the line adds nothing
                }
                b.row(pc, fileOf[i] == LineTable.NO_FILE ? null : files.get(fileOf[i]), lineOf[i]);
                last = pc;
                lastFile = fileOf[i];
                lastLine = lineOf[i];
            }
            b.row(s.end(), null, 0);
            covered = s.end();
            any = true;
        }
        return b.size() == 0 ? null : b.table();
    }
}
