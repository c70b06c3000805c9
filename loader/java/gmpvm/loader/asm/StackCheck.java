package gmpvm.loader.asm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The linker's stack check, as Go's {@code cmd/link} stackcheck: a function's split prologue
 * guarantees {@link #STACK_LIMIT} bytes below its frame (StackGuard − StackSystem − StackSmall
 * = 928 − 0 − 128), so every chain of NOSPLIT calls that can start from such a function must fit
 * in them. Each function gets a <em>height</em>, the most stack it and its callees can take
 * below its entry SP without a split check:
 * <ul>
 * <li>a splittable function: 8, the return address of its call to morestack;</li>
 * <li>{@code runtime.morestack}: 0 (what it calls runs on g0's stack, or aborts);</li>
 * <li>a NOSPLIT function: the larger of its own depth (frame, saved BP, pushes) and, for each
 *     call, the depth at the call + 8 (return address) + the callee's height; a tail JMP
 *     adds no return address; a call through a register or memory is not followed: it is
 *     taken to reach a splittable function (8 + 8); a cycle of NOSPLIT calls is unbounded.</li>
 * </ul>
 * Every function's height must be at most {@link #LIMIT} (StackLimit minus the return address
 * of the call that entered it), because any function may be called from a splittable one. A
 * function over it is reported with its deepest chain, once for the chain's outermost
 * function, in Go's words.
 */
final class StackCheck {
    /** StackGuard (928) − StackSystem (0) − StackSmall (128). */
    static final int STACK_LIMIT = 800;
    static final int CALL_SIZE = 8;
    static final int LIMIT = STACK_LIMIT - CALL_SIZE;
    static final String MORESTACK = "runtime.morestack";
    private static final long CYCLE = Long.MAX_VALUE / 4;

    /** A text symbol to check: its function and the file it came from (for file-local names). */
    record Entry(Func func, int file) {
    }

    private final BiFunction<String, Integer, Entry> resolve;
    private final Map<Entry, Long> height = new HashMap<>();
    private final Set<Entry> active = new HashSet<>();

    /** {@code resolve} finds a callee by linker symbol from a given file, or returns null. */
    StackCheck(BiFunction<String, Integer, Entry> resolve) {
        this.resolve = resolve;
    }

    /** Checks every function; reports each over-limit chain once, at its outermost function. */
    void check(List<Entry> funcs, Diagnostics diags) {
        List<Entry> failed = new ArrayList<>();
        for (Entry e : funcs) {
            if (height(e) > LIMIT) {
                failed.add(e);
            }
        }
        // Report at the roots only: a failing function reached from another failing one is
        // part of that one's chain (within a cycle of failures, the first listed stands for it).
        Map<Entry, Set<Entry>> reach = new HashMap<>();
        for (Entry e : failed) {
            reach.put(e, reachable(e, failed));
        }
        for (int i = 0; i < failed.size(); i++) {
            Entry e = failed.get(i);
            boolean root = true;
            for (int j = 0; j < failed.size() && root; j++) {
                Entry o = failed.get(j);
                if (o != e && reach.get(o).contains(e) && (!reach.get(e).contains(o) || j < i)) {
                    root = false;
                }
            }
            if (root) {
                diags.error(e.func().pos(), report(e));
            }
        }
    }

    /** The failing functions reachable from e through direct calls (e itself only through a cycle). */
    private Set<Entry> reachable(Entry e, List<Entry> failed) {
        Set<Entry> seen = new HashSet<>();
        List<Entry> work = new ArrayList<>(List.of(e));
        while (!work.isEmpty()) {
            Entry at = work.remove(work.size() - 1);
            for (Func.Call c : at.func().calls()) {
                Entry t = target(at, c);
                if (t != null && failed.contains(t) && seen.add(t)) {
                    work.add(t);
                }
            }
        }
        return seen;
    }

    private Entry target(Entry from, Func.Call c) {
        return c.sym() == null ? null : resolve.apply(c.sym(), from.file());
    }

    /** The height of e (see the class comment); CYCLE when a NOSPLIT cycle is reachable. */
    long height(Entry e) {
        Long h = height.get(e);
        if (h != null) {
            return h;
        }
        if (!active.add(e)) {
            return CYCLE;
        }
        long max = computeHeight(e);
        active.remove(e);
        height.put(e, max);
        return max;
    }

    private long computeHeight(Entry e) {
        Func f = e.func();
        if (f.name().equals(MORESTACK)) {
            return 0;
        }
        if (f.split()) {
            return CALL_SIZE;
        }
        long max = f.depth();
        for (Func.Call c : f.calls()) {
            max = Math.max(max, Math.min(CYCLE, growth(c) + calleeHeight(e, c)));
        }
        return max;
    }

    private static long growth(Func.Call c) {
        return c.depth() + (c.tail() ? 0 : CALL_SIZE);
    }

    private long calleeHeight(Entry from, Func.Call c) {
        if (c.sym() == null) {
            return CALL_SIZE; // indirect: assumed splittable, so room to call morestack
        }
        Entry t = target(from, c);
        return t == null ? 0 : height(t);
    }

    /** Go's report: the function, then each step of its deepest chain and how far over it goes. */
    private String report(Entry root) {
        StringBuilder sb = new StringBuilder();
        sb.append(root.func().name()).append(": nosplit stack over ").append(LIMIT).append(" byte limit");
        sb.append("\n\t").append(root.func().name());
        Set<Entry> seen = new HashSet<>();
        Entry at = root;
        long used = 0;
        String indent = "";
        while (true) {
            seen.add(at);
            indent += "    ";
            Func f = at.func();
            Func.Call worst = null;
            long worstH = -1;
            if (!f.split() && !f.name().equals(MORESTACK)) {
                for (Func.Call c : f.calls()) {
                    long h = Math.min(CYCLE, growth(c) + calleeHeight(at, c));
                    if (h > worstH) {
                        worstH = h;
                        worst = c;
                    }
                }
            }
            if (f.split()) {
                used += CALL_SIZE;
                sb.append("\n\t").append(indent).append("grows ").append(CALL_SIZE).append(" bytes, calls ")
                        .append(MORESTACK);
                break;
            }
            if (worst == null || f.depth() >= worstH) {
                used += f.depth();
                sb.append("\n\t").append(indent).append("grows ").append(f.depth()).append(" bytes");
                break;
            }
            long g = growth(worst);
            used += g;
            String name = worst.sym() == null ? "indirect" : worst.sym();
            sb.append("\n\t").append(indent).append("grows ").append(g).append(" bytes, ")
                    .append(worst.tail() ? "jumps to " : "calls ").append(name);
            Entry t = target(at, worst);
            if (worst.sym() == null) {
                used += CALL_SIZE;
                sb.append("\n\t").append(indent).append("    grows ").append(CALL_SIZE).append(" bytes, calls ")
                        .append(MORESTACK);
                break;
            }
            if (t == null) {
                break;
            }
            if (seen.contains(t)) {
                sb.append("\n\t").append(indent).append("infinite cycle");
                return sb.toString();
            }
            at = t;
        }
        sb.append("\n\t").append(indent).append(used - LIMIT).append(" bytes over limit");
        return sb.toString();
    }
}
