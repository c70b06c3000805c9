package gmpvm.loader.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The trace-event JSON file: {@code {"traceEvents": [...], "displayTimeUnit": "ns"}}, one event
 * per line, timestamps in microseconds with three decimals (virtual nanoseconds exactly), as
 * Perfetto's UI and chrome://tracing open it. Written in time order (stable, so events of the
 * same instant keep the order they were recorded in); read back for {@code trace summary} and
 * {@code trace svg}.
 */
public final class TraceFile {
    private TraceFile() {
    }

    /** Events in time order, metadata first (a stable sort: same-time events keep their order). */
    public static List<TraceEvent> sorted(List<TraceEvent> events) {
        List<TraceEvent> out = new ArrayList<>(events);
        out.sort(Comparator.comparingInt((TraceEvent e) -> e.ph.equals("M") ? 0 : 1).thenComparingLong(e -> e.ts));
        return out;
    }

    /** Writes the events (sorted) as the trace-event JSON. */
    public static void write(List<TraceEvent> events, Writer w) throws IOException {
        w.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
        boolean first = true;
        StringBuilder b = new StringBuilder(256);
        for (TraceEvent e : sorted(events)) {
            b.setLength(0);
            if (!first) {
                b.append(",\n");
            }
            first = false;
            json(b, e);
            w.write(b.toString());
        }
        w.write("\n]}\n");
    }

    public static void write(List<TraceEvent> events, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(events, w);
        }
    }

    /** One event as a JSON object. */
    static void json(StringBuilder b, TraceEvent e) {
        b.append("{\"ph\":\"").append(e.ph).append("\",\"name\":");
        Json.quote(b, e.name);
        if (e.cat != null) {
            b.append(",\"cat\":");
            Json.quote(b, e.cat);
        }
        b.append(",\"pid\":").append(e.pid).append(",\"tid\":").append(e.tid).append(",\"ts\":");
        micros(b, e.ts);
        if (e.ph.equals("X")) {
            b.append(",\"dur\":");
            micros(b, e.dur);
        }
        if (e.ph.equals("s") || e.ph.equals("f")) {
            b.append(",\"id\":").append(e.id);
        }
        if (e.ph.equals("f")) {
            b.append(",\"bp\":\"e\"");
        }
        if (e.ph.equals("i")) {
            b.append(",\"s\":\"t\"");
        }
        if (e.hasArgs()) {
            b.append(",\"args\":");
            e.argsJson(b);
        }
        b.append('}');
    }

    /** Nanoseconds as microseconds with exactly three decimals. */
    static void micros(StringBuilder b, long ns) {
        if (ns < 0) {
            b.append('-');
            ns = -ns;
        }
        long frac = ns % 1000;
        b.append(ns / 1000).append('.');
        if (frac < 100) {
            b.append('0');
        }
        if (frac < 10) {
            b.append('0');
        }
        b.append(frac);
    }

    /** Reads a trace-event JSON file (the object form or a bare array). */
    public static List<TraceEvent> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses trace-event JSON text; what is not a trace is an IllegalArgumentException saying why. */
    @SuppressWarnings("unchecked")
    public static List<TraceEvent> parse(String text) {
        Object root = Json.parse(text);
        List<Object> list;
        if (root instanceof Map<?, ?> m && m.get("traceEvents") instanceof List<?> l) {
            list = (List<Object>) l;
        } else if (root instanceof List<?> l) {
            list = (List<Object>) l;
        } else {
            throw new IllegalArgumentException("not a trace: no traceEvents array");
        }
        List<TraceEvent> out = new ArrayList<>(list.size());
        int k = 0;
        for (Object o : list) {
            k++;
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("event " + k + " is not an object");
            }
            Object ph = m.get("ph");
            if (!(ph instanceof String) || !(m.get("pid") instanceof Number) || !(m.get("tid") instanceof Number)) {
                throw new IllegalArgumentException("event " + k + " lacks ph, pid or tid");
            }
            Object ts = m.get("ts");
            if (!(ts instanceof Number) && !ph.equals("M")) {
                throw new IllegalArgumentException("event " + k + " lacks ts");
            }
            Object name = m.get("name");
            TraceEvent e = new TraceEvent((String) ph, name == null ? "" : name.toString(),
                    m.get("cat") == null ? null : m.get("cat").toString(), ((Number) m.get("pid")).intValue(),
                    ((Number) m.get("tid")).longValue(), ts instanceof Number n ? nanos(n) : 0);
            if (m.get("dur") instanceof Number d) {
                e.dur = nanos(d);
            }
            if (m.get("id") instanceof Number id) {
                e.id = id.longValue();
            }
            if (m.get("args") instanceof Map<?, ?> a) {
                for (Map.Entry<?, ?> x : a.entrySet()) {
                    e.arg(x.getKey().toString(), x.getValue());
                }
            }
            out.add(e);
        }
        return out;
    }

    private static long nanos(Number us) {
        return us instanceof Long l ? l * 1000 : Math.round(us.doubleValue() * 1000);
    }
}
