package gmpvm.cli.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.asm.LineTable;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.disasm.Syntax;
import gmpvm.loader.elf.Symbol;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Registers, memory, disassembly, source, backtrace, threads, displays, help. */
final class ViewCommands {
    private static final String[] FLAG_NAMES = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF"};

    private ViewCommands() {
    }

    static void register(CommandTable t) {
        t.add("info registers", List.of("info reg", "info r", "i r"), "info registers [REG]",
                "Show the selected thread's registers: flags decoded, FS base, and the g in TLS.", ViewCommands::registers);
        t.add("x", List.of(), "x/NFU ADDR",
                "Examine memory: N units of size U (b h w g) shown as F (x d u a c s i). e.g. x/4gx $sp, x/8bx ADDR, x/s ADDR, x/3i $pc.",
                ViewCommands::examine);
        t.add("print", List.of("p"), "print EXPR", "Evaluate an address expression ($reg, symbol, number, *ADDR, + - *).",
                (s, a) -> {
                    long v = s.eval(a);
                    s.out().printf("$ = %d (0x%x)%n", v, v);
                });
        t.add("disassemble", List.of("disas"), "disassemble [LOCATION | START,END | START,+LEN]",
                "Disassemble a function (the current one by default) with FILE:LINE and its source lines.",
                ViewCommands::disassemble);
        t.add("set disassembly-flavor", List.of(), "set disassembly-flavor go|intel", "Choose the syntax of instructions.",
                (s, a) -> {
                    switch (a.strip()) {
                        case "go" -> s.setSyntax(Syntax.GO);
                        case "intel" -> s.setSyntax(Syntax.INTEL);
                        default -> throw new IllegalArgumentException("Undefined item: \"" + a.strip() + "\" (go or intel).");
                    }
                });
        t.add("list", List.of("l"), "list [FILE:LINE | FUNCTION]", "List ten source lines around a place (again: the next ten).",
                ViewCommands::list);
        t.add("directory", List.of("dir"), "directory [DIR...]",
                "Also look for source files in DIR, under the name's tails (Go's example.com/x/main.go as x/main.go).",
                ViewCommands::directory);
        t.add("backtrace", List.of("bt", "where"), "backtrace",
                "The selected thread's frames, by the frame-pointer chain (BP -> saved BP, return address above it).",
                (s, a) -> {
                    CpuState c = s.thread().cpu();
                    backtrace(s, c.rip, c.r[CpuState.RSP], c.r[CpuState.RBP]);
                });
        t.add("info threads", List.of("i threads"), "info threads", "List the threads (Ms), each with its goroutine and place.",
                ViewCommands::threads);
        t.add("thread", List.of(), "thread [N]", "Select thread N (as numbered by info threads), or show the selected one.",
                (s, a) -> {
                    if (a.isBlank()) {
                        s.out().println("[Current thread is " + s.threadNumber(s.thread()) + " (" + s.who(s.thread()) + ")]");
                        return;
                    }
                    GuestThread th;
                    try {
                        th = s.threadByNumber(Integer.parseInt(a.strip()));
                    } catch (NumberFormatException e) {
                        th = null;
                    }
                    if (th == null) {
                        throw new IllegalArgumentException("Invalid thread ID: " + a.strip());
                    }
                    s.select(th);
                    s.out().println("[Switching to thread " + s.threadNumber(th) + " (" + s.who(th) + ")]");
                    if (!th.exited()) {
                        s.printLocation(th);
                    }
                });
        t.add("display", List.of(), "display[/FMT] [EXPR]",
                "Show EXPR (or x/FMT EXPR) after every stop; without EXPR, show every display now.", ViewCommands::display);
        t.add("undisplay", List.of(), "undisplay [N]", "Stop showing display N (all without N).",
                (s, a) -> {
                    if (a.isBlank()) {
                        s.displays.clear();
                        return;
                    }
                    int n = (int) RunCommands.count(a);
                    if (n > s.displays.size() || s.displays.get(n - 1) == null) {
                        throw new IllegalArgumentException("No display number " + n + ".");
                    }
                    s.displays.set(n - 1, null);
                });
        t.add("help", List.of("h"), "help [COMMAND]", "List the commands, or explain one.", ViewCommands::help);
    }

    // ------------------------------------------------------------------ registers

    static String flags(long f) {
        StringBuilder b = new StringBuilder("[ ");
        for (int k = 0; k < FLAG_NAMES.length; k++) {
            if (!FLAG_NAMES[k].isEmpty() && (f & (1L << k)) != 0) {
                b.append(FLAG_NAMES[k]).append(' ');
            }
        }
        return b.append(']').toString();
    }

    private static void registers(Session s, String a) {
        CpuState c = s.thread().cpu();
        PrintStream o = s.out();
        String only = a.strip().replace("$", "");
        for (int k = 0; k < 16; k++) {
            if (only.isEmpty() || only.equals(CpuState.NAMES64[k])) {
                o.printf("%-15s0x%-18x%d%n", CpuState.NAMES64[k], c.r[k], c.r[k]);
            }
        }
        if (only.isEmpty() || only.equals("rip") || only.equals("pc")) {
            o.printf("%-15s0x%-18x%s%n", "rip", c.rip, "<" + s.info().describe(c.rip) + ">");
        }
        if (only.isEmpty() || only.equals("eflags")) {
            o.printf("%-15s0x%-18x%s%n", "eflags", c.rflags(), flags(c.rflags()));
        }
        if (only.isEmpty() || only.equals("fs_base")) {
            o.printf("%-15s0x%-18x%d%n", "fs_base", c.fsBase, c.fsBase);
        }
        if (only.isEmpty() || only.equals("gs_base")) {
            o.printf("%-15s0x%-18x%d%n", "gs_base", c.gsBase, c.gsBase);
        }
        if ((only.isEmpty() || only.equals("g")) && s.go() != null) {
            long g = s.go().gOf(s.thread());
            o.printf("%-15s0x%-18x%s%n", "g", g, (s.go().isG(g) ? s.go().gName(g) : "no g") + " (TLS, fs_base-8)");
        }
        if (!only.isEmpty() && Session.registerNumber(only) < 0
                && !List.of("rip", "pc", "eflags", "fs_base", "gs_base", "g").contains(only)) {
            throw new IllegalArgumentException("Invalid register `" + only + "'");
        }
    }

    // ------------------------------------------------------------------ x

    private static void examine(Session s, String a) {
        String fmt = "";
        String expr = a.strip();
        if (expr.startsWith("/")) {
            int sp = expr.indexOf(' ');
            fmt = sp < 0 ? expr.substring(1) : expr.substring(1, sp);
            expr = sp < 0 ? "" : expr.substring(sp + 1).strip();
        }
        if (expr.isEmpty()) {
            throw new IllegalArgumentException("Argument required (starting display address).");
        }
        examine(s, fmt, s.eval(expr));
    }

    static void examine(Session s, String fmt, long addr) {
        int count = 1;
        char f = 'x';
        int size = 4;
        boolean sizeGiven = false;
        int k = 0;
        while (k < fmt.length() && Character.isDigit(fmt.charAt(k))) {
            k++;
        }
        if (k > 0) {
            count = Integer.parseInt(fmt.substring(0, k));
        }
        for (; k < fmt.length(); k++) {
            char ch = fmt.charAt(k);
            switch (ch) {
                case 'b' -> { size = 1; sizeGiven = true; }
                case 'h' -> { size = 2; sizeGiven = true; }
                case 'w' -> { size = 4; sizeGiven = true; }
                case 'g' -> { size = 8; sizeGiven = true; }
                case 'x', 'd', 'u', 'a', 'c', 's', 'i', 'o', 't' -> f = ch;
                default -> throw new IllegalArgumentException("Undefined output format \"" + ch + "\".");
            }
        }
        GuestMemory mem = s.machine().memory();
        PrintStream o = s.out();
        if (f == 'i') {
            long pc = addr;
            for (int n = 0; n < count; n++) {
                Disassembler.Line l = s.info().instruction(mem, pc, s.syntax());
                if (l == null) {
                    throw new IllegalArgumentException(String.format("Cannot access memory at address 0x%x", pc));
                }
                o.println((pc == s.thread().cpu().rip ? "=> " : "   ") + s.instructionLine(pc));
                pc += Math.max(1, l.insn().len);
            }
            return;
        }
        if (f == 's') {
            long p = addr;
            for (int n = 0; n < count; n++) {
                StringBuilder b = new StringBuilder();
                long start = p;
                int ch;
                while ((ch = byteAt(mem, p)) != 0 && b.length() < 200) {
                    b.append((char) ch);
                    p++;
                }
                p++;
                o.printf("%s:\t\"%s\"%n", label(s, start), escape(b.toString()));
            }
            return;
        }
        if (f == 'a' && !sizeGiven) {
            size = 8;
        }
        if (f == 'c' && !sizeGiven) {
            size = 1;
        }
        int perLine = switch (size) {
            case 1 -> 8;
            case 2 -> 8;
            case 4 -> 4;
            default -> 2;
        };
        long p = addr;
        StringBuilder line = new StringBuilder();
        for (int n = 0; n < count; n++) {
            if (n % perLine == 0) {
                if (n > 0) {
                    o.println(line);
                }
                line.setLength(0);
                line.append(label(s, p)).append(':');
            }
            long v = 0;
            for (int b = 0; b < size; b++) {
                v |= (long) byteAt(mem, p + b) << (8 * b);
            }
            line.append('\t').append(format(s, v, size, f));
            p += size;
        }
        o.println(line);
    }

    private static int byteAt(GuestMemory mem, long a) {
        try {
            return mem.read8(a) & 0xff;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("Cannot access memory at address 0x%x", a));
        }
    }

    private static String label(Session s, long a) {
        Symbol sym = s.info().symbolAt(a);
        return sym == null ? String.format("0x%x", a) : String.format("0x%x <%s+%d>", a, sym.name(), a - sym.value());
    }

    private static String format(Session s, long v, int size, char f) {
        long signed = size == 8 ? v : (v << (64 - 8 * size)) >> (64 - 8 * size);
        return switch (f) {
            case 'd' -> Long.toString(signed);
            case 'u' -> Long.toUnsignedString(v);
            case 'o' -> "0" + Long.toOctalString(v);
            case 't' -> Long.toBinaryString(v);
            case 'c' -> signed + " '" + escape(String.valueOf((char) (v & 0xff))) + "'";
            case 'a' -> {
                String d = s.info().symbols().describe(v);
                yield String.format("0x%x", v) + (d == null ? "" : " <" + d + ">");
            }
            default -> String.format("0x%0" + (2 * size) + "x", v);
        };
    }

    private static String escape(String str) {
        StringBuilder b = new StringBuilder();
        for (char c : str.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 32 || c >= 127) {
                        b.append(String.format("\\%03o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ disassemble

    private static void disassemble(Session s, String a) {
        long start;
        long end;
        String title;
        String arg = a.strip();
        if (arg.contains(",")) {
            String[] p = arg.split(",", 2);
            start = s.eval(p[0]);
            String e = p[1].strip();
            end = e.startsWith("+") ? start + s.eval(e.substring(1)) : s.eval(e);
            title = String.format("from 0x%x to 0x%x", start, end);
        } else {
            long at = arg.isEmpty() ? s.thread().cpu().rip : s.info().resolve(arg);
            Symbol fn = s.info().symbolAt(at);
            if (fn == null) {
                throw new IllegalArgumentException(String.format("No function contains specified address 0x%x.", at));
            }
            start = fn.value();
            end = fn.size() > 0 ? fn.value() + fn.size() : fn.value() + 64;
            title = "for function " + fn.name();
        }
        if (end - start > 1 << 16 || end <= start) {
            throw new IllegalArgumentException("Bad range for disassembly.");
        }
        PrintStream o = s.out();
        o.println("Dump of assembler code " + title + ":");
        LineTable.Line last = null;
        long pc = start;
        long here = s.engine().finished() ? -1 : s.thread().cpu().rip;
        while (pc < end) {
            LineTable.Line l = s.info().line(pc);
            if (l != null && !l.equals(last)) {
                String src = s.info().sourceText(pc);
                o.println(s.info().shortLine(pc) + (src == null ? "" : "\t" + src));
            }
            last = l;
            Disassembler.Line d = s.info().instruction(s.machine().memory(), pc, s.syntax());
            if (d == null) {
                break;
            }
            o.println((pc == here ? "=> " : "   ") + s.instructionLine(pc));
            pc += Math.max(1, d.insn().len);
        }
        o.println("End of assembler dump.");
    }

    // ------------------------------------------------------------------ list

    private static void list(Session s, String a) {
        String file;
        int center;
        String arg = a.strip();
        if (arg.isEmpty() && s.listFile != null) {
            printLines(s, s.listFile, s.listNext, s.listNext + 9);
            return;
        }
        long pc = arg.isEmpty() ? s.thread().cpu().rip : s.info().resolve(arg);
        LineTable.Line l = s.info().line(pc);
        if (l == null) {
            throw new IllegalArgumentException(String.format("No line number information available for address 0x%x", pc));
        }
        file = l.file();
        center = l.line();
        int first = Math.max(1, center - 5);
        printLines(s, file, first, first + 9);
    }

    private static void directory(Session s, String a) {
        for (String d : a.strip().split("\\s+")) {
            if (!d.isEmpty()) {
                try {
                    s.info().addSourceDirectory(Path.of(d));
                } catch (java.nio.file.InvalidPathException e) {
                    throw new IllegalArgumentException("Invalid directory name \"" + d + "\".");
                }
            }
        }
        // a name as the line table gives it is tried first (relative ones from the working directory)
        StringBuilder sb = new StringBuilder("Source directories searched: $cwd");
        for (Path d : s.info().sourceDirectories()) {
            sb.append(':').append(d);
        }
        s.out().println(sb);
    }

    private static void printLines(Session s, String file, int first, int last) {
        List<String> src = s.info().source(file);
        if (src == null) {
            throw new IllegalArgumentException(file + ": No such file or directory.");
        }
        if (first > src.size()) {
            throw new IllegalArgumentException("Line number " + first + " out of range; \"" + file + "\" has " + src.size() + " lines.");
        }
        for (int n = first; n <= Math.min(last, src.size()); n++) {
            s.out().println(n + "\t" + src.get(n - 1));
        }
        s.listFile = file;
        s.listNext = last + 1;
    }

    // ------------------------------------------------------------------ backtrace

    /** Frames from (pc, sp, bp): frame 0 at pc; at a function's first instruction the return address is at SP. */
    static void backtrace(Session s, long pc, long sp, long bp) {
        PrintStream o = s.out();
        List<Long> pcs = framePcs(s, pc, sp, bp);
        for (int n = 0; n < pcs.size(); n++) {
            o.println(frame(s, n, pcs.get(n)));
        }
    }

    /**
     * The PCs of the frames from pc outwards (the innermost first; return addresses after it),
     * walking the frame-pointer chain from bp; at a function's first instruction the return
     * address is at sp. At most 64 frames.
     */
    static List<Long> framePcs(Session s, long pc, long sp, long bp) {
        List<Long> pcs = new java.util.ArrayList<>();
        pcs.add(pc);
        Symbol fn = s.info().symbolAt(pc);
        if (fn != null && pc == fn.value()) {
            pcs.add(s.read64(sp));
        }
        long prev = 0;
        while (bp != 0 && pcs.size() < 64 && Long.compareUnsigned(bp, prev) > 0) {
            long ra;
            long next;
            try {
                ra = s.machine().memory().read64(bp + 8);
                next = s.machine().memory().read64(bp);
            } catch (RuntimeException e) {
                break;
            }
            if (ra == 0 || s.info().symbolAt(ra) == null) {
                break;
            }
            pcs.add(ra);
            prev = bp;
            bp = next;
        }
        return pcs;
    }

    private static String frame(Session s, int n, long pc) {
        String where = s.info().shortLine(n == 0 ? pc : pc - 1);
        return String.format("#%-2d 0x%016x in %s%s", n, pc, s.info().describe(pc), where == null ? "" : " at " + where);
    }

    // ------------------------------------------------------------------ threads

    private static void threads(Session s, String a) {
        PrintStream o = s.out();
        o.println("  Id   Target                                 Where");
        for (GuestThread t : s.machine().threads()) {
            String state = switch (t.state()) {
                case EXITED -> "(exited)";
                case BLOCKED -> "(blocked: " + t.waiting().what() + ") " + s.info().describe(t.cpu().rip);
                default -> s.info().describe(t.cpu().rip) + at(s, t.cpu().rip);
            };
            o.printf("%s %-4d %-38s %s%n", t == s.thread() ? "*" : " ", s.threadNumber(t), s.who(t), state);
        }
    }

    private static String at(Session s, long pc) {
        String w = s.info().shortLine(pc);
        return w == null ? "" : " at " + w;
    }

    // ------------------------------------------------------------------ display

    private static void display(Session s, String a) {
        String arg = a.strip();
        if (arg.isEmpty()) {
            showDisplays(s);
            return;
        }
        String fmt = null;
        if (arg.startsWith("/")) {
            int sp = arg.indexOf(' ');
            if (sp < 0) {
                throw new IllegalArgumentException("Argument required (expression to compute).");
            }
            fmt = arg.substring(1, sp);
            arg = arg.substring(sp + 1).strip();
        }
        s.eval(arg);
        s.displays.add(new String[] {fmt, arg});
        if (!s.engine().finished()) {
            show(s, s.displays.size(), fmt, arg);
        }
    }

    static void showDisplays(Session s) {
        if (s.engine().finished()) {
            return;
        }
        for (int k = 0; k < s.displays.size(); k++) {
            String[] d = s.displays.get(k);
            if (d != null) {
                show(s, k + 1, d[0], d[1]);
            }
        }
    }

    private static void show(Session s, int n, String fmt, String expr) {
        try {
            if (fmt == null) {
                long v = s.eval(expr);
                s.out().printf("%d: %s = %d (0x%x)%n", n, expr, v, v);
            } else {
                s.out().printf("%d: x/%s %s%n", n, fmt, expr);
                examine(s, fmt, s.eval(expr));
            }
        } catch (IllegalArgumentException e) {
            s.out().println(n + ": " + expr + " = <" + e.getMessage() + ">");
        }
    }

    // ------------------------------------------------------------------ help

    private static void help(Session s, String a) {
        PrintStream o = s.out();
        String arg = a.strip();
        if (arg.isEmpty()) {
            o.println("Commands (gdb's names where gdb has one; abbreviations in parentheses):");
            for (CommandTable.Command c : s.table().commands()) {
                String al = c.aliases().isEmpty() ? "" : " (" + String.join(", ", c.aliases()) + ")";
                String head = c.usage() + al;
                if (head.length() > 34) {
                    o.println("  " + head);
                    o.printf("  %-34s %s%n", "", c.help());
                } else {
                    o.printf("  %-34s %s%n", head, c.help());
                }
            }
            return;
        }
        CommandTable.Match m = s.table().find(arg);
        if (m == null) {
            throw new IllegalArgumentException("Undefined command: \"" + arg + "\".  Try \"help\".");
        }
        o.println(m.command().usage());
        o.println(m.command().help());
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static GoRuntime go(Session s) {
        return s.requireGo();
    }
}
