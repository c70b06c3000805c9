package gmpvm.loader.dwarf;

import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A program's DWARF sections by name ({@code .debug_info}, {@code .debug_abbrev}, …), inflated
 * when the toolchain compressed them: Go's older linkers write {@code .zdebug_NAME} sections
 * ("ZLIB", the inflated size as 8 big-endian bytes, then a zlib stream), and GNU tools mark
 * {@code .debug_NAME} with SHF_COMPRESSED (an Elf64_Chdr, then the zlib stream). A section that
 * is missing, lies outside the file, or does not inflate to its stated size is absent.
 */
public final class DwarfSections {
    static final long SHF_COMPRESSED = 0x800;
    static final int ELFCOMPRESS_ZLIB = 1;
    /** No section inflates past this (a corrupt header must not allocate gigabytes). */
    static final long MAX_SIZE = 256L << 20;

    private final ElfFile elf;
    private final Map<String, Optional<byte[]>> cache = new HashMap<>();

    public DwarfSections(ElfFile elf) {
        this.elf = elf;
    }

    /** The bytes of {@code .debug_NAME} (give the name with its {@code .debug_} prefix), inflated if need be. */
    public Optional<byte[]> get(String name) {
        return cache.computeIfAbsent(name, this::read);
    }

    private Optional<byte[]> read(String name) {
        String z = ".z" + name.substring(1);
        for (SectionHeader sh : elf.sections()) {
            if (sh.type() == SectionHeader.SHT_NOBITS) {
                continue;
            }
            if (sh.name().equals(name)) {
                byte[] raw = elf.contents(sh);
                if (raw == null) {
                    return Optional.empty();
                }
                return (sh.flags() & SHF_COMPRESSED) != 0 ? Optional.ofNullable(chdr(raw)) : Optional.of(raw);
            }
            if (sh.name().equals(z)) {
                byte[] raw = elf.contents(sh);
                return Optional.ofNullable(raw == null ? null : zdebug(raw));
            }
        }
        return Optional.empty();
    }

    /** {@code "ZLIB"}, 8-byte big-endian size, zlib stream. */
    static byte[] zdebug(byte[] raw) {
        if (raw.length < 12 || raw[0] != 'Z' || raw[1] != 'L' || raw[2] != 'I' || raw[3] != 'B') {
            return null;
        }
        long size = ByteBuffer.wrap(raw, 4, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return inflate(raw, 12, size);
    }

    /** Elf64_Chdr (ch_type, ch_reserved, ch_size, ch_addralign), zlib stream. */
    static byte[] chdr(byte[] raw) {
        if (raw.length < 24) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != ELFCOMPRESS_ZLIB) {
            return null;
        }
        return inflate(raw, 24, b.getLong(8));
    }

    private static byte[] inflate(byte[] raw, int from, long size) {
        if (size < 0 || size > MAX_SIZE) {
            return null;
        }
        Inflater inf = new Inflater();
        try {
            inf.setInput(raw, from, raw.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
            byte[] buf = new byte[1 << 16];
            while (!inf.finished() && out.size() <= size) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return inf.finished() && out.size() == size ? out.toByteArray() : null;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }
}
