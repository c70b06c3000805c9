package gmpvm.cli.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Remote Serial Protocol replies: {@code $}, the payload with {@code #}, {@code $},
 * {@code }} and {@code *} escaped (so binary qXfer data and any text pass unchanged and nothing
 * reads as run-length encoding), {@code #} and the two-digit checksum of the bytes as sent.
 */
final class PacketWriter {
    private final OutputStream out;
    private byte[] last = frame(new byte[0]);

    PacketWriter(OutputStream out) {
        this.out = out;
    }

    /** Sends one reply packet. */
    void send(String payload) throws IOException {
        send(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] payload) throws IOException {
        last = frame(payload);
        out.write(last);
        out.flush();
    }

    /** Sends the last reply again (gdb NAKed it). */
    void resend() throws IOException {
        out.write(last);
        out.flush();
    }

    /** Sends a bare acknowledgement byte ({@code +} or {@code -}). */
    void ack(boolean good) throws IOException {
        out.write(good ? '+' : '-');
        out.flush();
    }

    /** The framed bytes of a packet with this payload. */
    static byte[] frame(byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(payload.length + 4);
        b.write('$');
        int sum = 0;
        for (byte x : payload) {
            int c = x & 0xff;
            if (c == '#' || c == '$' || c == '}' || c == '*') {
                b.write('}');
                sum += '}';
                c ^= 0x20;
            }
            b.write(c);
            sum += c;
        }
        b.write('#');
        String cs = String.format("%02x", sum & 0xff);
        b.write(cs.charAt(0));
        b.write(cs.charAt(1));
        return b.toByteArray();
    }
}
