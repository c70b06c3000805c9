package gmpvm.loader.trace;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.Watcher;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.elf.Symbol;
import gmpvm.loader.runtime.RuntimeLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records the scheduler's story as trace events while the machine runs, without changing the run:
 * it is a {@link Watcher} that never pauses, looking at the instructions of a few runtime routines
 * only (a byte per address of the runtime's text says which), reading g, m, p and schedt through
 * the program's layout (go_asm.h for gmpvm's runtime; for a binary built by Go's toolchain, its
 * DWARF, with hook arguments read by Go's register ABI). Every event carries virtual time (ns), the global instruction count, the M
 * and the P where it happened.
 *
 * <ul>
 * <li>{@code casgstatus(gp, old, new)} at entry: goroutine created (by whom, from which PC), runs
 *     (a slice on its P's and its M's track, named {@code G12 main.worker}), stops running (why:
 *     Go's wait reason, yielded, exited), woken (a flow arrow from the waker);</li>
 * <li>after each instruction of the routines that set g ({@link Hooks#SWITCHERS}): a context
 *     switch, named for the routine, with the g that left (its saved PC and SP) and the g that
 *     arrived;</li>
 * <li>{@code runqsteal} entry and return: steals (thief, victim, how many); {@code futexsleep}
 *     entry and return: the M parked on a futex; {@code schedtrace}: a tick with the counters;</li>
 * <li>at every hook: run queue lengths, idle Ps, spinning Ms and the global queue as counters,
 *     P states (idle, in syscall) as slices on the P tracks, spinning Ms as slices on theirs.</li>
 * </ul>
 */
public final class SchedRecorder implements Watcher {
    private static final int F_ENTRY = 1;
    private static final int F_SWITCH = 2;
    private static final int F_RETURN = 4;
    private static final int SP = 4;

    private final Machine machine;
    private final GuestMemory mem;
    private final DebugInfo info;
    private final List<TraceEvent> events = new ArrayList<>();

    // the layout's offsets and constants (go_asm.h's names)
    private final long gGoid, gStatus, gWait, gM, gStartpc, gGopc, gSchedPc, gSchedSp, gPreempt;
    private final long mId, mP, mCurg, mSpinning, mG0, mProcid;
    private final long pId, pStatus, pRunqhead, pRunqtail, pRunnext;
    private final long sNpidle, sNmspinning, sRunqsize;
    private final int gIdle, gRunnable, gRunning, gSyscall, gWaiting, gDead, gCopystack, gPreempted;
    private final int pRunning;
    private final GoRuntime go;
    private final long sched;
    /** Go's toolchain passes arguments in registers (AX, BX, CX…); gmpvm's runtime on the stack. */
    private final boolean regabi;

    // the watched addresses: flags per byte of [lo, lo + flags.length)
    private final long lo;
    private final byte[] flags;
    private final Map<Long, Hooks.Entry> entries = new HashMap<>();
    private final Map<Long, String> switchers = new HashMap<>();

    private final Map<Long, GRec> gs = new HashMap<>();
    private final Map<Long, String> described = new HashMap<>();
    private final Map<Integer, String> waitReasons = new HashMap<>();
    private final List<GRec> pendingCreate = new ArrayList<>();
    /** The g each thread had after its last watched instruction, by tid − Machine.FIRST_TID (no boxing on the hot path). */
    private long[] lastG = new long[8];
    private boolean[] seenG = new boolean[8];
    private final Map<Integer, List<Ret>> returns = new HashMap<>();
    private final Map<Integer, Boolean> inSchedtrace = new HashMap<>();
    private final Map<Long, Long> spinningSince = new HashMap<>();
    /** The goroutine whose run is open on each P (by P id). */
    private final Map<Long, GRec> runningOn = new HashMap<>();
    private final Map<Long, Integer> mThread = new TreeMap<>();
    private final Map<Long, Boolean> pSeen = new TreeMap<>();
    private long[] lastRunq = new long[0];
    private long[] lastPStatus = new long[0];
    private long[] pStatusSince = new long[0];
    private long lastIdle = -1, lastSpin = -1, lastGlobal = -1;
    private long flows;
    private long runSlices;
    private boolean finished;

    /** A goroutine as the recorder follows it (by g address; a reused g starts a new life). */
    private static final class GRec {
        final long g;
        long goid;
        String fn = "";
        String state;
        long runStart = -1, runInsn, runP = -1, runM = -1;
        long flowId;
        long createTs, createInsn;
        String creator, createdAt;

        GRec(long g) {
            this.g = g;
        }

        String name() {
            return "G" + goid + (fn.isEmpty() ? "" : " " + fn);
        }
    }

    /** A pending return from a hooked routine: where it returns to, with which SP. */
    private record Ret(long addr, long sp, Hooks.Kind kind, long start, long mid, long a, long b, long count) {
    }

    /** Where a hook happened: the thread's g, M and P. */
    private record Ctx(long g, long m, long mid, long p, long pid, long curg) {
    }

    public SchedRecorder(Machine machine, DebugInfo info) {
        this.machine = machine;
        this.mem = machine.memory();
        this.info = info;
        this.go = new GoRuntime(mem, info);
        RuntimeLayout l = go.layout();
        gGoid = l.get("g_goid");
        gStatus = l.get("g_atomicstatus");
        gWait = l.get("g_waitreason");
        gM = l.get("g_m");
        gStartpc = l.get("g_startpc");
        gPreempt = l.get("g_preempt");
        gGopc = l.get("g_gopc");
        gSchedPc = l.get("g_sched") + l.get("gobuf_pc");
        gSchedSp = l.get("g_sched") + l.get("gobuf_sp");
        mId = l.get("m_id");
        mP = l.get("m_p");
        mCurg = l.get("m_curg");
        mSpinning = l.get("m_spinning");
        mG0 = l.get("m_g0");
        mProcid = l.get("m_procid");
        pId = l.get("p_id");
        pStatus = l.get("p_status");
        pRunqhead = l.get("p_runqhead");
        pRunqtail = l.get("p_runqtail");
        pRunnext = l.get("p_runnext");
        sNpidle = l.get("schedt_npidle");
        sNmspinning = l.get("schedt_nmspinning");
        sRunqsize = l.get("schedt_runqsize");
        gIdle = (int) l.get("_Gidle");
        gRunnable = (int) l.get("_Grunnable");
        gRunning = (int) l.get("_Grunning");
        gSyscall = (int) l.get("_Gsyscall");
        gWaiting = (int) l.get("_Gwaiting");
        gDead = (int) l.get("_Gdead");
        gCopystack = (int) l.get("_Gcopystack");
        gPreempted = (int) l.find("_Gpreempted").orElse(-1);
        pRunning = (int) l.get("_Prunning");
        sched = info.symbol("runtime.sched");
        regabi = l.registerAbi();

        // the watched routines, the absent ones skipped
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        List<Symbol> watched = new ArrayList<>();
        for (Hooks.Entry e : Hooks.table(l.goToolchain()).values()) {
            Symbol s = function(e.symbol());
            if (s != null) {
                entries.put(s.value(), e);
                watched.add(s);
            }
        }
        List<Symbol> sw = new ArrayList<>();
        for (String name : Hooks.SWITCHERS) {
            Symbol s = function(name);
            if (s != null) {
                sw.add(s);
                watched.add(s);
            }
        }
        for (Symbol s : watched) {
            min = Math.min(min, s.value());
            max = Math.max(max, s.value() + Math.max(1, s.size()));
        }
        Symbol text = null;
        for (Symbol s : info.symbols().all()) {
            if (s.type() == Symbol.STT_FUNC && (text == null || s.value() + s.size() > text.value() + text.size())) {
                text = s;
            }
        }
        // return addresses lie anywhere in the program's text: cover it all
        for (Symbol s : info.symbols().all()) {
            if (s.type() == Symbol.STT_FUNC && s.size() > 0) {
                min = Math.min(min, s.value());
                max = Math.max(max, s.value() + s.size());
            }
        }
        if (min > max || max - min > (64 << 20)) {
            lo = 0;
            flags = new byte[0];
        } else {
            lo = min;
            flags = new byte[(int) (max - min) + 1];
            for (long a : entries.keySet()) {
                flags[(int) (a - lo)] |= F_ENTRY;
            }
            for (Symbol s : sw) {
                String shortName = Hooks.shortName(s.name());
                for (long a = s.value(); a < s.value() + Math.max(1, s.size()); a++) {
                    flags[(int) (a - lo)] |= F_SWITCH;
                    switchers.put(a, shortName);
                }
            }
        }
        for (GuestThread t : machine.threads()) {
            int k = t.tid() - Machine.FIRST_TID;
            if (k >= 0 && k < lastG.length) {
                lastG[k] = gOf(t);
                seenG[k] = true;
            }
        }
    }

    private Symbol function(String name) {
        long a = info.symbol(name);
        if (a <= 0) {
            return null;
        }
        Symbol s = info.symbolAt(a);
        return s != null && s.value() == a ? s : null;
    }

    /** Whether the program carries gmpvm's runtime (nothing is recorded for other programs). */
    public boolean active() {
        return flags.length > 0 && go.present();
    }

    // ------------------------------------------------------------------ the watcher

    @Override
    public boolean perInstruction() {
        return flags.length > 0;
    }

    @Override
    public boolean before(GuestThread t, long rip) {
        long off = rip - lo;
        if (off < 0 || off >= flags.length) {
            return false;
        }
        int f = flags[(int) off];
        try {
            if ((f & F_RETURN) != 0) {
                returned(t, rip);
            }
            if ((f & F_ENTRY) != 0) {
                entered(t, entries.get(rip));
            }
        } catch (RuntimeException e) {
            // the runtime's structures are not (or no longer) readable there: nothing to record
        }
        return false;
    }

    @Override
    public boolean after(GuestThread t, long pc) {
        long off = pc - lo;
        if (off < 0 || off >= flags.length || (flags[(int) off] & F_SWITCH) == 0) {
            return false;
        }
        long g = gOf(t);
        int k = t.tid() - Machine.FIRST_TID;
        if (k < 0) {
            return false;
        }
        if (k >= lastG.length) {
            lastG = java.util.Arrays.copyOf(lastG, Math.max(k + 1, lastG.length * 2));
            seenG = java.util.Arrays.copyOf(seenG, lastG.length);
        }
        long before = lastG[k];
        boolean seen = seenG[k];
        lastG[k] = g;
        seenG[k] = true;
        if (seen && before != g && before != 0 && g != 0) {
            try {
                switched(t, pc, before, g);
            } catch (RuntimeException e) {
                // TLS held no g before (rt0_go's store test): no switch
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reading the runtime

    private long u64(long a) {
        return mem.read64(a);
    }

    private long u32(long a) {
        return mem.read32(a) & 0xffffffffL;
    }

    /** Integer argument k (0 first) of a hooked routine at its entry, by the program's calling convention. */
    private long arg(GuestThread t, int k) {
        return regabi ? t.cpu().r[REG_ARGS[k]] : u64(t.cpu().r[SP] + 8 + 8L * k);
    }

    /**
     * A 32-bit argument: in a register's low half under Go's register ABI; under ABI0 packed as
     * Go lays out a frame (casgstatus(gp, old, new uint32): gp at 8, old at 16, new at 20).
     */
    private long arg32(GuestThread t, int k) {
        return regabi ? t.cpu().r[REG_ARGS[k]] & 0xffffffffL : u32(t.cpu().r[SP] + 16 + 4L * (k - 1));
    }

    /** Go's internal ABI's first integer argument registers: AX, BX, CX. */
    private static final int[] REG_ARGS = {CpuState.RAX, CpuState.RBX, CpuState.RCX};

    private long gOf(GuestThread t) {
        return go.gOf(t);
    }

    private Ctx ctx(GuestThread t) {
        long g = gOf(t);
        long m = g == 0 ? 0 : u64(g + gM);
        long mid = m == 0 ? -1 : u64(m + mId);
        long p = m == 0 ? 0 : u64(m + mP);
        long pid = p == 0 ? -1 : u32(p + pId);
        long curg = m == 0 ? 0 : u64(m + mCurg);
        if (mid >= 0) {
            mThread.putIfAbsent(mid, t.tid());
        }
        return new Ctx(g, m, mid, p, pid, curg);
    }

    /** {@code G7}, {@code g0}, {@code gsignal}: a g as switches name it. */
    private String gName(long g) {
        long goid = u64(g + gGoid);
        if (goid != 0) {
            return "G" + goid;
        }
        long m = u64(g + gM);
        return m != 0 && u64(m + mG0) == g ? "g0" : "gsignal";
    }

    /** {@code name+0x1c} for a PC, cached (the same few PCs recur at every switch). */
    private String describe(long pc) {
        String d = described.get(pc);
        if (d == null) {
            d = info.describe(pc);
            described.put(pc, d);
        }
        return d;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private String fnName(long pc) {
        Symbol s = pc == 0 ? null : info.symbolAt(pc);
        return s == null ? "" : s.name();
    }

    private long qlen(long p) {
        return (u32(p + pRunqtail) - u32(p + pRunqhead)) & 0xffffffffL;
    }

    /**
     * The virtual time of an event: the machine's clock as the current thread sees it, kept from
     * going backwards. With several simulated CPUs each runs its own clock between rounds, so a
     * thread may stand a little behind one that ran before it; the trace keeps the order in which
     * things happened (what the instruction counts say) by never stamping an event earlier than
     * the one before.
     */
    private long now() {
        long c = machine.clock();
        if (c > lastNow) {
            lastNow = c;
        }
        return lastNow;
    }

    private long lastNow;

    private TraceEvent add(String ph, String name, String cat, int pid, long tid, long ts) {
        TraceEvent e = new TraceEvent(ph, name, cat, pid, tid, ts);
        events.add(e);
        return e;
    }

    // ------------------------------------------------------------------ hooks

    private void entered(GuestThread t, Hooks.Entry e) {
        flushCreated();
        Ctx c = ctx(t);
        long now = now();
        sample(now, false);
        spinning(c, now);
        long sp = t.cpu().r[SP];
        switch (e.kind()) {
            case STATUS -> status(t, c, arg(t, 0), arg32(t, 1), arg32(t, 2), now);
            case SYSCALL_ENTER -> {
                if (c.curg != 0) {
                    status(t, c, c.curg, gRunning, gSyscall, now);
                }
            }
            case SYSCALL_RUN -> status(t, c, t.cpu().r[CpuState.RSI], gSyscall, gRunning, now);
            case STEAL -> {
                long victim = arg(t, 1);
                long before = qlen(victim) + (u64(victim + pRunnext) != 0 ? 1 : 0);
                expectReturn(t, new Ret(u64(sp), sp + 8, Hooks.Kind.STEAL, now, c.mid, arg(t, 0), victim, before));
            }
            case PARK -> expectReturn(t, new Ret(u64(sp), sp + 8, Hooks.Kind.PARK, now, c.mid, arg(t, 0), 0, 0));
            case SCHEDTRACE -> inSchedtrace.put(t.tid(), true);
            case PRINTLOCK -> {
                if (inSchedtrace.remove(t.tid()) != null) {
                    sample(now, true);
                    add("i", "schedtrace", "schedtrace", TraceEvent.PID_PS, 0, now).arg("insn", machine.retired());
                }
            }
            case STW_BEGIN -> {
                if (c.mid >= 0 && stwSince < 0) {
                    stwSince = now;
                    stwM = c.mid;
                }
            }
            case STW_END -> {
                endStw(now);
                movedP(c, now);
            }
            case INSTANT -> {
                if (c.mid >= 0) {
                    String shortName = e.symbol().substring(e.symbol().lastIndexOf('.') + 1);
                    TraceEvent i = add("i", shortName, "runtime", TraceEvent.PID_MS, c.mid, now).arg("what", e.text());
                    i.arg("g", c.g == 0 ? "no g" : gName(c.g)).arg("P", c.pid).arg("insn", machine.retired());
                }
            }
            default -> { }
        }
    }

    /** Closes the "world stopped" slice on the M that stopped the world (now, or at the end of the run). */
    private void endStw(long now) {
        if (stwSince < 0) {
            return;
        }
        TraceEvent x = add("X", "world stopped", "mstate", TraceEvent.PID_MS, stwM, stwSince);
        x.dur = now - stwSince;
        x.arg("endInsn", machine.retired());
        stwSince = -1;
    }

    /**
     * With the world stopped, procresize may have given the stopping M another P (its own was
     * destroyed): its goroutine's run goes on, on the new P's track from now.
     */
    private void movedP(Ctx c, long now) {
        GRec r = gs.get(c.curg);
        if (r == null || r.runStart < 0 || r.runP == c.pid) {
            return;
        }
        endRun(r, now, "its M changed P (procresize)");
        r.runStart = now;
        r.runInsn = machine.retired();
        r.runP = c.pid;
        r.runM = c.mid;
        runsOn(c.pid, r, now);
    }

    /**
     * r's run is on P pid from now: the P's track shows the run, not a state, from here (Go's mark
     * termination sets its goroutine running again while its P is still _Pgcstop; a P handed to
     * the stopping M by procresize is still _Pgcstop when the world starts again).
     */
    private void runsOn(long pid, GRec r, long now) {
        if (pid < 0) {
            return;
        }
        runningOn.put(pid, r);
        pSeen.put(pid, true);
        int k = (int) pid;
        if (k < lastPStatus.length && lastPStatus[k] != pRunning) {
            closePState(k, lastPStatus[k], pStatusSince[k], now);
            lastPStatus[k] = pRunning;
            pStatusSince[k] = now;
        }
    }

    /** When the world was stopped (-1: it runs) and by which M. */
    private long stwSince = -1;
    private long stwM = -1;

    /** Arms a return hook: r fires when the thread reaches r.addr with SP r.sp (the routine returned). */
    private void expectReturn(GuestThread t, Ret r) {
        long off = r.addr() - lo;
        if (off < 0 || off >= flags.length) {
            return;
        }
        flags[(int) off] |= F_RETURN;
        returns.computeIfAbsent(t.tid(), k -> new ArrayList<>()).add(r);
    }

    private void returned(GuestThread t, long rip) {
        List<Ret> l = returns.get(t.tid());
        if (l == null || l.isEmpty()) {
            return;
        }
        long sp = t.cpu().r[SP];
        for (int k = l.size() - 1; k >= 0; k--) {
            Ret r = l.get(k);
            if (r.addr() != rip || r.sp() != sp) {
                continue;
            }
            l.remove(k);
            long now = now();
            switch (r.kind()) {
                case PARK -> {
                    if (r.mid() >= 0) {
                        TraceEvent x = add("X", "parked (futex)", "mstate", TraceEvent.PID_MS, r.mid(), r.start());
                        x.dur = now - r.start();
                        x.arg("futex", hex(r.a()));
                    }
                }
                case STEAL -> {
                    long victim = r.b();
                    long after = qlen(victim) + (u64(victim + pRunnext) != 0 ? 1 : 0);
                    long n = r.count() - after;
                    long ret = regabi ? t.cpu().r[CpuState.RAX] : u64(sp + 24);
                    if (n > 0 || ret != 0) {
                        long thief = u32(r.a() + pId);
                        long vid = u32(victim + pId);
                        add("i", "steal", "steal", TraceEvent.PID_PS, thief, now).arg("thief", "P" + thief)
                                .arg("victim", "P" + vid).arg("count", Math.max(n, 1)).arg("insn", machine.retired());
                    }
                }
                default -> { }
            }
            return;
        }
    }

    // ------------------------------------------------------------------ goroutines

    private void status(GuestThread t, Ctx c, long gp, long old, long nw, long now) {
        if (old == gIdle && nw == gDead) {
            return; // a fresh g from malg, not yet a goroutine
        }
        GRec r = gs.get(gp);
        if (nw == gRunnable && (old == gDead || old == gIdle)) {
            r = new GRec(gp);
            gs.put(gp, r);
            r.createTs = now;
            r.createInsn = machine.retired();
            r.creator = c.curg != 0 ? gName(c.curg) : (c.mid >= 0 ? "M" + c.mid : "runtime");
            r.createdAt = describe(u64(gp + gGopc));
            pendingCreate.add(r);
            return;
        }
        if (r == null) {
            r = new GRec(gp);
            gs.put(gp, r);
        }
        if (r.goid == 0) {
            r.goid = u64(gp + gGoid);
            r.fn = fnName(u64(gp + gStartpc));
            if (r.goid == 0) {
                return;
            }
        }
        String why = why(t, gp, nw);
        if (old == gRunning) {
            endRun(r, now, why);
        }
        if (r.state != null) {
            add("E", r.state, "gstate", TraceEvent.PID_GS, r.goid, now);
            r.state = null;
        }
        if (nw == gDead) {
            add("i", "exit", "gstate", TraceEvent.PID_GS, r.goid, now).arg("insn", machine.retired());
            gs.remove(gp);
            return;
        }
        r.state = nw == gWaiting ? "waiting: " + why : stateName((int) nw);
        TraceEvent b = add("B", r.state, "gstate", TraceEvent.PID_GS, r.goid, now).arg("insn", machine.retired());
        if (old == gWaiting && nw == gRunnable) {
            // the waker is the M's goroutine if it is running; Go's GC also readies goroutines from
            // g0 while the M's curg waits (mark termination), which is the M's doing, not curg's
            GRec waker = c.curg != 0 && c.curg != gp ? gs.get(c.curg) : null;
            boolean byG = waker != null && waker.runStart >= 0;
            String by = byG ? gName(c.curg) : (c.mid >= 0 ? "M" + c.mid : "runtime");
            b.arg("by", by);
            if (byG) {
                long byGoid = u64(c.curg + gGoid);
                if (byGoid != 0) {
                    r.flowId = ++flows;
                    add("s", "wakeup", "flow", TraceEvent.PID_GS, byGoid, now).id = r.flowId;
                }
            }
        }
        if (nw == gRunning) {
            r.runStart = now;
            r.runInsn = machine.retired();
            r.runP = c.pid;
            runsOn(c.pid, r, now);
            r.runM = c.mid;
            if (c.pid >= 0) {
                pSeen.put(c.pid, true);
            }
            if (r.flowId != 0) {
                add("f", "wakeup", "flow", TraceEvent.PID_GS, r.goid, now).id = r.flowId;
                r.flowId = 0;
            }
        }
    }

    private String stateName(int s) {
        if (s == gRunnable) {
            return "runnable";
        } else if (s == gRunning) {
            return "running";
        } else if (s == gSyscall) {
            return "syscall";
        } else if (s == gCopystack) {
            return "copystack";
        } else if (s == gPreempted) {
            return "preempted";
        }
        return "status " + s;
    }

    /** Why a goroutine enters state nw: Go's wait reason, or who made it runnable again. */
    private String why(GuestThread t, long gp, long nw) {
        if (nw == gWaiting) {
            return waitReasons.computeIfAbsent(mem.read8(gp + gWait) & 0xff, go::waitReason);
        } else if (nw == gDead) {
            return "exited";
        } else if (nw == gRunnable) {
            if ((mem.read8(gp + gPreempt) & 0xff) != 0) {
                return "preempted"; // gopreempt_m and gosched_m share their path; the request tells them apart
            }
            String caller = fnName(u64(t.cpu().r[SP]));
            if (caller.endsWith("goschedImpl")) {
                // Go's gosched_m and gopreempt_m share goschedImpl: their frame pointer names the one that called
                caller = fnName(u64(t.cpu().r[CpuState.RBP] + 8));
            }
            return caller.endsWith("gosched_m") ? "yielded (Gosched)"
                    : caller.contains("preempt") ? "preempted" : "runnable (" + caller + ")";
        }
        return stateName((int) nw);
    }

    private void endRun(GRec r, long now, String why) {
        if (r.runStart < 0) {
            return;
        }
        long insn = machine.retired();
        for (int pid : new int[] {TraceEvent.PID_PS, TraceEvent.PID_MS}) {
            long tid = pid == TraceEvent.PID_PS ? r.runP : r.runM;
            if (tid < 0) {
                continue;
            }
            TraceEvent x = add("X", r.name(), "run", pid, tid, r.runStart);
            x.dur = now - r.runStart;
            x.arg("goid", r.goid).arg("fn", r.fn).arg("P", r.runP).arg("M", r.runM)
                    .arg("startInsn", r.runInsn).arg("endInsn", insn).arg("why", why);
        }
        runSlices++;
        r.runStart = -1;
        runningOn.remove(r.runP, r);
    }

    private void flushCreated() {
        if (pendingCreate.isEmpty()) {
            return;
        }
        for (int k = pendingCreate.size() - 1; k >= 0; k--) {
            GRec r = pendingCreate.get(k);
            long goid = u64(r.g + gGoid);
            if (goid == 0) {
                continue;
            }
            pendingCreate.remove(k);
            r.goid = goid;
            r.fn = fnName(u64(r.g + gStartpc));
            add("i", "created", "gstate", TraceEvent.PID_GS, goid, r.createTs).arg("by", r.creator)
                    .arg("at", r.createdAt).arg("fn", r.fn).arg("insn", r.createInsn);
            r.state = "runnable";
            add("B", r.state, "gstate", TraceEvent.PID_GS, goid, r.createTs).arg("insn", r.createInsn);
            TraceEvent meta = add("M", "thread_name", null, TraceEvent.PID_GS, goid, 0).arg("name", r.name());
            meta.arg("sort", goid);
        }
    }

    // ------------------------------------------------------------------ switches

    private void switched(GuestThread t, long pc, long from, long to) {
        flushCreated();
        long m = u64(to + gM);
        if (m == 0) {
            m = u64(from + gM);
        }
        if (m == 0) {
            return;
        }
        long mid = u64(m + mId);
        mThread.putIfAbsent(mid, t.tid());
        long now = now();
        String routine = switchers.getOrDefault(pc, "switch");
        String fromName = gName(from);
        String toName = gName(to);
        add("i", routine + ": " + fromName + " -> " + toName, "switch", TraceEvent.PID_MS, mid, now)
                .arg("routine", routine).arg("pc", describe(pc)).arg("from", fromName)
                .arg("fromSavedPc", describe(u64(from + gSchedPc))).arg("fromSavedSp", hex(u64(from + gSchedSp)))
                .arg("to", toName).arg("sp", hex(t.cpu().r[SP])).arg("insn", machine.retired());
    }

    // ------------------------------------------------------------------ Ms and Ps

    private void spinning(Ctx c, long now) {
        if (c.m == 0 || c.mid < 0) {
            return;
        }
        boolean spin = (mem.read8(c.m + mSpinning) & 0xff) != 0;
        Long since = spinningSince.get(c.mid);
        if (spin && since == null) {
            spinningSince.put(c.mid, now);
        } else if (!spin && since != null) {
            spinningSince.remove(c.mid);
            TraceEvent x = add("X", "spinning", "mstate", TraceEvent.PID_MS, c.mid, since);
            x.dur = now - since;
        }
    }

    /** Samples run queues, idle Ps, spinning Ms, the global queue and P states; counters only when changed (or forced). */
    private void sample(long now, boolean force) {
        if (!go.present()) {
            return;
        }
        long[] ps = go.allpEntries();
        int n = ps.length;
        long[] runq = new long[n];
        long[] status = new long[n];
        for (int k = 0; k < n; k++) {
            long p = ps[k];
            if (p == 0) {
                status[k] = -1;
                continue;
            }
            runq[k] = qlen(p);
            status[k] = u32(p + pStatus);
            if (runningOn.containsKey((long) k)) {
                // a goroutine runs on it: Go's stopTheWorld sets its own P _Pgcstop while its
                // goroutine goes on running (on g0), and the P's track shows that run, not a state
                status[k] = pRunning;
            }
        }
        if (force || !java.util.Arrays.equals(runq, lastRunq)) {
            TraceEvent c = add("C", "runq", "counter", TraceEvent.PID_PS, 0, now);
            for (int k = 0; k < n; k++) {
                c.arg("P" + k, runq[k]);
            }
            lastRunq = runq;
        }
        long idle = u32(sched + sNpidle);
        long spin = u32(sched + sNmspinning);
        long global = u32(sched + sRunqsize);
        if (force || idle != lastIdle) {
            add("C", "idle Ps", "counter", TraceEvent.PID_PS, 0, now).arg("idle", idle);
            lastIdle = idle;
        }
        if (force || spin != lastSpin) {
            add("C", "spinning Ms", "counter", TraceEvent.PID_PS, 0, now).arg("spinning", spin);
            lastSpin = spin;
        }
        if (force || global != lastGlobal) {
            add("C", "global runq", "counter", TraceEvent.PID_PS, 0, now).arg("runqueue", global);
            lastGlobal = global;
        }
        if (lastPStatus.length != n) {
            long[] s = java.util.Arrays.copyOf(lastPStatus, n);
            long[] since = java.util.Arrays.copyOf(pStatusSince, n);
            for (int k = lastPStatus.length; k < n; k++) {
                s[k] = pRunning; // nothing open yet
                since[k] = now;
            }
            for (int k = n; k < lastPStatus.length; k++) {
                closePState(k, lastPStatus[k], pStatusSince[k], now);
            }
            lastPStatus = s;
            pStatusSince = since;
        }
        for (int k = 0; k < n; k++) {
            if (status[k] != lastPStatus[k]) {
                closePState(k, lastPStatus[k], pStatusSince[k], now);
                lastPStatus[k] = status[k];
                pStatusSince[k] = now;
            }
            if (status[k] >= 0) {
                pSeen.put((long) k, true);
            }
        }
    }

    private void closePState(int k, long status, long since, long now) {
        if (status == pRunning || status < 0 || now == since) {
            return;
        }
        TraceEvent x = add("X", go.pStatusName(status), "pstate", TraceEvent.PID_PS, k, since);
        x.dur = now - since;
    }

    // ------------------------------------------------------------------ the end

    /**
     * Closes what is still open at the end of the run (running goroutines, states, parked and
     * spinning Ms, P states) and adds the names of processes and tracks. Call once, after the run.
     */
    public List<TraceEvent> finish() {
        if (finished) {
            return events;
        }
        finished = true;
        flushCreated();
        long now = now();
        for (GRec r : gs.values()) {
            if (r.goid == 0) {
                continue;
            }
            endRun(r, now, "running at exit");
            if (r.state != null) {
                add("E", r.state, "gstate", TraceEvent.PID_GS, r.goid, now);
                r.state = null;
            }
        }
        endStw(now);
        for (Map.Entry<Long, Long> e : spinningSince.entrySet()) {
            TraceEvent x = add("X", "spinning", "mstate", TraceEvent.PID_MS, e.getKey(), e.getValue());
            x.dur = now - e.getValue();
        }
        for (Map.Entry<Integer, List<Ret>> e : returns.entrySet()) {
            for (Ret r : e.getValue()) {
                if (r.kind() == Hooks.Kind.PARK && r.mid() >= 0) {
                    TraceEvent x = add("X", "parked (futex)", "mstate", TraceEvent.PID_MS, r.mid(), r.start());
                    x.dur = now - r.start();
                }
            }
        }
        for (int k = 0; k < lastPStatus.length; k++) {
            closePState(k, lastPStatus[k], pStatusSince[k], now);
        }
        add("M", "process_name", null, TraceEvent.PID_PS, 0, 0).arg("name", "Ps");
        add("M", "process_name", null, TraceEvent.PID_MS, 0, 0).arg("name", "Ms");
        add("M", "process_name", null, TraceEvent.PID_GS, 0, 0).arg("name", "Goroutines");
        for (int pid = 1; pid <= 3; pid++) {
            add("M", "process_sort_index", null, pid, 0, 0).arg("sort_index", pid);
        }
        for (long p : pSeen.keySet()) {
            add("M", "thread_name", null, TraceEvent.PID_PS, p, 0).arg("name", "P" + p);
        }
        for (Map.Entry<Long, Integer> e : mThread.entrySet()) {
            add("M", "thread_name", null, TraceEvent.PID_MS, e.getKey(), 0).arg("name", "M" + e.getKey() + " (thread " + e.getValue() + ")");
        }
        add("M", "gmpvm", null, 0, 0, 0).arg("insns", machine.retired()).arg("virtualNs", now);
        return events;
    }

    /** The events recorded so far. */
    public List<TraceEvent> events() {
        return events;
    }

    /** Run slices recorded (one per goroutine run). */
    public long runSlices() {
        return runSlices;
    }
}
