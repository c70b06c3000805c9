package gmpvm.loader.elf;

/** One ELF64 section header, fields as in Elf64_Shdr, with its name resolved. */
public record SectionHeader(String name, int type, long flags, long addr, long offset, long size,
        int link, int info, long entsize) {
    public static final int SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOBITS = 8;
    public static final long SHF_ALLOC = 2, SHF_EXECINSTR = 4;
}
