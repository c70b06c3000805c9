package gmpvm.emulator.memory;

/**
 * A guest access that the page tables refuse. The CPU turns it into SIGSEGV with the fault
 * address and the code SEGV_MAPERR (no page) or SEGV_ACCERR (page present, access denied).
 */
public final class MemoryFault extends RuntimeException {
    public enum Access { READ, WRITE, EXEC }

    public static final int SEGV_MAPERR = 1;
    public static final int SEGV_ACCERR = 2;

    private final long address;
    private final Access access;
    private final boolean mapped;

    public MemoryFault(long address, Access access, boolean mapped) {
        super(null, null, false, false);
        this.address = address;
        this.access = access;
        this.mapped = mapped;
    }

    public long address() {
        return address;
    }

    public Access access() {
        return access;
    }

    /** True when a page exists at the address but its protection forbids the access. */
    public boolean mapped() {
        return mapped;
    }

    public int siCode() {
        return mapped ? SEGV_ACCERR : SEGV_MAPERR;
    }

    @Override
    public String getMessage() {
        return String.format("%s of 0x%x: %s", access.name().toLowerCase(), address,
                mapped ? "permission denied" : "unmapped");
    }
}
