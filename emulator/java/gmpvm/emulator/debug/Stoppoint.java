package gmpvm.emulator.debug;

/**
 * Something armed in an {@link Engine} that can stop the run: a {@link Breakpoint}, a
 * {@link Watchpoint}, a {@link Catchpoint} or a {@link Hook}. Ids are handed out in order,
 * starting at 1, shared by all kinds (as gdb numbers them).
 */
public abstract sealed class Stoppoint permits Breakpoint, Watchpoint, Catchpoint, Hook {
    private final int id;
    private boolean enabled = true;
    private long hits;
    private boolean temporary;

    Stoppoint(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How many times it stopped the run (or, for a breakpoint, was reached with its condition true). */
    public long hits() {
        return hits;
    }

    void hit() {
        hits++;
    }

    /** Deleted after its first stop (gdb's tbreak). */
    public boolean temporary() {
        return temporary;
    }

    public void setTemporary(boolean temporary) {
        this.temporary = temporary;
    }
}
