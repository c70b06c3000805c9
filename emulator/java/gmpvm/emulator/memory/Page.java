package gmpvm.emulator.memory;

/**
 * One 4 KiB page of guest memory: its bytes, its protection and, when the CPU has decoded
 * instructions from it, the decoded-instruction cache that a store to the page must drop.
 * The bytes are allocated when the page is first touched, so a large mapping the guest never
 * uses costs no host memory for its contents.
 */
public final class Page {
    public static final int SHIFT = 12;
    public static final int SIZE = 1 << SHIFT;
    public static final long MASK = SIZE - 1;

    final long base;
    private byte[] data;
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

    /** The page's bytes (zeros until written), allocated on first use. */
    public byte[] data() {
        byte[] d = data;
        if (d == null) {
            d = new byte[SIZE];
            data = d;
        }
        return d;
    }

    /** Whether the page has been touched (its bytes exist). */
    public boolean touched() {
        return data != null;
    }

    public int prot() {
        return prot;
    }

    public Object code() {
        return code;
    }
}
