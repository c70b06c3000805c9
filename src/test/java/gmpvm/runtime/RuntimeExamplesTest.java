package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime's example programs (runtime-asm/examples/ files with a main·main): each is linked
 * with the runtime once and run in-process under 20 seeds for each of GOMAXPROCS 1, 2 and 4
 * (with as many simulated CPUs); the output must equal NAME.out every time and the exit status
 * NAME.status (0 when absent). NAME.env, when present, holds more environment variables for the
 * run, one K=V a line (e.g. GODEBUG settings the example is about). Code addresses after {@code pc=} (a fault's "[signal …]" line)
 * are masked on both sides: they move whenever the runtime's text changes size.
 */
class RuntimeExamplesTest {
    static final Path DIR = Path.of("runtime-asm", "examples");
    static final int SEEDS = Integer.getInteger("gmpvm.runtime.seeds", 20);

    static Stream<String> examples() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".s") && Files.exists(DIR.resolve(n.replace(".s", ".out"))))
                    .filter(n -> {
                        try {
                            return Files.readString(DIR.resolve(n)).contains("main·main");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void sameOutputUnderEverySeedAndGomaxprocs(String name) throws Exception {
        String want = maskPcs(Files.readString(DIR.resolve(name.replace(".s", ".out"))));
        Path st = DIR.resolve(name.replace(".s", ".status"));
        int status = Files.exists(st) ? Integer.parseInt(Files.readString(st).strip()) : 0;
        Path envFile = DIR.resolve(name.replace(".s", ".env"));
        List<String> extra = Files.exists(envFile) ? Files.readAllLines(envFile).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList() : List.of();
        byte[] elf = RuntimeRun.build(DIR.resolve(name));
        for (int procs : new int[] {1, 2, 4}) {
            for (long seed = 0; seed < SEEDS; seed++) {
                List<String> env = new java.util.ArrayList<>(extra);
                env.add("GOMAXPROCS=" + procs);
                RuntimeRun.Result r = RuntimeRun.run(elf, seed, procs, env.toArray(String[]::new));
                String where = name + " GOMAXPROCS=" + procs + " seed=" + seed;
                assertEquals(want, maskPcs(r.both()), where);
                assertEquals(status, r.status(), where + " exit status");
            }
        }
    }

    static String maskPcs(String s) {
        // runtime frames (traceback lines of runtime.* functions and their positions in the
        // runtime's sources) and code and frame addresses move whenever the runtime changes
        return s.replaceAll("pc=0x[0-9a-f]+", "pc=0x…")
                .replaceAll("fp=0x[0-9a-f]+ sp=0x[0-9a-f]+", "fp=0x… sp=0x…")
                .replaceAll("(?m)^runtime\\.([A-Za-z0-9_.]+)\\(.*\\)$", "runtime.$1(…)")
                .replaceAll("\truntime-asm/(?!examples/)([a-z_0-9]+\\.s):\\d+ \\+0x[0-9a-f]+", "\truntime-asm/$1:… +0x…");
    }

    @org.junit.jupiter.api.Test
    void theCoreExamplesExist() throws Exception {
        List<String> names = examples().toList();
        for (String n : List.of("hello.s", "gostart.s", "yield.s", "nilgo.s", "fanout.s", "pingpong.s", "pipeline.s", "deadlock.s",
                "defer.s", "recover.s", "nilpanic.s", "goexit.s", "sleep.s", "gomaxprocs.s", "spin.s", "coop.s",
                "syscall.s")) {
            assertTrue(names.contains(n), n + " in " + names);
        }
    }
}
