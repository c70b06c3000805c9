package gmpvm.loader.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.debug.Hook;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds context switches: an instruction after which the g in its thread's TLS (FS:-8) differs
 * from the g before it. Used as an engine {@link Hook} check, it records every switch (the last
 * {@link #KEPT} are kept) and says "stop" when the stop filter accepts the switch. A thread's
 * first g (before which its TLS holds no g) is not a switch.
 */
public final class SwitchTracker implements Hook.Check {
    /** Switches kept for {@code info switches}. */
    public static final int KEPT = 1000;

    /**
     * One switch.
     *
     * @param number   1 for the first switch seen
     * @param retired  the machine's global instruction count when g changed
     * @param tid      the thread (M) it happened on
     * @param pc       the instruction that wrote the new g
     * @param routine  the function holding it (runtime.gogo, runtime.mcall, …)
     * @param from     the g that left
     * @param to       the g that arrived
     * @param sp       SP right after the g changed
     */
    public record Switch(long number, long retired, int tid, long pc, String routine, long from, long to, long sp) {
    }

    private Machine machine;
    private final GoRuntime go;
    private final Map<Integer, Long> lastG = new HashMap<>();
    private final Deque<Switch> kept = new ArrayDeque<>();
    private long count;
    private Predicate<Switch> stopWhen = s -> true;
    private Switch last;

    public SwitchTracker(Machine machine, GoRuntime go) {
        this.machine = machine;
        this.go = go;
        for (GuestThread t : machine.threads()) {
            lastG.put(t.tid(), go.gOf(t));
        }
    }

    /**
     * Follows m from now on (reverse execution replaced the machine by a replay of it; rebind the
     * GoRuntime first): each thread's g is read afresh, so the jump in time is not a switch.
     */
    public void rebind(Machine m) {
        this.machine = m;
        lastG.clear();
        for (GuestThread t : m.threads()) {
            lastG.put(t.tid(), go.gOf(t));
        }
    }

    /** Which switches stop the run (the others are only recorded). */
    public void stopWhen(Predicate<Switch> p) {
        this.stopWhen = p;
    }

    @Override
    public boolean after(GuestThread t, long pc) {
        long g = go.gOf(t);
        Long before = lastG.put(t.tid(), g);
        if (before == null || before == g || before == 0 || g == 0 || !go.isG(before)) {
            // the thread's first g: what TLS held before was no g at all
            return false;
        }
        String routine = go.info().symbolAt(pc) == null ? String.format("0x%x", pc) : go.info().symbolAt(pc).name();
        Switch s = new Switch(++count, machine.retired(), t.tid(), pc, routine, before, g, t.cpu().r[4]);
        kept.addLast(s);
        if (kept.size() > KEPT) {
            kept.removeFirst();
        }
        last = s;
        return stopWhen.test(s);
    }

    /** The most recent switch, or null. */
    public Switch last() {
        return last;
    }

    /** The last n switches, oldest first. */
    public List<Switch> recent(int n) {
        List<Switch> all = new ArrayList<>(kept);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** Switches seen so far. */
    public long count() {
        return count;
    }
}
