package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Static Go 1.19 binaries (built with `go build`, CGO off) run with Go's own runtime: its
 * scheduler on emulated threads, its timers on the netpoller (epoll and a pipe), its garbage
 * collector, its signal-based preemption. Each program's stdout, exit status and first line of
 * stderr match a native run, under 3 seeds at GOMAXPROCS 1 and 4 (4 simulated CPUs).
 */
class GoProgramsTest {
    static final Path PROGRAMS = Paths.get("src/test/resources/programs/go");
    static final Path EXAMPLES = Paths.get("examples/go");
    static final Path MINI_EXAMPLES = Paths.get("runtime-asm/examples");
    static final long MAX_INSNS = 2_000_000_000L;
    static final int SEEDS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sleep", "timers", "gc", "maps", "deferrecover", "panicexit", "fmtfloat", "preempt",
        "mutexwg", "selecttimeout", "chanpipeline"})
    void matchesNative(String name) throws Exception {
        Path bin = TestPrograms.buildGo(PROGRAMS, name);
        for (int procs : new int[] {1, 4}) {
            List<String> env = List.of("GOMAXPROCS=" + procs);
            TestPrograms.Result nat = TestPrograms.runNative(bin, List.of(), env, new byte[0]);
            for (long seed = 0; seed < SEEDS; seed++) {
                TestPrograms.Result emu = TestPrograms.runEmulated(bin, List.of(), env, new byte[0], MAX_INSNS, seed, 4);
                String where = name + " GOMAXPROCS=" + procs + " seed " + seed;
                assertEquals(nat.out(), emu.out(), where + " stdout; stderr: " + emu.err());
                assertEquals(nat.status(), emu.status(), where + " status; stderr: " + emu.err());
                assertEquals(firstLines(nat.err()), firstLines(emu.err()), where + " stderr");
            }
        }
    }

    /** The Go versions of the mini runtime's examples print what the assembly ones print. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gostart", "yield", "pingpong", "fanout"})
    void goExamplesPrintWhatTheMiniRuntimesPrint(String name) throws Exception {
        Path bin = TestPrograms.buildGo(EXAMPLES, name);
        String expected = Files.readString(MINI_EXAMPLES.resolve(name + ".out"));
        for (int procs : new int[] {1, 4}) {
            List<String> env = List.of("GOMAXPROCS=" + procs);
            // natively, fanout's "every P ran work" needs the host to run all four Ms while there is
            // work left, which a loaded 2-core host may not do on one try
            TestPrograms.Result nat = TestPrograms.runNative(bin, List.of(), env, new byte[0]);
            for (int retry = 0; retry < 4 && !expected.equals(nat.out() + nat.err()); retry++) {
                nat = TestPrograms.runNative(bin, List.of(), env, new byte[0]);
            }
            assertEquals(expected, nat.out() + nat.err(), name + " natively");
            for (long seed = 0; seed < SEEDS; seed++) {
                TestPrograms.Result emu = TestPrograms.runEmulated(bin, List.of(), env, new byte[0], MAX_INSNS, seed, 4);
                assertEquals(expected, emu.out() + emu.err(), name + " GOMAXPROCS=" + procs + " seed " + seed);
                assertEquals(0, emu.status());
            }
        }
    }

    /** stderr up to the goroutine dump, whose goroutine numbers and addresses may differ. */
    private static String firstLines(String err) {
        int cut = err.indexOf("\ngoroutine ");
        String head = cut < 0 ? err : err.substring(0, cut);
        assertTrue(head.length() < 4096, "short stderr expected");
        return head;
    }
}
