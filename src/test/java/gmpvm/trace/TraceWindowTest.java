package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import gmpvm.loader.trace.TraceWindow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A window of a trace ({@code run --trace-window}) is a well-formed trace of just that time. */
class TraceWindowTest {
    @Test
    void aWindowOfPingpongIsWellFormedAndHoldsExactlyItsPart() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("pingpong.s"), true, 0, 1, "GOMAXPROCS=1");
        List<TraceEvent> all = r.events();
        long from = 3_000_000;
        long to = 3_100_000;
        List<TraceEvent> cut = TraceWindow.cut(all, from, to);
        TraceRecorderTest.TraceValidator.check(TraceFile.parse(json(cut)));
        assertTrue(cut.size() * 20 < all.size(), "a 100 µs window of a 10 ms run is a small part: " + cut.size() + " of " + all.size());

        // every event lies in the window; slices are clipped to it
        for (TraceEvent e : cut) {
            if (!e.ph().equals("M")) {
                assertTrue(e.ts() >= from && e.ts() <= to, e.toString());
                assertTrue(e.ts() + e.dur() <= to, e.toString());
            }
        }
        // the runs wholly inside the window are the full trace's, unchanged
        Set<String> inside = new TreeSet<>();
        for (TraceEvent e : all) {
            if (e.ph().equals("X") && e.ts() >= from && e.ts() + e.dur() <= to) {
                inside.add(e.toString());
            }
        }
        Set<String> kept = new TreeSet<>();
        for (TraceEvent e : cut) {
            if (e.ph().equals("X") && e.ts() >= from && e.ts() + e.dur() <= to) {
                kept.add(e.toString());
            }
        }
        assertTrue(inside.size() > 100, "pingpong runs often: " + inside.size());
        assertTrue(kept.containsAll(inside), "every slice wholly inside the window is kept as it was");
        long clipped = cut.stream().filter(e -> e.ph().equals("X") && !inside.contains(e.toString())).count();
        assertTrue(cut.stream().filter(e -> e.ph().equals("X") && !inside.contains(e.toString()))
                .allMatch(e -> e.ts() == from || e.ts() + e.dur() == to), "the others are clipped at the window's edges");
        assertTrue(clipped > 0 && clipped < 10, "a few slices cross the edges: " + clipped);
        // each goroutine's states cover the whole window, as they cover the whole run
        Map<Long, Long> covered = new HashMap<>();
        Map<Long, Deque<TraceEvent>> open = new HashMap<>();
        for (TraceEvent e : TraceFile.sorted(cut)) {
            if (e.pid() != TraceEvent.PID_GS) {
                continue;
            }
            if (e.ph().equals("B")) {
                open.computeIfAbsent(e.tid(), k -> new ArrayDeque<>()).push(e);
            } else if (e.ph().equals("E")) {
                covered.merge(e.tid(), e.ts() - open.get(e.tid()).pop().ts(), Long::sum);
            }
        }
        for (long goid = 1; goid <= 5; goid++) {
            assertEquals(to - from, covered.get(goid), "G" + goid + "'s states cover the window");
        }
        // the counters start the window with the values they had then
        assertTrue(cut.stream().anyMatch(e -> e.ph().equals("C") && e.ts() == from && e.name().equals("idle Ps")), "idle Ps at the start");
    }

    @Test
    void anOpenEndedWindowRunsToTheEndAndAnEmptyOneHoldsOnlyNames() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("yield.s"), true, 0, 1, "GOMAXPROCS=1");
        long exit = r.events().stream().filter(e -> e.name().equals("exit")).mapToLong(TraceEvent::ts).max().orElseThrow();
        List<TraceEvent> rest = TraceWindow.cut(r.events(), exit - 1, 0);
        TraceRecorderTest.TraceValidator.check(TraceFile.parse(json(rest)));
        assertTrue(rest.stream().anyMatch(e -> e.name().equals("exit")), "the goroutines' exits are in the rest of the run");
        List<TraceEvent> after = TraceWindow.cut(r.events(), r.clock() * 2, 0);
        TraceRecorderTest.TraceValidator.check(TraceFile.parse(json(after)));
        assertTrue(after.stream().allMatch(e -> e.ph().equals("M") || e.ph().equals("C")), "nothing happens after the end");
    }

    private static String json(List<TraceEvent> events) throws Exception {
        java.io.StringWriter w = new java.io.StringWriter();
        TraceFile.write(events, w);
        return w.toString();
    }
}
