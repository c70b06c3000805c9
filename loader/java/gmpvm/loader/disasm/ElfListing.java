package gmpvm.loader.disasm;

import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * An {@code objdump -d}-style listing of an ELF64 file: each executable section, split at the
 * symbols inside it ({@code 0000000000401000 <main>:}), one line per instruction with address,
 * bytes and text in the chosen syntax.
 */
public final class ElfListing {
    private ElfListing() {
    }

    /** Writes the listing of {@code elf} to {@code out}; {@code fileName} heads it as objdump does. */
    public static void print(ElfFile elf, String fileName, Syntax syntax, PrintStream out) {
        ElfSymbols symbols = new ElfSymbols(elf);
        Disassembler dis = new Disassembler(symbols);
        byte[] data = elf.data();
        out.println();
        out.println(fileName + ":     file format elf64-x86-64");
        out.println();
        List<SectionHeader> sections = elf.sections();
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
            List<Long> keys = new ArrayList<>(starts.keySet());
            for (int k = 0; k < keys.size(); k++) {
                long a = keys.get(k);
                long end = k + 1 < keys.size() ? keys.get(k + 1) : sh.addr() + sh.size();
                out.println();
                out.printf("%016x <%s>:%n", a, starts.get(a));
                long fileOff = sh.offset() + (a - sh.addr());
                int len = (int) Math.min(end - a, Math.max(0, data.length - fileOff));
                for (Disassembler.Line l : dis.disassemble(data, (int) fileOff, len, a)) {
                    String text = syntax == Syntax.GO ? l.go() : l.intel();
                    printLine(out, l, text);
                }
            }
        }
    }

    /** objdump's layout: address, up to seven bytes, text; longer instructions continue below. */
    private static void printLine(PrintStream out, Disassembler.Line l, String text) {
        byte[] b = l.bytes();
        for (int i = 0; i < b.length || i == 0; i += 7) {
            StringBuilder hex = new StringBuilder();
            for (int j = i; j < Math.min(b.length, i + 7); j++) {
                hex.append(String.format("%02x ", b[j] & 0xff));
            }
            if (i == 0) {
                out.printf("%8x:\t%-21s\t%s%n", l.address(), hex, text);
            } else {
                out.printf("%8x:\t%s%n", l.address() + i, hex);
            }
        }
    }
}
