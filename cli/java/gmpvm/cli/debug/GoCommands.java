package gmpvm.cli.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Hook;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.debug.SwitchTracker;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Go-aware views (goroutines, Ms, Ps, the scheduler, channels, defers and panics), read
 * through the program's layout (go_asm.h, or a Go binary's DWARF), and context switches as stops: {@code next-switch},
 * {@code catch switch}, {@code info switches}.
 */
final class GoCommands {
    /** Instructions followed after g changes, looking for SP to land on the arriving g's stack. */
    static final int SP_FOLLOW = 32;

    private GoCommands() {
    }

    static void register(CommandTable t) {
        t.add("info goroutines", List.of("i goroutines"), "info goroutines [user]",
                "Every goroutine: goid, status, wait reason (Go's words), M, P, where (symbol and line), stack bounds; "
                        + "with user, where is its innermost frame outside the runtime.",
                GoCommands::goroutines);
        t.add("goroutine", List.of(), "goroutine N backtrace|bt",
                "Backtrace of goroutine N: from its thread's registers if it runs, else from its saved g.sched.",
                GoCommands::goroutine);
        t.add("info ms", List.of(), "info ms", "Every M (thread): id, procid, curg, p, spinning, blocked, locks.", GoCommands::ms);
        t.add("info ps", List.of(), "info ps", "Every P: status, m, schedtick, syscalltick, runq, runnext, gFree.", GoCommands::ps);
        t.add("info sched", List.of(), "info sched",
                "The scheduler (runtime.sched): global runq, idle P and M lists, spinning Ms, sysmon.", GoCommands::sched);
        t.add("print-chan", List.of(), "print-chan ADDR", "A channel (hchan): count, buffer, indices, recvq and sendq.",
                GoCommands::chan);
        t.add("info defers", List.of(), "info defers [GOID]", "The goroutine's _defer chain, newest first.", GoCommands::defers);
        t.add("info panics", List.of(), "info panics [GOID]", "The goroutine's _panic chain, newest first.", GoCommands::panics);
        t.add("next-switch", List.of(), "next-switch",
                "Run until the goroutine on the selected thread's M changes; show the before/after card.", GoCommands::nextSwitch);
        t.add("info switches", List.of(), "info switches [N]",
                "The last N (10) context switches recorded since next-switch, catch switch or record-switches started watching.",
                GoCommands::switches);
        t.add("record-switches", List.of(), "record-switches",
                "Record every context switch from now on (for info switches; the run is checked after every instruction).",
                (s, a) -> {
                    s.tracker();
                    s.out().println("Recording context switches.");
                });
    }

    // ------------------------------------------------------------------ goroutines

    private static String where(GoRuntime go, long pc) {
        String line = go.info().shortLine(pc);
        return go.info().describe(pc) + (line == null ? "" : " at " + line);
    }

    /** The thread whose TLS holds g right now, or null. */
    static GuestThread threadRunning(Session s, long g) {
        GoRuntime go = s.requireGo();
        for (GuestThread t : s.machine().threads()) {
            if (!t.exited() && go.gOf(t) == g) {
                return t;
            }
        }
        return null;
    }

    private static void goroutines(Session s, String a) {
        GoRuntime go = s.requireGo();
        PrintStream o = s.out();
        boolean user = a.strip().equals("user");
        if (!user && !a.isBlank()) {
            throw new IllegalArgumentException("Usage: info goroutines [user]");
        }
        long current = go.gOf(s.thread());
        o.println("  Goid  Status     Wait reason       M    P    Where" + (user ? " (user code)" : "            ")
                + "                             Stack");
        for (GoRuntime.G g : go.allGs()) {
            GuestThread on = threadRunning(s, g.addr());
            long pc = on != null ? on.cpu().rip : g.schedPc();
            String at = user ? userFrame(s, go, g, on, pc) : where(go, pc);
            String m = "-";
            String p = "-";
            if (g.m() != 0) {
                GoRuntime.M mm = go.m(g.m());
                m = "M" + mm.id();
                if (mm.p() != 0 && mm.curg() == g.addr()) {
                    p = "P" + go.p(mm.p()).id();
                }
            }
            String status = go.statusName(g.status());
            String reason = status.equals("waiting") ? go.waitReason(g.waitreason()) : "";
            o.printf("%s %-5d %-10s %-17s %-4s %-4s %-45s [0x%x, 0x%x)%n", g.addr() == current ? "*" : " ", g.goid(), status,
                    reason, m, p, at, g.stackLo(), g.stackHi());
        }
    }

    /**
     * Where g's innermost frame outside the runtime is, as backtrace names a frame (a return
     * address's line is its call's); where g stands when every frame is the runtime's (its own
     * goroutines). A frame is the runtime's when its function is in package runtime or its source
     * is (Go's time.Sleep and sync.runtime_Semacquire live in runtime/time.go and runtime/sema.go).
     */
    private static String userFrame(Session s, GoRuntime go, GoRuntime.G g, GuestThread on, long pc) {
        long sp = on != null ? on.cpu().r[CpuState.RSP] : g.schedSp();
        long bp = on != null ? on.cpu().r[CpuState.RBP] : g.schedBp();
        try {
            List<Long> frames = ViewCommands.framePcs(s, pc, sp, bp);
            for (int n = 0; n < frames.size(); n++) {
                long f = frames.get(n);
                var sym = go.info().symbolAt(f);
                var src = go.info().line(n == 0 ? f : f - 1);
                boolean runtimeSource = src != null && (src.file().startsWith("runtime/") || src.file().contains("/runtime/"));
                if (sym != null && !DebugInfo.symbolName(sym.name()).startsWith("runtime.") && !runtimeSource) {
                    String line = go.info().shortLine(n == 0 ? f : f - 1);
                    return go.info().describe(f) + (line == null ? "" : " at " + line);
                }
            }
        } catch (RuntimeException e) {
            // an unreadable frame: show where it stands
        }
        return where(go, pc);
    }

    private static void goroutine(Session s, String a) {
        GoRuntime go = s.requireGo();
        String[] w = a.strip().split("\\s+");
        if (w.length != 2 || !(w[1].equals("bt") || w[1].equals("backtrace"))) {
            throw new IllegalArgumentException("Usage: goroutine N backtrace");
        }
        long goid = RunCommands.count(w[0]);
        GoRuntime.G g = go.goroutine(goid);
        if (g == null) {
            throw new IllegalArgumentException("No goroutine " + goid + ".");
        }
        GuestThread on = threadRunning(s, g.addr());
        if (on != null) {
            s.out().println("goroutine " + goid + " runs on " + s.who(on) + ": from its registers");
            CpuState c = on.cpu();
            ViewCommands.backtrace(s, c.rip, c.r[CpuState.RSP], c.r[CpuState.RBP]);
        } else {
            s.out().printf("goroutine %d [%s]: from g.sched (sp=0x%x pc=0x%x bp=0x%x)%n", goid, go.statusName(g.status()),
                    g.schedSp(), g.schedPc(), g.schedBp());
            if (g.schedPc() == 0) {
                s.out().println("(no saved context)");
                return;
            }
            ViewCommands.backtrace(s, g.schedPc(), g.schedSp(), g.schedBp());
        }
    }

    private static String gid(GoRuntime go, long g) {
        return g == 0 ? "nil" : go.gName(g);
    }

    private static void ms(Session s, String a) {
        GoRuntime go = s.requireGo();
        for (GoRuntime.M m : go.allMs()) {
            String p = m.p() == 0 ? "nil" : "P" + go.p(m.p()).id();
            String nextp = m.nextp() == 0 ? "nil" : "P" + go.p(m.nextp()).id();
            s.out().printf("M%d: procid=%d curg=%s p=%s nextp=%s spinning=%b blocked=%b locks=%d lockedg=%s%n", m.id(),
                    m.procid(), gid(go, m.curg()), p, nextp, m.spinning(), m.blocked(), m.locks(), gid(go, m.lockedg()));
        }
    }

    private static String goids(List<Long> ids) {
        return ids.stream().map(x -> "G" + x).collect(Collectors.joining(" ", "[", "]"));
    }

    private static void ps(Session s, String a) {
        GoRuntime go = s.requireGo();
        for (GoRuntime.P p : go.allPs()) {
            String m = p.m() == 0 ? "nil" : "M" + go.m(p.m()).id();
            s.out().printf("P%d: status=%s m=%s schedtick=%d syscalltick=%d runqhead=%d runqtail=%d runq=%s runnext=%s gFree.n=%d%n",
                    p.id(), go.pStatusName(p.status()), m, p.schedtick(), p.syscalltick(), p.runqhead(), p.runqtail(),
                    goids(p.runq()), p.runnext() == 0 ? "nil" : "G" + p.runnext(), p.gFreeN());
        }
    }

    private static void sched(Session s, String a) {
        GoRuntime go = s.requireGo();
        GoRuntime.Sched x = go.sched();
        PrintStream o = s.out();
        o.printf("sched: goidgen=%d runqsize=%d runq=%s%n", x.goidgen(), x.runqsize(), goids(x.runq()));
        o.printf("  pidle=%s npidle=%d%n", x.pidle().stream().map(v -> "P" + v).collect(Collectors.joining(" ", "[", "]")), x.npidle());
        o.printf("  midle=%s nmidle=%d nmspinning=%d%s%n",
                x.midle().stream().map(v -> "M" + v).collect(Collectors.joining(" ", "[", "]")), x.nmidle(), x.nmspinning(),
                x.needspinning() < 0 ? "" : " needspinning=" + x.needspinning());
        o.printf("  sysmonwait=%d nmsys=%d lastpoll=%d gFree.n=%d%n", x.sysmonwait(), x.nmsys(), x.lastpoll(), x.gFreeN());
    }

    private static void chan(Session s, String a) {
        GoRuntime go = s.requireGo();
        long addr = s.eval(a);
        GoRuntime.Chan c;
        try {
            c = go.chan(addr);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("Cannot access memory at address 0x%x", addr));
        }
        PrintStream o = s.out();
        o.printf("chan 0x%x: qcount=%d dataqsiz=%d elemsize=%d closed=%b sendx=%d recvx=%d%n", addr, c.qcount(), c.dataqsiz(),
                c.elemsize(), c.closed(), c.sendx(), c.recvx());
        if (c.dataqsiz() > 0) {
            StringBuilder b = new StringBuilder("  buf 0x" + Long.toHexString(c.buf()) + ": [");
            for (long k = 0; k < c.qcount() && k < 64; k++) {
                long slot = (c.recvx() + k) % c.dataqsiz();
                long at = c.buf() + slot * c.elemsize();
                long v = 0;
                for (int j = (int) Math.min(c.elemsize(), 8) - 1; j >= 0; j--) {
                    v = (v << 8) | (s.machine().memory().read8(at + j) & 0xff);
                }
                b.append(k == 0 ? "" : " ").append("0x").append(Long.toHexString(v));
            }
            o.println(b.append("]"));
        }
        o.println("  recvq: " + waiters(c.recvq()));
        o.println("  sendq: " + waiters(c.sendq()));
    }

    private static String waiters(List<GoRuntime.Waiter> q) {
        if (q.isEmpty()) {
            return "(empty)";
        }
        return q.stream().map(w -> String.format("G%d (elem 0x%x)", w.goid(), w.elem())).collect(Collectors.joining(", "));
    }

    /** The goroutine a view is about: GOID, or the one on the selected thread (its curg while on g0). */
    private static GoRuntime.G subject(Session s, String a) {
        GoRuntime go = s.requireGo();
        if (!a.isBlank()) {
            GoRuntime.G g = go.goroutine(RunCommands.count(a));
            if (g == null) {
                throw new IllegalArgumentException("No goroutine " + a.strip() + ".");
            }
            return g;
        }
        long g = go.gOf(s.thread());
        if (!go.isG(g)) {
            throw new IllegalArgumentException("No goroutine on this thread.");
        }
        GoRuntime.M m = go.mOf(s.thread());
        if (m != null && g == m.g0() && m.curg() != 0) {
            g = m.curg();
        }
        return go.g(g);
    }

    private static void defers(Session s, String a) {
        GoRuntime go = s.requireGo();
        GoRuntime.G g = subject(s, a);
        List<GoRuntime.Defer> ds = go.defers(g);
        if (ds.isEmpty()) {
            s.out().println("goroutine " + g.goid() + " has no deferred calls.");
        }
        int n = 0;
        for (GoRuntime.Defer d : ds) {
            s.out().printf("#%d _defer 0x%x: fn=%s pc=%s sp=0x%x%s started=%b _panic=0x%x%n", n++, d.addr(),
                    fnName(s, d.fn()), s.info().describe(d.pc()), d.sp(), d.siz() < 0 ? "" : " siz=" + d.siz(), d.started(),
                    d.panic());
        }
    }

    private static String fnName(Session s, long funcval) {
        if (funcval == 0) {
            return "nil";
        }
        try {
            return s.info().describe(s.machine().memory().read64(funcval));
        } catch (RuntimeException e) {
            return String.format("0x%x", funcval);
        }
    }

    private static void panics(Session s, String a) {
        GoRuntime go = s.requireGo();
        GoRuntime.G g = subject(s, a);
        List<GoRuntime.Panic> ps = go.panics(g);
        if (ps.isEmpty()) {
            s.out().println("goroutine " + g.goid() + " is not panicking.");
        }
        int n = 0;
        for (GoRuntime.Panic p : ps) {
            s.out().printf("#%d _panic 0x%x: arg=(0x%x, 0x%x) recovered=%b aborted=%b%n", n++, p.addr(), p.argType(), p.argData(),
                    p.recovered(), p.aborted());
        }
    }

    // ------------------------------------------------------------------ switches

    /** catch switch: a visible hook stopping at every switch on any M. */
    static Hook catchSwitch(Session s) {
        SwitchTracker tr = new SwitchTracker(s.machine(), s.requireGo());
        Hook h = s.engine().hook("context switch", tr);
        s.switchStops.put(h.id(), tr);
        s.tracker();
        return h;
    }

    private static void nextSwitch(Session s, String a) {
        s.requireRunning();
        GuestThread t = s.thread();
        SwitchTracker tr = new SwitchTracker(s.machine(), s.requireGo());
        tr.stopWhen(sw -> sw.tid() == t.tid());
        s.tracker();
        Hook h = s.engine().internalHook("next-switch", tr);
        s.switchStops.put(h.id(), tr);
        StopEvent e;
        try {
            e = s.engine().cont();
        } finally {
            s.engine().delete(h.id());
        }
        s.report(e);
        s.switchStops.remove(h.id());
    }

    private static void switches(Session s, String a) {
        GoRuntime go = s.requireGo();
        if (!s.tracking()) {
            s.out().println("No switches recorded: next-switch, catch switch or record-switches starts recording.");
            return;
        }
        int n = a.isBlank() ? 10 : (int) RunCommands.count(a);
        List<SwitchTracker.Switch> sw = s.tracker().recent(n);
        if (sw.isEmpty()) {
            s.out().println("No switches yet.");
        }
        for (SwitchTracker.Switch x : sw) {
            s.out().println(SwitchText.line(x, go));
        }
    }

    /**
     * The before/after card of a switch stop: follows the thread a few instructions until SP
     * lands on the arriving g's stack, then shows who switched, the g that left (status, saved
     * gobuf, where it resumes), the g that arrived, the SP jump, the M and P.
     */
    static void printSwitch(Session s, StopEvent e) {
        SwitchTracker tr = s.switchStops.get(e.point().id());
        if (tr == null || tr.last() == null) {
            return;
        }
        SwitchTracker.Switch sw = tr.last();
        GoRuntime go = s.requireGo();
        GuestThread t = e.thread();
        PrintStream o = s.out();
        GoRuntime.G to = go.g(sw.to());
        long spPc = -1;
        long sp = t.cpu().r[CpuState.RSP];
        for (int k = 0; k < SP_FOLLOW && !inStack(sp, to) && !s.engine().finished(); k++) {
            long pc = t.cpu().rip;
            StopEvent step = s.engine().stepInstructions(t, 1);
            if (RunCommands.userStop(step, t) || step.thread() != t) {
                break;
            }
            long now = t.cpu().r[CpuState.RSP];
            if (inStack(now, to)) {
                spPc = pc;
            }
            sp = now;
        }
        GoRuntime.M m = go.mOfThread(sw.tid());
        if (m == null) {
            m = go.mOf(t);
        }
        String p = m == null || m.p() == 0 ? "no P" : "P" + go.p(m.p()).id();
        GoRuntime.G from = go.g(sw.from());
        o.printf("Context switch on %s (thread %d), %s, at insn %d%n", m == null ? "M?" : "M" + m.id(), sw.tid(), p, sw.retired());
        String by = s.info().shortLine(sw.pc());
        o.printf("  by       %s%s: %s%n", s.info().describe(sw.pc()), by == null ? "" : " at " + by,
                s.info().text(s.machine().memory(), sw.pc(), s.syntax()));
        o.printf("  left     %s (%s)%n", go.gName(sw.from()), go.statusName(from.status()));
        o.printf("           saved gobuf sp=0x%x pc=0x%x bp=0x%x: resumes at %s%n", from.schedSp(), from.schedPc(), from.schedBp(),
                from.schedPc() == 0 ? "(nothing saved)" : where(go, from.schedPc()));
        o.printf("  arrived  %s (%s), stack [0x%x, 0x%x)%n", go.gName(sw.to()), go.statusName(to.status()), to.stackLo(), to.stackHi());
        if (spPc >= 0) {
            String at = s.info().shortLine(spPc);
            o.printf("  SP       0x%x -> 0x%x, by %s%s%n", sw.sp(), sp, s.info().describe(spPc), at == null ? "" : " at " + at);
        } else if (inStack(sw.sp(), to)) {
            o.printf("  SP       0x%x, already on %s's stack%n", sw.sp(), go.gName(sw.to()));
        } else {
            o.printf("  SP       0x%x (not yet on %s's stack)%n", sp, go.gName(sw.to()));
        }
    }

    private static boolean inStack(long sp, GoRuntime.G g) {
        return Long.compareUnsigned(sp, g.stackLo()) >= 0 && Long.compareUnsigned(sp, g.stackHi()) <= 0;
    }
}
