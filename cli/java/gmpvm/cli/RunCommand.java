package gmpvm.cli;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.StraceListener;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.HostMemoryExhausted;
import gmpvm.loader.elf.LoadedProgram;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gmpvm run FILE [ARGS...]}: loads a static x86-64 ELF executable (or assembles a
 * Go-dialect {@code .s} program first) and runs it. The exit
 * status is the guest's; 128+N when signal N killed it; 124 at the instruction limit; 2 when FILE
 * cannot be loaded; 70 for an internal error.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a static x86-64 Linux ELF executable on the emulator, or a Go-dialect .s program "
                + "(assembled and linked with the gmpvm runtime first).",
            "",
            "The guest's stdin, stdout and stderr are gmpvm's. Its environment holds only the --env variables. "
                + "Runs are deterministic: the same --seed and --cpus give the same instructions and output.",
            "",
            "Exit status: the guest's; 128+N if signal N killed it (a one-line report on stderr says where); "
                + "124 if --max-insns, --timeout or --max-output stopped it; 125 if every thread is blocked for good (a deadlock, reported); "
                + "137 if the host ran out of memory for guest pages; "
                + "2 if FILE cannot be loaded; 1 if a .s FILE has errors."},
        sortOptions = false)
final class RunCommand implements Callable<Integer> {
    static final int EXIT_LOAD = RunOptions.EXIT_LOAD;
    /** The status when the host runs out of memory for guest pages: 128+SIGKILL, as after Linux's OOM killer. */
    static final int EXIT_HOST_MEMORY = 137;

    @Mixin
    RunOptions opts = new RunOptions();

    @Option(names = "--stats", description = "print the number of instructions retired to stderr")
    boolean stats;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "stop the run after this much host time (exit status 124)")
    double timeout;

    @Option(names = "--max-output", paramLabel = "BYTES",
            description = "stop the run once the guest has written more than this to stdout and stderr together (exit status 124)")
    long maxOutput = -1;

    @Option(names = "--break-on-switch",
            description = "print one line on stderr at every context switch: the M, the g that left and the one that arrived, the routine that switched")
    boolean breakOnSwitch;

    @Option(names = "--trace", paramLabel = "FILE.json",
            description = "record the scheduler's events (goroutines on Ps and Ms, switches, wake-ups, steals, queues) as a Chrome/Perfetto trace-event JSON file; the run is the same run")
    Path traceJson;

    @Option(names = "--trace-html", paramLabel = "FILE.html",
            description = "record the same events as a self-contained HTML timeline (open it in any browser)")
    Path traceHtml;

    @Option(names = "--trace-window", paramLabel = "FROM:TO",
            description = "write only this window of virtual time, in µs (FROM: for the rest of the run); states open at FROM start there, slices are clipped")
    String traceWindow;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private InstructionText instructionText;

    RunCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Replaces how fault reports show the faulting instruction (e.g. with a disassembler). */
    void setInstructionText(InstructionText text) {
        this.instructionText = text;
    }

    @Override
    public Integer call() {
        try {
            return runProgram();
        } catch (HostMemoryExhausted e) {
            out.flush();
            err.println(hostMemoryMessage(e));
            return EXIT_HOST_MEMORY;
        } catch (Throwable t) {
            out.flush();
            err.println("gmpvm: internal error: " + t);
            if (opts.javaStackTraces) {
                t.printStackTrace(err);
            }
            return Main.EXIT_INTERNAL;
        }
    }

    private int runProgram() {
        if (timeout < 0 || Double.isNaN(timeout) || maxOutput < -1) {
            err.println("gmpvm: --timeout and --max-output must not be negative");
            return EXIT_LOAD;
        }
        Stdio stdio = new Stdio(in, out, err);
        if (maxOutput >= 0) {
            stdio.setLimit(maxOutput);
        }
        RunOptions.Result launched = opts.launch(stdio, err);
        if (launched.launched() == null) {
            return launched.status();
        }
        LoadedProgram prog = launched.launched().program();
        Machine m = launched.launched().machine();
        if (opts.strace) {
            StraceLog.enable();
            m.setListener(new StraceListener(m));
        }
        if (breakOnSwitch && (traceJson != null || traceHtml != null)) {
            err.println("gmpvm: --break-on-switch and --trace cannot be combined");
            return EXIT_LOAD;
        }
        long[] window = traceWindow == null ? null : TraceRun.window(traceWindow);
        if (traceWindow != null && (window == null || (traceJson == null && traceHtml == null))) {
            err.println(window == null ? "gmpvm: --trace-window takes FROM:TO or FROM: in virtual µs, with 0 <= FROM < TO"
                    : "gmpvm: --trace-window needs --trace or --trace-html");
            return EXIT_LOAD;
        }
        SwitchLog switches = breakOnSwitch ? new SwitchLog(launched.launched(), err) : null;
        TraceRun trace = traceJson != null || traceHtml != null ? new TraceRun(launched.launched()) : null;
        if (timeout > 0) {
            m.setHostTimeLimit((long) (timeout * 1e9));
        }
        long t0 = System.nanoTime();
        Outcome o = switches != null ? switches.run() : trace != null ? trace.run() : m.run();
        long host = System.nanoTime() - t0;
        InstructionText text = instructionText != null ? instructionText : InstructionText.disassembled(prog.symbols());
        String report = FaultReport.describe(o, m, () -> program(launched.launched()), text);
        if (report != null) {
            err.println("gmpvm: " + report);
        }
        if (stats) {
            double secs = host / 1e9;
            err.printf("gmpvm: %d instructions retired, %.6f s virtual time, %.3f s host time (%.1f MIPS)%n",
                    o.retired(), m.clock() / 1e9, secs, secs > 0 ? o.retired() / secs / 1e6 : 0.0);
        }
        if (trace != null && !trace.write(traceJson, traceHtml, window, err)) {
            err.flush();
            return o.status() != 0 ? o.status() : 1;
        }
        err.flush();
        return o.status();
    }

    /** What run and debug say when the host cannot give the guest the memory --mem allowed it. */
    static String hostMemoryMessage(HostMemoryExhausted e) {
        return "gmpvm: out of host memory: " + e.getMessage() + "; run with a smaller --mem, or give the JVM "
                + "more direct memory (GMPVM_JAVA_OPTS=-XX:MaxDirectMemorySize=...)";
    }

    /** The symbols, line table and runtime view a report uses (the line table and view when there are any). */
    private static FaultReport.Program program(gmpvm.loader.launch.Launcher.Launched l) {
        gmpvm.loader.debug.DebugInfo info = new gmpvm.loader.debug.DebugInfo(l.elf(), l.program().symbols());
        gmpvm.loader.debug.GoRuntime go = new gmpvm.loader.debug.GoRuntime(l.machine().memory(), info);
        return new FaultReport.Program(l.program().symbols(), info, go.present() ? go : null);
    }
}
