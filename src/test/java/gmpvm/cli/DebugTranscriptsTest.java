package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The debugging tour's transcripts can never drift: each docs/debugging/NAME.gdb (whose first
 * line is the command that runs it) is run in batch mode and its whole transcript — debugger
 * output and the program's, in order — must equal docs/debugging/NAME.out byte for byte, and
 * docs/debugging.md must show that transcript verbatim. After a deliberate change, regenerate
 * the .out files and the page's blocks with {@code -Dgmpvm.transcripts.update=true}.
 */
class DebugTranscriptsTest {
    static final Path DIR = Path.of("docs/debugging");
    static final String GO_EXAMPLES = "target/go-examples/";

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gdb")).sorted().toList().stream();
        }
    }

    /** Runs a script the way its first line says, merged output, in this JVM. */
    static String transcript(String script) throws Exception {
        String first = Files.readAllLines(DIR.resolve(script)).get(0);
        assertTrue(first.startsWith("# gmpvm debug "), script + " starts with the command that runs it: " + first);
        String[] argv = first.substring("# gmpvm ".length()).split(" ");
        for (String a : argv) {
            if (a.startsWith(GO_EXAMPLES)) {
                // a Go example, where scripts/build-go-examples.sh puts it
                String name = a.substring(GO_EXAMPLES.length());
                gmpvm.run.TestPrograms.buildGo(Path.of("examples/go"), name, Path.of(a));
            }
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int status = Main.commandLine(new ByteArrayInputStream(new byte[0]), ps, ps).execute(argv);
        assertEquals(0, status, () -> Arrays.toString(argv) + "\n" + buf.toString(StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void theTranscriptIsTheOneInTheDocs(String script) throws Exception {
        String got = transcript(script);
        Path want = DIR.resolve(script.replace(".gdb", ".out"));
        Path doc = Path.of("docs/debugging.md");
        String marker = "<!-- transcript: docs/debugging/" + script + " -->\n```\n";
        if (Boolean.getBoolean("gmpvm.transcripts.update")) {
            Files.writeString(want, got);
            String page = Files.readString(doc);
            int at = page.indexOf(marker);
            assertTrue(at >= 0, "docs/debugging.md has the marker " + marker);
            int end = page.indexOf("```\n", at + marker.length());
            Files.writeString(doc, page.substring(0, at + marker.length()) + got + page.substring(end));
        }
        assertEquals(Files.readString(want), got, script);
        String page = Files.readString(doc);
        assertTrue(page.contains(marker + got + "```\n"), "docs/debugging.md shows " + want + " verbatim after its marker");
    }

    @Test
    void theSameScriptGivesTheSameTranscriptTwice() throws Exception {
        String a = transcript("gosched.gdb");
        assertEquals(a, transcript("gosched.gdb"));
        assertTrue(a.contains("Context switch on M0"), a);
    }

    /**
     * steal.gdb stops at a line number of proc.s, which moves whenever proc.s is edited: it must
     * still name runqsteal's "got" path (the DECL CX after runqgrab moved the goroutines), or the
     * tour's words about that stop would no longer match it.
     */
    @Test
    void theStealTourStillBreaksInRunqstealsGotPath() throws Exception {
        String gdb = Files.readString(DIR.resolve("steal.gdb"));
        Matcher m = Pattern.compile("(?m)^break proc\\.s:(\\d+)$").matcher(gdb);
        assertTrue(m.find(), "steal.gdb breaks at a proc.s line");
        int line = Integer.parseInt(m.group(1));
        List<String> src = Files.readAllLines(Path.of("runtime-asm/proc.s"));
        int text = -1, got = -1;
        for (int i = 0; i < line - 1; i++) {
            if (src.get(i).startsWith("TEXT ")) {
                text = i;
                got = -1;
            } else if (src.get(i).equals("got:")) {
                got = i;
            }
        }
        assertTrue(text >= 0 && src.get(text).startsWith("TEXT runtime·runqsteal(SB)"), "line " + line + " is in runqsteal");
        assertTrue(got >= 0, "line " + line + " follows runqsteal's got: label");
        assertEquals("\tDECL\tCX", src.get(line - 1), "proc.s:" + line + " (recompute steal.gdb's line and regenerate the transcripts)");
    }
}
