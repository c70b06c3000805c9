package gmpvm.cli.gdb;

import gmpvm.emulator.debug.Timeline;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.LoadedProgram;
import gmpvm.loader.elf.SymbolTable;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.runtime.ThreadGoroutine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gmpvm debug --gdb HOST:PORT}: builds the run (the same launcher and settings as
 * {@code run}), binds the loopback address, says where it listens, and serves one gdb session
 * with reverse execution by replay. For gdb to find the program's symbols and {@code .s}
 * lines, the ELF must exist as a file: an assembled {@code .s} program is written to a
 * temporary file (deleted on exit) whose path {@code qXfer:exec-file:read} gives and the
 * listening message shows.
 */
public final class GdbMode {
    private final String address;
    private final byte[] elf;
    private final Path elfFile;
    private final List<String> argv;
    private final Settings settings;

    /**
     * @param address HOST:PORT, loopback only
     * @param elf     the executable's bytes
     * @param elfFile the executable as a file, or null to write the bytes to a temporary file
     * @param argv    the guest's argv
     */
    public GdbMode(String address, byte[] elf, Path elfFile, List<String> argv, Settings settings) {
        this.address = address;
        this.elf = elf;
        this.elfFile = elfFile;
        this.argv = List.copyOf(argv);
        this.settings = settings;
    }

    /**
     * Serves gdb until the session ends.
     *
     * @param ready called with the bound server before waiting for gdb (tests learn the port)
     * @return the exit status: 0 after a session, 2 when the address is refused or the ELF cannot be loaded
     */
    public int serve(InputStream in, PrintStream out, PrintStream err, java.util.function.Consumer<GdbServer> ready)
            throws IOException {
        LoadedProgram prog;
        try {
            prog = Launcher.load(elf, argv, settings, new Stdio(InputStream.nullInputStream(),
                    java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream())).program();
        } catch (ElfException e) {
            err.println("gmpvm: " + argv.get(0) + ": " + e.getMessage());
            return 2;
        }
        GdbServer server;
        try {
            server = GdbServer.bind(address);
        } catch (IllegalArgumentException e) {
            err.println("gmpvm: " + e.getMessage());
            return 2;
        }
        try (GdbServer s = server) {
            Path file = elfFile;
            if (file == null) {
                file = Files.createTempFile("gmpvm-", ".elf");
                file.toFile().deleteOnExit();
                Files.write(file, elf);
            }
            Timeline timeline = new Timeline(stdio -> {
                try {
                    return Launcher.load(elf, argv, settings, stdio).machine();
                } catch (ElfException e) {
                    throw new IllegalStateException("the program loaded once and not again", e);
                }
            }, in, out, err);
            EngineTarget target = new EngineTarget(timeline, file.toAbsolutePath().toString(), describer(elf, prog.symbols()));
            err.println("gmpvm: waiting for gdb on " + s.address().getAddress().getHostAddress() + ":"
                    + s.address().getPort() + " (program " + file + "; in gdb: target remote "
                    + s.address().getAddress().getHostAddress() + ":" + s.address().getPort() + ")");
            err.flush();
            ready.accept(s);
            s.serve(new GdbStub(target), err);
        }
        return 0;
    }

    /**
     * Go-aware thread names for a program linked with a Go runtime (gmpvm's, or Go's own read
     * through the program's DWARF); plain ones otherwise.
     */
    private static EngineTarget.Describer describer(byte[] elf, SymbolTable symbols) {
        if (symbols.address("runtime.m0") < 0) {
            return (mem, cpu, tid) -> "no Go runtime";
        }
        ThreadGoroutine tg = new ThreadGoroutine(new DebugInfo(elf, symbols).runtimeLayout(), symbols);
        return tg::describe;
    }
}
