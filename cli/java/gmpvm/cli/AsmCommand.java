package gmpvm.cli;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import java.io.IOException;
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
 * {@code gmpvm asm [-I DIR] [--no-runtime] [--entry SYM] -o OUT FILES...}: assembles Go-dialect
 * {@code .s} files and links them into a static ELF64 executable. Exit status 0 on success,
 * 1 when the sources have errors (each printed as file:line:col with the line and a caret),
 * 2 when a file cannot be read or written.
 */
@Command(name = "asm", mixinStandardHelpOptions = true,
        description = {"Assemble Go-dialect (Plan 9) .s files and link them into a static x86-64 ELF executable.",
            "",
            "Unless --no-runtime, the gmpvm runtime (runtime-asm/) is linked in and the entry point is "
                + "_rt0_amd64_linux. Exit status: 0 ok, 1 errors in the sources, 2 unreadable input or unwritable output."},
        sortOptions = false)
final class AsmCommand implements Callable<Integer> {
    static final int EXIT_ERRORS = 1;
    static final int EXIT_IO = 2;

    @Option(names = "-o", paramLabel = "OUT", required = true, description = "the executable to write")
    Path out;

    @Option(names = "-I", paramLabel = "DIR", description = "also search DIR for #include files (repeatable)")
    List<Path> includes = new ArrayList<>();

    @Option(names = "--no-runtime", description = "do not link the runtime: the program has its own entry point")
    boolean noRuntime;

    @Option(names = "--entry", paramLabel = "SYM", description = "entry symbol (default: _rt0_amd64_linux)")
    String entry;

    @Option(names = "--java-stack-traces", description = "show Java stack traces for gmpvm's own errors")
    boolean javaStackTraces;

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "the .s sources")
    List<Path> files = new ArrayList<>();

    private final PrintStream err;

    AsmCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            byte[] elf = assemble(files, includes, noRuntime, entry, err);
            if (elf == null) {
                return lastStatus;
            }
            try {
                Files.write(out, elf);
                out.toFile().setExecutable(true);
            } catch (IOException e) {
                err.println("gmpvm: cannot write " + out + ": " + e.getMessage());
                return EXIT_IO;
            }
            return 0;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            err.println("gmpvm: internal error: " + e);
            if (javaStackTraces) {
                e.printStackTrace(err);
            }
            return Main.EXIT_INTERNAL;
        }
    }

    private int lastStatus = EXIT_ERRORS;

    /**
     * Assembles and links; on failure prints every error to err and returns null (the status is
     * then in {@link #lastStatus} for this command's own use).
     */
    byte[] assemble(List<Path> srcs, List<Path> incs, boolean noRt, String ent, PrintStream e) {
        List<SourceText> texts = new ArrayList<>();
        for (Path p : srcs) {
            try {
                texts.add(Asm.read(p));
            } catch (NoSuchFileException x) {
                e.println("gmpvm: " + p + ": no such file");
                lastStatus = EXIT_IO;
                return null;
            } catch (IOException | RuntimeException x) {
                e.println("gmpvm: " + p + ": cannot read: " + x.getMessage());
                lastStatus = EXIT_IO;
                return null;
            }
        }
        Asm.Result r = Asm.build(texts, new Asm.Options(incs, noRt, ent));
        if (!r.ok()) {
            e.print(r.diagnostics().format());
            int n = r.diagnostics().count();
            e.println("gmpvm: " + n + (n == 1 ? " error" : " errors"));
            e.flush();
            lastStatus = EXIT_ERRORS;
            return null;
        }
        return r.elf();
    }
}
