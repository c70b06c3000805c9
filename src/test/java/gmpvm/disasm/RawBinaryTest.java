package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.emulator.cpu.Decoder;
import gmpvm.emulator.cpu.Insn;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.disasm.SymbolResolver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without symbols: a run of instructions laid end to end (a seeded sample of the systematic
 * enumeration, placed at 0x401000) disassembled by {@link Disassembler} with no symbol
 * resolver, against {@code objdump -D -b binary -m i386:x86-64 -M intel --adjust-vma=0x401000}:
 * same addresses, lengths and texts, with branch targets and RIP comments as bare
 * {@code 0x401234}.
 */
class RawBinaryTest {
    private static final long BASE = 0x401000;

    @Test
    void symbolFreeListingMatchesObjdump() throws Exception {
        List<byte[]> all = SystematicIntelTest.generate();
        SplittableRandom r = new SplittableRandom(0xb1a5L);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        Decoder dec = new Decoder();
        int n = 0;
        for (byte[] b : all) {
            Insn in = dec.decode(b, b.length, 0);
            // tolerated divergences too: one such instruction would put the two listings out of step
            if (Divergence.excluded(b, in) != null || Divergence.tolerated(in) != null || r.nextInt(20) != 0) {
                continue;
            }
            blob.write(b, 0, in.len);
            n++;
        }
        assertTrue(n > 2000, "sample too small: " + n);
        byte[] code = blob.toByteArray();
        Path dir = Path.of("target", "disasm-raw").toAbsolutePath();
        Files.createDirectories(dir);
        Path bin = dir.resolve("code.bin");
        Files.write(bin, code);
        Path out = dir.resolve("code.objdump");
        Process p = new ProcessBuilder("objdump", "-D", "-w", "-z", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                "--adjust-vma=0x" + Long.toHexString(BASE), bin.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        List<String> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3 && parts[0].trim().endsWith(":")) {
                theirs.add(parts[0].trim() + " " + parts[1].trim() + " | " + parts[2]);
            }
        }
        List<Disassembler.Line> ours = new Disassembler(SymbolResolver.NONE).disassemble(code, 0, code.length, BASE);
        StringBuilder report = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            String a = i < ours.size() ? Long.toHexString(ours.get(i).address()) + ": " + ours.get(i).hex() + " | " + ours.get(i).intel() : "<missing>";
            String b = i < theirs.size() ? theirs.get(i) : "<missing>";
            if (!a.equals(b) && bad++ < 20) {
                report.append("  ours:    ").append(a).append("\n  objdump: ").append(b).append('\n');
            }
        }
        if (bad > 0) {
            fail(bad + " of " + ours.size() + " lines differ:\n" + report);
        }
    }
}
