package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.emulator.cpu.Decoder;
import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random byte strings: the decoder's length must equal GNU objdump's for every slot, or both
 * must reject the bytes (our {@link Op#BAD}, objdump's {@code (bad)}).
 *
 * <p>Three seeded generators: uniform bytes; an x86-shaped generator (a few legacy prefixes,
 * maybe a REX, an opcode from any map, then random ModRM/SIB/displacement/immediate bytes);
 * and the same shaped generator restricted to the 0F, 0F38 and 0F3A maps. The count per
 * generator is {@code -Dgmpvm.disasm.random=N} (default 12000).
 */
class RandomLengthTest {
    static final int SLOT = 16;
    private static final int[] PREFIXES = {0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x2e, 0x3e, 0x26, 0x36, 0x64, 0x65};

    @Test
    void uniformBytes() {
        check(0x5eed0001L, 0);
    }

    @Test
    void shapedBytes() {
        check(0x5eed0002L, 1);
    }

    @Test
    void escapeMaps() {
        check(0x5eed0003L, 2);
    }

    /** The whole random buffer through {@link gmpvm.loader.disasm.Disassembler}: every byte is covered, nothing throws. */
    @Test
    void disassemblingRandomBytesCoversEveryByte() {
        SplittableRandom r = new SplittableRandom(0x5eed0004L);
        byte[] code = new byte[200_000];
        for (int i = 0; i < code.length; i++) {
            code[i] = (byte) r.nextInt(256);
        }
        var lines = new gmpvm.loader.disasm.Disassembler(a -> null).disassemble(code, 0, code.length, 0x7ffffffff000L - code.length);
        long total = 0;
        for (var l : lines) {
            org.junit.jupiter.api.Assertions.assertTrue(l.bytes().length >= 1 && l.bytes().length <= 15);
            org.junit.jupiter.api.Assertions.assertNotNull(l.intel());
            org.junit.jupiter.api.Assertions.assertNotNull(l.go());
            total += l.bytes().length;
        }
        org.junit.jupiter.api.Assertions.assertEquals(code.length, total);
    }

    static byte[] shaped(SplittableRandom r, int mode) {
        byte[] b = new byte[SLOT];
        for (int i = 0; i < SLOT; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        int p = 0;
        int np = r.nextInt(4) == 0 ? r.nextInt(4) : 0;
        for (int i = 0; i < np; i++) {
            b[p++] = (byte) PREFIXES[r.nextInt(PREFIXES.length)];
        }
        if (r.nextBoolean()) {
            b[p++] = (byte) (0x40 | r.nextInt(16));
        }
        int map = mode == 2 ? 1 + r.nextInt(3) : r.nextInt(5) == 0 ? 1 + r.nextInt(3) : r.nextInt(3) == 0 ? 1 : 0;
        if (map >= 1) {
            b[p++] = 0x0f;
        }
        if (map == 2) {
            b[p++] = 0x38;
        } else if (map == 3) {
            b[p++] = 0x3a;
        }
        return b;
    }

    static void check(long seed, int mode) {
        int n = Integer.getInteger("gmpvm.disasm.random", 12000);
        SplittableRandom r = new SplittableRandom(seed);
        List<byte[]> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (mode == 0) {
                byte[] b = new byte[SLOT];
                for (int j = 0; j < SLOT; j++) {
                    b[j] = (byte) r.nextInt(256);
                }
                slots.add(b);
            } else {
                slots.add(shaped(r, mode));
            }
        }
        List<ObjdumpOracle.Result> want = ObjdumpOracle.run(slots, Path.of("target", "disasm-random-" + mode));
        long[] starts = ObjdumpOracle.starts(slots);
        Decoder dec = new Decoder();
        gmpvm.loader.disasm.IntelFormatter intel = new gmpvm.loader.disasm.IntelFormatter(a -> "sym+0x" + Long.toHexString(a));
        gmpvm.loader.disasm.GoFormatter go = new gmpvm.loader.disasm.GoFormatter(a -> a % 3 == 0 ? "sym" : null);
        StringBuilder report = new StringBuilder();
        int bad = 0;
        java.util.Map<String, Integer> skipped = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            byte[] b = slots.get(i);
            Insn in = dec.decode(b, b.length, starts[i]);
            // the formatters take whatever the decoder produced, without throwing
            intel.format(in, b, 0);
            go.format(in, b, 0);
            ObjdumpOracle.Result o = want.get(i);
            String why = Divergence.excluded(b, in);
            if (why == null && o.rejected()) {
                why = Divergence.tolerated(in);
            }
            if (why != null) {
                skipped.merge(why, 1, Integer::sum);
                continue;
            }
            boolean ok;
            if (o.rejected()) {
                ok = in.op == Op.BAD;
            } else if (o.text().contains("(bad)")) {
                // an operand form that does not exist: objdump's length is meaningless, but if we
                // execute the bytes (MPX hint NOPs) our length must still be objdump's
                ok = in.op == Op.BAD || in.op == Op.UNSUPPORTED || o.len() == in.len;
            } else {
                ok = in.op != Op.BAD && o.len() == in.len;
            }
            if (!ok) {
                if (bad++ < 60) {
                    report.append(String.format("  %s: ours %s len %d, objdump len %d '%s'%n",
                            ObjdumpOracle.hex(b, 0, SLOT), in.op, in.len, o.len(), o.text()));
                }
            }
        }
        System.out.printf("random mode %d: %d slots, %d disagree, not compared: %s%n", mode, n, bad, skipped);
        if (bad > 0) {
            fail(bad + " of " + n + " slots disagree with objdump (seed " + Long.toHexString(seed) + "):\n" + report);
        }
    }
}
