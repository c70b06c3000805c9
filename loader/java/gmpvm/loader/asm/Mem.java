package gmpvm.loader.asm;

/**
 * A concrete x86 memory operand after Go's names are resolved: optional FS segment, base
 * (-1 none, 0-15, or {@link #RIP}), index (-1 none), scale, displacement, and optionally a
 * symbol whose address is added to the displacement (RIP-relative or absolute 32-bit).
 */
record Mem(boolean fs, int base, int index, int scale, long disp, String sym, Pos pos) {
    static final int RIP = 16;
}
