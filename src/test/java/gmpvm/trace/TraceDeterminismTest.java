package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tracing every example under GOMAXPROCS 1, 2 and 4: the same seed gives the same trace, byte for
 * byte (that tracing leaves the run itself unchanged is {@link TraceRecorderTest}'s). The default run traces one seed per
 * GOMAXPROCS (seeds 0, 7 and 13: round-robin and two shuffles), each twice, which keeps the suite
 * within its budget; {@code -Dgmpvm.trace.seeds=20} runs the full sweep of 20 seeds.
 */
class TraceDeterminismTest {
    static final int SEEDS = Integer.getInteger("gmpvm.trace.seeds", 0);

    static Stream<String> examples() throws Exception {
        try (Stream<Path> s = Files.list(TraceRun.EXAMPLES)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".s") && Files.exists(TraceRun.EXAMPLES.resolve(n.replace(".s", ".out"))))
                    .filter(n -> {
                        try {
                            return Files.readString(TraceRun.EXAMPLES.resolve(n)).contains("main·main");
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
    void sameSeedSameTrace(String example) throws Exception {
        byte[] elf = TraceRun.build(example);
        int[] procs = {1, 2, 4};
        for (int k = 0; k < procs.length; k++) {
            long[] seeds = SEEDS > 0 ? java.util.stream.LongStream.range(0, SEEDS).toArray() : new long[] {new long[] {0, 7, 13}[k]};
            for (long seed : seeds) {
                String env = "GOMAXPROCS=" + procs[k];
                String where = example + " " + env + " seed=" + seed;
                TraceRun.Result a = TraceRun.run(elf, true, seed, 1, env);
                TraceRun.Result b = TraceRun.run(elf, true, seed, 1, env);
                assertTrue(a.json().contains("\"cat\":\"run\""), where + ": goroutine runs recorded");
                assertEquals(a.json(), b.json(), where + ": same seed, same trace");
                assertEquals(a.out() + a.err(), b.out() + b.err(), where);
            }
        }
    }
}
