package gmpvm.cli.gdb;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Breakpoint;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.emulator.debug.Timeline;
import gmpvm.emulator.debug.Watchpoint;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gdb stub's target: the stepping {@link Engine} of a {@link Timeline}, so a run debugged
 * with gdb is the same run as {@code gmpvm run} gives, and gdb's reverse commands replay it.
 * gdb's breakpoints and watchpoints become the engine's; its threads are the machine's live
 * threads by tid.
 */
final class EngineTarget implements GdbTarget {
    private final Timeline timeline;
    private final Engine engine;
    private final String execFile;
    private final Describer describer;
    private final Map<Long, Breakpoint> breakpoints = new HashMap<>();
    private final Map<String, Watchpoint> watchpoints = new HashMap<>();
    private StopReply last;

    /** Names what runs on a thread (see {@link gmpvm.loader.runtime.ThreadGoroutine}). */
    @FunctionalInterface
    interface Describer {
        String describe(GuestMemory mem, CpuState cpu, int tid);
    }

    EngineTarget(Timeline timeline, String execFile, Describer describer) {
        this.timeline = timeline;
        this.engine = timeline.engine();
        this.execFile = execFile;
        this.describer = describer;
        List<GuestThread> ts = engine.machine().threads();
        this.last = StopReply.of(StopReply.Kind.STEPPED, ts.isEmpty() ? 0 : ts.get(0).tid());
    }

    private GuestThread thread(int tid) {
        for (GuestThread t : engine.machine().threads()) {
            if (t.tid() == tid && !t.exited()) {
                return t;
            }
        }
        return null;
    }

    @Override
    public List<Integer> threads() {
        List<Integer> out = new ArrayList<>();
        if (engine.finished()) {
            return out;
        }
        for (GuestThread t : engine.machine().threads()) {
            if (!t.exited()) {
                out.add(t.tid());
            }
        }
        return out;
    }

    @Override
    public CpuState cpu(int tid) {
        GuestThread t = engine.finished() ? null : thread(tid);
        return t == null ? null : t.cpu();
    }

    @Override
    public String describe(int tid) {
        GuestThread t = thread(tid);
        return t == null ? "exited" : describer.describe(engine.machine().memory(), t.cpu(), tid);
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        try {
            return engine.machine().memory().peek(addr, len);
        } catch (MemoryFault f) {
            return null;
        }
    }

    @Override
    public boolean writeMemory(long addr, byte[] data) {
        GuestMemory mem = engine.machine().memory();
        try {
            mem.peek(addr, data.length); // every byte mapped, or nothing is written
            mem.poke(addr, data, 0, data.length);
            return true;
        } catch (MemoryFault f) {
            return false;
        }
    }

    @Override
    public boolean setBreakpoint(long addr, boolean on) {
        if (on) {
            breakpoints.computeIfAbsent(addr, engine::breakAt);
        } else {
            Breakpoint b = breakpoints.remove(addr);
            if (b != null) {
                engine.delete(b.id());
            }
        }
        return true;
    }

    @Override
    public boolean setWatchpoint(long addr, int len, boolean on) {
        String key = Long.toHexString(addr) + "/" + len;
        if (on) {
            if (!watchpoints.containsKey(key)) {
                watchpoints.put(key, engine.watch(addr, len, "*0x" + Long.toHexString(addr)));
            }
        } else {
            Watchpoint w = watchpoints.remove(key);
            if (w != null) {
                engine.delete(w.id());
            }
        }
        return true;
    }

    @Override
    public StopReply resume(Direction dir, boolean step, int tid) {
        GuestThread t = thread(tid);
        if (dir == Direction.REVERSE) {
            Timeline.ReverseStop r = step && t != null ? timeline.reverseStepInstruction(t) : timeline.reverseContinue();
            if (r.atStart()) {
                GuestThread at = r.stop().thread() != null ? r.stop().thread() : t;
                return last = StopReply.of(StopReply.Kind.REPLAY_BEGIN, at == null ? tid : at.tid());
            }
            return last = reply(r.stop(), tid);
        }
        StopEvent e = step && t != null ? engine.stepInstructions(t, 1) : engine.cont();
        return last = reply(e, tid);
    }

    @Override
    public void interrupt() {
        engine.interrupt();
    }

    private StopReply reply(StopEvent e, int tid) {
        int stopTid = e.thread() != null ? e.thread().tid() : tid;
        switch (e.reason()) {
            case EXITED: {
                Outcome o = e.outcome() != null ? e.outcome() : engine.machine().outcome();
                if (o != null && o.kind() == Outcome.Kind.SIGNALED) {
                    return new StopReply(StopReply.Kind.SIGNALED, 0, 0, o.signal());
                }
                return new StopReply(StopReply.Kind.EXITED, 0, 0, o == null ? 0 : o.status());
            }
            case BREAKPOINT:
                return StopReply.of(StopReply.Kind.BREAKPOINT, stopTid);
            case WATCHPOINT:
                return new StopReply(StopReply.Kind.WATCHPOINT, stopTid,
                        e.point() instanceof Watchpoint w ? w.address() : 0, 0);
            case INTERRUPT:
                return StopReply.of(StopReply.Kind.INTERRUPTED, stopTid);
            default:
                return StopReply.of(StopReply.Kind.STEPPED, stopTid);
        }
    }

    @Override
    public StopReply lastStop() {
        return last;
    }

    @Override
    public String execFile() {
        return execFile;
    }

    @Override
    public void kill() {
        // the session ends; the process is dropped with it
    }

    @Override
    public void detach() {
        engine.deleteAll();
        if (!engine.finished()) {
            engine.cont();
        }
    }
}
