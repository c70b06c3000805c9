package gmpvm.runtime;

import gmpvm.loader.launch.Settings;
import gmpvm.loader.launch.Launcher;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test helper: links a program with the runtime and runs it in-process on the emulator. */
final class RuntimeRun {
    /** What a run printed (stdout then stderr), its exit status and instruction count. */
    record Result(String out, String err, int status, long retired) {
        String both() {
            return out + err;
        }
    }

    private RuntimeRun() {
    }

    static byte[] build(Path src) throws Exception {
        Asm.Result r = Asm.build(List.of(Asm.read(src)), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        return r.elf();
    }

    static byte[] buildText(String name, String text) {
        Asm.Result r = Asm.build(List.of(new SourceText(name, text, null)), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        return r.elf();
    }

    static Result run(byte[] elf, long seed, int cpus, String... env) throws Exception {
        return runLimited(elf, seed, cpus, 200_000_000, env);
    }

    /** As {@link #run}, stopping after maxInstructions (exit status 124). */
    static Result runLimited(byte[] elf, long seed, int cpus, long maxInstructions, String... env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings s = Settings.defaults().withSeed(seed).withCpus(cpus).withEnv(List.of(env)).withMaxInstructions(maxInstructions);
        Machine m = Launcher.load(elf, List.of("prog"), s, new Stdio(new ByteArrayInputStream(new byte[0]), out, err)).machine();
        Outcome o = m.run();
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), o.status(), o.retired());
    }
}
