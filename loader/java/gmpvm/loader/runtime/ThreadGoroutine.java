package gmpvm.loader.runtime;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import gmpvm.loader.elf.Symbol;
import gmpvm.loader.elf.SymbolTable;

/**
 * Names what an emulated thread is doing in Go's terms: the M it is (m.id), and the goroutine it
 * runs, {@code m.curg} with its goid and start function, or g0 while the M schedules (the
 * current g, read from TLS at FS:-8 as on linux/amd64, is then m.g0). Every offset comes from
 * the program's {@link RuntimeLayout} (go_asm.h for gmpvm's runtime, the DWARF for Go's). A thread with no g yet (before the runtime set its TLS)
 * or one whose structures cannot be read is described as such, never guessed.
 */
public final class ThreadGoroutine {
    private final RuntimeLayout layout;
    private final SymbolTable symbols;

    public ThreadGoroutine(RuntimeLayout layout, SymbolTable symbols) {
        this.layout = layout;
        this.symbols = symbols;
    }

    /**
     * For example {@code M2: G7 main.worker}, {@code M0: g0} or {@code no g (TLS not set)}. A
     * new thread runs on its parent's TLS until it sets its own (as clone's child does in Go):
     * the M found there then belongs to another thread (its m.procid is another tid), and the
     * thread is described as starting.
     */
    public String describe(GuestMemory mem, CpuState cpu, int tid) {
        if (cpu.fsBase == 0) {
            return "no g (TLS not set)";
        }
        try {
            long g = mem.read64(cpu.fsBase - 8);
            if (g == 0) {
                return "no g";
            }
            long m = mem.read64(g + layout.get("g_m"));
            if (m == 0) {
                return "G" + mem.read64(g + layout.get("g_goid")) + " (no m)";
            }
            long procid = mem.read64(m + layout.get("m_procid"));
            if (procid != 0 && procid != tid) {
                return "new thread (TLS not set yet)";
            }
            String mName = "M" + mem.read64(m + layout.get("m_id"));
            long curg = mem.read64(m + layout.get("m_curg"));
            long g0 = mem.read64(m + layout.get("m_g0"));
            if (g == g0 || curg == 0) {
                return mName + ": g0";
            }
            return mName + ": G" + mem.read64(curg + layout.get("g_goid")) + startName(mem, curg);
        } catch (MemoryFault f) {
            return "g unreadable";
        }
    }

    /** " main.worker" from g.startpc, in Go's spelling; empty when unknown. */
    private String startName(GuestMemory mem, long g) {
        long pc = mem.read64(g + layout.get("g_startpc"));
        Symbol s = pc == 0 ? null : symbols.lookup(pc);
        return s == null ? "" : " " + s.name().replace('·', '.');
    }
}
