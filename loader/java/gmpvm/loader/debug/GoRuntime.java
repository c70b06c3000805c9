package gmpvm.loader.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.runtime.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the mini Go runtime's structures out of guest memory — g, m, p, schedt, hchan, sudog,
 * _defer, _panic — through go_asm.h's layout ({@link RuntimeLayout}: the offsets the runtime's
 * own code uses, never typed here) and the runtime's globals found by symbol
 * ({@code runtime.allgs}, {@code runtime.allm}, {@code runtime.allp}, {@code runtime.sched}).
 * Every read is of the machine as it stands; nothing is cached between calls.
 */
public final class GoRuntime {
    /** The offset of g in TLS: the current g lives at FS:-8 on linux/amd64. */
    public static final long TLS_G = -8;

    private GuestMemory mem;
    private final RuntimeLayout layout;
    private final DebugInfo info;
    private final long allgs;
    private final long allglen;
    private final long allm;
    private final long allp;
    private final long gomaxprocs;
    private final long sched;

    public GoRuntime(GuestMemory mem, DebugInfo info) {
        this.mem = mem;
        this.info = info;
        try {
            this.layout = RuntimeLayout.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.allgs = info.symbol("runtime.allgs");
        this.allglen = info.symbol("runtime.allglen");
        this.allm = info.symbol("runtime.allm");
        this.allp = info.symbol("runtime.allp");
        this.gomaxprocs = info.symbol("runtime.gomaxprocs");
        this.sched = info.symbol("runtime.sched");
    }

    /** Reads another machine's memory from now on (reverse execution replaced the machine by a replay of it). */
    public void rebind(GuestMemory m) {
        this.mem = m;
    }

    /** Whether the program carries gmpvm's runtime (its globals are there). */
    public boolean present() {
        return allgs > 0 && allm > 0 && allp > 0 && sched > 0;
    }

    public RuntimeLayout layout() {
        return layout;
    }

    long off(String field) {
        return layout.get(field);
    }

    long u64(long addr) {
        return mem.read64(addr);
    }

    long u32(long addr) {
        return mem.read32(addr) & 0xffffffffL;
    }

    int u8(long addr) {
        return mem.read8(addr) & 0xff;
    }

    // ------------------------------------------------------------------ g

    /** A goroutine's fields, as go_asm.h names them. */
    public record G(long addr, long goid, long status, int waitreason, long m, long stackLo, long stackHi,
                    long stackguard0, long schedSp, long schedPc, long schedBp, long defer, long panic,
                    long startpc, long gopc) {
    }

    /** The g in thread t's TLS (FS:-8), or 0 when it has none yet. */
    public long gOf(GuestThread t) {
        long fs = t.cpu().fsBase;
        if (fs == 0) {
            return 0;
        }
        try {
            return mem.read64(fs + TLS_G);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public G g(long addr) {
        return new G(addr, u64(addr + off("g_goid")), u32(addr + off("g_atomicstatus")), u8(addr + off("g_waitreason")),
                u64(addr + off("g_m")), u64(addr + off("g_stack_lo")), u64(addr + off("g_stack_hi")),
                u64(addr + off("g_stackguard0")),
                u64(addr + off("g_sched") + off("gobuf_sp")), u64(addr + off("g_sched") + off("gobuf_pc")),
                u64(addr + off("g_sched") + off("gobuf_bp")), u64(addr + off("g__defer")), u64(addr + off("g__panic")),
                u64(addr + off("g_startpc")), u64(addr + off("g_gopc")));
    }

    /** Every goroutine in allgs, in creation order. */
    public List<G> allGs() {
        List<G> out = new ArrayList<>();
        long base = u64(allgs);
        long n = u64(allglen);
        for (long k = 0; k < n && k < 1_000_000; k++) {
            out.add(g(u64(base + 8 * k)));
        }
        return out;
    }

    /** The goroutine with this goid, or null. */
    public G goroutine(long goid) {
        for (G g : allGs()) {
            if (g.goid() == goid) {
                return g;
            }
        }
        return null;
    }

    /** Whether addr is a g: one in allgs, the runtime's g0, or an M's g0 or gsignal. */
    public boolean isG(long addr) {
        if (addr == 0) {
            return false;
        }
        try {
            if (addr == info.symbol("runtime.g0")) {
                return true;
            }
            for (M m : allMs()) {
                if (m.g0() == addr || m.gsignal() == addr) {
                    return true;
                }
            }
            long base = u64(allgs);
            long n = u64(allglen);
            for (long k = 0; k < n && k < 1_000_000; k++) {
                if (u64(base + 8 * k) == addr) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    /**
     * {@code thread 1000 (M0), G1}: the thread, its M and the g in its TLS, as stops and reports
     * name where something happened; just {@code thread 1000} while the runtime's structures
     * are not set up (or without gmpvm's runtime).
     */
    public static String who(GoRuntime go, GuestThread t) {
        StringBuilder b = new StringBuilder("thread ").append(t.tid());
        if (go != null && go.present()) {
            try {
                M m = go.mOf(t);
                if (m != null) {
                    b.append(" (M").append(m.id()).append(')');
                }
                long g = go.gOf(t);
                b.append(", ").append(go.isG(g) ? go.gName(g) : "no g");
            } catch (RuntimeException e) {
                // the runtime's structures are not set up yet
            }
        }
        return b.toString();
    }

    /** A g's name for cards: {@code G7}, or {@code g0 of M2}, {@code gsignal of M1}. */
    public String gName(long g) {
        if (g == 0) {
            return "no g";
        }
        for (M m : allMs()) {
            if (m.g0() == g) {
                return "g0 of M" + m.id();
            }
            if (m.gsignal() == g) {
                return "gsignal of M" + m.id();
            }
        }
        try {
            return "G" + g(g).goid();
        } catch (RuntimeException e) {
            return String.format("g 0x%x", g);
        }
    }

    /** Go's word for a status: {@code runnable}, {@code waiting}…; a scan bit shows as {@code scan}. */
    public String statusName(long status) {
        long scan = status & 0x1000;
        long s = status & ~0x1000L;
        for (Map.Entry<String, Long> e : layout.all().entrySet()) {
            if (e.getKey().startsWith("_G") && e.getValue() == s) {
                String n = e.getKey().substring(2).replace("_unused", "");
                return (scan != 0 ? "scan" : "") + n;
            }
        }
        return "status " + status;
    }

    /** Go's text for a wait reason (runtime2.go's waitReasonStrings), found by go_asm.h's name for the number. */
    public String waitReason(int reason) {
        for (Map.Entry<String, Long> e : layout.all().entrySet()) {
            if (e.getKey().startsWith("waitReason") && e.getValue() == reason) {
                return WaitReasons.text(e.getKey());
            }
        }
        return "wait reason " + reason;
    }

    // ------------------------------------------------------------------ m

    /** An M's fields. {@code procid} is its thread id. */
    public record M(long addr, long id, long procid, long g0, long gsignal, long curg, long p, long nextp, long oldp,
                    boolean spinning, boolean blocked, long locks, long lockedg, long alllink, long schedlink) {
    }

    public M m(long addr) {
        return new M(addr, u64(addr + off("m_id")), u64(addr + off("m_procid")), u64(addr + off("m_g0")),
                u64(addr + off("m_gsignal")), u64(addr + off("m_curg")), u64(addr + off("m_p")), u64(addr + off("m_nextp")),
                u64(addr + off("m_oldp")), u8(addr + off("m_spinning")) != 0, u8(addr + off("m_blocked")) != 0,
                u32(addr + off("m_locks")), u64(addr + off("m_lockedg")), u64(addr + off("m_alllink")),
                u64(addr + off("m_schedlink")));
    }

    /** Every M in allm, oldest first (allm links newest first). */
    public List<M> allMs() {
        List<M> out = new ArrayList<>();
        for (long a = u64(allm); a != 0 && out.size() < 100_000; ) {
            M m = m(a);
            out.add(0, m);
            a = m.alllink();
        }
        return out;
    }

    /** The M whose thread is tid, or null. */
    public M mOfThread(int tid) {
        for (M m : allMs()) {
            if (m.procid() == tid) {
                return m;
            }
        }
        return null;
    }

    /** The M a thread runs as: found from the g in its TLS (g.m), else by thread id; null if neither. */
    public M mOf(GuestThread t) {
        long g = gOf(t);
        if (g != 0) {
            try {
                long m = u64(g + off("g_m"));
                if (m != 0) {
                    return m(m);
                }
            } catch (RuntimeException e) {
                // fall back to the thread id
            }
        }
        return mOfThread(t.tid());
    }

    // ------------------------------------------------------------------ p

    /** A P's fields, with its local run queue's goroutine ids in order. */
    public record P(long addr, long id, long status, long m, long schedtick, long syscalltick, long runqhead,
                    long runqtail, List<Long> runq, long runnext, long gFreeN, long link) {
    }

    public P p(long addr) {
        long head = u32(addr + off("p_runqhead"));
        long tail = u32(addr + off("p_runqtail"));
        List<Long> q = new ArrayList<>();
        long size = off("runqSize");
        for (long k = head; k != tail && q.size() < size; k = (k + 1) & 0xffffffffL) {
            long g = u64(addr + off("p_runq") + 8 * (k % size));
            q.add(g == 0 ? 0 : g(g).goid());
        }
        long runnext = u64(addr + off("p_runnext"));
        return new P(addr, u32(addr + off("p_id")), u32(addr + off("p_status")), u64(addr + off("p_m")),
                u32(addr + off("p_schedtick")), u32(addr + off("p_syscalltick")), head, tail, q,
                runnext == 0 ? 0 : g(runnext).goid(), u64(addr + off("p_gFree_n")), u64(addr + off("p_link")));
    }

    /** Go's word for a P status: {@code idle}, {@code running}… */
    public String pStatusName(long status) {
        for (Map.Entry<String, Long> e : layout.all().entrySet()) {
            if (e.getKey().startsWith("_P") && e.getValue() == status) {
                return e.getKey().substring(2);
            }
        }
        return "status " + status;
    }

    /** allp[0..gomaxprocs). */
    public List<P> allPs() {
        List<P> out = new ArrayList<>();
        long n = u64(gomaxprocs);
        for (long k = 0; k < n && k < off("_MaxGomaxprocs"); k++) {
            long p = u64(allp + 8 * k);
            if (p != 0) {
                out.add(p(p));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ sched

    /** schedt: the global run queue (goids), idle M and P lists, spinning counts, sysmon's state. */
    public record Sched(long goidgen, List<Long> midle, long nmidle, List<Long> pidle, long npidle, long nmspinning,
                        long needspinning, List<Long> runq, long runqsize, long gFreeN, long sysmonwait, long lastpoll,
                        long nmsys) {
    }

    public Sched sched() {
        long s = sched;
        List<Long> midle = new ArrayList<>();
        for (long m = u64(s + off("schedt_midle")); m != 0 && midle.size() < 10_000; m = u64(m + off("m_schedlink"))) {
            midle.add(u64(m + off("m_id")));
        }
        List<Long> pidle = new ArrayList<>();
        for (long p = u64(s + off("schedt_pidle")); p != 0 && pidle.size() < 10_000; p = u64(p + off("p_link"))) {
            pidle.add(u32(p + off("p_id")));
        }
        List<Long> runq = new ArrayList<>();
        for (long g = u64(s + off("schedt_runq_head")); g != 0 && runq.size() < 1_000_000; g = u64(g + off("g_schedlink"))) {
            runq.add(u64(g + off("g_goid")));
        }
        return new Sched(u64(s + off("schedt_goidgen")), midle, u32(s + off("schedt_nmidle")), pidle,
                u32(s + off("schedt_npidle")), u32(s + off("schedt_nmspinning")), u32(s + off("schedt_needspinning")),
                runq, u64(s + off("schedt_runqsize")), u64(s + off("schedt_gFree_n")), u32(s + off("schedt_sysmonwait")),
                u64(s + off("schedt_lastpoll")), u32(s + off("schedt_nmsys")));
    }

    // ------------------------------------------------------------------ channels

    /** A goroutine waiting in a channel's queue: its goid and the element pointer. */
    public record Waiter(long sudog, long goid, long elem) {
    }

    /** hchan: count, size, buffer, element size, closed, indices and both wait queues. */
    public record Chan(long addr, long qcount, long dataqsiz, long buf, long elemsize, boolean closed, long sendx,
                       long recvx, List<Waiter> recvq, List<Waiter> sendq) {
    }

    public Chan chan(long addr) {
        return new Chan(addr, u64(addr + off("hchan_qcount")), u64(addr + off("hchan_dataqsiz")), u64(addr + off("hchan_buf")),
                u32(addr + off("hchan_elemsize")), u32(addr + off("hchan_closed")) != 0, u64(addr + off("hchan_sendx")),
                u64(addr + off("hchan_recvx")), waitq(addr + off("hchan_recvq")), waitq(addr + off("hchan_sendq")));
    }

    private List<Waiter> waitq(long q) {
        List<Waiter> out = new ArrayList<>();
        for (long sg = u64(q + off("waitq_first")); sg != 0 && out.size() < 100_000; sg = u64(sg + off("sudog_next"))) {
            long g = u64(sg + off("sudog_g"));
            out.add(new Waiter(sg, g == 0 ? 0 : u64(g + off("g_goid")), u64(sg + off("sudog_elem"))));
        }
        return out;
    }

    // ------------------------------------------------------------------ defers and panics

    /** A _defer record: its frame's sp, the deferred call's pc and fn, started, the panic running it. */
    public record Defer(long addr, long siz, boolean started, long sp, long pc, long fn, long panic) {
    }

    /** g._defer, newest first. */
    public List<Defer> defers(G g) {
        List<Defer> out = new ArrayList<>();
        for (long d = g.defer(); d != 0 && out.size() < 100_000; d = u64(d + off("_defer_link"))) {
            out.add(new Defer(d, u32(d + off("_defer_siz")), u8(d + off("_defer_started")) != 0, u64(d + off("_defer_sp")),
                    u64(d + off("_defer_pc")), u64(d + off("_defer_fn")), u64(d + off("_defer__panic"))));
        }
        return out;
    }

    /** A _panic record: its argument (type word and data word), recovered and aborted. */
    public record Panic(long addr, long argType, long argData, boolean recovered, boolean aborted) {
    }

    /** g._panic, newest first. */
    public List<Panic> panics(G g) {
        List<Panic> out = new ArrayList<>();
        for (long p = g.panic(); p != 0 && out.size() < 100_000; p = u64(p + off("_panic_link"))) {
            out.add(new Panic(p, u64(p + off("_panic_arg_type")), u64(p + off("_panic_arg_data")),
                    u8(p + off("_panic_recovered")) != 0, u8(p + off("_panic_aborted")) != 0));
        }
        return out;
    }

    /** The DebugInfo this view names symbols with. */
    public DebugInfo info() {
        return info;
    }
}
