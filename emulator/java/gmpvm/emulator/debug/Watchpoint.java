package gmpvm.emulator.debug;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;

/**
 * A write watchpoint on {@code length} bytes (1 to 8) at {@link #address}: stops the run after
 * an instruction or a system call changed them (a software watchpoint, as gdb's: a write of the
 * same value goes unnoticed; writes by every thread and by the kernel are seen).
 */
public final class Watchpoint extends Stoppoint {
    private final long address;
    private final int length;
    private final String expression;
    private long value;
    private boolean readable;
    private long oldValue;

    Watchpoint(int id, long address, int length, String expression, GuestMemory mem) {
        super(id);
        if (length < 1 || length > 8) {
            throw new IllegalArgumentException("a watchpoint covers 1 to 8 bytes");
        }
        this.address = address;
        this.length = length;
        this.expression = expression;
        sample(mem);
        this.oldValue = value;
    }

    public long address() {
        return address;
    }

    public int length() {
        return length;
    }

    /** What the user watched (an address or expression), as given. */
    public String expression() {
        return expression;
    }

    /** The value now (little-endian, {@code length} bytes). */
    public long value() {
        return value;
    }

    /** The value before the last change that stopped the run. */
    public long oldValue() {
        return oldValue;
    }

    /** Reverse execution landed just after a write that changed the bytes from before. */
    void replayed(long before, GuestMemory mem) {
        sample(mem);
        oldValue = before;
    }

    /** Re-reads the watched bytes; true when they differ from the last reading. */
    boolean changed(GuestMemory mem) {
        long before = value;
        boolean wasReadable = readable;
        sample(mem);
        if (before != value || wasReadable != readable) {
            oldValue = before;
            return true;
        }
        return false;
    }

    private void sample(GuestMemory mem) {
        long v = 0;
        try {
            for (int k = length - 1; k >= 0; k--) {
                v = (v << 8) | (mem.read8(address + k) & 0xff);
            }
            readable = true;
        } catch (MemoryFault f) {
            v = 0;
            readable = false;
        }
        value = v;
    }
}
