package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Panics, recover, Goexit, faults and tracebacks against real Go 1.19: each case is a Go
 * program (built with {@code go build -gcflags=all=-N -l}, so no frame is inlined away) and
 * the same program in gmpvm's assembly; both run and their outputs (stdout + stderr) and exit
 * statuses must agree once what cannot be equal is masked ({@link #normalize}): file:line
 * positions, code addresses after {@code pc=} (and a non-nil {@code addr=}), the words of
 * {@code panic({…})}, goroutine ids other than 1, runtime frames (Go's runtime has other
 * functions), and goroutine sections with no frame of the program (Go's own GC goroutines).
 * Message texts, the [signal …] line, headers with their status and wait reason, the
 * program's frame names with their arguments and "created by" lines are compared exactly.
 */
class PanicGoConformanceTest {
    static final Path WORK = Path.of("target", "go-panic").toAbsolutePath();

    record Out(String text, int status) {
    }

    static Out exec(Map<String, String> env, Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timeout: " + String.join(" ", cmd));
        }
        return new Out(new String(out, StandardCharsets.UTF_8), p.exitValue());
    }

    /** Builds and runs the Go program (main.go, plus an assembly file when goAsm is given). */
    static Out runGo(String name, String goSrc, String goAsm, String... env) throws Exception {
        Path dir = WORK.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module " + name + "\n\ngo 1.19\n");
        Files.writeString(dir.resolve("main.go"), goSrc);
        if (goAsm != null) {
            Files.writeString(dir.resolve("f_amd64.s"), goAsm);
        }
        Map<String, String> goEnv = Map.of("GOFLAGS", "-mod=mod", "GOCACHE", WORK.resolve("cache").toString(),
                "GO111MODULE", "on", "CGO_ENABLED", "0");
        Out b = exec(goEnv, dir, "go", "build", "-gcflags=all=-N -l", "-o", "prog", ".");
        assertEquals(0, b.status(), "go build " + name + ": " + b.text());
        Map<String, String> runEnv = new java.util.HashMap<>(Map.of("GOMAXPROCS", "1"));
        for (String kv : env) {
            runEnv.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return exec(runEnv, dir, dir.resolve("prog").toString());
    }

    static Out runOurs(String name, String asm, String... env) throws Exception {
        List<String> e = new ArrayList<>(List.of("GOMAXPROCS=1"));
        e.addAll(List.of(env));
        RuntimeRun.Result r = RuntimeRun.run(RuntimeRun.buildText(name + ".s", "#include \"textflag.h\"\n" + asm), 0, 1,
                e.toArray(String[]::new));
        return new Out(r.both(), r.status());
    }

    static final Pattern HEADER = Pattern.compile("goroutine (\\d+) \\[(.*)\\]:");

    /** What must match between Go's output and ours (see the class comment). */
    static String normalize(String out) {
        String[] lines = out.split("\n", -1);
        List<List<String>> sections = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        sections.add(cur);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            Matcher h = HEADER.matcher(l);
            if (h.matches()) {
                cur = new ArrayList<>();
                sections.add(cur);
                cur.add(h.group(1).equals("1") ? l : "goroutine N [" + h.group(2) + "]:");
                continue;
            }
            boolean frame = !l.startsWith("\t") && i + 1 < lines.length && lines[i + 1].startsWith("\t");
            if (frame) {
                String pos = "\t<pos>";
                i++;
                if (l.startsWith("runtime.") || l.startsWith("created by runtime.")) {
                    continue;
                }
                if (l.startsWith("panic(")) {
                    l = l.replaceAll("0x[0-9a-f]+\\??", "0x…");
                }
                cur.add("F " + l);
                cur.add(pos);
                continue;
            }
            if (l.matches("(r\\w+|cs|fs|gs) +0x[0-9a-f]+")) {
                if (!cur.isEmpty() && !cur.get(0).equals("registers")) {
                    cur = new ArrayList<>();
                    sections.add(cur);
                    cur.add("registers");
                    cur.add("F ");               // always shown
                }
                cur.add(l.replaceAll("0x[0-9a-f]+", "0x…"));
                continue;
            }
            if (l.startsWith("PC=0x")) {
                l = l.replaceAll("PC=0x[0-9a-f]+", "PC=…");
            }
            if (l.startsWith("instruction bytes:")) {
                l = l.replaceAll("^((?:\\S+ ){4}).*", "$1…"); // the faulting instruction; what follows differs
            }
            if (l.matches("\t?panic: .*\\) 0x[0-9a-f]+.*")) {
                l = l.replaceAll("\\) 0x[0-9a-f]+", ") 0x…"); // "(TYPE) ADDRESS": where the value lives
            }
            if (l.startsWith("[signal ")) {
                l = l.replaceAll("pc=0x[0-9a-f]+", "pc=…").replaceAll("addr=0x(?!0\\b)[0-9a-f]+", "addr=…");
            }
            if (l.equals("runtime stack:") || l.startsWith("\t")) {
                cur.add(l.startsWith("\t") ? "\t<pos>" : l);
                continue;
            }
            cur.add(l);
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sections.size(); s++) {
            List<String> sec = sections.get(s);
            boolean hasProgramFrame = sec.stream().anyMatch(x -> x.startsWith("F "));
            if (s > 0 && !hasProgramFrame) {
                continue; // a goroutine of Go's own runtime (or the runtime stack's tail)
            }
            for (String x : sec) {
                if (!x.equals("F ")) {
                    sb.append(x.startsWith("F ") ? x.substring(2) : x).append('\n');
                }
            }
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    static void same(String name, String goSrc, String goAsm, String ours, String... env) throws Exception {
        Out go = runGo(name, goSrc, goAsm, env);
        Out us = runOurs(name, ours, env);
        assertEquals(normalize(go.text()), normalize(us.text()), name + "\n--- go:\n" + go.text() + "\n--- gmpvm:\n" + us.text());
        assertEquals(go.status(), us.status(), name + " exit status");
    }

    // ---- the cases -------------------------------------------------------------------------

    static final String STRINGS = """
            DATA	boomtext<>+0(SB)/4, $"boom"
            GLOBL	boomtext<>(SB), RODATA, $4
            DATA	boom<>+0(SB)/8, $boomtext<>(SB)
            DATA	boom<>+8(SB)/8, $4
            GLOBL	boom<>(SB), RODATA, $16
            DATA	firsttext<>+0(SB)/5, $"first"
            GLOBL	firsttext<>(SB), RODATA, $5
            DATA	first<>+0(SB)/8, $firsttext<>(SB)
            DATA	first<>+8(SB)/8, $5
            GLOBL	first<>(SB), RODATA, $16
            DATA	secondtext<>+0(SB)/6, $"second"
            GLOBL	secondtext<>(SB), RODATA, $6
            DATA	second<>+0(SB)/8, $secondtext<>(SB)
            DATA	second<>+8(SB)/8, $6
            GLOBL	second<>(SB), RODATA, $16
            DATA	fortytwo<>+0(SB)/8, $42
            GLOBL	fortytwo<>(SB), RODATA, $8
            """;

    static String panicWith(String value) {
        return "\tLEAQ\truntime·stringType(SB), AX\n\tMOVQ\tAX, 0(SP)\n\tLEAQ\t" + value
                + "<>(SB), AX\n\tMOVQ\tAX, 8(SP)\n\tCALL\truntime·gopanic(SB)\n";
    }

    static String deferCall(String fnPC) {
        return "\tMOVL\t$0, 0(SP)\n\tLEAQ\t" + fnPC + "<>(SB), AX\n\tMOVQ\tAX, 8(SP)\n\tCALL\truntime·deferproc(SB)\n"
                + "\tTESTL\tAX, AX\n\tJNE\tret\n";
    }

    static String funcPC(String sym) {
        return "DATA\t" + sym.replace("·", "") + "PC<>+0(SB)/8, $" + sym + "(SB)\nGLOBL\t" + sym.replace("·", "")
                + "PC<>(SB), RODATA, $8\n";
    }

    @Test
    void unrecoveredStringPanicThreeFramesDown() throws Exception {
        same("boom", """
                package main

                func h() { panic("boom") }
                func g() { h() }
                func f() { g() }

                func main() { f() }
                """, null, """
                TEXT main·main(SB), $0-0
                	CALL	main·f(SB)
                	RET
                TEXT main·f(SB), $0-0
                	CALL	main·g(SB)
                	RET
                TEXT main·g(SB), $0-0
                	CALL	main·h(SB)
                	RET
                TEXT main·h(SB), $16-0
                """ + panicWith("boom") + "\tRET\n" + STRINGS);
    }

    @Test
    void intPanic() throws Exception {
        same("int", """
                package main

                func main() { panic(42) }
                """, null, """
                TEXT main·main(SB), $16-0
                	LEAQ	runtime·intType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	fortytwo<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                	RET
                """ + STRINGS);
    }

    @Test
    void panicDuringADeferredCall() throws Exception {
        same("nested", """
                package main

                func main() {
                	defer func() { panic("second") }()
                	panic("first")
                }
                """, null, "TEXT main·main(SB), $16-0\n" + deferCall("mainmainfunc1PC") + panicWith("first") + """
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·main·func1(SB), $16-0
                """ + panicWith("second") + "\tRET\n" + funcPC("main·main·func1") + STRINGS);
    }

    @Test
    void rePanicOfARecoveredValue() throws Exception {
        same("repanic", """
                package main

                func main() {
                	defer func() { r := recover(); panic(r) }()
                	panic("first")
                }
                """, null, "TEXT main·main(SB), $16-0\n" + deferCall("mainmainfunc1PC") + panicWith("first") + """
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·main·func1(SB), $24-0
                	LEAQ	arg+0(FP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·gorecover(SB)
                	MOVQ	8(SP), AX
                	MOVQ	16(SP), BX
                	MOVQ	AX, 0(SP)
                	MOVQ	BX, 8(SP)
                	CALL	runtime·gopanic(SB)
                	RET
                """ + funcPC("main·main·func1") + STRINGS);
    }

    @Test
    void recoverAnswersOnlyADirectDeferredCall() throws Exception {
        same("indirect", """
                package main

                func helper() { println(recover() == nil) }

                func main() {
                	defer func() { helper() }()
                	panic("boom")
                }
                """, null, "TEXT main·main(SB), $16-0\n" + deferCall("mainmainfunc1PC") + panicWith("boom") + """
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·main·func1(SB), $0-0
                	CALL	main·helper(SB)
                	RET
                TEXT main·helper(SB), $24-0
                	LEAQ	arg+0(FP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·gorecover(SB)
                	CMPQ	8(SP), $0
                	SETEQ	0(SP)
                	CALL	runtime·printlock(SB)
                	CALL	runtime·printbool(SB)
                	CALL	runtime·printnl(SB)
                	CALL	runtime·printunlock(SB)
                	RET
                """ + funcPC("main·main·func1") + STRINGS);
    }

    @Test
    void nilDereferenceIsARunTimeErrorPanicWithTheSignalLine() throws Exception {
        same("nilderef", """
                package main

                var p *int
                var sink int

                func f(a, b int) { sink = *p + a + b }

                func main() { f(1, 2) }
                """, null, """
                GLOBL	p<>(SB), NOPTR, $8
                GLOBL	sink<>(SB), NOPTR, $8
                TEXT main·main(SB), $16-0
                	MOVQ	$1, 0(SP)
                	MOVQ	$2, 8(SP)
                	CALL	main·f(SB)
                	RET
                TEXT main·f(SB), NOSPLIT, $0-16
                	MOVQ	p<>(SB), AX
                	MOVQ	0(AX), AX
                	ADDQ	a+0(FP), AX
                	ADDQ	b+8(FP), AX
                	MOVQ	AX, sink<>(SB)
                	RET
                """);
    }

    static final String DIV = """
            TEXT main·div(SB), NOSPLIT, $0-16
            	MOVQ	a+0(FP), AX
            	CQO
            	IDIVQ	b+8(FP)
            	MOVQ	AX, main·q(SB)
            	RET
            """;

    @Test
    void hardwareDivideByZeroIsARunTimeErrorPanicWithTheSignalLine() throws Exception {
        same("divide", """
                package main

                var q int64

                func div(a, b int64)

                func main() { div(7, 0); println(q) }
                """, "#include \"textflag.h\"\n" + DIV.replace("main·div", "·div").replace("main·q", "·q"), """
                GLOBL	main·q(SB), NOPTR, $8
                TEXT main·main(SB), $16-0
                	MOVQ	$7, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	main·div(SB)
                	RET
                """ + DIV);
    }

    static final String MAKECHAN = """
            	MOVQ	$8, 0(SP)
            	MOVQ	$0, 8(SP)
            	CALL	runtime·makechan(SB)
            	MOVQ	16(SP), AX
            	MOVQ	AX, c-8(SP)
            """;

    static String chanCall(String fn) {
        return "\tMOVQ\tc-8(SP), AX\n\tMOVQ\tAX, 0(SP)\n\tLEAQ\tc-8(SP), AX\n\tMOVQ\tAX, 8(SP)\n\tCALL\truntime·" + fn + "(SB)\n";
    }

    @Test
    void channelMisuseTexts() throws Exception {
        same("closeclosed", """
                package main

                func main() {
                	c := make(chan int)
                	close(c)
                	close(c)
                }
                """, null, "TEXT main·main(SB), $24-0\n" + MAKECHAN + chanCall("closechan") + chanCall("closechan") + "\tRET\n");
        same("closenil", """
                package main

                func main() {
                	var c chan int
                	close(c)
                }
                """, null, "TEXT main·main(SB), $24-0\n\tMOVQ\t$0, c-8(SP)\n" + chanCall("closechan") + "\tRET\n");
        same("sendclosed", """
                package main

                func main() {
                	c := make(chan int)
                	close(c)
                	c <- 1
                }
                """, null, "TEXT main·main(SB), $24-0\n" + MAKECHAN + chanCall("closechan") + chanCall("chansend1") + "\tRET\n");
    }

    @Test
    void aChannelPanicIsRecoverable() throws Exception {
        same("chanrecover", """
                package main

                func main() {
                	defer func() { println(recover().(error).Error()) }()
                	c := make(chan int)
                	close(c)
                	close(c)
                }
                """, null, "TEXT main·main(SB), $24-0\n" + deferCall("mainmainfunc1PC") + MAKECHAN + chanCall("closechan")
                + chanCall("closechan") + """
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·main·func1(SB), $24-0
                	LEAQ	arg+0(FP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·gorecover(SB)
                	MOVQ	16(SP), AX
                	MOVQ	0(AX), BX
                	MOVQ	BX, 0(SP)
                	MOVQ	8(AX), BX
                	MOVQ	BX, 8(SP)
                	CALL	runtime·printlock(SB)
                	CALL	runtime·printstring(SB)
                	CALL	runtime·printnl(SB)
                	CALL	runtime·printunlock(SB)
                	RET
                """ + funcPC("main·main·func1"));
    }

    @Test
    void goexitInMainRunsItsDeferredCallsThenDeadlocks() throws Exception {
        same("goexitmain", """
                package main

                import "runtime"

                func main() {
                	defer println("d")
                	runtime.Goexit()
                }
                """, null, """
                TEXT main·main(SB), $32-0
                	MOVL	$16, 0(SP)
                	LEAQ	sayPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	LEAQ	d<>(SB), AX
                	MOVQ	AX, 16(SP)
                	MOVQ	$1, 24(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	CALL	runtime·Goexit(SB)
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·say(SB), $16-16
                	MOVQ	s_base+0(FP), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	s_len+8(FP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·printlock(SB)
                	CALL	runtime·printstring(SB)
                	CALL	runtime·printnl(SB)
                	CALL	runtime·printunlock(SB)
                	RET
                DATA	sayPC<>+0(SB)/8, $main·say(SB)
                GLOBL	sayPC<>(SB), RODATA, $8
                DATA	d<>+0(SB)/1, $"d"
                GLOBL	d<>(SB), RODATA, $1
                """);
    }

    // Two Goscheds: gmpvm's first schedule of goroutine 1 inherits its time slice (it came
    // from runnext), so schedtick is still 0 at the first Gosched and Go's every-61st-tick rule
    // takes goroutine 1 back from the global queue first; Go's own runtime goroutines have
    // moved schedtick on by then. After the second, both have run the new goroutine.
    static final String BLOCKED_THEN_PANIC = "TEXT main·main(SB), $24-0\n" + MAKECHAN + """
            	MOVQ	c-8(SP), AX
            	MOVQ	AX, ch<>(SB)
            	MOVL	$0, 0(SP)
            	LEAQ	mainmainfunc1PC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            	CALL	runtime·Gosched(SB)
            	CALL	runtime·Gosched(SB)
            """ + panicWith("boom") + """
            	RET
            TEXT main·main·func1(SB), $24-0
            	MOVQ	ch<>(SB), AX
            	MOVQ	AX, 0(SP)
            	MOVQ	$0, 8(SP)
            	CALL	runtime·chanrecv1(SB)
            	RET
            GLOBL	ch<>(SB), NOPTR, $8
            """ + funcPC("main·main·func1") + STRINGS;

    static final String BLOCKED_THEN_PANIC_GO = """
            package main

            import "runtime"

            func main() {
            	c := make(chan int)
            	go func() { <-c }()
            	runtime.Gosched()
            	runtime.Gosched()
            	panic("boom")
            }
            """;

    @Test
    void gotracebackAllShowsTheOtherGoroutinesWithWaitReasonAndCreator() throws Exception {
        same("tball", BLOCKED_THEN_PANIC_GO, null, BLOCKED_THEN_PANIC, "GOTRACEBACK=all");
        Out us = runOurs("tball", BLOCKED_THEN_PANIC, "GOTRACEBACK=all");
        assertTrue(us.text().contains("goroutine 5 [chan receive]:\nmain.main.func1()\n"), us.text());
        assertTrue(us.text().contains("created by main.main\n"), us.text());
    }

    @Test
    void defaultNoneAndSystemTracebacks() throws Exception {
        same("tbsingle", BLOCKED_THEN_PANIC_GO, null, BLOCKED_THEN_PANIC);
        same("tbnone", BLOCKED_THEN_PANIC_GO, null, BLOCKED_THEN_PANIC, "GOTRACEBACK=none");
        same("tbsystem", BLOCKED_THEN_PANIC_GO, null, BLOCKED_THEN_PANIC, "GOTRACEBACK=system");
    }

    @Test
    void aPanicInAGoroutineShowsCreatedBy() throws Exception {
        same("gopanic", """
                package main

                import "runtime"

                func main() {
                	go func() { panic("boom") }()
                	for {
                		runtime.Gosched()
                	}
                }
                """, null, """
                TEXT main·main(SB), $16-0
                	MOVL	$0, 0(SP)
                	LEAQ	mainmainfunc1PC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                loop:
                	CALL	runtime·Gosched(SB)
                	JMP	loop
                TEXT main·main·func1(SB), $16-0
                """ + panicWith("boom") + "\tRET\n" + funcPC("main·main·func1") + STRINGS);
    }

    @Test
    void aFaultOnTheSystemStackIsAFatalUnexpectedSignal() throws Exception {
        same("rtfault", """
                package main

                import _ "unsafe"

                //go:linkname systemstack runtime.systemstack
                func systemstack(fn func())

                var p *int

                func main() {
                	systemstack(func() { println(*p) })
                }
                """, null, """
                GLOBL	p<>(SB), NOPTR, $8
                TEXT main·main(SB), $8-0
                	LEAQ	mainmainfunc1PC<>(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·systemstack(SB)
                	RET
                TEXT main·main·func1(SB), $8-0
                	MOVQ	p<>(SB), AX
                	MOVQ	0(AX), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	RET
                """ + funcPC("main·main·func1"));
    }

    @Test
    void aFaultInRuntimeCodeOnAGoroutineIsFatalToo() throws Exception {
        // chansend1 reads the element through a bad pointer inside the runtime: gmpvm's
        // canpanic refuses a panic for a pc in [runtime.text, runtime.etext).
        Out us = runOurs("rtcode", "TEXT main·main(SB), $24-0\n" + """
                	MOVQ	$8, 0(SP)
                	MOVQ	$1, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$8, 8(SP)
                	CALL	runtime·chansend1(SB)
                	RET
                """);
        assertTrue(us.text().startsWith("fatal error: unexpected signal during runtime execution\n"
                + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x"), us.text());
        assertTrue(us.text().contains("\n\ngoroutine 1 [running]:\n"), us.text());
        assertTrue(us.text().contains("\nruntime.chansend1("), us.text());
        assertTrue(us.text().contains("\nmain.main()\n"), us.text());
        assertEquals(2, us.status());
    }

    @Test
    void illegalInstructionAndTrapCrashInGosWords() throws Exception {
        // Go's _SigThrow: the signal's name, PC/m/sigcode, SIGILL's instruction bytes, the
        // traceback from the trapping pc with runtime frames, every goroutine, the registers.
        same("sigill", """
                package main

                func ud()

                func main() { ud() }
                """, "#include \"textflag.h\"\nTEXT ·ud(SB), NOSPLIT, $0-0\n\tUNDEF\n\tRET\n", """
                TEXT main·main(SB), $0-0
                	CALL	main·ud(SB)
                	RET
                TEXT main·ud(SB), NOSPLIT, $0-0
                	UNDEF
                	RET
                """);
        same("sigtrap", """
                package main

                func trap()

                func main() { trap() }
                """, "#include \"textflag.h\"\nTEXT ·trap(SB), NOSPLIT, $0-0\n\tBYTE\t$0xcc\n\tRET\n", """
                TEXT main·main(SB), $0-0
                	CALL	main·trap(SB)
                	RET
                TEXT main·trap(SB), NOSPLIT, $0-0
                	BYTE	$0xcc
                	RET
                """);
    }

    /** main: defer func() { recover(); println("recovered"); panic(VALUE) }(); panic("first"). */
    static String customPanic(String typeDesc, String data) {
        return "TEXT main·main(SB), $16-0\n" + deferCall("mainmainfunc1PC") + panicWith("first") + """
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·main·func1(SB), $24-0
                	LEAQ	arg+0(FP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·gorecover(SB)
                	LEAQ	recovered<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$9, 8(SP)
                	CALL	runtime·printlock(SB)
                	CALL	runtime·printstring(SB)
                	CALL	runtime·printnl(SB)
                	CALL	runtime·printunlock(SB)
                	LEAQ	typ<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	val<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                	RET
                DATA	recovered<>+0(SB)/9, $"recovered"
                GLOBL	recovered<>(SB), RODATA, $9
                """ + typeDesc + data + funcPC("main·main·func1") + STRINGS;
    }

    /** A program-made type descriptor (go_asm.h's _type: size, kind, name). */
    static String typeDesc(long size, int kind, String name) {
        return "DATA\ttyp<>+0(SB)/8, $" + size + "\nDATA\ttyp<>+8(SB)/8, $" + kind + "\nDATA\ttyp<>+16(SB)/8, $tname<>(SB)\n"
                + "DATA\ttyp<>+24(SB)/8, $" + name.length() + "\nGLOBL\ttyp<>(SB), RODATA, $32\n"
                + "DATA\ttname<>+0(SB)/" + name.length() + ", $\"" + name + "\"\nGLOBL\ttname<>(SB), RODATA, $" + name.length() + "\n";
    }

    static String goCustom(String decl, String value) {
        return "package main\n\n" + decl + "\n\nfunc main() {\n\tdefer func() { recover(); println(\"recovered\"); panic("
                + value + ") }()\n\tpanic(\"first\")\n}\n";
    }

    @Test
    void valuesOfOtherTypesPrintAsGosPrintanycustomtype() throws Exception {
        same("customstring", goCustom("type S string", "S(\"x\")"), null, customPanic(typeDesc(16, 24, "main.S"), """
                DATA	xtext<>+0(SB)/1, $"x"
                GLOBL	xtext<>(SB), RODATA, $1
                DATA	val<>+0(SB)/8, $xtext<>(SB)
                DATA	val<>+8(SB)/8, $1
                GLOBL	val<>(SB), RODATA, $16
                """));
        same("customint", goCustom("type I int64", "I(7)"), null, customPanic(typeDesc(8, 6, "main.I"), """
                DATA	val<>+0(SB)/8, $7
                GLOBL	val<>(SB), RODATA, $8
                """));
        same("customstruct", goCustom("type T struct{ A int }", "T{1}"), null, customPanic(typeDesc(8, 25, "main.T"), """
                DATA	val<>+0(SB)/8, $1
                GLOBL	val<>(SB), RODATA, $8
                """));
    }
}
