package gmpvm.cli.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packet layer alone: framing, checksums, escapes, acks, damaged and oversized packets. */
class PacketFramingTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static PacketReader reader(String wire, int max) {
        return new PacketReader(new ByteArrayInputStream(ascii(wire)), max);
    }

    @Test
    void framesWithTheModulo256Checksum() {
        // 'g' is 0x67; "OK" is 0x4f+0x4b = 0x9a
        assertEquals("$g#67", new String(PacketWriter.frame(ascii("g")), StandardCharsets.ISO_8859_1));
        assertEquals("$OK#9a", new String(PacketWriter.frame(ascii("OK")), StandardCharsets.ISO_8859_1));
        assertEquals("$#00", new String(PacketWriter.frame(new byte[0]), StandardCharsets.ISO_8859_1));
    }

    @Test
    void escapesTheFourSpecialBytesAndChecksumsTheEscapedForm() {
        byte[] framed = PacketWriter.frame(ascii("a#b$c}d*e"));
        String s = new String(framed, StandardCharsets.ISO_8859_1);
        assertEquals("$a}\u0003b}\u0004c}]d}\ne#", s.substring(0, s.length() - 2));
        int sum = 0;
        for (int i = 1; i < framed.length - 3; i++) {
            sum += framed[i] & 0xff;
        }
        assertEquals(String.format("%02x", sum & 0xff), s.substring(s.length() - 2));
    }

    @Test
    void readsBackWhatItWritesForEveryByteValue() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[r.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) r.nextInt(256);
            }
            Incoming m = new PacketReader(new ByteArrayInputStream(PacketWriter.frame(data)), 1024).next();
            assertEquals(Incoming.Kind.PACKET, m.kind());
            assertArrayEquals(data, m.payload());
        }
    }

    @Test
    void skipsAcksAndNoiseBetweenPacketsAndReportsNakAndInterrupt() throws IOException {
        PacketReader r = reader("++xyz$g#67-\u0003$?#3f", 64);
        Incoming a = r.next();
        assertEquals(Incoming.Kind.PACKET, a.kind());
        assertEquals("g", a.text());
        assertEquals(Incoming.Kind.NAK, r.next().kind());
        assertEquals(Incoming.Kind.INTERRUPT, r.next().kind());
        assertEquals("?", r.next().text());
        assertEquals(Incoming.Kind.EOF, r.next().kind());
    }

    @Test
    void wrongOrNonHexChecksumsAreBadAndTheStreamResynchronises() throws IOException {
        PacketReader r = reader("$g#68$g#zz$m0,1}#00$g#67", 64);
        assertEquals(Incoming.Kind.BAD_CHECKSUM, r.next().kind());
        assertEquals(Incoming.Kind.BAD_CHECKSUM, r.next().kind());
        // a lone escape byte at the end of the data cannot be undone, whatever the checksum
        assertEquals(Incoming.Kind.BAD_CHECKSUM, r.next().kind());
        assertEquals("g", r.next().text());
    }

    @Test
    void anOversizedPacketIsReadToItsEndWithinTheBound() throws IOException {
        StringBuilder big = new StringBuilder("$");
        for (int i = 0; i < 100_000; i++) {
            big.append('A');
        }
        big.append("#00$g#67");
        PacketReader r = reader(big.toString(), 16);
        assertEquals(Incoming.Kind.OVERSIZED, r.next().kind());
        assertEquals("g", r.next().text());
    }

    @Test
    void aPacketCutOffByTheEndOfInputIsTheEnd() throws IOException {
        assertEquals(Incoming.Kind.EOF, reader("$qSupp", 64).next().kind());
        assertEquals(Incoming.Kind.EOF, reader("$g#6", 64).next().kind());
    }

    @Test
    void endlessDataWithoutATerminatorUsesNoMoreThanTheBound() throws IOException {
        // 50 MB of packet body: the reader keeps at most maxPayload bytes and ends at EOF
        InputStream endless = new InputStream() {
            long left = 50_000_000;

            @Override
            public int read() {
                if (left == 50_000_000) {
                    left--;
                    return '$';
                }
                return left-- > 0 ? 'x' : -1;
            }
        };
        assertEquals(Incoming.Kind.EOF, new PacketReader(endless, 16).next().kind());
    }

    @Test
    void resendRepeatsTheLastReplyExactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter w = new PacketWriter(out);
        w.send("T05thread:3e8;");
        w.ack(true);
        w.resend();
        assertEquals("$T05thread:3e8;#76+$T05thread:3e8;#76", out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void hexNumbersAreBoundedAndStrict() {
        assertEquals(0x3e8, Hex.number("3e8"));
        assertEquals(-1L, Hex.number("ffffffffffffffff"));
        for (String bad : new String[] {"", "12345678901234567", "12g", "-1"}) {
            org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> Hex.number(bad));
        }
        assertEquals(null, Hex.decode("abc"));
        assertEquals(null, Hex.decode("zz"));
        assertArrayEquals(new byte[] {1, (byte) 0xab}, Hex.decode("01AB"));
        assertEquals("e8030000", Hex.littleEndian(1000, 4));
    }
}
