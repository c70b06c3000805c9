package gmpvm.emulator.memory;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guest's sparse 64-bit address space: 4 KiB pages with R/W/X protection.
 *
 * <p>The hot path is a direct-mapped software TLB per access kind (read, write): a hit costs a
 * shift, a mask, a compare and an array access. A miss walks the page map, checks protection and
 * refills the entry. Pages that hold decoded instructions never enter the write TLB, so every
 * store to them takes the slow path, which drops the decoded code first (self-modifying code
 * stays correct at no cost to ordinary stores).
 *
 * <p>Accesses are precise: a multi-byte store that straddles two pages checks both before it
 * writes either, so a fault leaves memory untouched.
 *
 * <p>Page bytes live outside the Java heap beyond a guest's first 8 MiB ({@link PageStore}); how much the guest may map in all
 * is {@link #limit()} ({@code --mem}, 1 GiB by default), which the kernel's mmap and brk check, so
 * the guest's memory depends on that limit and not on the JVM's heap size.
 */
public final class GuestMemory {
    /** The default of {@link #limit()}: 1 GiB. */
    public static final long DEFAULT_LIMIT = 1L << 30;

    private static final int TLB_BITS = 10;
    private static final int TLB_SIZE = 1 << TLB_BITS;
    private static final int TLB_MASK = TLB_SIZE - 1;

    private final Map<Long, Page> pages = new HashMap<>();
    private final Regions mapped = new Regions();
    private final PageStore store = new PageStore();
    private final long[] rTag = new long[TLB_SIZE];
    private final ByteBuffer[] rData = new ByteBuffer[TLB_SIZE];
    private final long[] wTag = new long[TLB_SIZE];
    private final ByteBuffer[] wData = new ByteBuffer[TLB_SIZE];
    private long limit = DEFAULT_LIMIT;

    public GuestMemory() {
        flushTlb();
    }

    /** How many bytes the guest may have mapped in all (mmap and brk answer ENOMEM beyond). */
    public long limit() {
        return limit;
    }

    public void setLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive");
        }
        limit = bytes;
    }

    /** Bytes mapped in all (program, stack, mmap, brk). */
    public long mappedTotal() {
        return mapped.total();
    }

    /** Bytes of host memory held for page contents (touched pages, and freed ones kept for reuse). */
    public long hostBytes() {
        return store.held();
    }

    // ---------------------------------------------------------------- mapping

    /** Maps [addr, addr+len) page-aligned with the given protection; existing pages are replaced by zero pages. */
    public void map(long addr, long len, int prot) {
        checkAligned(addr);
        long end = pageCeil(addr + len);
        for (long p = addr; Long.compareUnsigned(p, end) < 0; p += Page.SIZE) {
            Page old = pages.put(p >>> Page.SHIFT, new Page(p, prot, store));
            if (old != null) {
                dropCode(old);
                old.release();
            }
        }
        mapped.add(addr, end);
        flushTlb();
    }

    /** Unmaps every page in [addr, addr+len); holes are fine. */
    public void unmap(long addr, long len) {
        checkAligned(addr);
        long end = pageCeil(addr + len);
        List<long[]> gone = mapped.within(addr, end);
        if (gone.isEmpty()) {
            return;
        }
        // only the mapped parts are visited, however large the range
        for (long[] r : gone) {
            for (long p = r[0]; p < r[1]; p += Page.SIZE) {
                Page old = pages.remove(p >>> Page.SHIFT);
                dropCode(old);
                old.release();
            }
        }
        mapped.remove(addr, end);
        flushTlb();
    }

    /** Changes protection of [addr, addr+len); returns false (and changes nothing) if any page there is unmapped. */
    public boolean protect(long addr, long len, int prot) {
        checkAligned(addr);
        long end = pageCeil(addr + len);
        if (mapped.mappedIn(addr, end) != end - addr) {
            return false;
        }
        for (long p = addr; Long.compareUnsigned(p, end) < 0; p += Page.SIZE) {
            Page page = pages.get(p >>> Page.SHIFT);
            if ((prot & Prot.EXEC) == 0) {
                dropCode(page);
            }
            page.prot = prot;
        }
        flushTlb();
        return true;
    }

    public boolean isMapped(long addr) {
        return pages.containsKey(addr >>> Page.SHIFT);
    }

    /** Protection of the page holding addr, or -1 if unmapped. */
    public int protAt(long addr) {
        Page p = pages.get(addr >>> Page.SHIFT);
        return p == null ? -1 : p.prot;
    }

    /** True if every page in [addr, addr+len) is unmapped. */
    public boolean isFree(long addr, long len) {
        return mappedBytes(pageFloor(addr), pageCeil(addr + len) - pageFloor(addr)) == 0;
    }

    /** How many bytes of the page-aligned range [addr, addr+len) are mapped. */
    public long mappedBytes(long addr, long len) {
        return mapped.mappedIn(addr, addr + len);
    }

    /** The highest page-aligned start of an unmapped range of len bytes within [low, top), or -1. */
    public long highestFree(long low, long top, long len) {
        return mapped.highestFree(low, top, len);
    }

    /** Mapped ranges in address order, merged where adjacent with equal protection (for reports and /proc-like views). */
    public TreeMap<Long, long[]> regions() {
        TreeMap<Long, Page> sorted = new TreeMap<>(Long::compareUnsigned);
        for (Page p : pages.values()) {
            sorted.put(p.base, p);
        }
        TreeMap<Long, long[]> out = new TreeMap<>(Long::compareUnsigned);
        long start = 0, end = 0;
        int prot = -1;
        for (Page p : sorted.values()) {
            if (prot == p.prot && p.base == end) {
                end += Page.SIZE;
            } else {
                if (prot >= 0) {
                    out.put(start, new long[] {end, prot});
                }
                start = p.base;
                end = p.base + Page.SIZE;
                prot = p.prot;
            }
        }
        if (prot >= 0) {
            out.put(start, new long[] {end, prot});
        }
        return out;
    }

    public static long pageFloor(long addr) {
        return addr & ~Page.MASK;
    }

    public static long pageCeil(long addr) {
        return (addr + Page.MASK) & ~Page.MASK;
    }

    private static void checkAligned(long addr) {
        if ((addr & Page.MASK) != 0) {
            throw new IllegalArgumentException("address not page-aligned: 0x" + Long.toHexString(addr));
        }
    }

    private void flushTlb() {
        java.util.Arrays.fill(rTag, -1L);
        java.util.Arrays.fill(wTag, -1L);
        java.util.Arrays.fill(rData, null);
        java.util.Arrays.fill(wData, null);
    }

    private static void dropCode(Page page) {
        DecodedCode code = (DecodedCode) page.code;
        if (code != null) {
            page.code = null;
            code.invalidate();
        }
    }

    // ---------------------------------------------------------------- page lookup

    /** The page holding addr for an instruction fetch; faults unless mapped and executable. */
    public Page execPage(long addr) {
        Page p = pages.get(addr >>> Page.SHIFT);
        if (p == null) {
            throw new MemoryFault(addr, MemoryFault.Access.EXEC, false);
        }
        if ((p.prot & Prot.EXEC) == 0) {
            throw new MemoryFault(addr, MemoryFault.Access.EXEC, true);
        }
        return p;
    }

    /**
     * Records that the CPU decoded instructions from this page: the page leaves the write TLB so
     * that the next store to it drops the code.
     */
    public void attachCode(Page page, DecodedCode code) {
        page.code = code;
        int i = (int) (page.base >>> Page.SHIFT) & TLB_MASK;
        if (wTag[i] == page.base >>> Page.SHIFT) {
            wTag[i] = -1;
            wData[i] = null;
        }
    }

    private ByteBuffer readPage(long addr) {
        long pn = addr >>> Page.SHIFT;
        Page p = pages.get(pn);
        if (p == null) {
            throw new MemoryFault(addr, MemoryFault.Access.READ, false);
        }
        if ((p.prot & Prot.READ) == 0) {
            throw new MemoryFault(addr, MemoryFault.Access.READ, true);
        }
        int i = (int) pn & TLB_MASK;
        rTag[i] = pn;
        rData[i] = p.data();
        return p.data();
    }

    private ByteBuffer writePage(long addr) {
        long pn = addr >>> Page.SHIFT;
        Page p = pages.get(pn);
        if (p == null) {
            throw new MemoryFault(addr, MemoryFault.Access.WRITE, false);
        }
        if ((p.prot & Prot.WRITE) == 0) {
            throw new MemoryFault(addr, MemoryFault.Access.WRITE, true);
        }
        if (p.code != null) {
            dropCode(p);
        }
        int i = (int) pn & TLB_MASK;
        wTag[i] = pn;
        wData[i] = p.data();
        return p.data();
    }

    /**
     * Checks that [addr, addr+len) may be written, faulting at the first address that may not.
     * len is unsigned; a range that wraps past 2^64 faults (the top of the address space is
     * never mapped).
     */
    public void checkWritable(long addr, long len) {
        checkRange(addr, len, true);
    }

    /** Checks that [addr, addr+len) may be read, faulting at the first address that may not. len is unsigned. */
    public void checkReadable(long addr, long len) {
        checkRange(addr, len, false);
    }

    private void checkRange(long addr, long len, boolean write) {
        if (len == 0) {
            return;
        }
        long last = addr + (len - 1);
        boolean wraps = Long.compareUnsigned(last, addr) < 0;
        long lastPage = pageFloor(wraps ? -1L : last);
        for (long p = pageFloor(addr); ; p += Page.SIZE) {
            long a = Long.compareUnsigned(p, addr) < 0 ? addr : p;
            if (write) {
                writePage(a);
            } else {
                readPage(a);
            }
            if (p == lastPage) {
                break;
            }
        }
        if (wraps) {
            throw new MemoryFault(0, write ? MemoryFault.Access.WRITE : MemoryFault.Access.READ, false);
        }
    }

    // ---------------------------------------------------------------- loads

    public int read8(long addr) {
        long pn = addr >>> Page.SHIFT;
        int i = (int) pn & TLB_MASK;
        ByteBuffer d = rTag[i] == pn ? rData[i] : readPage(addr);
        return d.get((int) addr & (int) Page.MASK) & 0xff;
    }

    public int read16(long addr) {
        int off = (int) addr & (int) Page.MASK;
        if (off <= Page.SIZE - 2) {
            long pn = addr >>> Page.SHIFT;
            int i = (int) pn & TLB_MASK;
            ByteBuffer d = rTag[i] == pn ? rData[i] : readPage(addr);
            return d.getShort(off) & 0xffff;
        }
        checkReadable(addr, 2);
        return read8(addr) | read8(addr + 1) << 8;
    }

    public int read32(long addr) {
        int off = (int) addr & (int) Page.MASK;
        if (off <= Page.SIZE - 4) {
            long pn = addr >>> Page.SHIFT;
            int i = (int) pn & TLB_MASK;
            ByteBuffer d = rTag[i] == pn ? rData[i] : readPage(addr);
            return d.getInt(off);
        }
        checkReadable(addr, 4);
        return read16(addr) | read16(addr + 2) << 16;
    }

    public long read64(long addr) {
        int off = (int) addr & (int) Page.MASK;
        if (off <= Page.SIZE - 8) {
            long pn = addr >>> Page.SHIFT;
            int i = (int) pn & TLB_MASK;
            ByteBuffer d = rTag[i] == pn ? rData[i] : readPage(addr);
            return d.getLong(off);
        }
        checkReadable(addr, 8);
        return (read32(addr) & 0xffffffffL) | (long) read32(addr + 4) << 32;
    }

    /**
     * Reads the 16 bytes at {@code addr} into {@code out[0]} (low quadword) and {@code out[1]}
     * with one TLB lookup. The caller guarantees they lie within one page ({@code addr}'s offset
     * at most {@code Page.SIZE - 16}); a fault is reported at {@code addr}, as {@link #read64}'s.
     */
    public void read128(long addr, long[] out) {
        int off = (int) addr & (int) Page.MASK;
        long pn = addr >>> Page.SHIFT;
        int i = (int) pn & TLB_MASK;
        ByteBuffer d = rTag[i] == pn ? rData[i] : readPage(addr);
        out[0] = d.getLong(off);
        out[1] = d.getLong(off + 8);
    }

    /** Reads size (1, 2, 4 or 8) bytes, zero-extended. */
    public long read(long addr, int size) {
        switch (size) {
            case 1: return read8(addr);
            case 2: return read16(addr);
            case 4: return read32(addr) & 0xffffffffL;
            default: return read64(addr);
        }
    }

    // ---------------------------------------------------------------- stores

    public void write8(long addr, int v) {
        long pn = addr >>> Page.SHIFT;
        int i = (int) pn & TLB_MASK;
        ByteBuffer d = wTag[i] == pn ? wData[i] : writePage(addr);
        d.put((int) addr & (int) Page.MASK, (byte) v);
    }

    public void write16(long addr, int v) {
        int off = (int) addr & (int) Page.MASK;
        if (off <= Page.SIZE - 2) {
            long pn = addr >>> Page.SHIFT;
            int i = (int) pn & TLB_MASK;
            ByteBuffer d = wTag[i] == pn ? wData[i] : writePage(addr);
            d.putShort(off, (short) v);
            return;
        }
        checkWritable(addr, 2);
        write8(addr, v);
        write8(addr + 1, v >>> 8);
    }

    public void write32(long addr, int v) {
        int off = (int) addr & (int) Page.MASK;
        if (off <= Page.SIZE - 4) {
            long pn = addr >>> Page.SHIFT;
            int i = (int) pn & TLB_MASK;
            ByteBuffer d = wTag[i] == pn ? wData[i] : writePage(addr);
            d.putInt(off, v);
            return;
        }
        checkWritable(addr, 4);
        write16(addr, v);
        write16(addr + 2, v >>> 16);
    }

    public void write64(long addr, long v) {
        int off = (int) addr & (int) Page.MASK;
        if (off <= Page.SIZE - 8) {
            long pn = addr >>> Page.SHIFT;
            int i = (int) pn & TLB_MASK;
            ByteBuffer d = wTag[i] == pn ? wData[i] : writePage(addr);
            d.putLong(off, v);
            return;
        }
        checkWritable(addr, 8);
        write32(addr, (int) v);
        write32(addr + 4, (int) (v >>> 32));
    }

    /**
     * Writes lo and hi as the 16 bytes at {@code addr} with one TLB lookup; the caller
     * guarantees they lie within one page (see {@link #read128}).
     */
    public void write128(long addr, long lo, long hi) {
        int off = (int) addr & (int) Page.MASK;
        long pn = addr >>> Page.SHIFT;
        int i = (int) pn & TLB_MASK;
        ByteBuffer d = wTag[i] == pn ? wData[i] : writePage(addr);
        d.putLong(off, lo);
        d.putLong(off + 8, hi);
    }

    /** Writes the low size (1, 2, 4 or 8) bytes of v. */
    public void write(long addr, int size, long v) {
        switch (size) {
            case 1: write8(addr, (int) v); break;
            case 2: write16(addr, (int) v); break;
            case 4: write32(addr, (int) v); break;
            default: write64(addr, v); break;
        }
    }

    // ---------------------------------------------------------------- bulk

    /** Copies guest bytes out; faults (before copying anything) if any byte is unreadable. */
    public void readBytes(long addr, byte[] dst, int off, int len) {
        checkReadable(addr, len);
        for (int n = 0; n < len; ) {
            long a = addr + n;
            Page p = pages.get(a >>> Page.SHIFT);
            int po = (int) (a & Page.MASK);
            int chunk = Math.min(len - n, Page.SIZE - po);
            p.data().get(po, dst, off + n, chunk);
            n += chunk;
        }
    }

    public byte[] readBytes(long addr, int len) {
        byte[] b = new byte[len];
        readBytes(addr, b, 0, len);
        return b;
    }

    /** Copies bytes into the guest; faults (before writing anything) if any byte is unwritable. */
    public void writeBytes(long addr, byte[] src, int off, int len) {
        checkWritable(addr, len);
        for (int n = 0; n < len; ) {
            long a = addr + n;
            Page p = pages.get(a >>> Page.SHIFT);
            int po = (int) (a & Page.MASK);
            int chunk = Math.min(len - n, Page.SIZE - po);
            p.data().put(po, src, off + n, chunk);
            n += chunk;
        }
    }

    public void writeBytes(long addr, byte[] src) {
        writeBytes(addr, src, 0, src.length);
    }

    /**
     * Loader and kernel access: writes bytes whatever the page protection (the pages must be
     * mapped), as the kernel does when it fills a read-only segment.
     */
    public void poke(long addr, byte[] src, int off, int len) {
        for (int n = 0; n < len; ) {
            long a = addr + n;
            Page p = pages.get(a >>> Page.SHIFT);
            if (p == null) {
                throw new MemoryFault(a, MemoryFault.Access.WRITE, false);
            }
            dropCode(p);
            int po = (int) (a & Page.MASK);
            int chunk = Math.min(len - n, Page.SIZE - po);
            p.data().put(po, src, off + n, chunk);
            n += chunk;
        }
    }

    /** Reads bytes whatever the protection (debugger, reports); unmapped bytes fault. */
    public byte[] peek(long addr, int len) {
        byte[] b = new byte[len];
        for (int n = 0; n < len; ) {
            long a = addr + n;
            Page p = pages.get(a >>> Page.SHIFT);
            if (p == null) {
                throw new MemoryFault(a, MemoryFault.Access.READ, false);
            }
            int po = (int) (a & Page.MASK);
            int chunk = Math.min(len - n, Page.SIZE - po);
            p.data().get(po, b, n, chunk);
            n += chunk;
        }
        return b;
    }

    /** Reads a NUL-terminated string of at most max bytes (kernel use: paths, names). */
    public String readCString(long addr, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            int c = read8(addr + i);
            if (c == 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
