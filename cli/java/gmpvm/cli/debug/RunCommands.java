package gmpvm.cli.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import gmpvm.emulator.debug.Breakpoint;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.loader.asm.LineTable;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.elf.Symbol;
import java.util.List;
import java.util.Objects;

/** Commands that run the program: stepping by instruction and by source line, continue, finish, until. */
final class RunCommands {
    /** Instructions {@code step}/{@code next} run at most looking for the next line. */
    static final long LINE_STEP_LIMIT = 1_000_000;

    private RunCommands() {
    }

    static void register(CommandTable t) {
        t.add("stepi", List.of("si"), "stepi [N]", "Step N instructions (1 by default) on the selected thread.",
                (s, a) -> stepi(s, count(a)));
        t.add("nexti", List.of("ni"), "nexti [N]", "Step N instructions, running called functions through.",
                (s, a) -> nexti(s, count(a)));
        t.add("step", List.of("s"), "step [N]", "Step to the next source line (.s, .go, .c), into called functions.",
                (s, a) -> lines(s, count(a), false));
        t.add("next", List.of("n"), "next [N]", "Step to the next source line, running called functions through.",
                (s, a) -> lines(s, count(a), true));
        t.add("continue", List.of("c"), "continue", "Run until a breakpoint, watchpoint or catchpoint, or the end.",
                (s, a) -> {
                    s.requireRunning();
                    s.report(s.engine().cont());
                });
        t.add("run", List.of("r"), "run", "Start the program (it is loaded, stopped at its first instruction) and continue.",
                (s, a) -> {
                    if (s.started()) {
                        throw new IllegalArgumentException("The program being debugged has been started already.");
                    }
                    s.report(s.engine().cont());
                });
        t.add("finish", List.of("fin"), "finish", "Run until the current function returns (found by the frame-pointer chain).",
                RunCommands::finish);
        t.add("until", List.of("u"), "until [LOCATION]",
                "Without LOCATION, next, but never stop at a jump back (leave a loop); with one, run to it or to the return.",
                RunCommands::until);
        t.add("quit", List.of("q"), "quit", "End the session.", (s, a) -> s.quit());
    }

    static long count(String a) {
        if (a.isBlank()) {
            return 1;
        }
        long n;
        try {
            n = Long.parseLong(a.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number \"" + a.strip() + "\".");
        }
        if (n < 1) {
            throw new IllegalArgumentException("The count must be at least 1.");
        }
        return n;
    }

    static void stepi(Session s, long n) {
        s.requireRunning();
        s.report(s.engine().stepInstructions(s.thread(), n));
    }

    /** The decoded instruction at the thread's PC, or null. */
    static Insn insnAt(Session s, long pc) {
        Disassembler.Line l = s.info().instruction(s.machine().memory(), pc, s.syntax());
        return l == null ? null : l.insn();
    }

    /** One instruction, running a CALL through to its return; a user stop inside ends it early (returned). */
    private static StopEvent overOne(Session s, GuestThread t) {
        CpuState c = t.cpu();
        Insn i = insnAt(s, c.rip);
        if (i == null || i.op != Op.CALL) {
            return s.engine().stepInstructions(t, 1);
        }
        long sp = c.r[CpuState.RSP];
        Breakpoint ret = s.engine().internalBreakAt(c.rip + i.len);
        ret.setCondition("return", x -> x == c && x.r[CpuState.RSP] >= sp);
        s.engine().rearm();
        try {
            return s.engine().cont();
        } finally {
            s.engine().delete(ret.id());
        }
    }

    static void nexti(Session s, long n) {
        s.requireRunning();
        GuestThread t = s.thread();
        StopEvent e = null;
        for (long k = 0; k < n; k++) {
            e = overOne(s, t);
            if (userStop(e, t)) {
                break;
            }
        }
        s.report(e);
    }

    /** Whether a stop ends a multi-step command: the process ended, or a user stoppoint fired, or another thread stopped. */
    static boolean userStop(StopEvent e, GuestThread t) {
        if (e.exited()) {
            return true;
        }
        if (e.point() != null && e.point().id() > 0) {
            return true;
        }
        return e.reason() == StopEvent.Reason.INTERRUPT;
    }

    /** step/next: run the thread until its .s line changes (a line with no source does not count). */
    static void lines(Session s, long n, boolean over) {
        s.requireRunning();
        GuestThread t = s.thread();
        StopEvent e = null;
        for (long k = 0; k < n; k++) {
            e = toNextLine(s, t, over, false);
            if (userStop(e, t)) {
                break;
            }
        }
        s.report(e);
    }

    private static StopEvent toNextLine(Session s, GuestThread t, boolean over, boolean forwardOnly) {
        long startPc = t.cpu().rip;
        LineTable.Line start = s.info().line(startPc);
        Symbol fn = s.info().symbolAt(startPc);
        long begin = s.machine().retired();
        StopEvent e;
        while (true) {
            e = over ? overOne(s, t) : s.engine().stepInstructions(t, 1);
            if (userStop(e, t)) {
                return e;
            }
            long pc = t.cpu().rip;
            LineTable.Line now = s.info().line(pc);
            boolean sameFn = Objects.equals(fn, s.info().symbolAt(pc));
            if (now != null && !now.equals(start) && !(forwardOnly && sameFn && pc < startPc)) {
                return e;
            }
            if (s.machine().retired() - begin > LINE_STEP_LIMIT) {
                s.out().println("(no new source line after " + LINE_STEP_LIMIT + " instructions: stopped)");
                return e;
            }
        }
    }

    /** The return address and the SP just above it for the selected thread's current function (frame-pointer chain). */
    static long[] returnFrame(Session s, GuestThread t) {
        CpuState c = t.cpu();
        Symbol fn = s.info().symbolAt(c.rip);
        if (fn != null && c.rip == fn.value()) {
            long sp = c.r[CpuState.RSP];
            return new long[] {s.read64(sp), sp + 8};
        }
        long bp = c.r[CpuState.RBP];
        if (bp == 0) {
            throw new IllegalArgumentException("\"finish\" not meaningful in the outermost frame.");
        }
        return new long[] {s.read64(bp + 8), bp + 16};
    }

    static void finish(Session s, String a) {
        s.requireRunning();
        GuestThread t = s.thread();
        long[] rf = returnFrame(s, t);
        s.out().println("Run till exit from " + s.info().describe(t.cpu().rip));
        StopEvent e = runToReturn(s, t, rf, -1);
        s.report(e);
    }

    /** Continues until t returns to rf (or reaches extra, if not -1). */
    private static StopEvent runToReturn(Session s, GuestThread t, long[] rf, long extra) {
        CpuState c = t.cpu();
        Breakpoint ret = s.engine().internalBreakAt(rf[0]);
        ret.setCondition("return", x -> x == c && x.r[CpuState.RSP] >= rf[1]);
        Breakpoint to = null;
        if (extra >= 0) {
            to = s.engine().internalBreakAt(extra);
            to.setCondition("thread", x -> x == c);
        }
        s.engine().rearm();
        try {
            return s.engine().cont();
        } finally {
            s.engine().delete(ret.id());
            if (to != null) {
                s.engine().delete(to.id());
            }
        }
    }

    static void until(Session s, String a) {
        s.requireRunning();
        GuestThread t = s.thread();
        if (a.isBlank()) {
            s.report(toNextLine(s, t, true, true));
            return;
        }
        long addr = s.info().resolve(a);
        long[] rf;
        try {
            rf = returnFrame(s, t);
        } catch (IllegalArgumentException e) {
            rf = new long[] {-1, 0};
        }
        s.report(runToReturn(s, t, rf, addr));
    }
}
