package gmpvm.cli.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.debug.Breakpoint;
import gmpvm.emulator.debug.Catchpoint;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.Hook;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.emulator.debug.Timeline;
import gmpvm.emulator.debug.Watchpoint;
import gmpvm.emulator.kernel.Signals;
import gmpvm.emulator.kernel.Syscalls;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.debug.SwitchTracker;
import gmpvm.loader.disasm.Syntax;
import gmpvm.loader.launch.Launcher;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One debugging session: the launched program, the engine that runs it, what the debugger knows
 * of its text and its Go runtime, the selected thread, the displays, and where output goes.
 * Commands ({@link CommandTable}) act on it.
 */
public final class Session {
    private final Launcher.Launched launched;
    private final Engine engine;
    /** Reverse execution by replay, or null when the session was made without it. */
    private final Timeline timeline;
    private final DebugInfo info;
    private final GoRuntime go;
    private final PrintStream out;
    private final CommandTable table;
    private GuestThread selected;
    private Syntax syntax = Syntax.GO;
    private boolean quit;
    private boolean started;
    final List<String[]> displays = new ArrayList<>();
    /** The switch trackers of switch catchpoints and next-switch, by hook id. */
    final java.util.Map<Integer, SwitchTracker> switchStops = new java.util.HashMap<>();
    /** The switch tracker, created when switches are first watched. */
    private SwitchTracker tracker;
    private Hook trackerHook;
    /** Where the next plain {@code list} continues: file and first line. */
    String listFile;
    int listNext;

    public Session(Launcher.Launched launched, PrintStream out, CommandTable table) {
        this(launched, null, out, table);
    }

    /**
     * A session whose engine is timeline's (the machine it replays, not launched's), so the
     * reverse commands work; launched gives the program's text and symbols.
     */
    public Session(Launcher.Launched launched, Timeline timeline, PrintStream out, CommandTable table) {
        this.launched = launched;
        this.timeline = timeline;
        this.engine = timeline != null ? timeline.engine() : new Engine(launched.machine());
        this.info = new DebugInfo(launched.elf(), launched.program().symbols());
        GoRuntime g = new GoRuntime(engine.machine().memory(), info);
        this.go = g.present() ? g : null;
        this.out = out;
        this.table = table;
        this.selected = engine.machine().threads().get(0);
    }

    /** Reverse execution, or null when this session has none. */
    public Timeline timeline() {
        return timeline;
    }

    /**
     * A reverse command replaced the machine (see {@link Timeline}): the Go views and the switch
     * trackers follow the new one, and the thread that stopped is selected.
     */
    void replayed(StopEvent e) {
        if (go != null) {
            go.rebind(engine.machine().memory());
            if (tracker != null) {
                tracker.rebind(engine.machine());
            }
            for (SwitchTracker tr : switchStops.values()) {
                tr.rebind(engine.machine());
            }
        }
        if (e.thread() != null) {
            selected = e.thread();
        }
    }

    public Engine engine() {
        return engine;
    }

    public Machine machine() {
        return engine.machine();
    }

    public DebugInfo info() {
        return info;
    }

    /** The Go runtime's views, or null for a program without gmpvm's runtime. */
    public GoRuntime go() {
        return go;
    }

    /** The Go runtime's views; a command that needs them fails with one line when there are none. */
    GoRuntime requireGo() {
        if (go == null) {
            throw new IllegalArgumentException("This program has no Go runtime (no runtime.allgs).");
        }
        return go;
    }

    public PrintStream out() {
        return out;
    }

    public CommandTable table() {
        return table;
    }

    public Syntax syntax() {
        return syntax;
    }

    public void setSyntax(Syntax s) {
        this.syntax = s;
    }

    public boolean quitting() {
        return quit;
    }

    public void quit() {
        quit = true;
    }

    /** Whether the program has run at all (a run command was given). */
    public boolean started() {
        return started;
    }

    // ------------------------------------------------------------------ threads

    /** The selected thread (gdb's current thread). */
    public GuestThread thread() {
        return selected;
    }

    public void select(GuestThread t) {
        selected = t;
    }

    /**
     * gdb's thread number: 1 for the first thread, in creation order, kept when other threads
     * exit and are reaped (tids are handed out one after another from the first's).
     */
    public int threadNumber(GuestThread t) {
        return t.tid() - Machine.FIRST_TID + 1;
    }

    /** The thread with gdb's number n, or null (also when that thread has exited). */
    public GuestThread threadByNumber(int n) {
        for (GuestThread t : machine().threads()) {
            if (threadNumber(t) == n) {
                return t;
            }
        }
        return null;
    }

    /** Fails with one line if the process has ended. */
    void requireRunning() {
        if (engine.finished()) {
            throw new IllegalArgumentException("The program is not being run.");
        }
    }

    // ------------------------------------------------------------------ memory and registers

    long read64(long addr) {
        try {
            return machine().memory().read64(addr);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.format("Cannot access memory at address 0x%x", addr));
        }
    }

    static int registerNumber(String name) {
        for (int k = 0; k < 16; k++) {
            if (CpuState.NAMES64[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    long eval(String expr) {
        return Expr.eval(this, expr);
    }

    // ------------------------------------------------------------------ switches

    /** The switch tracker, armed as an internal hook (recording, not stopping) on first use. */
    SwitchTracker tracker() {
        if (tracker == null) {
            tracker = new SwitchTracker(machine(), requireGo());
            tracker.stopWhen(s -> false);
            trackerHook = engine.internalHook("record switches", tracker);
        }
        return tracker;
    }

    /** Whether switches are being recorded. */
    boolean tracking() {
        return tracker != null && trackerHook.enabled();
    }

    // ------------------------------------------------------------------ running

    /** Runs something on the engine and reports the stop (location, displays); the stop thread becomes selected. */
    StopEvent report(StopEvent e) {
        started = true;
        if (e.thread() != null && !e.exited()) {
            selected = e.thread();
        }
        printStop(e);
        return e;
    }

    /** Prints how and where the run stopped, as gdb does, plus gmpvm's M/G/count line. */
    void printStop(StopEvent e) {
        switch (e.reason()) {
            case EXITED -> {
                printExit(e.outcome());
                return;
            }
            case BREAKPOINT -> {
                Breakpoint b = (Breakpoint) e.point();
                if (b.id() > 0) {
                    out.println();
                    out.print((b.temporary() ? "Temporary breakpoint " : "Breakpoint ") + b.id() + ", ");
                }
            }
            case WATCHPOINT -> {
                Watchpoint w = (Watchpoint) e.point();
                out.println();
                out.println("Watchpoint " + w.id() + ": " + w.expression());
                out.println();
                out.printf("Old value = 0x%x%n", w.oldValue());
                out.printf("New value = 0x%x%n", w.value());
            }
            case CATCH -> {
                Catchpoint c = (Catchpoint) e.point();
                out.println();
                out.print("Catchpoint " + c.id() + " (" + catchText(e) + "), ");
            }
            case HOOK -> {
                if (e.point().id() > 0) {
                    out.println();
                    out.println("Catchpoint " + e.point().id() + " (context switch)");
                }
                GoCommands.printSwitch(this, e);
            }
            case INTERRUPT -> {
                out.println();
                out.print("Interrupted, ");
            }
            default -> {
                // a step: just the location
            }
        }
        printLocation(e.thread());
        ViewCommands.showDisplays(this);
    }

    private String catchText(StopEvent e) {
        var ev = e.event();
        return switch (ev.kind()) {
            case SYSCALL_ENTRY -> "call to syscall " + Syscalls.name(ev.number());
            case SYSCALL_RETURN -> "returned from syscall " + Syscalls.name(ev.number()) + " = " + ev.value();
            case SIGNAL -> "signal " + Signals.name(ev.number());
            case THREAD_CREATED -> "thread " + ev.thread().tid() + " created";
            case THREAD_EXITED -> "thread " + ev.thread().tid() + " exited, status " + ev.number();
        };
    }

    void printExit(Outcome o) {
        int pid = Machine.FIRST_TID;
        switch (o.kind()) {
            case EXITED -> out.println(o.status() == 0 ? "[process " + pid + " exited normally]"
                    : String.format("[process %d exited with code %02o]", pid, o.status()));
            case SIGNALED -> out.println("[process " + pid + " killed by " + Signals.name(o.signal()) + " at "
                    + info.describe(o.rip()) + "]");
            case INSN_LIMIT -> out.println("[process " + pid + " stopped at the instruction limit after " + o.retired()
                    + " instructions]");
            case DEADLOCK -> out.println("[process " + pid + " deadlocked: every thread is blocked for good]");
            case TIME_LIMIT, OUTPUT_LIMIT -> out.println("[process " + pid + " stopped at a limit: " + o.kind() + "]");
        }
    }

    /**
     * The location block: {@code sym+off at FILE:LINE}, then {@code [M, goroutine, count]}, the
     * source line and the instruction.
     */
    public void printLocation(GuestThread t) {
        if (t == null) {
            return;
        }
        long pc = t.cpu().rip;
        String where = info.shortLine(pc);
        out.println(info.describe(pc) + (where == null ? "" : " at " + where));
        out.println("[" + who(t) + ", insn " + machine().retired() + "]");
        var line = info.line(pc);
        String src = info.sourceText(pc);
        if (line != null && src != null) {
            out.println(line.line() + "\t" + src);
        }
        out.println("=> " + instructionLine(pc));
    }

    /** {@code thread 1000 (M0), G1} — the thread, its M and the g in its TLS. */
    String who(GuestThread t) {
        return GoRuntime.who(go, t);
    }

    /** {@code 0x401120 <runtime.gogo+4>:\tMOVQ 0x8(SP), BX} */
    String instructionLine(long pc) {
        var sym = info.symbolAt(pc);
        String label = sym == null ? "" : " <" + sym.name() + "+" + (pc - sym.value()) + ">";
        return String.format("0x%x%s:\t%s", pc, label, info.text(machine().memory(), pc, syntax));
    }
}
