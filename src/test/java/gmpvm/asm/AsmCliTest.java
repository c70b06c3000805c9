package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code gmpvm asm} and {@code gmpvm run prog.s} in-process: exit statuses and messages. */
class AsmCliTest {
    record Res(int status, String out, String err) {
    }

    static Res gmpvm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int st = Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true)).execute(args);
        return new Res(st, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path dir() throws Exception {
        Path d = AsmSupport.OUT.resolve("cli");
        Files.createDirectories(d.resolve("inc"));
        return d;
    }

    @Test
    void assemblesLinksAndWritesAnExecutable() throws Exception {
        Path out = dir().resolve("hello");
        Res r = gmpvm("asm", "--no-runtime", "-o", out.toString(), "runtime-asm/examples/hello_raw.s");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isExecutable(out));
        Process p = new ProcessBuilder(out.toAbsolutePath().toString()).start();
        assertEquals("Hello, world!\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, p.waitFor());
    }

    @Test
    void includeDirectoriesAndEntry() throws Exception {
        Path d = dir();
        Files.writeString(d.resolve("inc").resolve("exitcode.h"), "#define CODE 7\n");
        Files.writeString(d.resolve("start.s"), """
                #include "exitcode.h"
                TEXT start(SB), 4, $0
                	MOVQ	$CODE, DI
                	MOVQ	$231, AX
                	SYSCALL
                """);
        Res bad = gmpvm("run", "--no-runtime", d.resolve("start.s").toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("cannot find #include file \"exitcode.h\""), bad.err());
        Res r = gmpvm("asm", "--no-runtime", "-I", d.resolve("inc").toString(), "--entry", "start",
                "-o", d.resolve("start").toString(), d.resolve("start.s").toString());
        assertEquals(0, r.status(), r.err());
        Process p = new ProcessBuilder(d.resolve("start").toAbsolutePath().toString()).start();
        assertEquals(7, p.waitFor());
        Res run = gmpvm("run", "--no-runtime", "-I", d.resolve("inc").toString(), "--entry", "start",
                d.resolve("start.s").toString());
        assertEquals(7, run.status(), run.err());
    }

    @Test
    void errorsAreReportedWithPositionsAndNoStackTrace() throws Exception {
        Path src = dir().resolve("broken.s");
        Files.writeString(src, "TEXT _rt0_amd64_linux(SB), 4, $0\n\tMOVQ\t$1, $2\n\tNOSUCH\tAX\n\tRET\n");
        Res r = gmpvm("asm", "-o", dir().resolve("broken").toString(), src.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains(src + ":2:2: bad operands for MOVQ"), r.err());
        assertTrue(r.err().contains(src + ":3:2: unknown instruction NOSUCH\n\tNOSUCH\tAX\n\t^"), r.err());
        assertTrue(r.err().contains("gmpvm: 2 errors"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir().resolve("broken")));

        Res run = gmpvm("run", "--no-runtime", src.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("unknown instruction NOSUCH"), run.err());

        Res missing = gmpvm("asm", "-o", dir().resolve("x").toString(), "no/such/file.s");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no/such/file.s: no such file"), missing.err());
    }

    @Test
    void disasmShowsTheSourceLineOfEachInstruction() throws Exception {
        Path out = dir().resolve("fib");
        assertEquals(0, gmpvm("asm", "--no-runtime", "-o", out.toString(), "runtime-asm/examples/fib.s").status());
        Res r = gmpvm("disasm", "--syntax", "go", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("runtime-asm/examples/fib.s:28\n  40100e:\t48 c7 04 24 14 00 00 \tMOVQ $0x14, (SP)"),
                r.out());
        assertTrue(r.out().contains("\nruntime-asm/examples/rawsys.h:"), "included files are named relative to the source");
    }

    @Test
    void runAssemblesAndRunsASourceProgram() {
        Res r = gmpvm("run", "--no-runtime", "runtime-asm/examples/exit_status.s");
        assertEquals(3, r.status());
        assertEquals("bye\n", r.out());
    }
}
