package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import gmpvm.loader.trace.TraceSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What run --trace records: the same run, a well-formed trace-event file, and the run's story in it. */
class TraceRecorderTest {
    @ParameterizedTest
    @CsvSource({"fanout.s, 4, 3", "yield.s, 2, 5", "pipeline.s, 2, 1", "morestack.s, 1, 0"})
    void tracingRetiresExactlyTheSameInstructions(String example, int procs, long seed) throws Exception {
        byte[] elf = TraceRun.build(example);
        TraceRun.Result plain = TraceRun.run(elf, false, seed, procs, "GOMAXPROCS=" + procs);
        TraceRun.Result traced = TraceRun.run(elf, true, seed, procs, "GOMAXPROCS=" + procs);
        assertEquals(plain.retired(), traced.retired(), "instructions retired");
        assertEquals(plain.clock(), traced.clock(), "virtual time");
        assertEquals(plain.out(), traced.out());
        assertEquals(plain.err(), traced.err());
        assertEquals(plain.status(), traced.status());
        assertTrue(traced.events().size() > 100, "something was recorded");
    }

    /**
     * Each change of GOMAXPROCS stops the world: a "world stopped" slice inside the caller's run
     * on its M, one for every procresize but schedinit's (which runs before the world does).
     */
    @Test
    void stoppingTheWorldIsASliceOnTheStoppingM() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("gomaxprocs.s"), true, 0, 2, "GOMAXPROCS=2");
        List<TraceEvent> events = TraceFile.parse(r.json());
        TraceValidator.check(events);
        long resizes = events.stream().filter(e -> e.ph().equals("i") && e.name().equals("procresize")).count();
        List<TraceEvent> stopped = events.stream().filter(e -> e.name().equals("world stopped")).toList();
        assertTrue(resizes >= 3, "gomaxprocs.s changes GOMAXPROCS: " + resizes);
        assertEquals(resizes - 1, stopped.size(), "one stop per change of GOMAXPROCS");
        for (TraceEvent w : stopped) {
            assertTrue(w.ph().equals("X") && w.pid() == TraceEvent.PID_MS && w.dur() > 0, w.toString());
            assertTrue(events.stream().anyMatch(x -> x.ph().equals("X") && "run".equals(x.cat()) && x.pid() == TraceEvent.PID_MS
                    && x.tid() == w.tid() && x.ts() <= w.ts() && x.ts() + x.dur() >= w.ts() + w.dur()
                    && x.name().startsWith("G1 ")), "inside G1's run on the same M: " + w);
        }
    }

    @Test
    void fanoutTraceIsWellFormedAndTellsTheRun() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("fanout.s"), true, 0, 4, "GOMAXPROCS=4");
        assertTrue((r.out() + r.err()).contains("goroutines: 64"), r.out() + r.err());
        List<TraceEvent> events = TraceFile.parse(r.json());
        assertEquals(r.events().size(), events.size(), "every event written and read back");
        TraceValidator.check(events);

        // every worker: created (by G1, at its go statement), ran, exited
        Map<Long, String> names = new TreeMap<>();
        Set<Long> created = new TreeSet<>();
        Set<Long> exited = new TreeSet<>();
        Map<Long, Integer> runs = new TreeMap<>();
        for (TraceEvent e : events) {
            if (e.ph().equals("M") && e.name().equals("thread_name") && e.pid() == TraceEvent.PID_GS) {
                names.put(e.tid(), e.str("name"));
            } else if (e.ph().equals("i") && e.name().equals("created")) {
                created.add(e.tid());
                if (e.str("fn").equals("main.work")) {
                    assertEquals("G1", e.str("by"));
                    assertTrue(e.str("at").startsWith("main.main+"), e.str("at"));
                }
            } else if (e.ph().equals("i") && e.name().equals("exit")) {
                exited.add(e.tid());
            } else if (e.ph().equals("X") && "run".equals(e.cat()) && e.pid() == TraceEvent.PID_PS) {
                runs.merge(e.num("goid", -1), 1, Integer::sum);
                assertEquals("G" + e.num("goid", -1) + " " + e.str("fn"), e.name());
                assertTrue(e.num("endInsn", 0) > e.num("startInsn", 0));
            }
        }
        List<Long> workers = names.entrySet().stream().filter(x -> x.getValue().endsWith(" main.work")).map(Map.Entry::getKey).toList();
        assertEquals(64, workers.size(), names.toString());
        for (long g : workers) {
            assertTrue(created.contains(g), "G" + g + " created");
            assertTrue(runs.getOrDefault(g, 0) >= 1, "G" + g + " ran");
            assertTrue(exited.contains(g), "G" + g + " exited");
        }
        // with 4 Ps and 64 goroutines queued on the creator's P, the others steal
        long steals = events.stream().filter(e -> e.ph().equals("i") && e.name().equals("steal")).count();
        assertTrue(steals > 0, "steals recorded");
        assertEquals(4, events.stream().filter(e -> e.ph().equals("M") && e.name().equals("thread_name") && e.pid() == TraceEvent.PID_PS).count());

        // the time each goroutine spent running (its state track) is the time the Ps spent running goroutines
        long gRunning = 0;
        Map<Long, TraceEvent> open = new HashMap<>();
        for (TraceEvent e : TraceFile.sorted(events)) {
            if (e.pid() == TraceEvent.PID_GS && e.ph().equals("B")) {
                open.put(e.tid(), e);
            } else if (e.pid() == TraceEvent.PID_GS && e.ph().equals("E")) {
                TraceEvent b = open.remove(e.tid());
                if (b.name().equals("running")) {
                    gRunning += e.ts() - b.ts();
                }
            }
        }
        long pBusy = 0;
        for (TraceSummary.P p : TraceSummary.totals(events).ps().values()) {
            pBusy += p.busy();
        }
        long slices = events.stream().filter(e -> e.ph().equals("X") && "run".equals(e.cat()) && e.pid() == TraceEvent.PID_PS)
                .mapToLong(TraceEvent::dur).sum();
        assertEquals(slices, pBusy, "per-P totals are the sums of their slices");
        assertEquals(gRunning, pBusy, "goroutines' running time = Ps' busy time");
    }

    @Test
    void pingpongHandsOffWithWakeupFlowsAndWaitReasons() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("pipeline.s"), true, 0, 1, "GOMAXPROCS=1");
        List<TraceEvent> events = TraceFile.parse(r.json());
        TraceValidator.check(events);
        long flows = events.stream().filter(e -> e.ph().equals("s")).count();
        assertTrue(flows > 0, "wake-ups recorded as flows");
        Set<String> reasons = new TreeSet<>();
        for (TraceEvent e : events) {
            if (e.ph().equals("B") && e.name().startsWith("waiting: ")) {
                reasons.add(e.name().substring(9));
            }
        }
        assertTrue(reasons.contains("chan receive") || reasons.contains("chan send"), reasons.toString());
        // switches name their routine and both gs
        TraceEvent sw = events.stream().filter(e -> "switch".equals(e.cat())).findFirst().orElse(null);
        assertNotNull(sw);
        assertTrue(Set.of("gogo", "mcall", "systemstack", "morestack").contains(sw.str("routine")), sw.toString());
        assertFalse(sw.str("from").isEmpty());
        assertFalse(sw.str("to").isEmpty());
    }

    /** Checks the trace-event format's rules the viewers rely on. */
    static final class TraceValidator {
        static void check(List<TraceEvent> events) {
            Map<String, Deque<TraceEvent>> stacks = new HashMap<>();
            Map<Long, TraceEvent> starts = new HashMap<>();
            Map<Long, TraceEvent> ends = new HashMap<>();
            Map<String, List<TraceEvent>> perP = new TreeMap<>();
            long lastTs = -1;
            for (TraceEvent e : TraceFile.sorted(events)) {
                assertTrue(Set.of("B", "E", "X", "i", "C", "s", "f", "M").contains(e.ph()), e.toString());
                assertTrue(e.ts() >= 0, e.toString());
                if (!e.ph().equals("M")) {
                    assertTrue(e.ts() >= lastTs, "time order");
                    lastTs = e.ts();
                }
                String track = e.pid() + ":" + e.tid();
                switch (e.ph()) {
                    case "B" -> stacks.computeIfAbsent(track, k -> new ArrayDeque<>()).push(e);
                    case "E" -> {
                        Deque<TraceEvent> s = stacks.get(track);
                        assertTrue(s != null && !s.isEmpty(), "E without B: " + e);
                        assertEquals(s.pop().name(), e.name(), "E closes its B");
                    }
                    case "X" -> {
                        assertTrue(e.dur() >= 0, e.toString());
                        if (e.pid() == TraceEvent.PID_PS) {
                            perP.computeIfAbsent(track, k -> new ArrayList<>()).add(e);
                        }
                    }
                    case "s" -> {
                        assertEquals(null, starts.put(e.id(), e), "one start per flow");
                        Deque<TraceEvent> s = stacks.get(track);
                        assertTrue(s != null && !s.isEmpty() && s.peek().name().equals("running"),
                                "a flow starts inside the waker's running slice: " + e);
                    }
                    case "f" -> {
                        assertEquals(null, ends.put(e.id(), e), "one end per flow");
                        Deque<TraceEvent> s = stacks.get(track);
                        assertTrue(s != null && !s.isEmpty() && s.peek().name().equals("running") && s.peek().ts() == e.ts(),
                                "a flow ends where the woken goroutine starts running: " + e);
                    }
                    default -> { }
                }
            }
            for (Map.Entry<String, Deque<TraceEvent>> s : stacks.entrySet()) {
                assertTrue(s.getValue().isEmpty(), "unclosed B on " + s.getKey() + ": " + s.getValue());
            }
            for (Map.Entry<Long, TraceEvent> f : ends.entrySet()) {
                TraceEvent s = starts.get(f.getKey());
                assertNotNull(s, "flow end without start");
                assertTrue(s.ts() <= f.getValue().ts());
            }
            for (Map.Entry<String, List<TraceEvent>> p : perP.entrySet()) {
                long end = -1;
                TraceEvent before = null;
                for (TraceEvent x : p.getValue()) {
                    final TraceEvent b = before;
                    assertTrue(x.ts() >= end, () -> "slices on " + p.getKey() + " overlap: " + b + " and " + x);
                    end = x.ts() + x.dur();
                    before = x;
                }
            }
        }
    }
}
