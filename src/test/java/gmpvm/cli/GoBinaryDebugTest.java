package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.run.TestPrograms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The debugger's Go-aware views on binaries built by Go's toolchain, whose runtime structures
 * are read through the program's DWARF: they agree with Go's own account of its goroutines
 * (runtime.Stack's headers, printed by the program just before the stop), and context switches
 * stop in Go's gogo, mcall and systemstack.
 */
class GoBinaryDebugTest {
    static final Path PROGRAMS = Path.of("src/test/resources/programs/go");
    static final Path GO_EXAMPLES = Path.of("examples/go");
    private static final Pattern GO_HEADER = Pattern.compile("goroutine (\\d+) \\[([^\\]]+)\\]:");
    private static final Pattern ROW = Pattern.compile("([* ]) (\\d+) +(\\S+) +(.*?) +(M\\d+|-) +(P\\d+|-) +(\\S+(?: at \\S+)?) +\\[0x[0-9a-f]+, 0x[0-9a-f]+\\)");

    @ParameterizedTest(name = "GOMAXPROCS={0}")
    @ValueSource(ints = {1, 4})
    void infoGoroutinesAgreesWithGosOwnAccount(int procs) throws Exception {
        String bin = TestPrograms.buildGo(PROGRAMS, "goviews").toString();
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "--cpus", "4", "--seed", "2", "--env", "GOMAXPROCS=" + procs,
                "-ex", "break main.checkpoint", "-ex", "continue", "-ex", "info goroutines", "-ex", "info ps", "-ex", "info ms",
                "-ex", "info sched", bin);
        String o = r.out();
        assertEquals(0, r.status(), o);
        assertTrue(o.contains("\nBreakpoint 1, main.checkpoint"), o);

        Map<Long, String> goSays = new LinkedHashMap<>();
        Matcher h = GO_HEADER.matcher(o);
        while (h.find()) {
            goSays.put(Long.parseLong(h.group(1)), h.group(2));
        }
        assertEquals(7, goSays.size(), "Go printed main and its six parked goroutines:\n" + o);
        assertTrue(goSays.values().containsAll(List.of("running", "chan receive", "chan send", "select", "sleep", "semacquire")),
                goSays.toString());

        Map<Long, String[]> rows = new LinkedHashMap<>();
        for (String line : o.substring(o.indexOf("(gmpvm) info goroutines")).lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(Long.parseLong(m.group(2)), new String[] {m.group(1), m.group(3), m.group(4).strip(), m.group(5), m.group(6)});
            }
        }
        for (Map.Entry<Long, String> e : goSays.entrySet()) {
            String[] row = rows.get(e.getKey());
            assertTrue(row != null, "goroutine " + e.getKey() + " in info goroutines:\n" + o);
            String ours = row[1].equals("waiting") ? row[2] : row[1];
            assertEquals(e.getValue(), ours, "goroutine " + e.getKey() + ": Go says [" + e.getValue() + "]");
        }
        String[] main = rows.get(1L);
        assertEquals("*", main[0], "G1 is the selected thread's goroutine");
        assertTrue(main[3].startsWith("M") && main[4].startsWith("P"), String.join(" ", main));
        assertTrue(rows.values().stream().anyMatch(x -> x[2].equals("force gc (idle)")), "the runtime's own goroutines are listed too");

        // allp is Go's slice of GOMAXPROCS Ps; the running one is held by G1's M
        List<String> ps = o.lines().filter(l -> l.matches("P\\d+: status=.*")).toList();
        assertEquals(procs, ps.size(), o);
        assertTrue(ps.stream().anyMatch(l -> l.startsWith("P" + main[4].substring(1) + ": status=running m=" + main[3] + " ")), o);
        assertTrue(ps.stream().allMatch(l -> l.matches("P\\d+: status=(idle|running|syscall|gcstop) .*")), o);
        assertTrue(o.matches("(?s).*\nM0: procid=1000 .*"), o);
        assertTrue(o.matches("(?s).*\nsched: goidgen=\\d+ runqsize=\\d+ runq=\\[.*"), o);
    }

    /**
     * info goroutines user: each parked goroutine's innermost frame outside the runtime, at the
     * source line of the operation it blocks in (found in main.go, not numbered by hand).
     */
    @Test
    void userFramesAreTheBlockingLinesOfTheProgram() throws Exception {
        String bin = TestPrograms.buildGo(PROGRAMS, "goviews").toString();
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break main.checkpoint", "-ex", "continue",
                "-ex", "info goroutines user", bin);
        String o = r.out();
        assertEquals(0, r.status(), o);
        List<String> src = java.nio.file.Files.readAllLines(PROGRAMS.resolve("goviews/main.go"));
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        lineOf.put("chan receive", src.indexOf("\tgo func() { started <- true; <-never }()") + 1);
        lineOf.put("chan send", src.indexOf("\tgo func() { started <- true; full <- 1 }()") + 1);
        lineOf.put("select", src.indexOf("\t\tselect {") + 1);
        lineOf.put("sleep", src.indexOf("\tgo func() { started <- true; time.Sleep(time.Hour) }()") + 1);
        assertTrue(lineOf.values().stream().allMatch(n -> n > 0), lineOf.toString());
        Map<String, String> whereOf = new LinkedHashMap<>();
        for (String line : o.substring(o.indexOf("(gmpvm) info goroutines user")).lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && m.group(3).equals("waiting")) {
                whereOf.putIfAbsent(m.group(4).strip(), m.group(7));
            }
        }
        for (Map.Entry<String, Integer> e : lineOf.entrySet()) {
            String where = whereOf.get(e.getKey());
            assertTrue(where != null && where.matches("main\\.main\\.func\\d+\\+0x[0-9a-f]+ at main\\.go:" + e.getValue()),
                    e.getKey() + " at main.go:" + e.getValue() + ", not " + where + "\n" + o);
        }
        assertTrue(whereOf.get("semacquire").startsWith("sync."), "a Mutex or WaitGroup method, not the runtime's sema.go: " + o);
        assertTrue(whereOf.get("force gc (idle)").startsWith("runtime.gopark"), "the runtime's own goroutines stay where they are");
    }

    @Test
    void nextSwitchStopsInGosOwnSwitchingRoutines() throws Exception {
        String bin = TestPrograms.buildGo(GO_EXAMPLES, "pingpong").toString();
        List<String> args = new ArrayList<>(List.of("debug", "-ex", "break main.main.func1", "-ex", "continue"));
        for (int k = 0; k < 6; k++) {
            args.addAll(List.of("-ex", "next-switch"));
        }
        args.addAll(List.of("-ex", "info switches", "-ex", "goroutine 1 bt", bin));
        RunCommandTest.Run r = RunCommandTest.runMerged(args.toArray(String[]::new));
        String o = r.out();
        assertEquals(0, r.status(), o);
        assertFalse(o.contains("internal error"), o);
        assertEquals(6, count(o, "\nContext switch on M0 (thread 1000), P0, at insn "), o);
        assertTrue(o.matches("(?s).*\n  by       runtime\\.mcall\\+0x[0-9a-f]+.*: MOVQ R14, \\(TLS\\)\n.*"), o);
        assertTrue(o.matches("(?s).*\n  by       gogo(\\+0x[0-9a-f]+)?( at asm_amd64\\.s:\\d+)?: MOVQ DX, \\(TLS\\)\n.*"), "Go's gogo<> stores the arriving g\n" + o);
        assertTrue(o.matches("(?s).*\n  left     G5 \\(running\\)\n           saved gobuf sp=0x[0-9a-f]+ pc=0x[0-9a-f]+ bp=0x[0-9a-f]+:"
                + " resumes at runtime\\.gopark\\+0x[0-9a-f]+.*"), o);
        assertTrue(o.matches("(?s).*\n  arrived  g0 of M0 \\(idle\\), stack \\[0x[0-9a-f]+, 0x[0-9a-f]+\\).*"), o);
        assertEquals(6, count(o, "\nswitch "), o);
        assertTrue(o.matches("(?s).*\n#\\d+ +0x[0-9a-f]+ in main\\.main\\+0x[0-9a-f]+.*"), "G1's backtrace from its saved gobuf\n" + o);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int k = s.indexOf(part); k >= 0; k = s.indexOf(part, k + 1)) {
            n++;
        }
        return n;
    }
}
