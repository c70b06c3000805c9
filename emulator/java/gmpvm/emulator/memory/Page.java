package gmpvm.emulator.memory;

/**
 * One 4 KiB page of guest memory: its bytes, its protection and, when the CPU has decoded
 * instructions from it, the decoded-instruction cache that a store to the page must drop.
 */
public final class Page {
    public static final int SHIFT = 12;
    public static final int SIZE = 1 << SHIFT;
    public static final long MASK = SIZE - 1;

    final long base;
    final byte[] data = new byte[SIZE];
    int prot;
    /** Decoded code from this page (owned by the CPU's decode cache), or null. */
    Object code;

    Page(long base, int prot) {
        this.base = base;
        this.prot = prot;
    }

    public long base() {
        return base;
    }

    public byte[] data() {
        return data;
    }

    public int prot() {
        return prot;
    }

    public Object code() {
        return code;
    }
}
