package gmpvm.loader.asm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a static x86-64 ELF64 executable: the ELF header and program headers at the start of
 * the first (R+X) segment, .text, then .rodata (R) and .data/.bss (RW) each in their own
 * page-aligned segment, then the non-loaded sections (.gmpvm.lines, the DWARF line info),
 * .symtab, .strtab and .shstrtab and the section header table.
 */
final class ElfWriter {
    static final long BASE = 0x400000;
    static final int PAGE = 0x1000;
    static final short SHN_ABS = (short) 0xfff1;

    /** One symbol of .symtab. */
    record Sym(String name, long value, long size, int type, boolean global, int shndx) {
        static final int NOTYPE = 0, OBJECT = 1, FUNC = 2;
    }

    /** Section indexes fixed by this writer's layout. */
    static final int SH_TEXT = 1, SH_RODATA = 2, SH_DATA = 3, SH_BSS = 4;

    /** Where each loaded part goes; computed by {@link #layout}. */
    record Layout(long textAddr, long textOff, long rodataAddr, long rodataOff, long dataAddr, long dataOff,
                  long bssAddr) {
    }

    static long align(long v, long a) {
        return (v + a - 1) & -a;
    }

    static Layout layout(long textSize, long rodataSize, long dataSize) {
        long textOff = PAGE;
        long rodataOff = align(textOff + textSize, PAGE);
        long dataOff = align(rodataOff + rodataSize, PAGE);
        long bssAddr = align(BASE + dataOff + dataSize, 32);
        return new Layout(BASE + textOff, textOff, BASE + rodataOff, rodataOff, BASE + dataOff, dataOff, bssAddr);
    }

    private static final class Shdr {
        String name;
        int type;
        long flags;
        long addr;
        long offset;
        long size;
        int link;
        int info;
        long align;
        long entsize;
        int nameOff;
    }

    /** A section that is not loaded (line tables, DWARF). */
    record Extra(String name, byte[] data) {
    }

    static byte[] write(Layout l, byte[] text, byte[] rodata, byte[] data, long bssSize, long entry,
                        List<Extra> extras, List<Sym> syms) {
        // .strtab and .symtab (locals first)
        StringBuilderBytes strtab = new StringBuilderBytes();
        strtab.add("");
        List<Sym> ordered = new ArrayList<>();
        for (Sym s : syms) {
            if (!s.global()) {
                ordered.add(s);
            }
        }
        int firstGlobal = ordered.size() + 1;
        for (Sym s : syms) {
            if (s.global()) {
                ordered.add(s);
            }
        }
        ByteBuffer symtab = le(24 * (ordered.size() + 1));
        symtab.put(new byte[24]);
        for (Sym s : ordered) {
            symtab.putInt(strtab.add(s.name()));
            symtab.put((byte) (((s.global() ? 1 : 0) << 4) | s.type()));
            symtab.put((byte) 0);
            symtab.putShort((short) s.shndx());
            symtab.putLong(s.value());
            symtab.putLong(s.size());
        }

        List<Shdr> sh = new ArrayList<>();
        sh.add(new Shdr());
        sh.add(sec(".text", 1, 6, l.textAddr(), l.textOff(), text.length, 32));
        sh.add(sec(".rodata", 1, 2, l.rodataAddr(), l.rodataOff(), rodata.length, 32));
        sh.add(sec(".data", 1, 3, l.dataAddr(), l.dataOff(), data.length, 32));
        sh.add(sec(".bss", 8, 3, l.bssAddr(), l.dataOff() + data.length, bssSize, 32));
        long off = align(l.dataOff() + data.length, 8);
        List<Shdr> extraHdrs = new ArrayList<>();
        for (Extra x : extras) {
            Shdr e = sec(x.name(), 1, 0, 0, off, x.data().length, x.name().startsWith(".debug") ? 1 : 8);
            sh.add(e);
            extraHdrs.add(e);
            off = align(off + x.data().length, 8);
        }
        Shdr st = sec(".symtab", 2, 0, 0, off, symtab.capacity(), 8);
        st.entsize = 24;
        st.link = sh.size() + 1;
        st.info = firstGlobal;
        sh.add(st);
        int strIndex = sh.size();
        off += symtab.capacity();
        byte[] strBytes = strtab.bytes();
        sh.add(sec(".strtab", 3, 0, 0, off, strBytes.length, 1));
        off += strBytes.length;
        StringBuilderBytes shstr = new StringBuilderBytes();
        shstr.add("");
        for (Shdr s : sh) {
            if (s.name != null) {
                s.nameOff = shstr.add(s.name);
            }
        }
        Shdr shs = sec(".shstrtab", 3, 0, 0, off, 0, 1);
        shs.nameOff = shstr.add(".shstrtab");
        byte[] shstrBytes = shstr.bytes();
        shs.size = shstrBytes.length;
        sh.add(shs);
        off = align(off + shstrBytes.length, 8);
        long shoff = off;
        long fileSize = shoff + 64L * sh.size();

        List<long[]> ph = new ArrayList<>(); // type, flags, offset, vaddr, filesz, memsz, align
        ph.add(new long[] {1, 5, 0, BASE, l.textOff() + text.length, l.textOff() + text.length, PAGE});
        if (rodata.length > 0) {
            ph.add(new long[] {1, 4, l.rodataOff(), l.rodataAddr(), rodata.length, rodata.length, PAGE});
        }
        if (data.length > 0 || bssSize > 0) {
            long memsz = (bssSize > 0 ? l.bssAddr() + bssSize : l.dataAddr() + data.length) - l.dataAddr();
            ph.add(new long[] {1, 6, l.dataOff(), l.dataAddr(), data.length, memsz, PAGE});
        }
        ph.add(new long[] {0x6474e551L, 6, 0, 0, 0, 0, 16}); // PT_GNU_STACK
        if (64 + 56L * ph.size() > PAGE) {
            throw new IllegalStateException("too many program headers");
        }
        if (fileSize > Integer.MAX_VALUE) {
            throw new AsmError(null, "output too large");
        }
        ByteBuffer b = le((int) fileSize);
        // ELF header
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2).putShort((short) 62).putInt(1).putLong(entry).putLong(64).putLong(shoff);
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) ph.size());
        b.putShort((short) 64).putShort((short) sh.size()).putShort((short) (sh.size() - 1));
        for (long[] p : ph) {
            b.putInt((int) p[0]).putInt((int) p[1]).putLong(p[2]).putLong(p[3]).putLong(p[3])
                    .putLong(p[4]).putLong(p[5]).putLong(p[6]);
        }
        b.position((int) l.textOff());
        b.put(text);
        b.position((int) l.rodataOff());
        b.put(rodata);
        b.position((int) l.dataOff());
        b.put(data);
        for (int i = 0; i < extras.size(); i++) {
            b.position((int) extraHdrs.get(i).offset);
            b.put(extras.get(i).data());
        }
        b.position((int) st.offset);
        b.put(symtab.array());
        b.position((int) sh.get(strIndex).offset);
        b.put(strBytes);
        b.position((int) shs.offset);
        b.put(shstrBytes);
        b.position((int) shoff);
        for (Shdr s : sh) {
            b.putInt(s.nameOff).putInt(s.type).putLong(s.flags).putLong(s.addr).putLong(s.offset)
                    .putLong(s.size).putInt(s.link).putInt(s.info).putLong(s.align).putLong(s.entsize);
        }
        return b.array();
    }

    private static Shdr sec(String name, int type, long flags, long addr, long offset, long size, long align) {
        Shdr s = new Shdr();
        s.name = name;
        s.type = type;
        s.flags = flags;
        s.addr = addr;
        s.offset = offset;
        s.size = size;
        s.align = align;
        return s;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A NUL-separated string table under construction. */
    private static final class StringBuilderBytes {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        int add(String s) {
            int at = out.size();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
            out.write(0);
            return at;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
