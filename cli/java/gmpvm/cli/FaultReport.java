package gmpvm.cli;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.kernel.Signals;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.elf.SymbolTable;

/**
 * The one-line reports printed when a run does not end with exit(2): what happened, in which
 * thread (with its M and goroutine when the program runs gmpvm's runtime), where (symbol+offset
 * and, for a .s program, the source line) and which instruction:
 * <pre>
 * gmpvm: SIGSEGV (address 0x0, SEGV_MAPERR) in thread 1000 at rip 0x401136 &lt;main+0x16&gt;: 8b 00  mov eax,DWORD PTR [rax]
 * gmpvm: instruction limit reached (100000 instructions) in thread 1000 (M0), G1 at rip 0x406340 &lt;main.main+0x8&gt; (spin.s:5): eb fe  jmp 0x406340
 * </pre>
 * For SIGTRAP raised by INT3 the reported RIP is the INT3 itself (the CPU has moved past it).
 */
final class FaultReport {
    /** What is known of the program beyond its symbols: the line table and the runtime's structures. */
    record Program(SymbolTable symbols, DebugInfo info, GoRuntime go) {
    }

    private FaultReport() {
    }

    /**
     * The report for an outcome that needs one (a fatal signal, a deadlock, a limit), else null.
     * The program's debug information is read only then (for a Go binary that means its DWARF).
     */
    static String describe(Outcome o, Machine m, java.util.function.Supplier<Program> program, InstructionText text) {
        switch (o.kind()) {
            case SIGNALED: {
                Program p = program.get();
                if (o.code() <= 0) {
                    // sent by kill/tkill/tgkill, not raised by an instruction
                    return String.format("killed by %s (sent with %s) in %s at %s", Signals.name(o.signal()),
                            o.code() == -6 ? "tkill/tgkill" : "kill", who(m, p, o.tid()), where(m, p, text, o.rip(), false));
                }
                long rip = o.rip();
                if (o.signal() == Signals.SIGTRAP && rip != 0 && peekByte(m.memory(), rip - 1) == 0xcc) {
                    rip--;
                }
                return String.format("%s (address 0x%x, %s) in %s at %s", Signals.name(o.signal()), o.address(),
                        Signals.codeName(o.signal(), o.code()), who(m, p, o.tid()), where(m, p, text, rip, true));
            }
            case DEADLOCK:
                return deadlock(m, program.get(), text);
            case INSN_LIMIT: {
                Program p = program.get();
                return String.format("instruction limit reached (%d instructions) in %s at %s", o.retired(),
                        who(m, p, o.tid()), where(m, p, text, o.rip(), true));
            }
            case TIME_LIMIT:
                return String.format("time limit reached (--timeout) after %d instructions", o.retired());
            case OUTPUT_LIMIT:
                return String.format("output limit reached (--max-output: the guest wrote %d bytes) after %d instructions",
                        m.kernel().stdio().written(), o.retired());
            default:
                return null;
        }
    }

    /** "thread 1000 (M0), G1", or "thread 1000" without the runtime. */
    private static String who(Machine m, Program p, int tid) {
        for (gmpvm.emulator.GuestThread t : m.threads()) {
            if (t.tid() == tid) {
                return GoRuntime.who(p.go(), t);
            }
        }
        return "thread " + tid;
    }

    /** Every thread sleeps and nothing can wake one: say so, one line per thread and what it waits on. */
    private static String deadlock(Machine m, Program p, InstructionText text) {
        StringBuilder sb = new StringBuilder("deadlock: every thread is blocked and no timer is pending");
        for (gmpvm.emulator.GuestThread t : m.threads()) {
            if (t.exited()) {
                continue;
            }
            gmpvm.emulator.GuestThread.Wait w = t.waiting();
            sb.append(String.format("%n  thread %d waits in %s at %s", t.tid(), w == null ? "?" : w.what(),
                    where(m, p, text, t.cpu().rip, false)));
        }
        return sb.toString();
    }

    /** "rip 0x… &lt;sym+0xoff&gt; (file.s:LINE): bytes insn" */
    static String where(Machine m, Program p, InstructionText text, long rip, boolean withInsn) {
        StringBuilder sb = new StringBuilder(String.format("rip 0x%x", rip));
        String sym = p.symbols().describe(rip);
        if (sym != null) {
            sb.append(" <").append(sym).append('>');
        }
        String line = p.info() == null ? null : p.info().shortLine(rip);
        if (line != null) {
            sb.append(" (").append(line).append(')');
        }
        if (withInsn) {
            String insn = null;
            try {
                Insn i = m.memory().protAt(rip) < 0 ? null : m.interpreter().decodeAt(rip);
                insn = text.describe(m.memory(), rip, i);
            } catch (RuntimeException e) {
                insn = null;
            }
            if (insn != null) {
                sb.append(": ").append(insn);
            }
        }
        return sb.toString();
    }

    private static int peekByte(GuestMemory mem, long addr) {
        try {
            return mem.peek(addr, 1)[0] & 0xff;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
