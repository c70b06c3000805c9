package gmpvm.cli;

import gmpvm.loader.disasm.ElfListing;
import gmpvm.loader.disasm.Syntax;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.ElfFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gmpvm disasm [--syntax intel|go] [--no-runtime] [-I DIR] FILE}: lists the executable sections of an ELF64 file
 * function by function, as {@code objdump -d} does, in objdump's Intel syntax (the default) or
 * in Go's assembler syntax. A {@code .s} FILE is assembled (with the runtime) first. Exit
 * status 0, or 2 when the file cannot be read or is not an x86-64 ELF64 file (1 for errors in a
 * {@code .s} source).
 */
@Command(name = "disasm", mixinStandardHelpOptions = true,
        description = {"Disassemble an x86-64 ELF executable (or a .s program, assembled first), like objdump -d.",
            "",
            "Exit status: 0 ok, 1 errors in a .s source, 2 unreadable or not an x86-64 ELF64 file."},
        sortOptions = false)
final class DisasmCommand implements Callable<Integer> {
    static final int EXIT_IO = 2;

    @Option(names = "--syntax", paramLabel = "intel|go", defaultValue = "intel",
            description = "intel (GNU objdump -M intel, the default) or go (Go assembler syntax)")
    String syntax;

    @Option(names = "--no-runtime", description = "for a .s FILE: do not link the runtime (the program has its own entry point)")
    boolean noRuntime;

    @Option(names = "-I", paramLabel = "DIR", description = "for a .s FILE: also search DIR for #include files (repeatable)")
    List<Path> includes = new ArrayList<>();

    @Option(names = "--java-stack-traces", description = "show Java stack traces for gmpvm's own errors")
    boolean javaStackTraces;

    @Parameters(paramLabel = "FILE", description = "an ELF64 x86-64 file, or a .s source to assemble first")
    Path file;

    private final PrintStream out;
    private final PrintStream err;

    DisasmCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Syntax s;
            switch (syntax.toLowerCase(Locale.ROOT)) {
                case "intel": s = Syntax.INTEL; break;
                case "go": s = Syntax.GO; break;
                default:
                    err.println("gmpvm: --syntax must be intel or go, not '" + syntax + "'");
                    return EXIT_IO;
            }
            byte[] data;
            if (file.toString().endsWith(".s")) {
                AsmCommand asm = new AsmCommand(err);
                data = asm.assemble(List.of(file), includes, noRuntime, null, err);
                if (data == null) {
                    return Files.exists(file) ? AsmCommand.EXIT_ERRORS : EXIT_IO;
                }
            } else {
                try {
                    data = RunOptions.readExecutable(file);
                    if (data == null) {
                        err.println("gmpvm: " + file + ": file too large (more than " + (RunOptions.MAX_FILE >> 20) + " MiB)");
                        return EXIT_IO;
                    }
                } catch (NoSuchFileException e) {
                    err.println("gmpvm: " + file + ": no such file");
                    return EXIT_IO;
                } catch (IOException e) {
                    err.println("gmpvm: " + file + ": " + ReadError.why(e));
                    return EXIT_IO;
                }
            }
            ElfFile elf;
            try {
                elf = ElfFile.parseForListing(data);
            } catch (ElfException e) {
                err.println("gmpvm: " + file + ": " + e.getMessage());
                return EXIT_IO;
            }
            ElfListing.print(elf, file.toString(), s, out, err);
            out.flush();
            return 0;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            err.println("gmpvm: internal error: " + e);
            if (javaStackTraces) {
                e.printStackTrace(err);
            }
            return Main.EXIT_INTERNAL;
        }
    }
}
