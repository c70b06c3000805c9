package gmpvm.cpu;

/**
 * The initial contents of a test case's 4 KiB data buffer, a pure function of a seed. It mirrors
 * fill_buffer() in cpuharness.c bit for bit: each 8-byte word is, one time in four, an edge
 * value ({@link X86Gen#EDGE}), else random (splitmix64).
 */
final class DataBuffer {
    private DataBuffer() {
    }

    static byte[] fill(long seed) {
        byte[] b = new byte[X86Gen.DATA_SIZE];
        long[] s = {seed};
        for (int w = 0; w < b.length / 8; w++) {
            long x = next(s);
            long v = (x & 3) == 0 ? X86Gen.EDGE[(int) ((x >>> 2) & 15)] : next(s);
            for (int k = 0; k < 8; k++) {
                b[w * 8 + k] = (byte) (v >>> (8 * k));
            }
        }
        return b;
    }

    private static long next(long[] s) {
        long z = (s[0] += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
