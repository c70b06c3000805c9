package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code gmpvm disasm}: both syntaxes on a .s program, and plain one-line errors for bad input. */
class DisasmCommandTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.commandLine(System.in, new PrintStream(out, true), new PrintStream(err, true)).execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsAnAssembledProgramInBothSyntaxes() {
        Run intel = run("disasm", "--no-runtime", "runtime-asm/examples/hello_raw.s");
        assertEquals(0, intel.status(), intel.err());
        assertTrue(intel.out().contains("0000000000401000 <_rt0_amd64_linux>:"), intel.out());
        assertTrue(intel.out().contains("\tsyscall\n"), intel.out());
        assertTrue(intel.out().contains("lea    rsi,[rip+0x"), intel.out());
        Run go = run("disasm", "--syntax", "go", "--no-runtime", "runtime-asm/examples/hello_raw.s");
        assertEquals(0, go.status(), go.err());
        assertTrue(go.out().contains("\tMOVQ $0x1, DI\n"), go.out());
        assertTrue(go.out().contains("\tLEAQ msg<>(SB), SI\n"), go.out());
        assertTrue(go.out().contains("\tSYSCALL\n"), go.out());
    }

    @Test
    void badInputGivesOneLineAndStatus2() throws Exception {
        Path junk = Path.of("target", "disasm-junk.bin");
        Files.createDirectories(junk.getParent());
        Files.write(junk, new byte[] {0x7f, 'E', 'L', 'F', 9, 9, 9});
        for (String[] args : new String[][] {
            {"disasm", "target/no-such-file"},
            {"disasm", junk.toString()},
            {"disasm", "pom.xml"},
            {"disasm", "--syntax", "att", "pom.xml"},
        }) {
            Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("gmpvm: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
