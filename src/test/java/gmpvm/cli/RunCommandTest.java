package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gmpvm command in-process through picocli: exit statuses, messages and reports. */
class RunCommandTest {
    static final Path OUT = Paths.get("target/test-programs");
    static Path hello;
    static Path traps;
    static Path segv;
    static Path args;

    /** What one command produced. */
    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void build() throws Exception {
        hello = build("hello");
        traps = build("traps");
        segv = build("segv");
        args = build("args_env");
    }

    static Path build(String name) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        Path bin = OUT.resolve("cli-" + name).toAbsolutePath();
        Process p = new ProcessBuilder("gcc", "-O2", "-static", "-nostdlib", "-fno-stack-protector",
                "-fno-tree-loop-distribute-patterns", "-fno-pie", "-no-pie", "-o", bin.toString(),
                "src/test/resources/programs/c/" + name + ".c", "-lgcc").inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc " + name);
        return bin;
    }

    static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true)).execute(argv);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with stdout and stderr going to one stream, to see their order. */
    static Run runMerged(String... argv) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(both, true);
        int status = Main.commandLine(new ByteArrayInputStream(new byte[0]), ps, ps).execute(argv);
        return new Run(status, both.toString(StandardCharsets.UTF_8), "");
    }

    static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.out().contains("\tat "), r.out());
    }

    @Test
    void helloRunsAndExitsZero() {
        Run r = run("run", hello.toString());
        assertEquals(0, r.status());
        assertEquals("hello, world\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void missingFileIsStatusTwo() {
        Run r = run("run", "/no/such/program");
        assertEquals(2, r.status());
        assertEquals("gmpvm: /no/such/program: no such file\n", r.err());
        noStackTrace(r);
    }

    @Test
    void nonElfFileIsStatusTwo() {
        Run r = run("run", "pom.xml");
        assertEquals(2, r.status());
        assertEquals("gmpvm: pom.xml: not an ELF file\n", r.err());
    }

    @Test
    void directoryIsStatusTwo() {
        Run r = run("run", "src");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("gmpvm: src: "), r.err());
        noStackTrace(r);
    }

    @Test
    void instructionLimitIsStatus124WithAMessage() {
        Run r = run("run", "--max-insns", "10", hello.toString());
        assertEquals(124, r.status());
        assertTrue(r.err().matches("gmpvm: instruction limit reached \\(10 instructions\\) in thread 1000 at rip 0x[0-9a-f]+ "
                + "<[\\w.]+(\\+0x[0-9a-f]+)?>: [0-9a-f ]+ .+\n"), r.err());
    }

    /** On a .s program the report names the M, the goroutine and the source line, as a stop in the debugger does. */
    @Test
    void instructionLimitOnTheRuntimeNamesGoroutineAndLine() throws Exception {
        Path spin = Files.createTempDirectory("gmpvm-limit").resolve("spin.s");
        Files.writeString(spin, "#include \"textflag.h\"\nTEXT main·main(SB), NOSPLIT, $0\nloop:\n\tJMP\tloop\n");
        Run r = run("run", "--max-insns", "100000", spin.toString());
        assertEquals(124, r.status());
        assertTrue(r.err().matches("gmpvm: instruction limit reached \\(100000 instructions\\) in thread 1000 \\(M0\\), G1 "
                + "at rip 0x[0-9a-f]+ <main\\.main> \\(spin\\.s:4\\): eb fe  jmp .*\n"), r.err());
    }

    @Test
    void segfaultReportNamesSymbolAndBytes() {
        Run r = runMerged("run", segv.toString());
        assertEquals(139, r.status());
        assertTrue(r.out().matches("before the fault\ngmpvm: SIGSEGV \\(address 0x0, SEGV_MAPERR\\) in thread 1000 at rip 0x[0-9a-f]+ "
                + "<deref(\\+0x[0-9a-f]+)?>: 8b 07  mov +eax,DWORD PTR \\[rdi\\]\n"), r.out());
    }

    @Test
    void otherSignalsHaveShellStatuses() {
        Run ill = run("run", traps.toString(), "ud2");
        assertEquals(132, ill.status());
        assertTrue(ill.err().matches("gmpvm: SIGILL \\(address 0x[0-9a-f]+, ILL_ILLOPN\\) in thread 1000 at rip 0x[0-9a-f]+ <main(\\+0x[0-9a-f]+)?>: 0f 0b  ud2\n"), ill.err());
        Run trap = run("run", traps.toString(), "int3");
        assertEquals(133, trap.status());
        assertTrue(trap.err().matches("gmpvm: SIGTRAP \\(address 0x0, SI_KERNEL\\) in thread 1000 at rip 0x[0-9a-f]+ <main(\\+0x[0-9a-f]+)?>: cc  int3\n"), trap.err());
        Run fpe = run("run", traps.toString(), "div0");
        assertEquals(136, fpe.status());
        assertTrue(fpe.err().startsWith("gmpvm: SIGFPE (address 0x"), fpe.err());
        assertTrue(fpe.err().contains("FPE_INTDIV"), fpe.err());
        Run hlt = run("run", traps.toString(), "hlt");
        assertEquals(139, hlt.status());
        assertTrue(hlt.err().contains("SIGSEGV (address 0x0, SI_KERNEL)"), hlt.err());
        Run ro = run("run", traps.toString(), "ro");
        assertEquals(139, ro.status());
        assertTrue(ro.err().contains("SEGV_ACCERR"), ro.err());
    }

    @Test
    void rawBytesStandInWithoutTheDisassembler() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true));
        ((RunCommand) cl.getSubcommands().get("run").getCommand()).setInstructionText(InstructionText.RAW_BYTES);
        assertEquals(132, cl.execute("run", traps.toString(), "ud2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith(": 0f 0b\n"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stdoutAndStderrKeepTheGuestsOrder() {
        Run r = runMerged("run", traps.toString(), "mix");
        assertEquals(0, r.status());
        assertEquals("out err out err out err \n", r.out());
    }

    @Test
    void argumentsAfterFileGoToTheGuestEvenIfTheyLookLikeOptions() {
        Run r = run("run", "--env", "A=1", "--env", "B=two words", args.toString(), "--max-insns", "-x");
        assertEquals(2, r.status()); // args_env returns the number of environment variables
        assertTrue(r.out().contains("argv[1] = '--max-insns'\nargv[2] = '-x'\n"), r.out());
        assertTrue(r.out().contains("env A=1\nenv B=two words\n"), r.out());
    }

    @Test
    void hugeArgumentListIsALoadError() {
        String big = "x".repeat(1 << 20);
        Run r = run("run", hello.toString(), big, big);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("argument list and environment too long"), r.err());
    }

    @Test
    void statsReportsInstructions() {
        Run r = run("run", "--stats", hello.toString());
        assertEquals(0, r.status());
        assertTrue(r.err().matches("gmpvm: \\d+ instructions retired, .*\n"), r.err());
    }

    @Test
    void badOptionsAreUsageErrorsWithoutStackTraces() {
        Run r = run("run", "--max-insns", "lots", hello.toString());
        assertEquals(2, r.status());
        noStackTrace(r);
        Run e = run("run", "--env", "NOEQUALS", hello.toString());
        assertEquals(2, e.status());
        assertEquals("gmpvm: --env wants K=V, got 'NOEQUALS'\n", e.err());
        Run none = run("run");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("FILE"), none.err());
    }

    @Test
    void helpExplainsOptions() {
        Run r = run("run", "--help");
        assertEquals(0, r.status());
        for (String opt : List.of("--max-insns", "--stats", "--env", "--seed", "--java-stack-traces", "--break-on-switch", "--quantum", "124")) {
            assertTrue(r.out().contains(opt), opt + " in\n" + r.out());
        }
        Run top = run("--help");
        assertEquals(0, top.status());
        assertTrue(top.out().contains("run"), top.out());
    }

    @Test
    void seedDeterminesRandomBytes() {
        List<String> outs = new ArrayList<>();
        for (String seed : List.of("1", "1", "2")) {
            Run r = run("run", "--seed", seed, traps.toString(), "x");
            assertEquals(0, r.status(), r.err());
            outs.add(r.out());
        }
        assertTrue(outs.get(0).matches("[0-9a-f]+ [0-9a-f]+\n"), outs.get(0));
        assertEquals(outs.get(0), outs.get(1));
        assertFalse(outs.get(0).equals(outs.get(2)), outs.toString());
    }
    /** A file that cannot be read is exit 2 for every command, with the reason in words. */
    @Test
    void unreadableFilesAreStatus2WithTheReasonInWords() throws Exception {
        Path dir = Files.createTempDirectory("gmpvm-unreadable").resolve("prog.s");
        Files.createDirectories(dir);
        for (String[] cmd : new String[][] {{"run", "nosuch.s"}, {"run", "nosuch"}, {"asm", "-o", "/dev/null", "nosuch.s"},
                {"disasm", "nosuch"}, {"run", dir.toString()}, {"asm", "-o", "/dev/null", dir.toString()},
                {"disasm", dir.getParent().toString()}}) {
            Run r = run(cmd);
            assertEquals(2, r.status(), String.join(" ", cmd) + ": " + r.err());
            assertTrue(r.err().endsWith(": no such file\n") || r.err().endsWith(": is a directory\n"),
                    String.join(" ", cmd) + ": " + r.err());
            assertFalse(r.err().contains("cannot read"), r.err());
        }
    }
    /** An endless device is refused by every command, as by run, instead of read forever. */
    @Test
    void endlessInputsAreRefused() {
        Run asm = run("asm", "-o", "/dev/null", "/dev/zero");
        assertEquals(2, asm.status(), asm.err());
        assertTrue(asm.err().contains("/dev/zero: file too large (more than 16 MiB)"), asm.err());
        Run dis = run("disasm", "/dev/zero");
        assertEquals(2, dis.status(), dis.err());
        assertTrue(dis.err().contains("/dev/zero: file too large"), dis.err());
    }
    /** Classroom limits: host time and output, each ending the run with status 124 and one line. */
    @Test
    void timeoutAndMaxOutputStopARunawayProgram() throws Exception {
        Path dir = Files.createTempDirectory("gmpvm-limits");
        Path spin = dir.resolve("spin.s");
        Files.writeString(spin, "#include \"textflag.h\"\nTEXT main·main(SB), NOSPLIT, $0\nloop:\n\tJMP\tloop\n");
        Run t = run("run", "--timeout", "0.5", spin.toString());
        assertEquals(124, t.status(), t.err());
        assertTrue(t.err().matches("gmpvm: time limit reached \\(--timeout\\) after \\d+ instructions\n"), t.err());
        Path yes = dir.resolve("yes.s");
        Files.writeString(yes, """
                #include "textflag.h"
                TEXT main·main(SB), $16-0
                loop:
                	LEAQ	y<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$2, 8(SP)
                	CALL	runtime·printstring(SB)
                	JMP	loop
                DATA	y<>+0(SB)/2, $"y\\n"
                GLOBL	y<>(SB), RODATA, $2
                """);
        Run o = run("run", "--max-output", "100", yes.toString());
        assertEquals(124, o.status(), o.err());
        assertTrue(o.err().startsWith("y\n".repeat(50) + "gmpvm: output limit reached (--max-output: the guest wrote "), o.err());
        Run bad = run("run", "--timeout", "-1", spin.toString());
        assertEquals(2, bad.status());
    }
}
