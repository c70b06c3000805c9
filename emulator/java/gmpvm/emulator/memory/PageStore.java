package gmpvm.emulator.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;

/**
 * Where the bytes of guest pages live: beyond the first {@link #HEAP_BYTES} (8 MiB), outside the
 * Java heap, in direct buffers carved into 4 KiB pages, so that the guest's memory is limited by
 * {@code --mem} (checked when memory is mapped) and not by the JVM's heap size. The first 8 MiB
 * are ordinary heap buffers: the many small machines of tests and replays then cost the garbage
 * collector what any object does, instead of direct memory that is freed only after a
 * collection notices it. Buffers are taken in chunks that grow from 8 KiB to 1 MiB (a machine
 * that touches a few pages holds little) and pages freed by munmap are kept for reuse, zeroed
 * when they are handed out again, so a guest that maps and unmaps in a loop does not wait for
 * the garbage collector to give memory back. One store per GuestMemory; the chunks go when the
 * memory does.
 */
final class PageStore {
    private static final int FIRST_CHUNK_PAGES = 2;
    private static final int MAX_CHUNK_PAGES = 256;
    /** Page bytes held on the Java heap before chunks come from direct memory. */
    static final long HEAP_BYTES = 8L << 20;
    private static final byte[] ZEROS = new byte[Page.SIZE];

    /** Pages given back, to be zeroed when taken again. */
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    /** The current chunk, and how many of its pages were handed out (fresh pages are already zero). */
    private ByteBuffer chunk;
    private int chunkUsed;
    private int nextChunkPages = FIRST_CHUNK_PAGES;
    private long held;

    /** A zeroed page of bytes, little-endian. */
    ByteBuffer take() {
        ByteBuffer b = free.pollLast();
        if (b != null) {
            b.put(0, ZEROS);
            return b;
        }
        if (chunk == null || chunkUsed * Page.SIZE == chunk.capacity()) {
            int n = nextChunkPages;
            try {
                chunk = held + (long) n * Page.SIZE <= HEAP_BYTES
                        ? ByteBuffer.allocate(n * Page.SIZE) : ByteBuffer.allocateDirect(n * Page.SIZE);
            } catch (OutOfMemoryError e) {
                throw new HostMemoryExhausted(held, e);
            }
            held += (long) n * Page.SIZE;
            nextChunkPages = Math.min(MAX_CHUNK_PAGES, n * 2);
            chunkUsed = 0;
        }
        return chunk.slice(chunkUsed++ * Page.SIZE, Page.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Gives a page's bytes back for reuse. */
    void give(ByteBuffer b) {
        free.add(b);
    }

    /** Bytes of host memory held for pages, in use or kept for reuse. */
    long held() {
        return held;
    }
}
