package gmpvm.loader.disasm;

import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An ELF file's symbols, named the way GNU objdump names addresses in a listing: the nearest
 * symbol at or below the address in the same section (any earlier symbol when the section has
 * none), whatever its size, and among symbols at one address the one objdump prefers (functions,
 * then larger sizes, then global over weak over local, then names not starting with '.', then
 * by name).
 */
public final class ElfSymbols implements SymbolResolver {
    /** One defined symbol: where it is, which section, and objdump's ranking data. */
    record Sym(String name, long value, long size, int type, int bind, int shndx) {
    }

    private static final int STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;
    private static final int STB_LOCAL = 0, STB_GLOBAL = 1;

    private final List<Sym> syms;        // sorted by value, preferred first among equals
    private final List<SectionHeader> sections;
    private final List<String> warnings = new ArrayList<>();
    /** In a relocatable object every section starts at 0: addresses are read in the section being listed. */
    private final boolean relocatable;
    private int listed = -1;

    public ElfSymbols(ElfFile elf) {
        this.relocatable = elf.type() == ElfFile.ET_REL;
        this.sections = elf.sections();
        this.syms = read(elf);
    }

    private static final Comparator<Sym> PREFERENCE = Comparator
            .comparing((Sym s) -> s.type() != STT_FUNC)
            .thenComparing(Sym::size, Comparator.reverseOrder())
            .thenComparing(s -> s.bind() == STB_LOCAL)
            .thenComparing(s -> s.bind() != STB_GLOBAL)
            .thenComparing(s -> s.size() == 0)
            .thenComparing(s -> s.name().startsWith("."))
            .thenComparing(Sym::name);

    private List<Sym> read(ElfFile elf) {
        List<Sym> out = new ArrayList<>();
        byte[] data = elf.data();
        for (SectionHeader sh : sections) {
            if (sh.type() != SectionHeader.SHT_SYMTAB || sh.link() <= 0 || sh.link() >= sections.size()) {
                continue;
            }
            SectionHeader str = sections.get(sh.link());
            ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            long n = sh.size() / 24;
            for (long i = 1; i < n; i++) {
                long at = sh.offset() + i * 24;
                if (at + 24 > data.length) {
                    break;
                }
                int nameOff = bb.getInt((int) at);
                int info = data[(int) at + 4] & 0xff;
                int shndx = bb.getShort((int) at + 6) & 0xffff;
                long value = bb.getLong((int) at + 8);
                long size = bb.getLong((int) at + 16);
                int type = info & 15;
                if (type == STT_SECTION || type == STT_FILE || shndx == 0 || shndx >= 0xff00) {
                    continue;
                }
                if ((nameOff & 0xffffffffL) >= str.size()) {
                    warnings.add(String.format("symbol %d has a name offset (0x%x) past its string table (%d bytes); skipped",
                            i, nameOff & 0xffffffffL, str.size()));
                    continue;
                }
                String name = cString(data, str.offset() + (nameOff & 0xffffffffL), str.offset() + str.size());
                if (name.isEmpty()) {
                    continue;
                }
                out.add(new Sym(name, value, size, type, info >> 4, shndx));
            }
        }
        out.sort(Comparator.comparing(Sym::value, Long::compareUnsigned).thenComparing(PREFERENCE));
        return out;
    }

    /** What was wrong with the symbol table and skipped, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static String cString(byte[] d, long from, long limit) {
        int end = (int) from;
        int lim = (int) Math.min(limit, d.length);
        while (end < lim && d[end] != 0) {
            end++;
        }
        return from >= lim ? "" : new String(d, (int) from, end - (int) from, StandardCharsets.UTF_8);
    }

    /** The preferred symbol exactly at addr in section shndx, or null. */
    Sym at(long addr, int shndx) {
        for (Sym s : syms) {
            if (s.value() == addr && s.shndx() == shndx) {
                return s;
            }
        }
        return null;
    }

    /** Symbols defined in the given section, preferred first among equal addresses. */
    List<Sym> inSection(int shndx) {
        List<Sym> out = new ArrayList<>();
        for (Sym s : syms) {
            if (s.shndx() == shndx) {
                out.add(s);
            }
        }
        return out;
    }

    /** The section a listing is printing (addresses of a relocatable object are read in it). */
    void listing(int shndx) {
        listed = shndx;
    }

    private int sectionOf(long addr) {
        if (relocatable && listed > 0) {
            return listed;
        }
        for (int i = 1; i < sections.size(); i++) {
            SectionHeader sh = sections.get(i);
            boolean tbss = (sh.flags() & 0x400) != 0 && sh.type() == SectionHeader.SHT_NOBITS; // occupies no addresses
            if ((sh.flags() & SectionHeader.SHF_ALLOC) != 0 && !tbss && Long.compareUnsigned(addr - sh.addr(), sh.size()) < 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String symbolize(long addr) {
        int sec = sectionOf(addr);
        Sym best = nearest(addr, sec);
        if (best == null && sec >= 0) {
            best = nearest(addr, -1); // no symbol in that section: objdump takes any earlier one
        }
        if (best == null) {
            return null;
        }
        long off = addr - best.value();
        return off == 0 ? best.name() : best.name() + "+0x" + Long.toHexString(off);
    }

    private Sym nearest(long addr, int sec) {
        Sym best = null;
        // binary search for the last symbol with value <= addr, then walk back within the section
        int lo = 0;
        int hi = syms.size() - 1;
        int idx = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(syms.get(mid).value(), addr) <= 0) {
                idx = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = idx; i >= 0; i--) {
            Sym s = syms.get(i);
            if (sec < 0 || s.shndx() == sec) {
                // the first (preferred) one among this section's symbols sharing this value
                best = s;
                for (int j = i - 1; j >= 0 && syms.get(j).value() == s.value(); j--) {
                    if (sec < 0 || syms.get(j).shndx() == sec) {
                        best = syms.get(j);
                    }
                }
                break;
            }
        }
        return best;
    }
}
