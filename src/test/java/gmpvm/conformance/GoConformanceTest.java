package gmpvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance corpus (src/test/resources/conformance/): each program is written twice, in
 * Go (NAME.go) and in gmpvm's Go-dialect assembly on the runtime's API (NAME.s). Go 1.19 builds
 * and runs the Go version natively at GOMAXPROCS=1, several times, and its output must be the
 * same every time; gmpvm runs the assembly version at GOMAXPROCS=1 under several seeds, on 1
 * and 2 simulated CPUs. Stdout and stderr, compared by the program's {@link Rule}, and the exit
 * status must be Go's, except for the {@link KnownDifference}s, where they must be what
 * NAME.gmpvm documents. docs/conformance.md describes the corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

    /** Whether the Go binaries run at a real-time priority (see GoPrograms.realTime). */
    private boolean realTime;

    @BeforeAll
    void buildGo() throws Exception {
        GoPrograms.buildAll(DIR, names());
        realTime = GoPrograms.realTime();
    }

    @ParameterizedTest
    @MethodSource("names")
    void gmpvmPrintsWhatGoPrints(String name) throws Exception {
        Rule rule = Rule.of(Files.readString(DIR.resolve(name + ".go")));
        GoPrograms.Run go = GoPrograms.run(name, realTime);
        for (int i = 1; i < GO_RUNS; i++) {
            GoPrograms.Run again = GoPrograms.run(name, realTime);
            assertEquals(go, again, name + ": Go's own output at GOMAXPROCS=1 differs between runs,"
                    + " so it is no conformance program");
        }
        byte[] elf = VmPrograms.build(DIR.resolve(name + ".s"));
        Optional<KnownDifference> known = KnownDifference.of(name);
        String want = known.isPresent() ? Files.readString(DIR.resolve(name + ".gmpvm")) : go.output();
        int wantStatus = known.map(KnownDifference::gmpvmStatus).orElse(go.status());
        if (known.isPresent()) {
            assertTrue(!rule.compared(want).equals(rule.compared(go.output())) || wantStatus != go.status(),
                    name + ": Go now prints what " + name + ".gmpvm says gmpvm prints; is the difference ("
                            + known.get().why() + ") gone?");
        }
        for (long seed = 0; seed < SEEDS; seed++) {
            int cpus = 1 + (int) (seed % 2);
            VmPrograms.Run vm = VmPrograms.run(elf, seed, cpus);
            String where = name + " (rule " + rule + ", seed " + seed + ", " + cpus + " CPUs"
                    + known.map(k -> ", known difference: " + k.why() + "; gmpvm's output should be "
                            + name + ".gmpvm").orElse("") + ")";
            assertEquals(rule.compared(want), rule.compared(vm.output()), where);
            assertEquals(wantStatus, vm.status(), where + ": exit status");
        }
    }

    @Test
    void everyKnownDifferenceIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs", "conformance.md"));
        List<String> names = names();
        for (KnownDifference d : KnownDifference.ALL.values()) {
            assertTrue(names.contains(d.program()), d.program() + " is in the corpus");
            assertTrue(Files.exists(DIR.resolve(d.program() + ".gmpvm")), d.program() + ".gmpvm holds gmpvm's output");
            assertTrue(doc.contains("`" + d.program() + "`"), "docs/conformance.md explains " + d.program());
        }
        try (Stream<Path> s = Files.list(DIR)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gmpvm"))
                    .forEach(n -> assertTrue(KnownDifference.ALL.containsKey(n.substring(0, n.length() - 6)),
                            n + " belongs to a known difference"));
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
            assertEquals(Rule.of(go) == Rule.FRAMES_DROPPED, go.contains("Rule:"),
                    n + ".go names its rule as '" + Rule.FRAMES_DROPPED_LINE + "', on a line of its own");
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
