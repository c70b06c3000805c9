package gmpvm.cli;

import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code run}, shared by {@code debug} (so a debugged run is the same run): the
 * program, its arguments, the machine's settings, how a {@code .s} program is assembled. Turns
 * them into a launched machine through the one {@link Launcher}.
 */
final class RunOptions {
    /** Largest executable read (the loader refuses larger images anyway). */
    static final int MAX_FILE = 1 << 30;
    static final int EXIT_LOAD = 2;

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

    @Option(names = "--quantum", paramLabel = "N", description = "instructions a thread keeps its simulated CPU with seed 0 (default: 10000); with several CPUs it runs in grains of a fifth")
    long quantum;

    @Option(names = "--mem", paramLabel = "SIZE", converter = MemSize.class,
            description = "memory the guest may map in all, program and stack included (default: 1G; K, M, G suffixes; "
                    + "mmap and brk answer ENOMEM beyond). Guest memory lives outside the Java heap, so -Xmx does not limit it")
    long mem = GuestMemory.DEFAULT_LIMIT;

    @Option(names = "--strace", description = "log every system call in strace's format to stderr, with thread id and virtual time")
    boolean strace;

    @Option(names = "--java-stack-traces", description = "show Java stack traces for gmpvm's own errors")
    boolean javaStackTraces;

    @Option(names = "--no-runtime", description = "FILE is a .s program with its own entry point: do not link the runtime")
    boolean noRuntime;

    @Option(names = "-I", paramLabel = "DIR", description = "#include directory for a .s FILE (repeatable)")
    List<Path> includes = new ArrayList<>();

    @Option(names = "--entry", paramLabel = "SYM", description = "entry symbol of a .s FILE (default: _rt0_amd64_linux)")
    String entry;

    Settings settings() {
        return new Settings(cpus, seed, env, maxInsns, quantum, mem);
    }

    /** The file's bytes, or null when it holds more than MAX_FILE (also for endless devices). */
    static byte[] readExecutable(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            byte[] b = s.readNBytes(MAX_FILE);
            return s.read() < 0 ? b : null;
        }
    }

    /** A launched program, or the exit status of why it could not be launched (the reason printed on err). */
    record Result(Launcher.Launched launched, int status) {
    }

    /** Validates the options, assembles a .s FILE, loads it and builds the machine; problems go to err as one line. */
    Result launch(Stdio stdio, PrintStream err) {
        if (quantum < 0) {
            err.println("gmpvm: --quantum must be positive");
            return new Result(null, EXIT_LOAD);
        }
        String problem = settings().problem();
        if (problem != null) {
            err.println("gmpvm: " + problem);
            return new Result(null, EXIT_LOAD);
        }
        try {
            byte[] bytes;
            if (file.toString().endsWith(".s")) {
                // a Go-dialect assembly program: assemble and link it in memory first
                AsmCommand asm = new AsmCommand(err);
                bytes = asm.assemble(List.of(file), includes, noRuntime, entry, err);
                if (bytes == null) {
                    return new Result(null, asm.lastStatus()); // 1: errors in the source; 2: it cannot be read
                }
            } else {
                bytes = readExecutable(file);
                if (bytes == null) {
                    err.println("gmpvm: " + file + ": file too large (more than " + (MAX_FILE >> 20) + " MiB)");
                    return new Result(null, EXIT_LOAD);
                }
            }
            List<String> argv = new ArrayList<>();
            argv.add(file.toString());
            argv.addAll(args);
            return new Result(Launcher.load(bytes, argv, settings(), stdio), 0);
        } catch (ElfException e) {
            err.println("gmpvm: " + file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("gmpvm: " + file + ": no such file");
        } catch (IOException e) {
            err.println("gmpvm: " + file + ": " + ReadError.why(e));
            if (javaStackTraces) {
                e.printStackTrace(err);
            }
        } catch (OutOfMemoryError e) {
            err.println("gmpvm: " + file + ": too large to load");
        }
        return new Result(null, EXIT_LOAD);
    }
}
