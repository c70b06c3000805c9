package gmpvm.loader.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of the Chrome/Perfetto trace-event format, as recorded and as read back: its phase
 * ({@code B}/{@code E} begin and end, {@code X} complete, {@code i} instant, {@code C} counter,
 * {@code s}/{@code f} flow start and end, {@code M} metadata), name, category, process and track,
 * virtual time in nanoseconds (written as microseconds), duration for {@code X}, a flow id for
 * {@code s}/{@code f}, and its arguments. The arguments stay mutable so that a recorder may
 * complete them (a goroutine's id is known a few instructions after its creation).
 */
public final class TraceEvent {
    /** The process of the P tracks (one per P, tid = P id). */
    public static final int PID_PS = 1;
    /** The process of the M tracks (one per M, tid = M id). */
    public static final int PID_MS = 2;
    /** The process of the goroutine state tracks (one per goroutine, tid = goid). */
    public static final int PID_GS = 3;

    final String ph;
    final String name;
    final String cat;
    final int pid;
    final long tid;
    final long ts;
    long dur;
    long id;
    /** Arguments as key, value pairs (cheaper than a map for the hundreds of thousands recorded). */
    private Object[] kv = NONE;
    private int n;
    private static final Object[] NONE = new Object[0];

    public TraceEvent(String ph, String name, String cat, int pid, long tid, long ts) {
        this.ph = ph;
        this.name = name;
        this.cat = cat;
        this.pid = pid;
        this.tid = tid;
        this.ts = ts;
    }

    public String ph() {
        return ph;
    }

    public String name() {
        return name;
    }

    public String cat() {
        return cat;
    }

    public int pid() {
        return pid;
    }

    public long tid() {
        return tid;
    }

    /** Virtual time in nanoseconds. */
    public long ts() {
        return ts;
    }

    /** Duration in nanoseconds of an {@code X} event. */
    public long dur() {
        return dur;
    }

    /** The flow id of an {@code s}/{@code f} event. */
    public long id() {
        return id;
    }

    /** The arguments, in the order they were given (a copy). */
    public Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < n; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }

    boolean hasArgs() {
        return n > 0;
    }

    /** Sets an argument (replacing one of the same key). */
    TraceEvent arg(String key, Object value) {
        for (int k = 0; k < n; k += 2) {
            if (kv[k].equals(key)) {
                kv[k + 1] = value;
                return this;
            }
        }
        if (n == kv.length) {
            kv = java.util.Arrays.copyOf(kv, Math.max(4, n * 2));
        }
        kv[n++] = key;
        kv[n++] = value;
        return this;
    }

    /** The same event at another time (its arguments, duration and flow id kept). */
    TraceEvent copyAt(long at) {
        TraceEvent c = new TraceEvent(ph, name, cat, pid, tid, at);
        c.dur = dur;
        c.id = id;
        c.kv = java.util.Arrays.copyOf(kv, kv.length);
        c.n = n;
        return c;
    }

    /** An argument's value, or null. */
    public Object get(String key) {
        for (int k = 0; k < n; k += 2) {
            if (kv[k].equals(key)) {
                return kv[k + 1];
            }
        }
        return null;
    }

    /** A numeric argument, or def when absent. */
    public long num(String key, long def) {
        Object v = get(key);
        return v instanceof Number x ? x.longValue() : def;
    }

    /** A text argument, or "" when absent. */
    public String str(String key) {
        Object v = get(key);
        return v == null ? "" : v.toString();
    }

    /** Appends the arguments as a JSON object. */
    void argsJson(StringBuilder b) {
        b.append('{');
        for (int k = 0; k < n; k += 2) {
            if (k > 0) {
                b.append(',');
            }
            Json.quote(b, (String) kv[k]);
            b.append(':');
            Json.value(b, kv[k + 1]);
        }
        b.append('}');
    }

    @Override
    public String toString() {
        return ph + " " + name + " pid=" + pid + " tid=" + tid + " ts=" + ts + (ph.equals("X") ? " dur=" + dur : "") + " " + args();
    }
}
