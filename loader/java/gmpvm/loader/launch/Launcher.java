package gmpvm.loader.launch;

import gmpvm.emulator.Machine;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.ElfLoader;
import gmpvm.loader.elf.LoadedProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a program becomes a running machine: assemble and link (for {@code .s}
 * sources) → parse the ELF → load the process image → build the {@link Machine} with the
 * {@link Settings}. {@code run}, {@code debug}, the tests and the benchmarks all start here, so
 * the same settings always give the same run.
 */
public final class Launcher {
    private Launcher() {
    }

    /** A loaded program and the machine that will run it (not started). */
    public record Launched(LoadedProgram program, Machine machine, byte[] elf) {
    }

    /**
     * Assembles Go-dialect sources and links them (with the runtime unless noRuntime).
     *
     * @param entry the entry symbol, or null for the default
     */
    public static Asm.Result assemble(List<SourceText> sources, List<Path> includes, boolean noRuntime, String entry) {
        return Asm.build(sources, new Asm.Options(includes, noRuntime, entry));
    }

    /**
     * Loads an ELF executable and builds its machine.
     *
     * @param argv the guest's argv (argv[0] is also its AT_EXECFN)
     */
    public static Launched load(byte[] elf, List<String> argv, Settings s, Stdio stdio) throws ElfException {
        String problem = s.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        LoadedProgram prog = ElfLoader.load(ElfFile.parse(elf), argv, new ArrayList<>(s.env()), argv.get(0), s.seed());
        if (prog.memory().mappedTotal() > s.memLimit()) {
            throw new ElfException("program and stack need " + (prog.memory().mappedTotal() >> 10)
                    + " KiB, more than --mem allows (" + (s.memLimit() >> 10) + " KiB)");
        }
        prog.memory().setLimit(s.memLimit());
        Machine m = new Machine(prog.memory(), prog.cpu(), prog.layout(), stdio);
        m.setCpus(s.cpus());
        m.setSeed(s.seed());
        m.setMaxInstructions(s.maxInstructions());
        if (s.quantum() > 0) {
            m.setQuantum(s.quantum());
        }
        return new Launched(prog, m, elf);
    }
}
