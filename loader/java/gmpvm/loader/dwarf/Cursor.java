package gmpvm.loader.dwarf;

/**
 * A little-endian read position in a DWARF section. Reads past the end throw
 * {@link DwarfException}, so a truncated or corrupt section ends the parse with a message
 * instead of an index error.
 */
final class Cursor {
    private final byte[] b;
    private final int end;
    int pos;

    Cursor(byte[] b, int pos) {
        this(b, pos, b.length);
    }

    /** A cursor that stops at end (a unit's end within its section). */
    Cursor(byte[] b, int pos, int end) {
        this.b = b;
        this.pos = pos;
        this.end = end;
    }

    /** Where reading stops. */
    int length() {
        return end;
    }

    boolean atEnd() {
        return pos >= end;
    }

    private void need(long n) {
        if (n < 0 || pos + n > end) {
            throw new DwarfException("truncated at offset 0x" + Integer.toHexString(pos));
        }
    }

    int u8() {
        need(1);
        return b[pos++] & 0xff;
    }

    int u16() {
        need(2);
        int v = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    long u32() {
        need(4);
        long v = (b[pos] & 0xffL) | (b[pos + 1] & 0xffL) << 8 | (b[pos + 2] & 0xffL) << 16 | (b[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    long u64() {
        long lo = u32();
        return lo | u32() << 32;
    }

    /** An unsigned value of n bytes (1, 2, 4 or 8). */
    long unsigned(int n) {
        return switch (n) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw new DwarfException("bad size " + n);
        };
    }

    /** An n-byte little-endian address; bytes past the eighth are skipped. */
    long address(int n) {
        need(n);
        long v = 0;
        for (int i = 0; i < Math.min(n, 8); i++) {
            v |= (long) (b[pos + i] & 0xff) << (8 * i);
        }
        pos += n;
        return v;
    }

    long uleb() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = u8();
            if (shift < 64) {
                v |= (long) (x & 0x7f) << shift;
            }
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }

    long sleb() {
        long v = 0;
        int shift = 0;
        int x;
        do {
            x = u8();
            if (shift < 64) {
                v |= (long) (x & 0x7f) << shift;
            }
            shift += 7;
        } while ((x & 0x80) != 0);
        if (shift < 64 && (x & 0x40) != 0) {
            v |= -1L << shift;
        }
        return v;
    }

    /** A NUL-terminated string (UTF-8). */
    String cstring() {
        int start = pos;
        while (true) {
            need(1);
            if (b[pos++] == 0) {
                return new String(b, start, pos - 1 - start, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    /** The NUL-terminated string at offset off (a string section), without moving. */
    String stringAt(long off) {
        if (off < 0 || off >= b.length) {
            throw new DwarfException("string offset 0x" + Long.toHexString(off) + " outside its section");
        }
        int end = (int) off;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, (int) off, end - (int) off, java.nio.charset.StandardCharsets.UTF_8);
    }

    void skip(long n) {
        need(n);
        pos += (int) n;
    }

    byte[] bytes(long n) {
        need(n);
        byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }
}
