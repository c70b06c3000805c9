package gmpvm.cli.gdb;

import java.nio.charset.StandardCharsets;

/**
 * Hex text as the Remote Serial Protocol writes it: two lower-case digits per byte, numbers
 * without leading zeros, and register contents in target (little-endian) byte order.
 */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** The value of one hex digit, or -1. */
    static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Two hex digits per byte. */
    static String encode(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xff;
            sb.append(DIGITS[v >>> 4]).append(DIGITS[v & 15]);
        }
        return sb.toString();
    }

    static String encode(byte[] b) {
        return encode(b, 0, b.length);
    }

    /** Hex of a text's UTF-8 bytes (qThreadExtraInfo, qRcmd output). */
    static String encodeText(String s) {
        return encode(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes of an even-length hex string; null if it is not one. */
    static byte[] decode(String s) {
        if ((s.length() & 1) != 0) {
            return null;
        }
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = digit(s.charAt(2 * i));
            int lo = digit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    /**
     * An unsigned number of 1 to 16 hex digits; throws NumberFormatException otherwise (the
     * caller answers with an error packet).
     */
    static long number(String s) {
        if (s.isEmpty() || s.length() > 16) {
            throw new NumberFormatException("bad hex number '" + s + "'");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                throw new NumberFormatException("bad hex number '" + s + "'");
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A number in the protocol's form: lower-case hex, no leading zeros. */
    static String number(long v) {
        return Long.toHexString(v);
    }

    /** The low size bytes of v, least significant first. */
    static String littleEndian(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return encode(b);
    }
}
