package gmpvm.cli.gdb;

/**
 * What {@link PacketReader} found on the wire.
 *
 * @param kind    a well-formed packet, a damaged one, gdb's interrupt byte, or the end of input
 * @param payload the packet's data with escapes undone (empty unless kind is PACKET)
 */
record Incoming(Kind kind, byte[] payload) {
    /** The kinds of input. */
    enum Kind {
        /** {@code $data#cs} with a matching checksum. */
        PACKET,
        /** A packet whose checksum is wrong or not two hex digits: NAKed (answered with an error in no-ack mode). */
        BAD_CHECKSUM,
        /** A packet longer than the advertised PacketSize: read to its end without keeping it, answered with an error. */
        OVERSIZED,
        /** A negative acknowledgement: gdb asks for the last reply again. */
        NAK,
        /** The 0x03 byte gdb sends for Ctrl-C. */
        INTERRUPT,
        /** The connection closed. */
        EOF
    }

    static final Incoming EOF = new Incoming(Kind.EOF, new byte[0]);

    /** The payload as text (ISO-8859-1, byte for char, so binary data survives). */
    String text() {
        return new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
