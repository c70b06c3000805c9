package gmpvm.emulator.memory;

/** Something decoded from a page's bytes (the CPU's instruction cache) that a store makes stale. */
public interface DecodedCode {
    /** Called once when the page is written, unmapped or re-protected. */
    void invalidate();
}
