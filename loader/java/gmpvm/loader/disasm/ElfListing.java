package gmpvm.loader.disasm;

import gmpvm.loader.asm.LineTable;
import gmpvm.loader.dwarf.LineProgram;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * An {@code objdump -d}-style listing of an ELF64 file: each executable section, split at the
 * symbols inside it ({@code 0000000000401000 <main>:}), one line per instruction with address,
 * bytes and text in the chosen syntax. When the file has a line table (gmpvm's assembler writes a
 * {@value gmpvm.loader.asm.LineTable#SECTION} section, gcc {@code -g} and Go a DWARF
 * {@code .debug_line}), a {@code file:line} line precedes the instructions of each source line,
 * as {@code objdump -l} does.
 */
public final class ElfListing {
    private ElfListing() {
    }

    /** Writes the listing of {@code elf} to {@code out}; {@code fileName} heads it as objdump does. */
    public static void print(ElfFile elf, String fileName, Syntax syntax, PrintStream out) {
        print(elf, fileName, syntax, out, null);
    }

    /** As {@link #print(ElfFile, String, Syntax, PrintStream)}, with symbol table problems as warnings on err. */
    public static void print(ElfFile elf, String fileName, Syntax syntax, PrintStream out, PrintStream err) {
        ElfSymbols symbols = new ElfSymbols(elf);
        if (err != null) {
            for (String w : symbols.warnings()) {
                err.println("gmpvm: " + fileName + ": warning: " + w);
            }
        }
        Disassembler dis = new Disassembler(symbols, syntax);
        byte[] data = elf.data();
        out.println();
        out.println(fileName + ":     file format elf64-x86-64");
        out.println();
        List<SectionHeader> sections = elf.sections();
        LineTable lines = lineTable(elf);
        for (int si = 0; si < sections.size(); si++) {
            SectionHeader sh = sections.get(si);
            if ((sh.flags() & SectionHeader.SHF_EXECINSTR) == 0 || sh.type() != SectionHeader.SHT_PROGBITS || sh.size() == 0) {
                continue;
            }
            out.println();
            out.println("Disassembly of section " + sh.name() + ":");
            // block starts: every symbol inside the section, plus the section start
            TreeMap<Long, String> starts = new TreeMap<>(Long::compareUnsigned);
            for (ElfSymbols.Sym s : symbols.inSection(si)) {
                if (Long.compareUnsigned(s.value() - sh.addr(), sh.size()) < 0) {
                    starts.putIfAbsent(s.value(), s.name());
                }
            }
            starts.putIfAbsent(sh.addr(), sh.name());
            int width = addressWidth(sh);
            symbols.listing(si);
            List<Long> keys = new ArrayList<>(starts.keySet());
            for (int k = 0; k < keys.size(); k++) {
                long a = keys.get(k);
                long end = k + 1 < keys.size() ? keys.get(k + 1) : sh.addr() + sh.size();
                out.println();
                out.printf("%016x <%s>:%n", a, starts.get(a));
                long fileOff = sh.offset() + (a - sh.addr());
                int len = (int) Math.min(end - a, Math.max(0, data.length - fileOff));
                LineTable.Line last = null;
                for (Disassembler.Line l : dis.disassemble(data, (int) fileOff, len, a)) {
                    LineTable.Line src = lines == null ? null : lines.lookup(l.address());
                    if (src != null && !src.equals(last)) {
                        out.println(src);
                    }
                    last = src;
                    String text = syntax == Syntax.GO ? l.go() : l.intel();
                    printLine(out, l, text, width);
                }
            }
        }
    }

    /**
     * The line table of a file: the .s lines of a gmpvm-assembled one, else those of its DWARF
     * {@code .debug_line} (gcc, Go); null when it has neither (or they are malformed).
     */
    public static LineTable lineTable(ElfFile elf) {
        for (SectionHeader sh : elf.sections()) {
            if (sh.name().equals(LineTable.SECTION)) {
                return gmpvmLines(elf);
            }
        }
        return LineProgram.of(elf);
    }

    private static LineTable gmpvmLines(ElfFile elf) {
        for (SectionHeader sh : elf.sections()) {
            if (sh.name().equals(LineTable.SECTION) && sh.type() == SectionHeader.SHT_PROGBITS) {
                byte[] bytes = elf.contents(sh);
                if (bytes == null) {
                    return null;
                }
                try {
                    return LineTable.parse(bytes);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * objdump's address column for a section: the 16 hex digits of its end address, less its
     * leading zeros but one, rounded down to groups of four (8 for programs at 0x400000, 4 for a
     * small object file whose sections start at 0).
     */
    static int addressWidth(SectionHeader sh) {
        long end = sh.addr() + sh.size();
        int zeros = Long.numberOfLeadingZeros(end) / 4;
        if (zeros == 16 && sh.addr() != 0) {
            return 16;
        }
        int skip = zeros == 0 ? 0 : (zeros - 1) & -4;
        return 16 - skip;
    }

    /** objdump's layout: address, up to seven bytes, text; longer instructions continue below. */
    private static void printLine(PrintStream out, Disassembler.Line l, String text, int width) {
        byte[] b = l.bytes();
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < b.length || i == 0; i += 7) {
            String a = Long.toHexString(l.address() + i);
            for (int k = a.length(); k < width; k++) {
                sb.append(' ');
            }
            sb.append(a).append(":\t");
            int start = sb.length();
            for (int j = i; j < Math.min(b.length, i + 7); j++) {
                sb.append(Character.forDigit((b[j] >> 4) & 15, 16)).append(Character.forDigit(b[j] & 15, 16)).append(' ');
            }
            if (i == 0) {
                while (sb.length() - start < 21) {
                    sb.append(' ');
                }
                sb.append('\t').append(text);
            }
            sb.append('\n');
        }
        out.print(sb);
    }
}
