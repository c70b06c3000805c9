package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import gmpvm.run.TestPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Traces of binaries built by Go's toolchain, read through their DWARF: Go's own scheduler
 * recorded as gmpvm's is, and the same story told by both runtimes for the same program.
 */
class GoBinaryTraceTest {
    static final Path GO_EXAMPLES = Path.of("examples/go");

    /** Goroutine runs and wait reasons by goid, from a trace. */
    record Story(Map<Long, Integer> runs, Map<Long, Set<String>> waits, Map<Long, String> fns, Set<String> switchers,
                 int flows) {
    }

    static Story story(Iterable<TraceEvent> events) {
        Map<Long, Integer> runs = new TreeMap<>();
        Map<Long, Set<String>> waits = new TreeMap<>();
        Map<Long, String> fns = new TreeMap<>();
        Set<String> switchers = new TreeSet<>();
        int flows = 0;
        for (TraceEvent e : events) {
            if (e.ph().equals("X") && e.cat() != null && e.cat().equals("run") && e.pid() == TraceEvent.PID_PS) {
                runs.merge(e.num("goid", -1), 1, Integer::sum);
            } else if (e.ph().equals("B") && e.pid() == TraceEvent.PID_GS && e.name().startsWith("waiting: ")) {
                waits.computeIfAbsent(e.tid(), k -> new TreeSet<>()).add(e.name().substring("waiting: ".length()));
            } else if (e.ph().equals("i") && e.name().equals("created")) {
                fns.put(e.tid(), e.str("fn"));
            } else if (e.ph().equals("i") && "switch".equals(e.cat())) {
                switchers.add(e.str("routine"));
            } else if (e.ph().equals("s")) {
                flows++;
            }
        }
        return new Story(runs, waits, fns, switchers, flows);
    }

    @Test
    void goPingpongIsTracedThroughItsDwarfAndTellsTheMiniRuntimesStory() throws Exception {
        byte[] goElf = Files.readAllBytes(TestPrograms.buildGo(GO_EXAMPLES, "pingpong"));
        TraceRun.Result plain = TraceRun.run(goElf, false, 0, 1, "GOMAXPROCS=1");
        TraceRun.Result traced = TraceRun.run(goElf, true, 0, 1, "GOMAXPROCS=1");
        assertEquals("round trips 10000 sum 50005000\n", traced.err() + traced.out());
        assertEquals(plain.retired(), traced.retired(), "tracing a Go binary changes nothing in its run");
        assertEquals(plain.clock(), traced.clock());
        var events = TraceFile.parse(traced.json());
        TraceRecorderTest.TraceValidator.check(events);
        Story go = story(events);

        // Go's runtime, as recorded: its system goroutines, the ponger created by main, hand-offs with wake-up flows
        assertEquals("runtime.main", go.fns().get(1L), go.fns().toString());
        assertEquals("runtime.forcegchelper", go.fns().get(2L), go.fns().toString());
        assertEquals("main.main.func1", go.fns().get(5L), go.fns().toString());
        assertTrue(go.switchers().containsAll(Set.of("gogo", "mcall")), go.switchers().toString());
        assertTrue(go.flows() >= 19_999, "a wake-up flow for every hand-off: " + go.flows());
        assertEquals(Set.of("force gc (idle)"), go.waits().get(2L));

        // gmpvm's runtime running the same program (pingpong.s) at GOMAXPROCS=1: the same goroutines,
        // the same number of runs each, blocked for the same reasons
        TraceRun.Result mini = TraceRun.run(TraceRun.build("pingpong.s"), true, 0, 1, "GOMAXPROCS=1");
        Story ours = story(TraceFile.parse(mini.json()));
        assertEquals(ours.runs(), go.runs(), "runs per goroutine, gmpvm's runtime vs Go's");
        assertEquals(10_000, go.runs().get(5L));
        assertEquals(ours.waits(), go.waits(), "wait reasons per goroutine");
        assertEquals(ours.fns().keySet(), go.fns().keySet(), "the same goroutine ids");
    }

    /** Every Go test program's trace is well formed (runs, states, flows, P states), at GOMAXPROCS=2 on 2 CPUs. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sleep", "timers", "gc", "maps", "deferrecover", "panicexit", "fmtfloat", "preempt",
        "mutexwg", "selecttimeout", "chanpipeline", "goviews"})
    void everyGoProgramsTraceIsWellFormed(String name) throws Exception {
        byte[] goElf = Files.readAllBytes(TestPrograms.buildGo(Path.of("src/test/resources/programs/go"), name));
        TraceRun.Result r = TraceRun.run(goElf, true, 2, 2, "GOMAXPROCS=2");
        var events = TraceFile.parse(r.json());
        TraceRecorderTest.TraceValidator.check(events);
        assertTrue(story(events).runs().getOrDefault(1L, 0) > 0, "main ran");
    }

    /** Go's garbage collector in the trace: each cycle begins, stops the world twice, ends marking. */
    @Test
    void goGarbageCollectionCyclesAreRecorded() throws Exception {
        byte[] goElf = Files.readAllBytes(TestPrograms.buildGo(Path.of("src/test/resources/programs/go"), "gc"));
        TraceRun.Result r = TraceRun.run(goElf, true, 1, 2, "GOMAXPROCS=2");
        assertEquals(0, r.status(), r.err());
        var events = TraceFile.parse(r.json());
        TraceRecorderTest.TraceValidator.check(events);
        Map<String, Integer> instants = new TreeMap<>();
        int stopped = 0;
        for (TraceEvent e : events) {
            if (e.ph().equals("i") && "runtime".equals(e.cat())) {
                instants.merge(e.name(), 1, Integer::sum);
            } else if (e.ph().equals("X") && e.name().equals("world stopped")) {
                stopped++;
                assertTrue(e.pid() == TraceEvent.PID_MS && e.dur() > 0, e.toString());
            }
        }
        int cycles = instants.getOrDefault("startCycle", 0);
        assertTrue(cycles >= 2, "the program collects garbage: " + instants);
        assertEquals(cycles, instants.getOrDefault("gcMarkTermination", 0), instants.toString());
        assertTrue(stopped >= 2 * cycles, "two stops of the world per cycle: " + stopped + " for " + cycles);
        assertTrue(story(events).fns().containsValue("runtime.gcBgMarkWorker"), "the mark workers are goroutines too");
    }

    @Test
    void goFanoutOnFourPsIsWellFormedAndDeterministic() throws Exception {
        byte[] goElf = Files.readAllBytes(TestPrograms.buildGo(GO_EXAMPLES, "fanout"));
        TraceRun.Result a = TraceRun.run(goElf, true, 3, 4, "GOMAXPROCS=4");
        TraceRun.Result b = TraceRun.run(goElf, true, 3, 4, "GOMAXPROCS=4");
        assertEquals(a.json(), b.json(), "the same seed, the same trace");
        assertTrue((a.out() + a.err()).contains("goroutines: 64"), a.out() + a.err());
        var events = TraceFile.parse(a.json());
        TraceRecorderTest.TraceValidator.check(events);
        Story s = story(events);
        long workers = s.fns().values().stream().filter(f -> f.startsWith("main.main.func")).count();
        assertEquals(64, workers, s.fns().toString());
        Set<Long> ps = new TreeSet<>();
        for (TraceEvent e : events) {
            if (e.ph().equals("X") && "run".equals(e.cat()) && e.pid() == TraceEvent.PID_PS) {
                ps.add(e.tid());
            }
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L), ps, "goroutines ran on all four Ps");
        assertTrue(events.stream().anyMatch(e -> e.name().equals("steal")), "idle Ps stole work");
    }
}
