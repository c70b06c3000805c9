package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code gmpvm disasm FILE} against {@code objdump -d -M intel FILE} on programs gcc builds at
 * test time: the whole listing must be identical line for line (headers, symbol names, bytes,
 * text), except that where our CPU does not execute an instruction (AVX, x87, SSE arithmetic)
 * we print {@code (bad)}; those lines must still agree on address and bytes, and are counted.
 */
class ListingObjdumpTest {
    private static final Path OUT = Path.of("target", "disasm-listing").toAbsolutePath();

    @Test
    void nostdlibProgramsMatchObjdump() throws Exception {
        for (String name : List.of("sort", "hashtable", "crc32", "strops", "switch_goto")) {
            Path bin = OUT.resolve(name);
            run(List.of("gcc", "-O2", "-static", "-nostdlib", "-fno-stack-protector",
                    "-fno-tree-loop-distribute-patterns", "-fno-pie", "-no-pie",
                    "-o", bin.toString(), Path.of("src/test/resources/programs/c", name + ".c").toAbsolutePath().toString(), "-lgcc"));
            int bad = compare(bin);
            System.out.println(name + " listing: " + bad + " lines are instructions we do not execute, printed (bad)");
        }
    }

    @Test
    void staticGlibcProgramMatchesObjdump() throws Exception {
        Path bin = OUT.resolve("printf");
        run(List.of("gcc", "-O2", "-static", "-o", bin.toString(),
                Path.of("src/test/resources/programs/glibc/printf.c").toAbsolutePath().toString()));
        int bad = compare(bin);
        System.out.println("glibc printf listing: " + bad + " lines are instructions we do not execute, printed (bad)");
        assertTrue(bad < 10000, "too many (bad) lines: " + bad);
    }

    /** Compares our listing with objdump's; returns how many lines differ only by our (bad). */
    private static int compare(Path bin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.commandLine(System.in, new PrintStream(out, true), new PrintStream(err, true))
                .execute("disasm", bin.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> ours = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path ref = OUT.resolve(bin.getFileName() + ".objdump");
        runTo(List.of("objdump", "-d", "-M", "intel", bin.toString()), ref);
        List<String> theirs = Files.readAllLines(ref);
        StringBuilder report = new StringBuilder();
        int diffs = 0;
        int bad = 0;
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            String a = i < ours.size() ? ours.get(i) : "<missing>";
            String b = i < theirs.size() ? theirs.get(i) : "<missing>";
            if (a.equals(b)) {
                continue;
            }
            if (a.endsWith("\t(bad)") && b.startsWith(a.substring(0, a.length() - "(bad)".length()))) {
                bad++;
                continue;
            }
            if (diffs++ < 30) {
                report.append("  line ").append(i + 1).append("\n    ours:    ").append(a).append("\n    objdump: ").append(b).append('\n');
            }
        }
        if (diffs > 0) {
            fail(bin.getFileName() + ": " + diffs + " listing lines differ from objdump -d -M intel:\n" + report);
        }
        return bad;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        runTo(cmd, null);
    }

    private static void runTo(List<String> cmd, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " timed out");
        }
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed");
    }
}
