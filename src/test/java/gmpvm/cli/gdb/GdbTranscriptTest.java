package gmpvm.cli.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.runtime.RuntimeLayout;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gdb session shown in docs/gdb.md is real: this test runs the same gdb commands against
 * the stub and compares the output with the page's transcript byte for byte (the port, chosen
 * free at run time, and the temporary ELF's name are written as PORT and PROGRAM.elf). Run with
 * {@code -Dgmpvm.docs.update=true} to rewrite the page's transcript after a deliberate change.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GdbTranscriptTest {
    static final Path PAGE = Path.of("docs/gdb.md");
    static final String BEGIN = "<!-- transcript: begin (GdbTranscriptTest) -->\n";
    static final String END = "<!-- transcript: end -->\n";

    static List<String> commands() throws Exception {
        long runnext = RuntimeLayout.load().get("p_runnext");
        List<String> src = Files.readAllLines(Path.of("runtime-asm/examples/pingpong.s"));
        int incLine = src.indexOf("\tINCQ\tv-8(SP)") + 1;
        assertTrue(incLine > 0);
        return List.of(
                "break runtime.gogo",
                "continue",
                "stepi",
                "x/2gx $sp",
                "reverse-stepi",
                "delete",
                "break pingpong.s:" + incLine,
                "continue",
                "info threads",
                "delete",
                "watch -location *(long*)(*(long*)&'runtime.allp' + " + runnext + ")",
                "continue",
                "continue",
                "reverse-continue",
                "info registers rip rsp",
                "kill");
    }

    static String transcript() throws Exception {
        try (GdbAgainstStubTest.Stub stub = new GdbAgainstStubTest.Stub("127.0.0.1:0")) {
            InetSocketAddress a = stub.address();
            String out = GdbAgainstStubTest.gdb(a, commands());
            StringBuilder sb = new StringBuilder("$ gdb -nx -batch -ex 'target remote 127.0.0.1:PORT'");
            for (String c : commands()) {
                sb.append(" \\\n    -ex \"").append(c.replace("\"", "\\\"")).append('"');
            }
            sb.append('\n');
            sb.append(out.replaceAll("/tmp/gmpvm-\\d+\\.elf", "PROGRAM.elf").replace(":" + a.getPort(), ":PORT"));
            return sb.toString();
        }
    }

    @Test
    void theDocumentedSessionIsWhatGdbPrints() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        assertTrue(b >= 0 && e > b, "docs/gdb.md has the transcript markers");
        String fence = "```\n";
        String got = fence + transcript() + fence;
        if (Boolean.getBoolean("gmpvm.docs.update")) {
            Files.writeString(PAGE, page.substring(0, b + BEGIN.length()) + got + page.substring(e), StandardCharsets.UTF_8);
            page = Files.readString(PAGE, StandardCharsets.UTF_8);
            e = page.indexOf(END);
        }
        assertEquals(page.substring(b + BEGIN.length(), e), got);
    }
}
