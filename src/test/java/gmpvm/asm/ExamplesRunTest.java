package gmpvm.asm;

import gmpvm.loader.launch.Settings;
import gmpvm.loader.launch.Launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The self-contained example programs in runtime-asm/examples/ (own entry, raw SYSCALLs):
 * each is assembled with --no-runtime and run in-process on the emulator; its standard output
 * must equal NAME.out and its exit status NAME.status (0 when absent). The same ELF also runs
 * natively on this x86-64 Linux host and must behave the same.
 */
class ExamplesRunTest {
    static final Path DIR = Path.of("runtime-asm", "examples");

    /** Output and exit status of a run. */
    record Run(String out, int status) {
    }

    static Stream<String> examples() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".s") && Files.exists(DIR.resolve(n.replace(".s", ".out"))))
                    .filter(ExamplesRunTest::selfContained)
                    .sorted().toList().stream();
        }
    }

    /** Examples with their own entry point; the others run on the runtime (gmpvm.runtime tests). */
    static boolean selfContained(String name) {
        try {
            return Files.readString(DIR.resolve(name)).contains("_rt0_amd64_linux");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thereAreAtLeastTenExamples() throws Exception {
        assertTrue(examples().count() >= 10, "examples with expected output: " + examples().toList());
    }

    static byte[] assemble(Path src) throws Exception {
        Asm.Result r = Asm.build(List.of(Asm.read(src)), new Asm.Options(List.of(), true, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        return r.elf();
    }

    static Run emulate(byte[] elf, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Machine m = Launcher.load(elf, List.of(name), Settings.defaults().withMaxInstructions(50_000_000),
                new Stdio(new ByteArrayInputStream(new byte[0]), out, err)).machine();
        Outcome o = m.run();
        return new Run(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8), o.status());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void runsUnderTheEmulatorWithTheExpectedOutput(String name) throws Exception {
        Path src = DIR.resolve(name);
        String want = Files.readString(DIR.resolve(name.replace(".s", ".out")));
        Path st = DIR.resolve(name.replace(".s", ".status"));
        int status = Files.exists(st) ? Integer.parseInt(Files.readString(st).strip()) : 0;
        byte[] elf = assemble(src);
        Run r = emulate(elf, name);
        assertEquals(want, r.out(), name + " output");
        assertEquals(status, r.status(), name + " exit status");

        Path exe = AsmSupport.write(name.replace(".s", ""), elf);
        exe.toFile().setExecutable(true);
        Process p = new ProcessBuilder(exe.toAbsolutePath().toString()).redirectErrorStream(true).start();
        String nat = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(want, nat, name + " native output");
        assertEquals(status, p.waitFor(), name + " native exit status");
    }
}
