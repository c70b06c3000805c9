package gmpvm.cli;

import gmpvm.cli.debug.CommandTable;
import gmpvm.cli.debug.Repl;
import gmpvm.cli.debug.Session;
import gmpvm.cli.gdb.GdbMode;
import gmpvm.emulator.debug.Timeline;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.disasm.Syntax;
import gmpvm.emulator.memory.HostMemoryExhausted;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gmpvm debug [RUN OPTIONS] FILE [ARGS...]}: loads the program exactly as {@code run}
 * would (same options, same launcher, so the same run) and stops before its first instruction
 * for debugger commands: interactive, or from {@code --batch FILE} and {@code -ex CMD}.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = {"Debug a program on the emulator: step instructions and .s lines, break, watch, catch system calls, "
                + "signals, threads and context switches, and look at goroutines, Ms, Ps and channels.",
            "",
            "Every option of run is accepted, so a debugged run is the same run. With --batch or -ex the commands are read "
                + "from there (each echoed after the prompt) and the session ends after the last one; otherwise they are "
                + "read interactively (type help).",
            "",
            "With --gdb HOST:PORT, gmpvm serves gdb's remote protocol on that loopback address instead (target remote "
                + "HOST:PORT in gdb; port 0 picks a free one): see docs/gdb.md.",
            "",
            "Exit status: 0, or 2 if FILE cannot be loaded (1 if a .s FILE has errors), 137 if the host ran out of memory for guest pages."},
        sortOptions = false)
final class DebugCommand implements Callable<Integer> {
    @Mixin
    RunOptions opts = new RunOptions();

    @Option(names = "--batch", paramLabel = "SCRIPT", description = "run the debugger commands in SCRIPT, then end")
    Path batch;

    @Option(names = "-ex", paramLabel = "CMD", description = "run this debugger command (repeatable; after --batch's)")
    List<String> ex = new ArrayList<>();

    @Option(names = "--syntax", paramLabel = "go|intel", description = "syntax of disassembled instructions (default: go)")
    String syntax = "go";

    @Option(names = "--gdb", paramLabel = "HOST:PORT",
            description = "wait for gdb on this loopback address (e.g. 127.0.0.1:1234; port 0 picks a free port) and serve it")
    String gdb;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    DebugCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            return debug();
        } catch (IOException e) {
            err.println("gmpvm: " + e.getMessage());
            return RunOptions.EXIT_LOAD;
        } catch (HostMemoryExhausted e) {
            out.flush();
            err.println(RunCommand.hostMemoryMessage(e));
            return RunCommand.EXIT_HOST_MEMORY;
        } catch (Throwable t) {
            out.flush();
            err.println("gmpvm: internal error: " + t);
            if (opts.javaStackTraces) {
                t.printStackTrace(err);
            }
            return Main.EXIT_INTERNAL;
        }
    }

    private int debug() throws IOException {
        if (!syntax.equals("go") && !syntax.equals("intel")) {
            err.println("gmpvm: --syntax is go or intel, not '" + syntax + "'");
            return RunOptions.EXIT_LOAD;
        }
        List<String> script = new ArrayList<>();
        if (batch != null) {
            try {
                script.addAll(Files.readAllLines(batch, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                err.println("gmpvm: " + batch + ": no such file");
                return RunOptions.EXIT_LOAD;
            }
        }
        script.addAll(ex);
        if (gdb != null && !script.isEmpty()) {
            err.println("gmpvm: --gdb serves gdb's commands; it does not take --batch or -ex");
            return RunOptions.EXIT_LOAD;
        }
        // the terminal belongs to the debugger: the program's stdin is empty (gdb's session: the terminal's)
        InputStream guestIn = gdb != null ? in : InputStream.nullInputStream();
        RunOptions.Result launched = opts.launch(new Stdio(guestIn, out, err), err);
        if (launched.launched() == null) {
            return launched.status();
        }
        byte[] elf = launched.launched().elf();
        List<String> argv = new ArrayList<>();
        argv.add(opts.file.toString());
        argv.addAll(opts.args);
        Settings settings = opts.settings();
        if (gdb != null) {
            // gdb reads the symbols and lines from a file: the assembled ELF of a .s program goes to a temporary one
            Path elfFile = opts.file.toString().endsWith(".s") ? null : opts.file;
            return new GdbMode(gdb, elf, elfFile, argv, settings).serve(guestIn, out, err, s -> { });
        }
        // reverse execution replays the run: the timeline builds the machine the session debugs
        Timeline timeline = new Timeline(stdio -> {
            try {
                return Launcher.load(elf, argv, settings, stdio).machine();
            } catch (ElfException e) {
                throw new IllegalStateException("the program loaded once and not again", e);
            }
        }, guestIn, out, err);
        Session session = new Session(launched.launched(), timeline, out, CommandTable.standard());
        session.setSyntax(syntax.equals("go") ? Syntax.GO : Syntax.INTEL);
        out.println("Program " + opts.file + " loaded: " + launched.launched().machine().threads().size()
                + " thread, stopped before its first instruction.");
        session.printLocation(session.thread());
        Repl repl = new Repl(session);
        if (!script.isEmpty()) {
            repl.batch(script);
        } else if (in == System.in && System.console() != null) {
            repl.interactive();
        } else {
            repl.plain(in);
        }
        out.flush();
        return 0;
    }
}
