package gmpvm.loader.trace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code gmpvm trace summary FILE}: per-goroutine and per-P totals of a trace, as text, in the
 * spirit of {@code go tool trace}'s goroutine analysis: how often and how long each goroutine ran,
 * how long it waited to run (runnable) and blocked (waiting, by Go's reason), and how busy each P
 * was. Times are virtual microseconds.
 */
public final class TraceSummary {
    private TraceSummary() {
    }

    /** One goroutine's totals. */
    public record G(long goid, String name, long runs, long running, long runnable, long waiting,
                    Map<String, Long> waitingBy, String createdBy, boolean exited) {
    }

    /** One P's totals. */
    public record P(long id, long runs, long busy, long idle, long steals, long stolen) {
    }

    /** The totals of a trace. */
    public record Totals(Map<Long, G> gs, Map<Long, P> ps, long end, long insns, long switches) {
    }

    public static Totals totals(List<TraceEvent> events) {
        Map<Long, long[]> g = new TreeMap<>(); // runs, running, runnable, waiting, exited
        Map<Long, String> names = new TreeMap<>();
        Map<Long, String> createdBy = new TreeMap<>();
        Map<Long, Map<String, Long>> by = new TreeMap<>();
        Map<Long, long[]> p = new TreeMap<>(); // runs, busy, idle, steals, stolen
        Map<Long, TraceEvent> open = new TreeMap<>();
        long end = 0, insns = 0, switches = 0;
        for (TraceEvent e : TraceFile.sorted(events)) {
            end = Math.max(end, e.ts + (e.ph.equals("X") ? e.dur : 0));
            if (e.ph.equals("M") && e.name.equals("gmpvm")) {
                insns = e.num("insns", 0);
                end = Math.max(end, e.num("virtualNs", 0));
            } else if (e.ph.equals("M") && e.name.equals("thread_name") && e.pid == TraceEvent.PID_GS) {
                names.put(e.tid, e.str("name"));
                g.computeIfAbsent(e.tid, k -> new long[5]);
            } else if (e.ph.equals("X") && "run".equals(e.cat) && e.pid == TraceEvent.PID_PS) {
                long[] t = g.computeIfAbsent(e.num("goid", -1), k -> new long[5]);
                t[0]++;
                t[1] += e.dur;
                names.putIfAbsent(e.num("goid", -1), e.name);
                long[] q = p.computeIfAbsent(e.tid, k -> new long[5]);
                q[0]++;
                q[1] += e.dur;
            } else if (e.ph.equals("X") && "pstate".equals(e.cat) && e.pid == TraceEvent.PID_PS) {
                p.computeIfAbsent(e.tid, k -> new long[5])[2] += e.dur;
            } else if (e.ph.equals("i") && e.name.equals("steal")) {
                long[] q = p.computeIfAbsent(e.tid, k -> new long[5]);
                q[3]++;
                q[4] += e.num("count", 0);
            } else if (e.ph.equals("i") && "switch".equals(e.cat)) {
                switches++;
            } else if (e.ph.equals("i") && e.name.equals("created") && e.pid == TraceEvent.PID_GS) {
                createdBy.put(e.tid, e.str("by"));
            } else if (e.ph.equals("i") && e.name.equals("exit") && e.pid == TraceEvent.PID_GS) {
                g.computeIfAbsent(e.tid, k -> new long[5])[4] = 1;
            } else if (e.ph.equals("B") && e.pid == TraceEvent.PID_GS) {
                open.put(e.tid, e);
            } else if (e.ph.equals("E") && e.pid == TraceEvent.PID_GS) {
                TraceEvent b = open.remove(e.tid);
                if (b != null) {
                    long d = e.ts - b.ts;
                    long[] t = g.computeIfAbsent(e.tid, k -> new long[5]);
                    if (b.name.equals("runnable")) {
                        t[2] += d;
                    } else if (b.name.startsWith("waiting")) {
                        t[3] += d;
                        String why = b.name.startsWith("waiting: ") ? b.name.substring(9) : b.name;
                        by.computeIfAbsent(e.tid, k -> new TreeMap<>()).merge(why, d, Long::sum);
                    }
                }
            }
        }
        Map<Long, G> gs = new TreeMap<>();
        for (Map.Entry<Long, long[]> e : g.entrySet()) {
            if (e.getKey() < 0) {
                continue;
            }
            long[] t = e.getValue();
            String name = names.getOrDefault(e.getKey(), "G" + e.getKey());
            gs.put(e.getKey(), new G(e.getKey(), name, t[0], t[1], t[2], t[3], by.getOrDefault(e.getKey(), Map.of()),
                    createdBy.getOrDefault(e.getKey(), ""), t[4] != 0));
        }
        Map<Long, P> ps = new TreeMap<>();
        for (Map.Entry<Long, long[]> e : p.entrySet()) {
            long[] q = e.getValue();
            ps.put(e.getKey(), new P(e.getKey(), q[0], q[1], q[2], q[3], q[4]));
        }
        return new Totals(gs, ps, end, insns, switches);
    }

    private static String us(long ns) {
        StringBuilder b = new StringBuilder();
        TraceFile.micros(b, ns);
        return b.toString();
    }

    /** The summary as text. */
    public static String text(List<TraceEvent> events) {
        Totals t = totals(events);
        StringBuilder b = new StringBuilder();
        b.append(String.format("trace: %d goroutines, %d Ps, %s µs virtual time, %d instructions, %d context switches%n%n",
                t.gs().size(), t.ps().size(), us(t.end()), t.insns(), t.switches()));
        b.append(String.format("%-6s %-28s %7s %14s %14s %14s  %-10s %s%n", "goid", "function", "runs", "running µs",
                "runnable µs", "waiting µs", "created by", "blocked on"));
        for (G g : t.gs().values()) {
            String fn = g.name().startsWith("G" + g.goid() + " ") ? g.name().substring(("G" + g.goid() + " ").length()) : g.name();
            StringBuilder why = new StringBuilder();
            for (Map.Entry<String, Long> w : g.waitingBy().entrySet()) {
                why.append(why.length() == 0 ? "" : ", ").append(w.getKey()).append(' ').append(us(w.getValue()));
            }
            b.append(String.format("%-6s %-28s %7d %14s %14s %14s  %-10s %s%n", "G" + g.goid(), fn, g.runs(), us(g.running()),
                    us(g.runnable()), us(g.waiting()), g.createdBy(), why.length() == 0 ? "-" : why));
        }
        b.append(String.format("%n%-4s %7s %14s %7s %14s %7s %7s%n", "P", "runs", "busy µs", "busy", "idle µs", "steals", "stolen"));
        for (P p : t.ps().values()) {
            double pct = t.end() == 0 ? 0 : 100.0 * p.busy() / t.end();
            b.append(String.format("%-4s %7d %14s %6.1f%% %14s %7d %7d%n", "P" + p.id(), p.runs(), us(p.busy()), pct, us(p.idle()),
                    p.steals(), p.stolen()));
        }
        return b.toString();
    }
}
