package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * --trace and GODEBUG=schedtrace agree: at each schedtrace tick recorded in the trace, the
 * counters and goroutine states the trace holds equal what the SCHED line (and with scheddetail
 * its G lines) printed at that tick.
 */
class SchedtraceAgreementTest {
    private static final Pattern SCHED = Pattern.compile(
            "SCHED \\d+ms: gomaxprocs=(\\d+) idleprocs=(\\d+) threads=\\d+ spinningthreads=(\\d+) needspinning=\\d+ idlethreads=\\d+ runqueue=(\\d+)(?: \\[([\\d ]*)\\])?.*");
    private static final Pattern PLINE = Pattern.compile("  P(\\d+): status=\\d+ .* runqsize=(\\d+) .*");
    private static final Pattern GLINE = Pattern.compile("  G(\\d+): status=(\\d+)\\(.*");

    /** What one tick says: idle Ps, spinning Ms, global queue, per-P queues, and (detailed) goroutines by status. */
    record Tick(long idle, long spinning, long global, List<Long> runq, Map<Long, Long> gStatus) {
    }

    @Test
    void fanoutQueuesAgreeAtEveryTick() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("fanout.s"), true, 0, 1, "GOMAXPROCS=2", "GODEBUG=schedtrace=1");
        agree(r, false);
    }

    @Test
    void pingpongGoroutinesAgreeAtEveryDetailedTick() throws Exception {
        TraceRun.Result r = TraceRun.run(TraceRun.build("pingpong.s"), true, 0, 1, "GOMAXPROCS=2", "GODEBUG=schedtrace=2,scheddetail=1");
        agree(r, true);
    }

    private static void agree(TraceRun.Result r, boolean detailed) {
        List<Tick> printed = printed(r.err(), detailed);
        List<Tick> traced = traced(TraceFile.parse(r.json()), printed.isEmpty() ? 0 : printed.get(0).runq().size());
        assertTrue(printed.size() >= 1, "schedtrace printed: " + r.err());
        assertEquals(printed.size(), traced.size(), "one tick in the trace per SCHED line");
        boolean someQueue = false;
        for (int k = 0; k < printed.size(); k++) {
            Tick p = printed.get(k);
            Tick t = traced.get(k);
            String where = "tick " + k;
            assertEquals(p.idle(), t.idle(), where + " idleprocs");
            assertEquals(p.spinning(), t.spinning(), where + " spinningthreads");
            assertEquals(p.global(), t.global(), where + " runqueue");
            assertEquals(p.runq(), t.runq(), where + " local run queues");
            someQueue |= p.runq().stream().anyMatch(x -> x > 0);
            if (detailed) {
                // goroutines by Go's status number: runnable 1, running 2, waiting 4 (dead ones not counted)
                Map<Long, Long> want = new TreeMap<>(p.gStatus());
                want.remove(6L);
                assertEquals(want, t.gStatus(), where + " goroutines by status");
            }
        }
        if (!detailed) {
            assertTrue(someQueue, "some tick saw a queued goroutine (else the comparison proves little)");
        }
    }

    private static List<Tick> printed(String err, boolean detailed) {
        List<Tick> ticks = new ArrayList<>();
        Tick cur = null;
        List<Long> detailQ = new ArrayList<>();
        for (String line : err.split("\n")) {
            Matcher m = SCHED.matcher(line);
            if (m.matches()) {
                List<Long> q = new ArrayList<>();
                if (m.group(5) != null) {
                    for (String x : m.group(5).trim().split(" +")) {
                        q.add(Long.parseLong(x));
                    }
                }
                detailQ = q;
                cur = new Tick(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), q, new TreeMap<>());
                ticks.add(cur);
                continue;
            }
            Matcher pm = PLINE.matcher(line);
            if (detailed && cur != null && pm.matches()) {
                detailQ.add(Long.parseLong(pm.group(2)));
            }
            Matcher gm = GLINE.matcher(line);
            if (detailed && cur != null && gm.matches()) {
                cur.gStatus().merge(Long.parseLong(gm.group(2)), 1L, Long::sum);
            }
        }
        return ticks;
    }

    private static List<Tick> traced(List<TraceEvent> events, int procs) {
        List<Tick> ticks = new ArrayList<>();
        long idle = 0, spinning = 0, global = 0;
        List<Long> runq = new ArrayList<>();
        Map<Long, String> state = new HashMap<>();
        for (TraceEvent e : TraceFile.sorted(events)) {
            if (e.ph().equals("C")) {
                switch (e.name()) {
                    case "idle Ps" -> idle = e.num("idle", -1);
                    case "spinning Ms" -> spinning = e.num("spinning", -1);
                    case "global runq" -> global = e.num("runqueue", -1);
                    case "runq" -> {
                        runq = new ArrayList<>();
                        for (int k = 0; e.args().containsKey("P" + k); k++) {
                            runq.add(e.num("P" + k, -1));
                        }
                    }
                    default -> { }
                }
            } else if (e.pid() == TraceEvent.PID_GS && e.ph().equals("B")) {
                state.put(e.tid(), e.name());
            } else if (e.pid() == TraceEvent.PID_GS && e.ph().equals("E")) {
                state.remove(e.tid());
            } else if (e.ph().equals("i") && e.name().equals("schedtrace")) {
                Map<Long, Long> byStatus = new TreeMap<>();
                for (String s : state.values()) {
                    long st = s.equals("runnable") ? 1 : s.equals("running") ? 2 : s.startsWith("waiting") ? 4 : 99;
                    byStatus.merge(st, 1L, Long::sum);
                }
                ticks.add(new Tick(idle, spinning, global, runq, byStatus));
            }
        }
        return ticks;
    }
}
