package gmpvm.loader.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.runtime.RuntimeLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Go runtime's structures out of guest memory — g, m, p, schedt, hchan, sudog, _defer,
 * _panic — through the program's {@link RuntimeLayout} (gmpvm's runtime: go_asm.h, the offsets
 * its own code uses; a binary built by Go's toolchain: the offsets and sizes its DWARF gives;
 * never typed here) and the runtime's globals found by symbol ({@code runtime.allgs},
 * {@code runtime.allm}, {@code runtime.allp}, {@code runtime.sched}). A field is read at the
 * width the layout gives it, else at the width gmpvm's runtime uses. Every read is of the
 * machine as it stands; nothing is cached between calls.
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
    /** Go's allp is a slice (pointer, length, capacity); gmpvm's an array of _MaxGomaxprocs pointers. */
    private final boolean allpSlice;
    /** Go's words for g statuses, P statuses and wait reasons, by number (from the layout's constants). */
    private final Map<Long, String> gStatusWords, pStatusWords, waitReasonWords;

    public GoRuntime(GuestMemory mem, DebugInfo info) {
        this.mem = mem;
        this.info = info;
        this.layout = info.runtimeLayout();
        this.allpSlice = layout.variableType("runtime.allp").map(t -> t.startsWith("[]")).orElse(false);
        this.gStatusWords = words("_G[a-z]\\w*", n -> n.substring(2).replace("_unused", ""));
        this.pStatusWords = words("_P[a-z]\\w*", n -> n.substring(2));
        this.waitReasonWords = words("waitReason\\w+", WaitReasons::text);
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

    /**
     * The field name of the struct at base, read at the width the layout gives it (1, 2, 4 or 8
     * bytes), else at width (gmpvm's runtime's).
     */
    long f(long base, String name, int width) {
        long size = layout.size(name).orElse(width);
        long a = base + off(name);
        return switch ((int) size) {
            case 1 -> u8(a);
            case 2 -> mem.read16(a) & 0xffffL;
            case 4 -> u32(a);
            default -> u64(a);
        };
    }

    /** As {@link #f}, or -1 when this runtime has no such field (Go 1.19's _defer has no siz). */
    long fOpt(long base, String name, int width) {
        return layout.find(name).isPresent() ? f(base, name, width) : -1;
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
        long sched = addr + off("g_sched");
        return new G(addr, f(addr, "g_goid", 8), f(addr, "g_atomicstatus", 4), (int) f(addr, "g_waitreason", 1),
                f(addr, "g_m", 8), f(addr, "g_stack_lo", 8), f(addr, "g_stack_hi", 8), f(addr, "g_stackguard0", 8),
                f(sched, "gobuf_sp", 8), f(sched, "gobuf_pc", 8), f(sched, "gobuf_bp", 8), f(addr, "g__defer", 8),
                f(addr, "g__panic", 8), f(addr, "g_startpc", 8), f(addr, "g_gopc", 8));
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

    /**
     * Go's word for a status: {@code runnable}, {@code waiting}…; a scan bit shows as
     * {@code scan}. The words are the layout's {@code _Gword} constants (not Go's {@code _GCoff}
     * and kin, which name GC phases).
     */
    public String statusName(long status) {
        long scan = status & 0x1000;
        String n = gStatusWords.get(status & ~0x1000L);
        return n == null ? "status " + status : (scan != 0 ? "scan" : "") + n;
    }

    /** Go's text for a wait reason (runtime2.go's waitReasonStrings), found by the layout's name for the number. */
    public String waitReason(int reason) {
        String n = waitReasonWords.get((long) reason);
        return n == null ? "wait reason " + reason : n;
    }

    /**
     * The words for the numbers of the layout's constants whose names match pattern (the first
     * name for a number wins), as word makes them of the names.
     */
    private Map<Long, String> words(String pattern, java.util.function.Function<String, String> word) {
        Map<Long, String> out = new java.util.HashMap<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        for (Map.Entry<String, Long> e : layout.all().entrySet()) {
            if (p.matcher(e.getKey()).matches()) {
                out.putIfAbsent(e.getValue(), word.apply(e.getKey()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ m

    /** An M's fields. {@code procid} is its thread id. */
    public record M(long addr, long id, long procid, long g0, long gsignal, long curg, long p, long nextp, long oldp,
                    boolean spinning, boolean blocked, long locks, long lockedg, long alllink, long schedlink) {
    }

    public M m(long addr) {
        return new M(addr, f(addr, "m_id", 8), f(addr, "m_procid", 8), f(addr, "m_g0", 8), f(addr, "m_gsignal", 8),
                f(addr, "m_curg", 8), f(addr, "m_p", 8), f(addr, "m_nextp", 8), f(addr, "m_oldp", 8),
                f(addr, "m_spinning", 1) != 0, f(addr, "m_blocked", 1) != 0, f(addr, "m_locks", 4),
                f(addr, "m_lockedg", 8), f(addr, "m_alllink", 8), f(addr, "m_schedlink", 8));
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
                long m = f(g, "g_m", 8);
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
        long head = f(addr, "p_runqhead", 4);
        long tail = f(addr, "p_runqtail", 4);
        List<Long> q = new ArrayList<>();
        long size = off("runqSize");
        for (long k = head; k != tail && q.size() < size; k = (k + 1) & 0xffffffffL) {
            long g = u64(addr + off("p_runq") + 8 * (k % size));
            q.add(g == 0 ? 0 : g(g).goid());
        }
        long runnext = f(addr, "p_runnext", 8);
        return new P(addr, f(addr, "p_id", 4), f(addr, "p_status", 4), f(addr, "p_m", 8), f(addr, "p_schedtick", 4),
                f(addr, "p_syscalltick", 4), head, tail, q, runnext == 0 ? 0 : g(runnext).goid(), f(addr, "p_gFree_n", 8),
                f(addr, "p_link", 8));
    }

    /** Go's word for a P status: {@code idle}, {@code running}… */
    public String pStatusName(long status) {
        String n = pStatusWords.get(status);
        return n == null ? "status " + status : n;
    }

    /** allp[0..gomaxprocs). */
    public List<P> allPs() {
        List<P> out = new ArrayList<>();
        for (long p : allpEntries()) {
            if (p != 0) {
                out.add(p(p));
            }
        }
        return out;
    }

    /** The P pointers allp[0..gomaxprocs), 0 for an empty slot; read from Go's slice or gmpvm's array. */
    public long[] allpEntries() {
        long n = u32(gomaxprocs); // Go's is an int32; gmpvm's a word holding a small number
        long base = allp;
        long cap = layout.find("_MaxGomaxprocs").orElse(1024);
        if (allpSlice) {
            base = u64(allp);
            cap = Math.min(u64(allp + 8), 1024);
        }
        int len = (int) Math.max(0, Math.min(n, cap));
        long[] out = new long[len];
        for (int k = 0; k < len; k++) {
            out[k] = u64(base + 8L * k);
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
        for (long m = f(s, "schedt_midle", 8); m != 0 && midle.size() < 10_000; m = f(m, "m_schedlink", 8)) {
            midle.add(f(m, "m_id", 8));
        }
        List<Long> pidle = new ArrayList<>();
        for (long p = f(s, "schedt_pidle", 8); p != 0 && pidle.size() < 10_000; p = f(p, "p_link", 8)) {
            pidle.add(f(p, "p_id", 4));
        }
        List<Long> runq = new ArrayList<>();
        for (long g = f(s, "schedt_runq_head", 8); g != 0 && runq.size() < 1_000_000; g = f(g, "g_schedlink", 8)) {
            runq.add(f(g, "g_goid", 8));
        }
        return new Sched(f(s, "schedt_goidgen", 8), midle, f(s, "schedt_nmidle", 4), pidle, f(s, "schedt_npidle", 4),
                f(s, "schedt_nmspinning", 4), fOpt(s, "schedt_needspinning", 4), runq, f(s, "schedt_runqsize", 8),
                f(s, "schedt_gFree_n", 8), f(s, "schedt_sysmonwait", 4), f(s, "schedt_lastpoll", 8), f(s, "schedt_nmsys", 4));
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
        return new Chan(addr, f(addr, "hchan_qcount", 8), f(addr, "hchan_dataqsiz", 8), f(addr, "hchan_buf", 8),
                f(addr, "hchan_elemsize", 4), f(addr, "hchan_closed", 4) != 0, f(addr, "hchan_sendx", 8),
                f(addr, "hchan_recvx", 8), waitq(addr + off("hchan_recvq")), waitq(addr + off("hchan_sendq")));
    }

    private List<Waiter> waitq(long q) {
        List<Waiter> out = new ArrayList<>();
        for (long sg = f(q, "waitq_first", 8); sg != 0 && out.size() < 100_000; sg = f(sg, "sudog_next", 8)) {
            long g = f(sg, "sudog_g", 8);
            out.add(new Waiter(sg, g == 0 ? 0 : f(g, "g_goid", 8), f(sg, "sudog_elem", 8)));
        }
        return out;
    }

    // ------------------------------------------------------------------ defers and panics

    /** A _defer record: its frame's sp, the deferred call's pc and fn, started, the panic running it (siz: -1 if the runtime has none). */
    public record Defer(long addr, long siz, boolean started, long sp, long pc, long fn, long panic) {
    }

    /** g._defer, newest first. */
    public List<Defer> defers(G g) {
        List<Defer> out = new ArrayList<>();
        for (long d = g.defer(); d != 0 && out.size() < 100_000; d = f(d, "_defer_link", 8)) {
            out.add(new Defer(d, fOpt(d, "_defer_siz", 4), f(d, "_defer_started", 1) != 0, f(d, "_defer_sp", 8),
                    f(d, "_defer_pc", 8), f(d, "_defer_fn", 8), f(d, "_defer__panic", 8)));
        }
        return out;
    }

    /** A _panic record: its argument (type word and data word), recovered and aborted. */
    public record Panic(long addr, long argType, long argData, boolean recovered, boolean aborted) {
    }

    /** g._panic, newest first. */
    public List<Panic> panics(G g) {
        List<Panic> out = new ArrayList<>();
        for (long p = g.panic(); p != 0 && out.size() < 100_000; p = f(p, "_panic_link", 8)) {
            out.add(new Panic(p, f(p, "_panic_arg_type", 8), f(p, "_panic_arg_data", 8), f(p, "_panic_recovered", 1) != 0,
                    f(p, "_panic_aborted", 1) != 0));
        }
        return out;
    }

    /** The DebugInfo this view names symbols with. */
    public DebugInfo info() {
        return info;
    }
}
