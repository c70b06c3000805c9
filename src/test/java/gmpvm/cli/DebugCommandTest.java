package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** gmpvm debug's command line, -ex scripts, stops, Go views and run --break-on-switch. */
class DebugCommandTest {
    static final String YIELD = "runtime-asm/examples/yield.s";
    static final String PINGPONG = "runtime-asm/examples/pingpong.s";

    @Test
    void debugTakesEveryRunOption() {
        RunCommandTest.Run r = RunCommandTest.run("debug", "--help");
        assertEquals(0, r.status());
        for (String opt : List.of("--cpus", "--seed", "--env", "--max-insns", "--quantum", "--strace", "--no-runtime",
                "--java-stack-traces", "--batch", "-ex", "--syntax")) {
            assertTrue(r.out().contains(opt), opt + " in\n" + r.out());
        }
    }

    @Test
    void exCommandsRunInOrderAndTheSessionEnds() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break runtime·gogo", "-ex", "continue", "-ex", "info registers",
                "-ex", "x/2gx $sp", "-ex", "continue", PINGPONG);
        assertEquals(0, r.status(), r.out());
        String o = r.out();
        assertTrue(o.contains("(gmpvm) break runtime·gogo\nBreakpoint 1 at 0x"), o);
        assertTrue(o.contains("\nBreakpoint 1, runtime.gogo at asm_amd64.s:"), o);
        assertTrue(o.matches("(?s).*\\[thread 1000 \\(M0\\), g0 of M0, insn \\d+\\].*"), o);
        assertTrue(o.matches("(?s).*eflags +0x[0-9a-f]+ +\\[ [A-Z ]*\\].*"), o);
        assertTrue(o.matches("(?s).*\ng +0x[0-9a-f]+ +g0 of M0 \\(TLS, fs_base-8\\).*"), o);
        assertTrue(o.matches("(?s).*\\(gmpvm\\) x/2gx \\$sp\n0x[0-9a-f]+:\t0x[0-9a-f]{16}\t0x[0-9a-f]{16}\n.*"), o);
        // the second continue stops at gogo again, one hit later
        assertEquals(2, count(o, "Breakpoint 1, runtime.gogo"));
        assertFalse(o.contains("round trips"), "the session ended without running the program to its end");
    }

    @Test
    void theSameRunAsRun() {
        RunCommandTest.Run plain = RunCommandTest.runMerged("run", "--stats", "--cpus", "4", "--seed", "9", "--env", "GOMAXPROCS=4", PINGPONG);
        RunCommandTest.Run debug = RunCommandTest.runMerged("debug", "--cpus", "4", "--seed", "9", "--env", "GOMAXPROCS=4",
                "-ex", "catch syscall write", "-ex", "continue", "-ex", "delete", "-ex", "continue", PINGPONG);
        Matcher m = Pattern.compile("gmpvm: (\\d+) instructions retired").matcher(plain.out());
        assertTrue(m.find(), plain.out());
        assertTrue(debug.out().contains("round trips 10000 sum 50005000\n[process 1000 exited normally]"), debug.out());
        assertTrue(debug.out().contains("Catchpoint 1 (call to syscall write), runtime.write1"), debug.out());
    }

    @Test
    void nextSwitchShowsTheCard() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break main.worker", "-ex", "continue", "-ex", "next-switch",
                "-ex", "next-switch", "-ex", "info switches", YIELD);
        String o = r.out();
        assertTrue(o.contains("Context switch on M0 (thread 1000), P0, at insn"), o);
        assertTrue(o.matches("(?s).*  by       runtime\\.mcall\\+0x[0-9a-f]+ at asm_amd64\\.s:\\d+: MOVQ SI, \\(CX\\)\\(TLS\\*1\\).*"), o);
        assertTrue(o.matches("(?s).*  left     G\\d \\(running\\)\n           saved gobuf sp=0x[0-9a-f]+ pc=0x[0-9a-f]+ bp=0x[0-9a-f]+: resumes at .*"), o);
        assertTrue(o.matches("(?s).*  arrived  g0 of M0 \\(idle\\), stack \\[0x[0-9a-f]+, 0x[0-9a-f]+\\).*"), o);
        assertTrue(o.matches("(?s).*  SP       0x[0-9a-f]+ -> 0x[0-9a-f]+, by runtime\\.mcall\\+0x[0-9a-f]+ at asm_amd64\\.s:\\d+.*"), o);
        assertTrue(o.matches("(?s).*  by       runtime\\.gogo\\+0x[0-9a-f]+ at .*"), "the second switch is gogo's\n" + o);
        assertEquals(2, count(o, "\nswitch "), o);
    }

    @Test
    void breakOnSwitchPrintsOneLinePerSwitch() {
        RunCommandTest.Run r = RunCommandTest.run("run", "--break-on-switch", YIELD);
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("gmpvm: switch ")).toList();
        assertTrue(lines.size() > 20, r.err());
        assertTrue(lines.get(0).matches("gmpvm: switch 1 at insn \\d+ on M0 \\(thread 1000\\): g0 of M0 -> G1 by runtime\\.gogo \\(asm_amd64\\.s:\\d+\\)"),
                lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" by runtime.mcall ")), r.err());
        RunCommandTest.Run plain = RunCommandTest.run("run", YIELD);
        assertEquals(plain.out(), r.out(), "the program's own output is unchanged");
        assertEquals(plain.err(), r.err().lines().filter(l -> !l.startsWith("gmpvm: switch ")).map(l -> l + "\n")
                .reduce("", String::concat), "and so is its stderr");
    }

    @Test
    void goViewsReadTheRuntime() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "--cpus", "4", "--env", "GOMAXPROCS=4", "-ex", "break runtime.runqsteal",
                "-ex", "continue", "-ex", "info goroutines", "-ex", "info ps", "-ex", "info ms", "-ex", "info sched",
                "-ex", "goroutine 1 bt", "runtime-asm/examples/fanout.s");
        String o = r.out();
        assertTrue(o.contains("  Goid  Status     Wait reason       M    P    Where"), o);
        assertTrue(o.matches("(?s).*\n  2     runnable .*main\\.work at fanout\\.s:\\d+.*"), o);
        assertEquals(4, count(o, "\nP"), "one line per P at GOMAXPROCS=4\n" + o);
        assertTrue(o.matches("(?s).*P0: status=running m=M0 schedtick=\\d+ syscalltick=\\d+ runqhead=\\d+ runqtail=\\d+ runq=\\[G2 G3.*"), o);
        assertTrue(o.contains("M1: procid=1001 curg=nil p=P1"), o);
        assertTrue(o.contains("sched: goidgen="), o);
        assertTrue(o.matches("(?s).*goroutine 1 (runs on thread|\\[).*#0  0x[0-9a-f]+ in .*"), o);
    }

    @Test
    void badInputIsOneLineAndTheSessionGoesOn() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "frobnicate", "-ex", "break nosuch", "-ex", "x/4gx 0",
                "-ex", "info registers rip", YIELD);
        assertEquals(0, r.status());
        String o = r.out();
        assertTrue(o.contains("(gmpvm) frobnicate\nUndefined command: \"frobnicate\".  Try \"help\".\n(gmpvm) break nosuch\n"
                + "Function \"nosuch\" not defined.\n(gmpvm) x/4gx 0\nCannot access memory at address 0x0\n(gmpvm) info registers rip\nrip "), o);
        RunCommandTest.Run missing = RunCommandTest.run("debug", "--batch", "no/such/script.gdb", YIELD);
        assertEquals(2, missing.status());
        assertEquals("gmpvm: no/such/script.gdb: no such file\n", missing.err());
        RunCommandTest.Run syntax = RunCommandTest.run("debug", "--syntax", "att", YIELD);
        assertEquals(2, syntax.status());
        RunCommandTest.Run nofile = RunCommandTest.run("debug", "-ex", "quit", "no/such.s");
        RunCommandTest.Run runNofile = RunCommandTest.run("run", "no/such.s");
        assertEquals(runNofile.status(), nofile.status(), "as run fails");
        assertEquals(runNofile.err(), nofile.err());
        assertTrue(nofile.status() != 0);
    }

    @Test
    void intelSyntaxOnRequest() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "--syntax", "intel", "-ex", "x/2i $pc", YIELD);
        assertTrue(r.out().contains("=> 0x401000 <_rt0_amd64_linux+0>:\tmov    rdi,QWORD PTR [rsp]"), r.out());
    }

    @Test
    void lineSteppingFinishAndNexti() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break main.main", "-ex", "run", "-ex", "next", "-ex", "next",
                "-ex", "next", "-ex", "step", "-ex", "nexti", "-ex", "info registers rip", "-ex", "break runtime.printnl",
                "-ex", "continue", "-ex", "finish", "runtime-asm/examples/hello.s");
        String o = r.out();
        // next walks hello.s's lines 8, 9, 10; step reaches the CALL on 11
        assertTrue(o.contains("(gmpvm) next\nmain.main+0x1d at hello.s:8\n"), o);
        assertTrue(o.contains("(gmpvm) next\nmain.main+0x24 at hello.s:9\n"), o);
        assertTrue(o.contains("(gmpvm) step\nmain.main+0x31 at hello.s:11\n"), o);
        // nexti runs the CALL through: the string is printed and we are on the next instruction of main
        assertTrue(o.contains("(gmpvm) nexti\nHello from gmpvm Gomain.main+0x36 at hello.s:12\n"), o);
        // finish from printnl returns to main.main's next line
        assertTrue(o.contains("(gmpvm) finish\nRun till exit from runtime.printnl\n\nmain.main+0x3b at hello.s:13\n"), o);
    }

    @Test
    void commandsFromAPipeWithoutATerminal() {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        byte[] in = "break main.main\nrun\n\nthread\nquit\nstepi\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int status = Main.commandLine(new java.io.ByteArrayInputStream(in), ps, ps).execute("debug", "runtime-asm/examples/hello.s");
        String o = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, status, o);
        assertTrue(o.contains("(gmpvm) Breakpoint 1 at 0x"), o);
        assertTrue(o.contains("\nBreakpoint 1, main.main at hello.s:7\n"), o);
        // the empty line repeats run, which refuses to start twice
        assertTrue(o.contains("(gmpvm) The program being debugged has been started already.\n"), o);
        assertTrue(o.contains("[Current thread is 1 (thread 1000 (M0), G1)]"), o);
        assertFalse(o.contains("main.main+0x"), "quit ended the session before stepi\n" + o);
    }

    @Test
    void catchSwitchStopsContinueAtEverySwitch() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "catch switch", "-ex", "continue", "-ex", "continue",
                "-ex", "continue", "-ex", "info breakpoints", "-ex", "info switches", YIELD);
        String o = r.out();
        assertTrue(o.contains("(gmpvm) catch switch\nCatchpoint 1 (context switch)\n"), o);
        assertEquals(3, count(o, "\nCatchpoint 1 (context switch)\nContext switch on M0 (thread 1000)"), o);
        assertTrue(o.contains("  by       runtime.gogo+0x13 at asm_amd64.s:90: MOVQ DX, (CX)(TLS*1)\n  left     g0 of M0 (idle)"), o);
        assertTrue(o.matches("(?s).*1       catchpoint     keep y +context switch\n\tcatchpoint already hit 3 times\n.*"), o);
        assertEquals(3, count(o, "\nswitch "), "info switches lists the three\n" + o);
    }

    @Test
    void untilALocationStopsThere() {
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break main.main", "-ex", "run", "-ex", "until hello.s:12",
                "runtime-asm/examples/hello.s");
        assertTrue(r.out().contains("(gmpvm) until hello.s:12\nHello from gmpvm Gomain.main+0x36 at hello.s:12\n"), r.out());
    }

    static int count(String s, String what) {
        int n = 0;
        for (int k = s.indexOf(what); k >= 0; k = s.indexOf(what, k + 1)) {
            n++;
        }
        return n;
    }
}
