package gmpvm.emulator.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.MachineEvent;
import gmpvm.emulator.Watcher;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The watcher a {@link Timeline} runs a replay with. It sees breakpoint and watchpoint hits
 * exactly where the {@link Engine} would stop for them, in one of two ways: it notes hits
 * without stopping, keeping only the last one before a point (so a scan needs constant memory
 * however often a breakpoint is hit), or pauses at one chosen hit (to land on it). It can also
 * record where one thread started its last instructions (a bounded ring). Count and thread
 * limits cut the interpreter's budget as the engine's do.
 */
final class ReplayWatcher implements Watcher {
    /** A stoppoint hit in the replayed run. */
    enum HitKind { BREAKPOINT, WATCH }

    /**
     * One hit.
     *
     * @param retired global count when it fired: before the instruction (BREAKPOINT), after the
     *                write (WATCH)
     * @param tid     the thread
     * @param kind    which kind
     * @param address the breakpoint or watched address
     * @param point   the stoppoint's id
     * @param oldValue the watched bytes before the write (0 for a breakpoint)
     */
    record Hit(long retired, int tid, HitKind kind, long address, int point, long oldValue) {
        /** Order in time: a watch hit after instruction n comes before a breakpoint before instruction n+1. */
        long key() {
            return retired * 2 + (kind == HitKind.BREAKPOINT ? 1 : 0);
        }
    }

    private record Bp(long addr, Predicate<CpuState> condition, int id) {
    }

    private static final class Wp {
        final long addr;
        final int len;
        final int id;
        long value;
        long previous;
        boolean readable;

        Wp(long addr, int len, int id) {
            this.addr = addr;
            this.len = len;
            this.id = id;
        }

        /** Re-reads the bytes; true when they changed. */
        boolean changed(GuestMemory mem) {
            long v = 0;
            boolean ok = true;
            try {
                for (int k = len - 1; k >= 0; k--) {
                    v = v << 8 | (mem.read8(addr + k) & 0xff);
                }
            } catch (MemoryFault f) {
                v = 0;
                ok = false;
            }
            boolean diff = v != value || ok != readable;
            previous = value;
            value = v;
            readable = ok;
            return diff;
        }
    }

    private final Machine machine;
    private final List<Bp> bps = new ArrayList<>();
    private final List<Wp> wps = new ArrayList<>();
    private long pauseAt = Long.MAX_VALUE;
    private int stepTid;
    private long stepAt = Long.MAX_VALUE;
    private boolean record;
    private long limitKey;
    private Hit lastHit;
    private Hit target;
    private int historyTid;
    private long[] historyCount;
    private long[] historyRip;
    private long[] historyRsp;
    private long historyLength;
    private Hit fired;

    private RunLog log;

    ReplayWatcher(Machine machine) {
        this.machine = machine;
    }

    /** Note in log which thread runs when (asked once per interpreter call: costs nothing per instruction). */
    ReplayWatcher log(RunLog l) {
        this.log = l;
        return this;
    }

    /** Takes the engine's enabled breakpoints and watchpoints (their conditions, not their ignore counts). */
    ReplayWatcher stoppoints(List<Stoppoint> points) {
        for (Stoppoint p : points) {
            if (!p.enabled()) {
                continue;
            }
            if (p instanceof Breakpoint b) {
                bps.add(new Bp(b.address(), b.condition(), b.id()));
            } else if (p instanceof Watchpoint w) {
                wps.add(new Wp(w.address(), w.length(), w.id()));
            }
        }
        resample();
        return this;
    }

    /** Watched values as they are now (call after a fast-forward, before watching changes). */
    void resample() {
        for (Wp w : wps) {
            w.changed(machine.memory());
        }
    }

    /** Pause when the global count reaches n. */
    ReplayWatcher pauseAt(long n) {
        this.pauseAt = n;
        return this;
    }

    /** Pause when thread tid's own count reaches n. */
    ReplayWatcher pauseThreadAt(int tid, long n) {
        this.stepTid = tid;
        this.stepAt = n;
        return this;
    }

    /** Remember the last hit that comes before limitKey (see {@link Hit#key}); never pause for one. */
    ReplayWatcher findLastHitBefore(long limitKey) {
        this.record = true;
        this.limitKey = limitKey;
        return this;
    }

    /** Pause at this hit (same count, thread, kind and stoppoint). */
    ReplayWatcher pauseAtHit(Hit h) {
        this.target = h;
        return this;
    }

    /**
     * Remember where thread tid started its last max instructions: the global count before
     * each, its RIP and RSP (a ring: memory stays bounded however long the replay).
     */
    ReplayWatcher recordHistory(int tid, int max) {
        this.historyTid = tid;
        this.historyCount = new long[max];
        this.historyRip = new long[max];
        this.historyRsp = new long[max];
        return this;
    }

    /** The recorded history in time order: {counts, rips, rsps}. */
    long[][] history() {
        int n = (int) Math.min(historyLength, historyCount.length);
        long[][] out = new long[3][n];
        for (int k = 0; k < n; k++) {
            int i = (int) ((historyLength - n + k) % historyCount.length);
            out[0][k] = historyCount[i];
            out[1][k] = historyRip[i];
            out[2][k] = historyRsp[i];
        }
        return out;
    }

    /** The last hit found by {@link #findLastHitBefore}, or null. */
    Hit lastHit() {
        return lastHit;
    }

    /** The hit the run paused at, or null. */
    Hit fired() {
        return fired;
    }

    @Override
    public long pauseAtRetired() {
        return pauseAt;
    }

    @Override
    public GuestThread pauseThread() {
        GuestThread running = machine.currentThread();
        if (log != null && running != null) {
            log.running(running.tid(), machine.retired(), running.cpu().retired);
        }
        if (stepAt == Long.MAX_VALUE) {
            return null;
        }
        for (GuestThread t : machine.threads()) {
            if (t.tid() == stepTid) {
                return t;
            }
        }
        return null;
    }

    @Override
    public long pauseThreadAt() {
        return stepAt;
    }

    @Override
    public boolean perInstruction() {
        return historyCount != null || ((record || target != null) && (!bps.isEmpty() || !wps.isEmpty()));
    }

    @Override
    public boolean before(GuestThread t, long rip) {
        if (historyCount != null && t.tid() == historyTid) {
            int i = (int) (historyLength++ % historyCount.length);
            historyCount[i] = machine.retired();
            historyRip[i] = rip;
            historyRsp[i] = t.cpu().r[CpuState.RSP];
        }
        for (Bp b : bps) {
            if (b.addr == rip && (b.condition == null || b.condition.test(t.cpu()))) {
                if (hit(new Hit(machine.retired(), t.tid(), HitKind.BREAKPOINT, rip, b.id, 0))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean after(GuestThread t, long pc) {
        return watched(t);
    }

    @Override
    public boolean event(MachineEvent e) {
        return watched(e.thread());
    }

    private boolean watched(GuestThread t) {
        boolean pause = false;
        for (Wp w : wps) {
            if (w.changed(machine.memory())) {
                pause |= hit(new Hit(machine.retired(), t == null ? 0 : t.tid(), HitKind.WATCH, w.addr, w.id, w.previous));
            }
        }
        return pause;
    }

    /** Records or matches a hit; true to pause. */
    private boolean hit(Hit h) {
        if (record) {
            if (h.key() < limitKey) {
                lastHit = h;
            }
            return false;
        }
        if (h.equals(target)) {
            fired = h;
            return true;
        }
        return false;
    }
}
