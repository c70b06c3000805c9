package gmpvm.loader.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace cut down to a window of virtual time [from, to) ns, still well formed: metadata kept;
 * slices ({@code X}) that overlap the window clipped to it; states ({@code B}/{@code E}) open
 * when the window begins opened at its start and those still open at its end closed there;
 * counters given the value they had when the window begins; instants and flows inside it kept
 * (a flow only with its start). A long run's file then holds the part one wants to look at.
 */
public final class TraceWindow {
    private TraceWindow() {
    }

    /** The events of [from, to) (to ≤ 0: to the end), as described above. */
    public static List<TraceEvent> cut(List<TraceEvent> events, long from, long to) {
        long end = to > 0 ? to : Long.MAX_VALUE;
        List<TraceEvent> out = new ArrayList<>();
        Map<String, Deque<TraceEvent>> open = new LinkedHashMap<>();
        Map<String, TraceEvent> counters = new LinkedHashMap<>();
        Set<Long> flows = new HashSet<>();
        boolean inside = false;
        long last = from;
        for (TraceEvent e : TraceFile.sorted(events)) {
            if (e.ph.equals("M")) {
                out.add(e);
                continue;
            }
            if (e.ts >= end) {
                break;
            }
            if (!inside && e.ts >= from) {
                enter(out, open, counters, from);
                inside = true;
            }
            String track = e.pid + ":" + e.tid;
            switch (e.ph) {
                case "B" -> {
                    open.computeIfAbsent(track, k -> new ArrayDeque<>()).push(e);
                    if (inside) {
                        out.add(e);
                    }
                }
                case "E" -> {
                    Deque<TraceEvent> s = open.get(track);
                    if (s != null && !s.isEmpty()) {
                        s.pop();
                    }
                    if (inside) {
                        out.add(e);
                    }
                }
                case "X" -> {
                    if (e.ts + e.dur > from) {
                        long ts = Math.max(e.ts, from);
                        TraceEvent x = e.copyAt(ts);
                        x.dur = Math.min(e.ts + e.dur, end) - ts;
                        out.add(x);
                    }
                }
                case "C" -> {
                    if (inside) {
                        out.add(e);
                    } else {
                        counters.put(track + ":" + e.name, e);
                    }
                }
                case "s" -> {
                    if (inside) {
                        flows.add(e.id);
                        out.add(e);
                    }
                }
                case "f" -> {
                    if (inside && flows.contains(e.id)) {
                        out.add(e);
                    }
                }
                default -> {
                    if (inside) {
                        out.add(e);
                    }
                }
            }
            last = Math.max(last, e.ts);
        }
        if (!inside) {
            enter(out, open, counters, from);
        }
        long close = end == Long.MAX_VALUE ? last : end;
        for (Deque<TraceEvent> s : open.values()) {
            for (TraceEvent b : s) {
                out.add(new TraceEvent("E", b.name, b.cat, b.pid, b.tid, close));
            }
        }
        return out;
    }

    /** At the window's start: the states then open (outermost first) and the counters' values then. */
    private static void enter(List<TraceEvent> out, Map<String, Deque<TraceEvent>> open, Map<String, TraceEvent> counters,
                              long from) {
        for (Deque<TraceEvent> s : open.values()) {
            var it = s.descendingIterator();
            while (it.hasNext()) {
                out.add(it.next().copyAt(from));
            }
        }
        for (TraceEvent c : counters.values()) {
            out.add(c.copyAt(from));
        }
    }
}
