package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Running out of stack: the overflow lines compared with real Go 1.19's for the same program
 * (unbounded recursion after debug.SetMaxStack(1<<20)), and the linker's stack check, which
 * rejects a NOSPLIT chain deeper than StackLimit with a message naming it.
 */
class StackOverflowTest {
    static final Path OVERFLOW = Path.of("runtime-asm", "examples", "overflow.s");

    static final String GO_OVERFLOW = """
            package main

            import "runtime/debug"

            func f(n int) int {
            	var a [8]int
            	a[n%8] = n
            	return f(n+1) + a[0]
            }

            func main() {
            	debug.SetMaxStack(1 << 20)
            	f(0)
            }
            """;

    /** Hex numbers (addresses) replaced, so that lines compare modulo where things live. */
    static String noAddresses(String s) {
        return s.replaceAll("0x[0-9a-f]+", "0x…");
    }

    @Test
    void overflowLinesAreGo119s() throws Exception {
        Path dir = Files.createTempDirectory("gmpvm-overflow");
        Files.writeString(dir.resolve("overflow.go"), GO_OVERFLOW);
        Process build = new ProcessBuilder("go", "build", "-o", "overflow", "overflow.go").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String buildOut = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(120, TimeUnit.SECONDS), "go build timed out");
        assertEquals(0, build.exitValue(), "go build: " + buildOut);
        Process go = new ProcessBuilder(dir.resolve("overflow").toString()).redirectErrorStream(true).start();
        String goOut = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(go.waitFor(60, TimeUnit.SECONDS));

        RuntimeRun.Result ours = RuntimeRun.run(RuntimeRun.build(OVERFLOW), 0, 1, "GOMAXPROCS=1");
        List<String> want = goOut.lines().toList();
        List<String> got = ours.both().lines().toList();
        // runtime: goroutine stack exceeds 1048576-byte limit / runtime: sp=… stack=[…, …] /
        // fatal error: stack overflow / (blank line)
        assertEquals("runtime: goroutine stack exceeds 1048576-byte limit", want.get(0), goOut);
        for (int i = 0; i < 4; i++) {
            assertEquals(noAddresses(want.get(i)), noAddresses(got.get(i)), "line " + (i + 1) + "\nGo:\n" + goOut
                    + "\ngmpvm:\n" + ours.both());
        }
        // Go prints the runtime stack (g0's frames) next, then the goroutine; gmpvm's
        // traceback prints the goroutine's header line as Go does.
        assertTrue(goOut.contains("\ngoroutine 1 [running]:\n"), goOut);
        assertTrue(ours.both().contains("\ngoroutine 1 [running]:\n"), ours.both());
        assertEquals(go.exitValue(), ours.status(), "exit status");
        assertEquals(2, ours.status());
        // the stack's bounds: both print a 1 MiB stack (the doubling to 2 MiB was refused)
        assertEquals(1 << 20, span(got.get(1)), got.get(1));
        assertEquals(1 << 20, span(want.get(1)), want.get(1));
    }

    /** hi - lo from "runtime: sp=0x… stack=[0xLO, 0xHI]". */
    static long span(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stack=\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\]")
                .matcher(line);
        assertTrue(m.find(), line);
        return Long.parseUnsignedLong(m.group(2), 16) - Long.parseUnsignedLong(m.group(1), 16);
    }

    static Asm.Result link(String text) {
        return Asm.build(List.of(new SourceText("chain.s", text, null)), new Asm.Options(List.of(), false, null));
    }

    @Test
    void theLinkerRejectsANosplitChainDeeperThanStackLimit() {
        String text = """
                #include "textflag.h"
                TEXT main·main(SB), $8-0
                	CALL	main·outer(SB)
                	RET
                TEXT main·outer(SB), NOSPLIT, $400-0
                	CALL	main·inner(SB)
                	RET
                TEXT main·inner(SB), NOSPLIT, $392-0
                	MOVQ	$1, 0(SP)
                	RET
                """;
        Asm.Result r = link(text);
        assertFalse(r.ok());
        String msg = r.diagnostics().format();
        // outer: 400 + 8 (saved BP) = 408 at the call, + 8 return address; inner: 392 + 8 = 400:
        // 816 bytes, 24 over the 792 a NOSPLIT function may use (StackLimit 800 less the
        // return address of the call that entered it).
        assertTrue(msg.contains("chain.s:5:1: main.outer: nosplit stack over 792 byte limit"), msg);
        assertTrue(msg.contains("\tmain.outer\n\t    grows 416 bytes, calls main.inner\n\t        grows 400 bytes\n"
                + "\t        24 bytes over limit"), msg);
        assertEquals(1, r.diagnostics().count(), "reported once, at the chain's outermost function: " + msg);

        // 24 bytes less and the chain fits exactly; 8 more than that and it does not.
        assertTrue(link(text.replace("$392-0", "$368-0")).ok());
        assertTrue(link(text.replace("$392-0", "$376-0")).diagnostics().format().contains("8 bytes over limit"));
        // the same frames in a splittable callee are fine: its prologue checks the stack
        assertTrue(link(text.replace("main·inner(SB), NOSPLIT,", "main·inner(SB),")).ok());
    }

    @Test
    void aNosplitCycleIsUnbounded() {
        String text = """
                #include "textflag.h"
                TEXT main·main(SB), $8-0
                	CALL	main·ping(SB)
                	RET
                TEXT main·ping(SB), NOSPLIT, $8-0
                	CALL	main·pong(SB)
                	RET
                TEXT main·pong(SB), NOSPLIT, $8-0
                	CALL	main·ping(SB)
                	RET
                """;
        Asm.Result r = link(text);
        assertFalse(r.ok());
        String msg = r.diagnostics().format();
        assertTrue(msg.contains("main.ping: nosplit stack over 792 byte limit"), msg);
        assertTrue(msg.contains("calls main.pong") && msg.contains("calls main.ping") && msg.contains("infinite cycle"),
                msg);
    }

    @Test
    void indirectCallsAreTakenToReachASplittableFunction() {
        String text = """
                #include "textflag.h"
                TEXT main·main(SB), $8-0
                	CALL	main·via(SB)
                	RET
                TEXT main·via(SB), NOSPLIT, $768-0
                	MOVQ	$main·main(SB), AX
                	CALL	AX
                	RET
                """;
        // 768 + 8 (BP) + 8 (return address) + 8 (the callee's call to morestack) = 792: fits
        assertTrue(link(text).ok(), () -> link(text).diagnostics().format());
        Asm.Result r = link(text.replace("$768-0", "$776-0"));
        assertFalse(r.ok());
        assertTrue(r.diagnostics().format().contains("grows 792 bytes, calls indirect"), r.diagnostics().format());
    }
}
