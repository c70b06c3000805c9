package gmpvm.cli.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads Remote Serial Protocol packets ({@code $payload#cs}) from a byte stream, within a fixed
 * size bound: a packet whose payload grows past {@link #maxPayload} bytes is read to its
 * {@code #} and reported as {@link Incoming.Kind#OVERSIZED} without being kept, so no input can
 * make the stub use more memory than the bound. Between packets, acknowledgements ({@code +}) are
 * skipped, a {@code -} is reported as a NAK, 0x03 as an interrupt, and any other byte is noise
 * and ignored (as gdbserver does). Escapes ({@code }} then the byte XOR 0x20) are undone after
 * the checksum, which covers the bytes as sent, is verified.
 */
final class PacketReader {
    private final InputStream in;
    private final int maxPayload;
    private final byte[] buf;

    PacketReader(InputStream in, int maxPayload) {
        this.in = in;
        this.maxPayload = maxPayload;
        this.buf = new byte[maxPayload];
    }

    /** The next packet or event; blocks until one arrives. */
    Incoming next() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0) {
                return Incoming.EOF;
            }
            if (c == '$') {
                return packet();
            }
            if (c == '-') {
                return new Incoming(Incoming.Kind.NAK, new byte[0]);
            }
            if (c == 0x03) {
                return new Incoming(Incoming.Kind.INTERRUPT, new byte[0]);
            }
            // '+' acknowledgements and stray bytes between packets are ignored
        }
    }

    private Incoming packet() throws IOException {
        int n = 0;
        int sum = 0;
        boolean oversized = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return Incoming.EOF;
            }
            if (c == '#') {
                break;
            }
            sum += c;
            if (n < maxPayload) {
                buf[n++] = (byte) c;
            } else {
                oversized = true;
            }
        }
        int h = in.read();
        int l = h < 0 ? -1 : in.read();
        if (l < 0) {
            return Incoming.EOF;
        }
        if (oversized) {
            return new Incoming(Incoming.Kind.OVERSIZED, new byte[0]);
        }
        int hi = Hex.digit(h);
        int lo = Hex.digit(l);
        if (hi < 0 || lo < 0 || (hi << 4 | lo) != (sum & 0xff)) {
            return new Incoming(Incoming.Kind.BAD_CHECKSUM, new byte[0]);
        }
        byte[] out = unescape(buf, n);
        return out == null ? new Incoming(Incoming.Kind.BAD_CHECKSUM, new byte[0])
                : new Incoming(Incoming.Kind.PACKET, out);
    }

    /** Undoes {@code }} escapes; null when the data ends in a lone escape byte. */
    static byte[] unescape(byte[] b, int len) {
        byte[] out = new byte[len];
        int k = 0;
        for (int i = 0; i < len; i++) {
            if (b[i] == '}') {
                if (++i == len) {
                    return null;
                }
                out[k++] = (byte) (b[i] ^ 0x20);
            } else {
                out[k++] = b[i];
            }
        }
        return k == len ? out : Arrays.copyOf(out, k);
    }
}
