package gmpvm.cli.debug;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Breakpoint;
import gmpvm.emulator.debug.Catchpoint;
import gmpvm.emulator.debug.Hook;
import gmpvm.emulator.debug.Stoppoint;
import gmpvm.emulator.debug.Watchpoint;
import gmpvm.emulator.kernel.Signals;
import gmpvm.emulator.kernel.Syscalls;
import gmpvm.loader.debug.DebugInfo;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** break, tbreak, delete, watch, catch, enable/disable, info breakpoints. */
final class StoppointCommands {
    private static final Pattern CONDITION = Pattern.compile("\\$(\\w+)\\s*(==|!=|<=|>=|<|>)\\s*(.+)");

    private StoppointCommands() {
    }

    static void register(CommandTable t) {
        t.add("break", List.of("b", "br"), "break [LOCATION] [if $REG OP VALUE]",
                "Set a breakpoint at *ADDR, a symbol (runtime.gogo or runtime·gogo), FILE:LINE, or the current PC.",
                (s, a) -> breakpoint(s, a, false));
        t.add("tbreak", List.of(), "tbreak [LOCATION] [if $REG OP VALUE]", "Set a breakpoint that is deleted when it stops the program.",
                (s, a) -> breakpoint(s, a, true));
        t.add("delete", List.of("d"), "delete [N...]", "Delete the given breakpoints, watchpoints and catchpoints (all without N).",
                StoppointCommands::delete);
        t.add("disable", List.of(), "disable N...", "Disable stoppoints.", (s, a) -> enable(s, a, false));
        t.add("enable", List.of(), "enable N...", "Enable stoppoints.", (s, a) -> enable(s, a, true));
        t.add("watch", List.of(), "watch[/b|h|w|g] EXPR",
                "Stop after any instruction or system call changes the bytes at EXPR (8 by default): *ADDR, a symbol, an address expression.",
                StoppointCommands::watch);
        t.add("catch syscall", List.of(), "catch syscall [NAME|NR]...", "Stop at the entry and return of system calls.",
                StoppointCommands::catchSyscall);
        t.add("catch signal", List.of(), "catch signal [SIGNAL]", "Stop before a signal is delivered.",
                (s, a) -> {
                    int sig = Catchpoint.ANY;
                    if (!a.isBlank()) {
                        sig = a.strip().matches("\\d+") ? Integer.parseInt(a.strip()) : Signals.number(a.strip().toUpperCase());
                        if (sig <= 0) {
                            throw new IllegalArgumentException("Unknown signal name '" + a.strip() + "'.");
                        }
                    }
                    Catchpoint c = s.engine().catchSignal(sig);
                    s.out().println("Catchpoint " + c.id() + " (signal " + (sig == Catchpoint.ANY ? "any" : Signals.name(sig)) + ")");
                });
        t.add("catch thread", List.of(), "catch thread", "Stop when a thread is created or exits.",
                (s, a) -> s.out().println("Catchpoint " + s.engine().catchThreads().id() + " (thread)"));
        t.add("catch switch", List.of(), "catch switch",
                "Stop at every context switch (the g in an M's TLS changes) and show the before/after card.",
                (s, a) -> s.out().println("Catchpoint " + GoCommands.catchSwitch(s).id() + " (context switch)"));
        t.add("info breakpoints", List.of("info break", "info b", "i b", "info watchpoints"), "info breakpoints",
                "List breakpoints, watchpoints and catchpoints with their hit counts.", StoppointCommands::info);
    }

    private static void breakpoint(Session s, String a, boolean temporary) {
        String loc = a;
        String cond = null;
        Matcher m = Pattern.compile("(.*?)\\s*\\bif\\b\\s*(.*)").matcher(a);
        if (m.matches()) {
            loc = m.group(1);
            cond = m.group(2).strip();
        }
        long addr = loc.isBlank() ? s.thread().cpu().rip : s.info().resolve(loc);
        Predicate<CpuState> p = cond == null ? null : condition(s, cond);
        Breakpoint b = s.engine().breakAt(addr);
        b.setTemporary(temporary);
        if (p != null) {
            b.setCondition(cond, p);
            s.engine().rearm();
        }
        String where = s.info().shortLine(addr);
        s.out().printf("%s %d at 0x%x: %s%s%n", temporary ? "Temporary breakpoint" : "Breakpoint", b.id(), addr,
                s.info().describe(addr), where == null ? "" : " (" + where + ")");
    }

    /** {@code $reg OP value}: compared as signed 64-bit numbers. */
    static Predicate<CpuState> condition(Session s, String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("A condition is $REGISTER OP VALUE (OP one of == != < > <= >=), not \"" + text + "\".");
        }
        String reg = m.group(1);
        int r = Session.registerNumber(reg);
        boolean pc = reg.equals("pc") || reg.equals("rip");
        if (r < 0 && !pc && !reg.equals("sp") && !reg.equals("fp")) {
            throw new IllegalArgumentException("Invalid register `" + reg + "'.");
        }
        int idx = reg.equals("sp") ? CpuState.RSP : reg.equals("fp") ? CpuState.RBP : r;
        long v = s.eval(m.group(3));
        String op = m.group(2);
        return c -> {
            long x = pc ? c.rip : c.r[idx];
            return switch (op) {
                case "==" -> x == v;
                case "!=" -> x != v;
                case "<" -> x < v;
                case ">" -> x > v;
                case "<=" -> x <= v;
                default -> x >= v;
            };
        };
    }

    private static void delete(Session s, String a) {
        if (a.isBlank()) {
            s.engine().deleteAll();
            return;
        }
        for (String w : a.strip().split("\\s+")) {
            int id = id(w);
            if (!s.engine().delete(id)) {
                s.out().println("No breakpoint number " + id + ".");
            }
        }
    }

    private static void enable(Session s, String a, boolean on) {
        for (String w : a.strip().split("\\s+")) {
            int id = id(w);
            if (!s.engine().setEnabled(id, on)) {
                s.out().println("No breakpoint number " + id + ".");
            }
        }
    }

    private static int id(String w) {
        try {
            int id = Integer.parseInt(w);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Convenience variable must have integer value.\nBad breakpoint argument: '" + w + "'");
        }
    }

    private static void watch(Session s, String a) {
        int len = 8;
        String expr = a.strip();
        if (expr.startsWith("/")) {
            int sp = expr.indexOf(' ');
            String f = sp < 0 ? expr.substring(1) : expr.substring(1, sp);
            len = switch (f) {
                case "b" -> 1;
                case "h" -> 2;
                case "w" -> 4;
                case "g" -> 8;
                default -> throw new IllegalArgumentException("A watchpoint's size is /b, /h, /w or /g, not /" + f + ".");
            };
            expr = sp < 0 ? "" : expr.substring(sp + 1).strip();
        }
        if (expr.isEmpty()) {
            throw new IllegalArgumentException("Argument required (expression to compute).");
        }
        String at = expr.startsWith("*") ? expr.substring(1) : expr;
        long addr = s.eval(at);
        try {
            s.machine().memory().read8(addr);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("Cannot access memory at address 0x%x", addr));
        }
        Watchpoint w = s.engine().watch(addr, len, expr);
        s.out().printf("Watchpoint %d: %s (%d bytes at 0x%x)%n", w.id(), expr, len, addr);
    }

    private static void catchSyscall(Session s, String a) {
        if (a.isBlank()) {
            Catchpoint c = s.engine().catchSyscall(Catchpoint.ANY);
            s.out().println("Catchpoint " + c.id() + " (any syscall)");
            return;
        }
        for (String w : a.strip().split("\\s+")) {
            int nr = w.matches("\\d+") ? Integer.parseInt(w) : Syscalls.number(w);
            if (nr < 0) {
                throw new IllegalArgumentException("Unknown syscall name '" + w + "'.");
            }
            Catchpoint c = s.engine().catchSyscall(nr);
            s.out().println("Catchpoint " + c.id() + " (syscall '" + Syscalls.name(nr) + "' [" + nr + "])");
        }
    }

    private static void info(Session s, String a) {
        List<Stoppoint> ps = s.engine().stoppoints();
        if (ps.isEmpty()) {
            s.out().println("No breakpoints or watchpoints.");
            return;
        }
        s.out().println("Num     Type           Disp Enb Address            What");
        for (Stoppoint p : ps) {
            String type;
            String addr = "";
            String what;
            if (p instanceof Breakpoint b) {
                type = "breakpoint";
                addr = String.format("0x%016x", b.address());
                String where = s.info().shortLine(b.address());
                what = s.info().describe(b.address()) + (where == null ? "" : " at " + where);
            } else if (p instanceof Watchpoint w) {
                type = "watchpoint";
                what = w.expression();
            } else if (p instanceof Catchpoint c) {
                type = "catchpoint";
                what = switch (c.kind()) {
                    case SYSCALL -> c.number() == Catchpoint.ANY ? "syscall \"<any syscall>\"" : "syscall \"" + Syscalls.name(c.number()) + "\"";
                    case SIGNAL -> c.number() == Catchpoint.ANY ? "<any signal>" : Signals.name(c.number());
                    case THREAD -> "thread created or exited";
                };
            } else {
                type = "catchpoint";
                what = ((Hook) p).description();
            }
            s.out().printf("%-7d %-14s %-4s %-3s %-18s %s%n", p.id(), type, p.temporary() ? "del" : "keep",
                    p.enabled() ? "y" : "n", addr, what);
            if (p instanceof Breakpoint b && b.conditionText() != null) {
                s.out().println("\tstop only if " + b.conditionText());
            }
            if (p.hits() > 0) {
                s.out().println("\t" + (p instanceof Breakpoint ? "breakpoint" : "catchpoint") + " already hit " + p.hits()
                        + (p.hits() == 1 ? " time" : " times"));
            }
        }
    }

    static long parse(String n) {
        return DebugInfo.parseNumber(n);
    }
}
