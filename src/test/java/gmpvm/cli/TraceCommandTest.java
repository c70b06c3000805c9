package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --trace/--trace-html on the command line, and trace summary / trace svg reading the file back. */
class TraceCommandTest {
    @TempDir
    Path dir;

    @Test
    void runWritesBothFilesAndTraceReadsThemBack() throws Exception {
        Path json = dir.resolve("y.json");
        Path html = dir.resolve("y.html");
        RunCommandTest.Run r = RunCommandTest.run("run", "--trace", json.toString(), "--trace-html", html.toString(),
                "--cpus", "2", "--env", "GOMAXPROCS=2", "runtime-asm/examples/yield.s");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("A 0\nB 0\nA 1"), r.err());
        assertTrue(Files.readString(json).startsWith("{\"displayTimeUnit\":\"ns\",\"traceEvents\":["));
        assertTrue(Files.readString(html).contains("<canvas id=\"timeline\">"));

        RunCommandTest.Run s = RunCommandTest.run("trace", "summary", json.toString());
        assertEquals(0, s.status(), s.err());
        assertTrue(s.out().matches("(?s)trace: 6 goroutines, 2 Ps, .*"), s.out());
        assertTrue(s.out().contains("main.worker"), s.out());
        assertTrue(s.out().contains("\nP0 ") && s.out().contains("\nP1 "), s.out());

        Path svg = dir.resolve("y.svg");
        RunCommandTest.Run v = RunCommandTest.run("trace", "svg", json.toString(), "-o", svg.toString(), "--title", "yield");
        assertEquals(0, v.status(), v.err());
        String picture = Files.readString(svg);
        assertTrue(picture.startsWith("<svg ") && picture.contains(">yield</text>") && picture.contains(">P1</text>"), picture);
    }

    @Test
    void whatIsNotATraceIsExit2WithTheReason() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"traceEvents\": [{\"ph\": \"X\"}]}");
        RunCommandTest.Run r = RunCommandTest.run("trace", "summary", bad.toString());
        assertEquals(2, r.status());
        assertEquals("gmpvm: " + bad + ": not a trace-event JSON file (event 1 lacks ph, pid or tid)\n", r.err());
        RunCommandTest.Run missing = RunCommandTest.run("trace", "svg", dir.resolve("none.json").toString(), "-o", dir.resolve("x.svg").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().endsWith("none.json: no such file\n"), missing.err());
    }

    @Test
    void aTraceWindowWritesOnlyItsPartAndNonsenseIsRefused() throws Exception {
        Path whole = dir.resolve("whole.json");
        Path part = dir.resolve("part.json");
        String prog = "runtime-asm/examples/pingpong.s";
        assertEquals(0, RunCommandTest.run("run", "--trace", whole.toString(), prog).status());
        RunCommandTest.Run r = RunCommandTest.run("run", "--trace", part.toString(), "--trace-window", "3000:3100", prog);
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(part) * 50 < Files.size(whole), Files.size(part) + " of " + Files.size(whole) + " bytes");
        RunCommandTest.Run summary = RunCommandTest.run("trace", "summary", part.toString());
        assertTrue(summary.out().contains("running µs"), summary.out());
        for (String bad : new String[] {"5", "5:1", "-1:3", "a:b", "3:3"}) {
            RunCommandTest.Run b = RunCommandTest.run("run", "--trace", part.toString(), "--trace-window", bad, prog);
            assertEquals(2, b.status(), bad);
            assertTrue(b.err().contains("--trace-window takes FROM:TO or FROM:"), b.err());
        }
        RunCommandTest.Run alone = RunCommandTest.run("run", "--trace-window", "1:2", prog);
        assertEquals(2, alone.status());
        assertTrue(alone.err().contains("--trace-window needs --trace or --trace-html"), alone.err());
    }

    @Test
    void traceAndBreakOnSwitchDoNotMix() {
        RunCommandTest.Run r = RunCommandTest.run("run", "--break-on-switch", "--trace", dir.resolve("t.json").toString(),
                "runtime-asm/examples/hello.s");
        assertEquals(2, r.status());
        assertEquals("gmpvm: --break-on-switch and --trace cannot be combined\n", r.err());
    }
}
