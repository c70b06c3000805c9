package gmpvm.emulator.memory;

import java.nio.ByteBuffer;

/**
 * One 4 KiB page of guest memory: its bytes, its protection and, when the CPU has decoded
 * instructions from it, the decoded-instruction cache that a store to the page must drop.
 * The bytes are allocated when the page is first touched, so a large mapping the guest never
 * uses costs no host memory for its contents; they live outside the Java heap ({@link PageStore}).
 */
public final class Page {
    public static final int SHIFT = 12;
    public static final int SIZE = 1 << SHIFT;
    public static final long MASK = SIZE - 1;

    final long base;
    private final PageStore store;
    private ByteBuffer data;
    int prot;
    /** Decoded code from this page (owned by the CPU's decode cache), or null. */
    Object code;

    Page(long base, int prot, PageStore store) {
        this.base = base;
        this.prot = prot;
        this.store = store;
    }

    public long base() {
        return base;
    }

    /** The page's bytes (zeros until written, little-endian, 4 KiB from index 0), allocated on first use. */
    public ByteBuffer data() {
        ByteBuffer d = data;
        if (d == null) {
            d = store.take();
            data = d;
        }
        return d;
    }

    /** Gives the bytes back to the store (the page is unmapped or replaced). */
    void release() {
        if (data != null) {
            store.give(data);
            data = null;
        }
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
