package gmpvm.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Two-byte opcodes 0F D0-FF are SSE integer instructions, not BSWAP (which is only 0F C8-CF).
 * Found by the whole-program tests: gcc's vectorised loops use PADDD/PXOR there.
 */
class TwoByteSseDecodeTest {
    private static Insn decode(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) bytes[k];
        }
        return new Decoder().decode(b, b.length, 0x1000);
    }

    @Test
    void padddWithRexIsFiveBytes() {
        Insn i = decode(0x66, 0x41, 0x0f, 0xfe, 0xd9);
        assertEquals(Op.PADDD, i.op);
        assertEquals(5, i.len);
    }

    @Test
    void pxorIsNotBswap() {
        Insn i = decode(0x66, 0x0f, 0xef, 0xc0);
        assertEquals(Op.PXOR, i.op);
        assertEquals(4, i.len);
    }

    @Test
    void bswapStillDecodes() {
        Insn i = decode(0x48, 0x0f, 0xcb);
        assertEquals(Op.BSWAP, i.op);
        assertEquals(3, i.reg0);
        assertEquals(3, i.len);
    }
}
