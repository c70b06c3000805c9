package gmpvm.emulator.memory;

/**
 * The host could not give guest pages more memory (the JVM's direct-memory limit, or the machine
 * itself, is below what {@code --mem} allows). The run ends with a report instead of an
 * OutOfMemoryError; lowering --mem or raising -XX:MaxDirectMemorySize avoids it.
 */
public final class HostMemoryExhausted extends RuntimeException {
    private final long held;

    HostMemoryExhausted(long held, OutOfMemoryError cause) {
        super("the host has no memory for more guest pages (" + (held >> 20) + " MiB held)", cause);
        this.held = held;
    }

    /** Bytes of guest pages the machine held when it ran out. */
    public long held() {
        return held;
    }
}
