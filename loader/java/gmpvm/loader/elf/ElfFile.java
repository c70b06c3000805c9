package gmpvm.loader.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed and validated ELF64 file that we know how to run: little-endian, x86-64, a static
 * executable (ET_EXEC) or a static position-independent executable (ET_DYN without PT_INTERP).
 *
 * <p>{@link #parse} checks everything the loader will rely on (header sizes, tables inside the
 * file, segments inside the file and inside the user address space, no overlapping segments) and
 * throws {@link ElfException} with a one-line message otherwise. Section headers and the symbol
 * table are optional; when present they must be well-formed too.
 */
public final class ElfFile {
    public static final int ET_REL = 1, ET_EXEC = 2, ET_DYN = 3;
    public static final int EM_X86_64 = 62;
    static final int EHDR_SIZE = 64, PHDR_SIZE = 56, SHDR_SIZE = 64, SYM_SIZE = 24;
    /** Highest user-space address (exclusive) on x86-64 Linux with 4-level paging. */
    public static final long USER_TOP = 0x7ffffffff000L;
    /** Lowest address a segment may occupy (Linux's default vm.mmap_min_addr), so that page 0 stays unmapped. */
    public static final long MIN_ADDR = 0x10000L;
    /** Refuse images whose segments together ask for more memory than this. */
    public static final long MAX_IMAGE = 1L << 30;

    private final byte[] data;
    private final int type;
    private final long entry;
    private final long phoff;
    private final List<ProgramHeader> programHeaders;
    private final List<SectionHeader> sections;
    private final List<Symbol> symbols;

    private ElfFile(byte[] data, int type, long entry, long phoff, List<ProgramHeader> phdrs,
            List<SectionHeader> sections, List<Symbol> symbols) {
        this.data = data;
        this.type = type;
        this.entry = entry;
        this.phoff = phoff;
        this.programHeaders = phdrs;
        this.sections = sections;
        this.symbols = symbols;
    }

    public byte[] data() {
        return data;
    }

    /** ET_EXEC or ET_DYN (static PIE); for a file parsed for listing also ET_REL. */
    public int type() {
        return type;
    }

    public boolean isPie() {
        return type == ET_DYN;
    }

    /** The entry point as written in the file (add the load bias for PIE). */
    public long entry() {
        return entry;
    }

    public long programHeaderOffset() {
        return phoff;
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** A copy of a section's bytes in the file, or null when the header places them outside it. */
    public byte[] contents(SectionHeader sh) {
        if (sh.offset() < 0 || sh.size() < 0 || sh.offset() + sh.size() > data.length) {
            return null;
        }
        return java.util.Arrays.copyOfRange(data, (int) sh.offset(), (int) (sh.offset() + sh.size()));
    }

    public List<SectionHeader> sections() {
        return sections;
    }

    /** Symbols from .symtab with their file values (add the load bias for PIE). */
    public List<Symbol> symbols() {
        return symbols;
    }

    // ------------------------------------------------------------------ parsing

    /** Parses an executable gmpvm can run (static ET_EXEC or static PIE), with every check the loader relies on. */
    public static ElfFile parse(byte[] data) throws ElfException {
        return parse(data, true);
    }

    /**
     * Parses any x86-64 ELF64 file for a listing (disasm): relocatable objects (ET_REL, no program
     * headers needed) and dynamically linked executables too. Tables must lie inside the file;
     * segments are not checked, as nothing is loaded.
     */
    public static ElfFile parseForListing(byte[] data) throws ElfException {
        return parse(data, false);
    }

    private static ElfFile parse(byte[] data, boolean toRun) throws ElfException {
        if (data.length < 4 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
            throw new ElfException("not an ELF file");
        }
        if (data.length < 16) {
            throw new ElfException("truncated ELF header");
        }
        if (data[4] == 1) {
            throw new ElfException("32-bit ELF files are not supported (need ELF64)");
        }
        if (data[4] != 2) {
            throw new ElfException("unknown ELF class " + (data[4] & 0xff));
        }
        if (data[5] == 2) {
            throw new ElfException("big-endian ELF files are not supported");
        }
        if (data[5] != 1) {
            throw new ElfException("unknown ELF data encoding " + (data[5] & 0xff));
        }
        if (data[6] != 1) {
            throw new ElfException("unsupported ELF version " + (data[6] & 0xff));
        }
        if (data.length < EHDR_SIZE) {
            throw new ElfException("truncated ELF header");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getShort(16) & 0xffff;
        int machine = b.getShort(18) & 0xffff;
        long entry = b.getLong(24);
        long phoff = b.getLong(32);
        long shoff = b.getLong(40);
        int phentsize = b.getShort(54) & 0xffff;
        int phnum = b.getShort(56) & 0xffff;
        int shentsize = b.getShort(58) & 0xffff;
        int shnum = b.getShort(60) & 0xffff;
        int shstrndx = b.getShort(62) & 0xffff;
        if (machine != EM_X86_64) {
            throw new ElfException("not an x86-64 executable (e_machine " + machine + ")");
        }
        switch (type) {
            case ET_EXEC: case ET_DYN: break;
            case ET_REL:
                if (toRun) {
                    throw new ElfException("not an executable: a relocatable object file (ET_REL)");
                }
                break;
            case 4: throw new ElfException("not an executable: a core dump (ET_CORE)");
            default: throw new ElfException("not an executable (e_type " + type + ")");
        }
        List<ProgramHeader> phdrs = List.of();
        if (phnum == 0) {
            if (toRun) {
                throw new ElfException("no program headers");
            }
        } else {
            if (phentsize != PHDR_SIZE) {
                throw new ElfException("bad program header size " + phentsize);
            }
            if (!inFile(data, phoff, (long) phnum * PHDR_SIZE)) {
                throw new ElfException("truncated program header table");
            }
            phdrs = readProgramHeaders(b, phoff, phnum);
        }
        if (toRun) {
            checkSegments(data, phdrs, type);
        }

        List<SectionHeader> sections = List.of();
        List<Symbol> symbols = List.of();
        if (shnum > 0 && shoff != 0) {
            if (shentsize != SHDR_SIZE) {
                throw new ElfException("bad section header size " + shentsize);
            }
            if (!inFile(data, shoff, (long) shnum * SHDR_SIZE)) {
                throw new ElfException("truncated section header table");
            }
            sections = readSections(data, b, shoff, shnum, shstrndx);
            symbols = readSymbols(data, b, sections);
        }
        return new ElfFile(data, type, entry, phoff, List.copyOf(phdrs), sections, symbols);
    }

    static boolean inFile(byte[] data, long off, long len) {
        return off >= 0 && len >= 0 && off <= data.length && len <= data.length - off;
    }

    private static List<ProgramHeader> readProgramHeaders(ByteBuffer b, long phoff, int phnum) {
        List<ProgramHeader> out = new ArrayList<>(phnum);
        for (int n = 0; n < phnum; n++) {
            int o = (int) phoff + n * PHDR_SIZE;
            out.add(new ProgramHeader(b.getInt(o), b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                    b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48)));
        }
        return out;
    }

    private static void checkSegments(byte[] data, List<ProgramHeader> phdrs, int type) throws ElfException {
        long total = 0;
        List<ProgramHeader> loads = new ArrayList<>();
        for (int n = 0; n < phdrs.size(); n++) {
            ProgramHeader p = phdrs.get(n);
            if (p.type() == ProgramHeader.PT_INTERP) {
                throw new ElfException("dynamically linked executables are not supported (PT_INTERP)");
            }
            if (p.type() == ProgramHeader.PT_DYNAMIC && type == ET_EXEC) {
                throw new ElfException("dynamically linked executables are not supported (PT_DYNAMIC)");
            }
            if (!p.isLoad()) {
                continue;
            }
            String what = "segment " + n;
            if (!inFile(data, p.offset(), p.filesz())) {
                throw new ElfException(what + " extends past the end of the file");
            }
            if (Long.compareUnsigned(p.filesz(), p.memsz()) > 0) {
                throw new ElfException(what + " has a file size larger than its memory size");
            }
            if (Long.compareUnsigned(p.memsz(), MAX_IMAGE) > 0
                    || Long.compareUnsigned(p.vaddr(), USER_TOP) >= 0
                    || Long.compareUnsigned(p.memsz(), USER_TOP - p.vaddr()) > 0) {
                throw new ElfException(what + " lies outside the user address space");
            }
            if (type == ET_EXEC && Long.compareUnsigned(p.vaddr(), MIN_ADDR) < 0) {
                throw new ElfException(what + " lies below the lowest mappable address (0x10000)");
            }
            if (((p.offset() - p.vaddr()) & 0xfff) != 0) {
                throw new ElfException(what + " has a file offset and address that differ modulo the page size");
            }
            total += p.memsz();
            if (total > MAX_IMAGE) {
                throw new ElfException("segments too large (more than 1 GiB)");
            }
            for (ProgramHeader q : loads) {
                if (Long.compareUnsigned(p.vaddr(), q.vaddr() + q.memsz()) < 0
                        && Long.compareUnsigned(q.vaddr(), p.vaddr() + p.memsz()) < 0) {
                    throw new ElfException(what + " overlaps an earlier segment");
                }
            }
            loads.add(p);
        }
        if (loads.isEmpty()) {
            throw new ElfException("no loadable segments");
        }
    }

    private static List<SectionHeader> readSections(byte[] data, ByteBuffer b, long shoff, int shnum, int shstrndx)
            throws ElfException {
        long[][] raw = new long[shnum][];
        for (int n = 0; n < shnum; n++) {
            int o = (int) shoff + n * SHDR_SIZE;
            raw[n] = new long[] {b.getInt(o) & 0xffffffffL, b.getInt(o + 4), b.getLong(o + 8), b.getLong(o + 16),
                b.getLong(o + 24), b.getLong(o + 32), b.getInt(o + 40), b.getInt(o + 44), b.getLong(o + 56)};
            if (raw[n][1] != SectionHeader.SHT_NOBITS && raw[n][1] != SectionHeader.SHT_NULL
                    && !inFile(data, raw[n][4], raw[n][5])) {
                throw new ElfException("section " + n + " extends past the end of the file");
            }
        }
        long[] strtab = shstrndx < shnum ? raw[shstrndx] : null;
        List<SectionHeader> out = new ArrayList<>(shnum);
        for (int n = 0; n < shnum; n++) {
            long[] s = raw[n];
            String name = strtab == null || strtab[1] == SectionHeader.SHT_NOBITS ? "" : string(data, strtab[4], strtab[5], s[0]);
            out.add(new SectionHeader(name, (int) s[1], s[2], s[3], s[4], s[5], (int) s[6], (int) s[7], s[8]));
        }
        return List.copyOf(out);
    }

    private static List<Symbol> readSymbols(byte[] data, ByteBuffer b, List<SectionHeader> sections) throws ElfException {
        for (SectionHeader s : sections) {
            if (s.type() != SectionHeader.SHT_SYMTAB) {
                continue;
            }
            if (s.link() < 0 || s.link() >= sections.size()) {
                throw new ElfException("symbol table has a bad string table index");
            }
            SectionHeader str = sections.get(s.link());
            if (str.type() == SectionHeader.SHT_NOBITS) {
                throw new ElfException("symbol table has a bad string table");
            }
            long count = s.size() / SYM_SIZE;
            List<Symbol> out = new ArrayList<>((int) Math.min(count, 1 << 16));
            for (long n = 1; n < count; n++) {
                int o = (int) (s.offset() + n * SYM_SIZE);
                long nameOff = b.getInt(o) & 0xffffffffL;
                int info = b.get(o + 4) & 0xff;
                int shndx = b.getShort(o + 6) & 0xffff;
                long value = b.getLong(o + 8);
                long size = b.getLong(o + 16);
                int stt = info & 0xf;
                if (shndx == 0 || stt == Symbol.STT_SECTION || stt == Symbol.STT_FILE) {
                    continue;
                }
                String name = string(data, str.offset(), str.size(), nameOff);
                if (!name.isEmpty()) {
                    out.add(new Symbol(name, value, size, stt));
                }
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    /** A NUL-terminated string at index off of the string table [tab, tab+len); "" when out of range. */
    private static String string(byte[] data, long tab, long len, long off) {
        if (off < 0 || off >= len || !inFile(data, tab, len)) {
            return "";
        }
        int start = (int) (tab + off);
        int end = start;
        int limit = (int) (tab + len);
        while (end < limit && data[end] != 0) {
            end++;
        }
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }
}
