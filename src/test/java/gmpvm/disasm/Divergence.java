package gmpvm.disasm;

import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;

/**
 * The documented places where our decoder and GNU objdump 2.40 part ways on purpose, so the
 * conformance tests can leave them out of the comparison and count them (see docs/disasm.md).
 */
final class Divergence {
    private Divergence() {
    }

    static boolean isLegacyPrefix(int x) {
        return x == 0x66 || x == 0x67 || x == 0xf0 || x == 0xf2 || x == 0xf3
                || x == 0x2e || x == 0x3e || x == 0x26 || x == 0x36 || x == 0x64 || x == 0x65;
    }

    static boolean isPrefixName(String w) {
        return w.startsWith("rex") || w.equals("data16") || w.equals("addr32") || w.equals("lock")
                || w.equals("repz") || w.equals("repnz") || w.equals("rep") || w.equals("bnd") || w.equals("notrack")
                || w.equals("cs") || w.equals("ds") || w.equals("es") || w.equals("ss") || w.equals("fs") || w.equals("gs");
    }

    /**
     * Why these bytes are excluded from comparison with objdump whatever objdump says, or null.
     * <ul>
     * <li>"stray REX": a REX byte followed by another prefix, another REX or 9B (FWAIT). The CPU
     * ignores such a REX and goes on decoding the same instruction; objdump ends an instruction
     * after it and prints it alone ({@code rex.WB}).
     * <li>"66 near branch": a 66 prefix (without REX.W) on CALL/JMP rel32, Jcc rel32, indirect
     * CALL/JMP or RET. In 64-bit mode Intel CPUs ignore it (we follow Intel: rel32, 64-bit
     * targets); objdump decodes AMD's 16-bit forms ({@code callw}, {@code jmp cx}, {@code retw}).
     * <li>"prefixed FWAIT": legacy prefixes before 9B. The CPU runs FWAIT with the prefixes
     * ignored (LOCK: #UD); objdump treats 9B as a prefix of a following x87 instruction and
     * prints the prefixes alone.
     * </ul>
     */
    static String excluded(byte[] b, Insn in) {
        boolean opsize = false;
        int rex = 0;
        for (int i = 0; i < b.length; i++) {
            int x = b[i] & 0xff;
            int next = i + 1 < b.length ? b[i + 1] & 0xff : 0;
            if ((x & 0xf0) == 0x40) {
                int y = next;
                if ((y & 0xf0) == 0x40 || y == 0x9b || isLegacyPrefix(y)) {
                    return "stray REX";
                }
                rex = x;
                continue;
            }
            if (x == 0x9b && i > 0) {
                return "prefixed FWAIT";
            }
            if (!isLegacyPrefix(x)) {
                int m = next;
                boolean rel32 = x == 0xe8 || x == 0xe9 || x == 0x0f && (m & 0xf0) == 0x80
                        || x == 0xc2 || x == 0xc3 || x == 0xff && ((m >> 3) & 7) == 2 || x == 0xff && ((m >> 3) & 7) == 4;
                if (opsize && (rex & 8) == 0 && rel32) {
                    return "66 near branch";
                }
                return null;
            }
            opsize |= x == 0x66;
        }
        return null;
    }

    /**
     * Why it is acceptable that we accept bytes objdump rejects, or null.
     * <ul>
     * <li>"measured, unchecked": an {@link Op#UNSUPPORTED} instruction (x87, VEX, EVEX, XOP,
     * 3DNow!, the 0F38/0F3A maps, system instructions). We measure its length from the opcode
     * map's shape without checking that the opcode exists; executing it raises SIGILL either way.
     * <li>"fence r/m": LFENCE/MFENCE/SFENCE with ModRM.rm not 0. The Intel SDM says the processor
     * ignores r/m for these; objdump only knows rm = 0.
     * </ul>
     */
    static String tolerated(Insn in) {
        if (in.op == Op.UNSUPPORTED) {
            return "measured, unchecked";
        }
        if (in.op == Op.LFENCE || in.op == Op.MFENCE || in.op == Op.SFENCE) {
            return "fence r/m";
        }
        return null;
    }
}
