package gmpvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance corpus (src/test/resources/conformance/): each program is written twice, in
 * Go (NAME.go) and in gmpvm's Go-dialect assembly on the runtime's API (NAME.s). Go 1.19 builds
 * and runs the Go version natively at GOMAXPROCS=1, several times, and its output must be the
 * same every time; gmpvm runs the assembly version at GOMAXPROCS=1 under several seeds; stdout
 * and stderr, compared by the program's {@link Rule}, and the exit status must be Go's.
 * docs/conformance.md describes the corpus.
 */
class GoConformanceTest {
    static final Path DIR = Path.of("src", "test", "resources", "conformance");
    static final int GO_RUNS = 3;
    static final int SEEDS = 5;

    static List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".go"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    @BeforeAll
    static void buildGo() throws Exception {
        GoPrograms.buildAll(DIR, names());
    }

    @ParameterizedTest
    @MethodSource("names")
    void gmpvmPrintsWhatGoPrints(String name) throws Exception {
        Rule rule = Rule.of(Files.readString(DIR.resolve(name + ".go")));
        GoPrograms.Run go = GoPrograms.run(name);
        for (int i = 1; i < GO_RUNS; i++) {
            GoPrograms.Run again = GoPrograms.run(name);
            assertEquals(go, again, name + ": Go's own output at GOMAXPROCS=1 differs between runs,"
                    + " so it is no conformance program");
        }
        byte[] elf = VmPrograms.build(DIR.resolve(name + ".s"));
        for (long seed = 0; seed < SEEDS; seed++) {
            VmPrograms.Run vm = VmPrograms.run(elf, seed);
            String where = name + " (rule " + rule + ", seed " + seed + ")";
            assertEquals(rule.compared(go.output()), rule.compared(vm.output()), where);
            assertEquals(go.status(), vm.status(), where + ": exit status");
        }
    }

    @Test
    void everyProgramIsWrittenTwiceWithOneRule() throws Exception {
        List<String> names = names();
        assertTrue(names.size() >= 20, "at least 20 programs: " + names);
        try (Stream<Path> s = Files.list(DIR)) {
            List<String> asm = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".s"))
                    .map(n -> n.substring(0, n.length() - 2)).sorted().toList();
            assertEquals(names, asm, "NAME.go and NAME.s pairs");
        }
        for (String n : names) {
            String go = Files.readString(DIR.resolve(n + ".go"));
            String s = Files.readString(DIR.resolve(n + ".s"));
            assertTrue(go.startsWith("// " + n + ": "), n + ".go opens with a comment saying what it shows");
            assertTrue(s.startsWith("// " + n + ": "), n + ".s opens with a comment saying what it shows");
            assertEquals(Rule.of(go), Rule.of(s), n + ": both versions name the same rule");
            assertTrue(!go.contains("\"fmt\"") && !go.contains("\"sync\""), n + ".go uses only what the runtime offers");
        }
    }

    @Test
    void framesDroppedKeepsHeadersMessagesAndBlankLines() {
        String go = "panic: x\n\ngoroutine 5 [running]:\nmain.s()\n\t/tmp/a.go:11 +0x45\ncreated by main.main\n"
                + "\t/tmp/a.go:15 +0x25\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/tmp/a.go:3 +0x1\n";
        String vm = "panic: x\n\ngoroutine 5 [running]:\n\ngoroutine 1 [chan receive]:\n";
        assertEquals(Rule.FRAMES_DROPPED.compared(vm), Rule.FRAMES_DROPPED.compared(go));
        assertTrue(!Rule.FRAMES_DROPPED.compared(go.replace("[running]", "[runnable]"))
                .equals(Rule.FRAMES_DROPPED.compared(vm)), "a header that differs still counts");
        assertEquals(go, Rule.EXACT.compared(go));
    }
}
