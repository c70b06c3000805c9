package gmpvm.loader.asm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every error of an assembly run so that all of them are reported, not just the first.
 * After {@link #LIMIT} errors further ones are counted but not kept.
 */
public final class Diagnostics {
    static final int LIMIT = 200;
    private final List<Diagnostic> list = new ArrayList<>();
    private int dropped;

    public void error(Pos pos, String message) {
        if (list.size() >= LIMIT) {
            dropped++;
            return;
        }
        list.add(new Diagnostic(pos, message));
    }

    void add(AsmError e) {
        error(e.pos(), e.getMessage());
    }

    public boolean hasErrors() {
        return !list.isEmpty();
    }

    /** Every error, per file in the order files first appear, then by line and column. */
    public List<Diagnostic> all() {
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (Diagnostic d : list) {
            if (d.pos() != null) {
                order.putIfAbsent(d.pos().file(), order.size());
            }
        }
        List<Diagnostic> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.pos() == null ? Integer.MAX_VALUE : order.get(d.pos().file()))
                .thenComparingInt(d -> d.pos() == null ? 0 : d.pos().line())
                .thenComparingInt(d -> d.pos() == null ? 0 : d.pos().col()));
        return Collections.unmodifiableList(sorted);
    }

    public int count() {
        return list.size() + dropped;
    }

    /** Every error, each with its source line and caret, then a count when some were left out. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : all()) {
            sb.append(d.format()).append('\n');
        }
        if (dropped > 0) {
            sb.append("asm: ").append(dropped).append(" more errors not shown\n");
        }
        return sb.toString();
    }
}
