package gmpvm.cli;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.StraceListener;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.ElfLoader;
import gmpvm.loader.elf.LoadedProgram;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
                + "124 if --max-insns stopped it; 125 if every thread is blocked for good (a deadlock, reported); "
                + "2 if FILE cannot be loaded; 1 if a .s FILE has errors."},
        sortOptions = false)
final class RunCommand implements Callable<Integer> {
    static final int EXIT_LOAD = 2;
    /** Largest executable read (the loader refuses larger images anyway). */
    static final int MAX_FILE = 1 << 30;

    @Parameters(index = "0", paramLabel = "FILE", description = "the executable, or a .s program")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments passed to the program (argv[1]...)")
    List<String> args = new ArrayList<>();

    @Option(names = "--max-insns", paramLabel = "N", description = "stop after N instructions (exit status 124)")
    long maxInsns = Long.MAX_VALUE;

    @Option(names = "--env", paramLabel = "K=V", description = "add K=V to the program's environment (repeatable)")
    List<String> env = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S",
            description = "scheduling seed: 0 (default) is plain round-robin, others shuffle thread order and quanta reproducibly; also seeds AT_RANDOM and getrandom")
    long seed;

    @Option(names = "--cpus", paramLabel = "N", description = "simulated CPUs (default: 1)")
    int cpus = 1;

    @Option(names = "--strace", description = "log every system call in strace's format to stderr, with thread id and virtual time")
    boolean strace;

    @Option(names = "--stats", description = "print the number of instructions retired to stderr")
    boolean stats;

    @Option(names = "--debug", description = "show Java stack traces for gmpvm's own errors")
    boolean debug;

    @Option(names = "--no-runtime", description = "FILE is a .s program with its own entry point: do not link the runtime")
    boolean noRuntime;

    @Option(names = "-I", paramLabel = "DIR", description = "#include directory for a .s FILE (repeatable)")
    List<Path> includes = new ArrayList<>();

    @Option(names = "--entry", paramLabel = "SYM", description = "entry symbol of a .s FILE (default: _rt0_amd64_linux)")
    String entry;

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
        } catch (Throwable t) {
            out.flush();
            err.println("gmpvm: internal error: " + t);
            if (debug) {
                t.printStackTrace(err);
            }
            return Main.EXIT_INTERNAL;
        }
    }

    /** The file's bytes, or null when it holds more than MAX_FILE (also for endless devices). */
    static byte[] readExecutable(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            byte[] b = s.readNBytes(MAX_FILE);
            return s.read() < 0 ? b : null;
        }
    }

    private int runProgram() {
        if (cpus < 1 || cpus > 256) {
            err.println("gmpvm: --cpus must be between 1 and 256");
            return EXIT_LOAD;
        }
        if (maxInsns <= 0) {
            err.println("gmpvm: --max-insns must be positive");
            return EXIT_LOAD;
        }
        for (String e : env) {
            if (!e.contains("=")) {
                err.println("gmpvm: --env wants K=V, got '" + e + "'");
                return EXIT_LOAD;
            }
        }
        LoadedProgram prog;
        try {
            byte[] bytes;
            if (file.toString().endsWith(".s")) {
                // a Go-dialect assembly program: assemble and link it in memory first
                bytes = new AsmCommand(err).assemble(List.of(file), includes, noRuntime, entry, err);
                if (bytes == null) {
                    return AsmCommand.EXIT_ERRORS;
                }
            } else {
                bytes = readExecutable(file);
                if (bytes == null) {
                    err.println("gmpvm: " + file + ": file too large (more than " + (MAX_FILE >> 20) + " MiB)");
                    return EXIT_LOAD;
                }
            }
            ElfFile elf = ElfFile.parse(bytes);
            List<String> argv = new ArrayList<>();
            argv.add(file.toString());
            argv.addAll(args);
            prog = ElfLoader.load(elf, argv, env, file.toString(), seed);
        } catch (ElfException e) {
            err.println("gmpvm: " + file + ": " + e.getMessage());
            return EXIT_LOAD;
        } catch (NoSuchFileException e) {
            err.println("gmpvm: " + file + ": no such file");
            return EXIT_LOAD;
        } catch (IOException e) {
            err.println("gmpvm: " + file + ": cannot read: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return EXIT_LOAD;
        } catch (OutOfMemoryError e) {
            err.println("gmpvm: " + file + ": too large to load");
            return EXIT_LOAD;
        }
        Machine m = new Machine(prog.memory(), prog.cpu(), prog.layout(), new Stdio(in, out, err));
        m.setMaxInstructions(maxInsns);
        m.setCpus(cpus);
        m.setSeed(seed);
        if (strace) {
            StraceLog.enable();
            m.setListener(new StraceListener(m));
        }
        long t0 = System.nanoTime();
        Outcome o = m.run();
        long host = System.nanoTime() - t0;
        InstructionText text = instructionText != null ? instructionText : InstructionText.disassembled(prog.symbols());
        String report = FaultReport.describe(o, m, prog.symbols(), text);
        if (report != null) {
            err.println("gmpvm: " + report);
        }
        if (stats) {
            double secs = host / 1e9;
            err.printf("gmpvm: %d instructions retired, %.6f s virtual time, %.3f s host time (%.1f MIPS)%n",
                    o.retired(), m.clock() / 1e9, secs, secs > 0 ? o.retired() / secs / 1e6 : 0.0);
        }
        err.flush();
        return o.status();
    }
}
