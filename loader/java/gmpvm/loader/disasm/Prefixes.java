package gmpvm.loader.disasm;

/**
 * The prefix bytes in front of one instruction's opcode, in the order they appear, with the
 * REX byte (if any) that the opcode sees. The formatters need the order because GNU objdump
 * prints prefixes the instruction does not consume by name, in byte order.
 */
final class Prefixes {
    final int[] bytes;
    final int count;
    /** Index in {@link #bytes} of the REX that applies, or -1. */
    final int rexAt;
    final int rex;

    private Prefixes(int[] bytes, int count, int rexAt, int rex) {
        this.bytes = bytes;
        this.count = count;
        this.rexAt = rexAt;
        this.rex = rex;
    }

    static boolean isLegacy(int b) {
        switch (b) {
            case 0xf0: case 0xf2: case 0xf3: case 0x66: case 0x67:
            case 0x2e: case 0x3e: case 0x26: case 0x36: case 0x64: case 0x65:
                return true;
            default:
                return false;
        }
    }

    /** Reads the prefix run of the instruction whose bytes start at {@code code[off]}, at most {@code len} bytes. */
    static Prefixes of(byte[] code, int off, int len) {
        int[] b = new int[15];
        int n = 0;
        int rexAt = -1;
        int rex = 0;
        int end = Math.min(len, 15);
        while (n < end && off + n < code.length) {
            int x = code[off + n] & 0xff;
            if (isLegacy(x)) {
                b[n++] = x;
                continue;
            }
            if ((x & 0xf0) == 0x40) {
                b[n] = x;
                int next = off + n + 1 < code.length ? code[off + n + 1] & 0xff : 0;
                if (!isLegacy(next) && (next & 0xf0) != 0x40) {
                    rexAt = n;
                    rex = x;
                }
                n++;
                if (rexAt >= 0) {
                    break;
                }
                continue;
            }
            break;
        }
        return new Prefixes(b, n, rexAt, rex);
    }

    /** Index of the last occurrence of a byte among the legacy prefixes, or -1. */
    int last(int value) {
        for (int i = count - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    boolean has(int value) {
        return last(value) >= 0;
    }

    static String rexName(int rex) {
        if ((rex & 0xf) == 0) {
            return "rex";
        }
        StringBuilder sb = new StringBuilder("rex.");
        if ((rex & 8) != 0) {
            sb.append('W');
        }
        if ((rex & 4) != 0) {
            sb.append('R');
        }
        if ((rex & 2) != 0) {
            sb.append('X');
        }
        if ((rex & 1) != 0) {
            sb.append('B');
        }
        return sb.toString();
    }
}
