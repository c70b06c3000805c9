package gmpvm.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.ElfLoader;
import gmpvm.loader.elf.LoadedProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The gmpvm side of the conformance corpus: links NAME.s with the runtime and runs it
 *  in-process at GOMAXPROCS=1. */
final class VmPrograms {
    /** What a run printed, stdout then stderr, and its exit status. */
    record Run(String output, int status) {
    }

    private VmPrograms() {
    }

    static byte[] build(Path src) throws Exception {
        Asm.Result r = Asm.build(List.of(Asm.read(src)), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        return r.elf();
    }

    static Run run(byte[] elf, long seed, int cpus) throws Exception {
        LoadedProgram prog = ElfLoader.load(ElfFile.parse(elf), List.of("prog"),
                new ArrayList<>(List.of("GOMAXPROCS=1")), "prog", seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Machine m = new Machine(prog.memory(), prog.cpu(), prog.layout(),
                new Stdio(new ByteArrayInputStream(new byte[0]), out, err));
        m.setMaxInstructions(50_000_000);
        m.setCpus(cpus);
        m.setSeed(seed);
        Outcome o = m.run();
        return new Run(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8), o.status());
    }
}
