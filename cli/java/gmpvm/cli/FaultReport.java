package gmpvm.cli;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.kernel.Signals;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.elf.SymbolTable;

/**
 * The one-line reports printed when a run does not end with exit(2):
 * <pre>
 * gmpvm: SIGSEGV (address 0x0, SEGV_MAPERR) at rip 0x401136 &lt;main+0x16&gt;: 8b 00
 * gmpvm: instruction limit reached (1000000 instructions) at rip 0x401000 &lt;_start&gt;
 * </pre>
 * For SIGTRAP raised by INT3 the reported RIP is the INT3 itself (the CPU has moved past it).
 */
final class FaultReport {
    private FaultReport() {
    }

    static String describe(Outcome o, Machine m, SymbolTable symbols, InstructionText text) {
        switch (o.kind()) {
            case SIGNALED: {
                if (o.code() <= 0) {
                    // sent by kill/tkill/tgkill, not raised by an instruction
                    return String.format("killed by %s (sent with %s) in thread %d at %s", Signals.name(o.signal()),
                            o.code() == -6 ? "tkill/tgkill" : "kill", o.tid(), where(m, symbols, text, o.rip(), false));
                }
                long rip = o.rip();
                if (o.signal() == Signals.SIGTRAP && rip != 0 && peekByte(m.memory(), rip - 1) == 0xcc) {
                    rip--;
                }
                return String.format("%s (address 0x%x, %s) at %s", Signals.name(o.signal()), o.address(),
                        Signals.codeName(o.signal(), o.code()), where(m, symbols, text, rip, true));
            }
            case DEADLOCK:
                return deadlock(m, symbols, text);
            case INSN_LIMIT:
                return String.format("instruction limit reached (%d instructions) at %s", o.retired(),
                        where(m, symbols, text, o.rip(), false));
            default:
                return null;
        }
    }

    /** Every thread sleeps and nothing can wake one: say so, one line per thread and what it waits on. */
    private static String deadlock(Machine m, SymbolTable symbols, InstructionText text) {
        StringBuilder sb = new StringBuilder("deadlock: every thread is blocked and no timer is pending");
        for (gmpvm.emulator.GuestThread t : m.threads()) {
            if (t.exited()) {
                continue;
            }
            gmpvm.emulator.GuestThread.Wait w = t.waiting();
            sb.append(String.format("%n  thread %d waits in %s at %s", t.tid(), w == null ? "?" : w.what(),
                    where(m, symbols, text, t.cpu().rip, false)));
        }
        return sb.toString();
    }

    /** "rip 0x… &lt;sym+0xoff&gt;: bytes" */
    static String where(Machine m, SymbolTable symbols, InstructionText text, long rip, boolean withInsn) {
        StringBuilder sb = new StringBuilder(String.format("rip 0x%x", rip));
        String sym = symbols.describe(rip);
        if (sym != null) {
            sb.append(" <").append(sym).append('>');
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
