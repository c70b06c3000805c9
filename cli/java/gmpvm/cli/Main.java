package gmpvm.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code gmpvm} command: a picocli parent whose subcommands are listed in
 * {@link #commandLine}. No Java stack trace reaches the user unless {@code --java-stack-traces} is given:
 * every exception a subcommand lets through becomes one {@code gmpvm: internal error} line and
 * exit status {@value #EXIT_INTERNAL}.
 */
@Command(name = "gmpvm", mixinStandardHelpOptions = true, version = "gmpvm 0.1.0",
        description = "An educational x86-64 emulator: runs static Linux x86-64 programs on an emulated CPU and kernel.",
        subcommandsRepeatable = false)
public final class Main implements Callable<Integer> {
    /** Exit status when no command is given (a usage error). */
    static final int EXIT_USAGE = 2;

    /** Exit status for a bug in gmpvm itself (as sysexits' EX_SOFTWARE). */
    static final int EXIT_INTERNAL = 70;

    private final PrintStream err;

    private Main(PrintStream err) {
        this.err = err;
    }

    @Spec
    private CommandSpec spec;

    /** No command given: show the usage, with every command, and fail as a usage error does. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        int status = commandLine(System.in, System.out, System.err).execute(args);
        System.out.flush();
        System.exit(status);
    }

    /**
     * The command line with every subcommand, reading the guest's stdin from in and writing the
     * guest's output and gmpvm's messages to out and err. Tests call this in-process.
     */
    public static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main(err));
        cl.addSubcommand("run", new RunCommand(in, out, err));
        cl.addSubcommand("asm", new AsmCommand(err));
        cl.addSubcommand("disasm", new DisasmCommand(out, err));
        cl.addSubcommand("debug", new DebugCommand(in, out, err));
        cl.addSubcommand("trace", new TraceCommand(out, err));
        // everything after FILE belongs to the guest program, even words that look like options
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.getSubcommands().get("debug").setStopAtPositional(true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("gmpvm: internal error: " + ex);
            if (Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--java-stack-traces")) {
                ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        });
        return cl;
    }
}
