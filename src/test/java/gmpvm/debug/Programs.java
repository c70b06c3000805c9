package gmpvm.debug;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test helper: the example programs, assembled once per JVM, launched through the one launcher. */
final class Programs {
    static final Path EXAMPLES = Path.of("runtime-asm/examples");
    private static final Map<String, byte[]> BUILT = new ConcurrentHashMap<>();

    private Programs() {
    }

    /** runtime-asm/examples/NAME.s linked with the runtime. */
    static byte[] example(String name) {
        return BUILT.computeIfAbsent(name, n -> {
            try {
                Asm.Result r = Launcher.assemble(List.of(Asm.read(EXAMPLES.resolve(n + ".s"))), List.of(), false, null);
                assertTrue(r.ok(), () -> r.diagnostics().format());
                return r.elf();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A launched example whose guest output goes to out (stdout and stderr together). */
    static Launcher.Launched launch(String name, Settings s, ByteArrayOutputStream out) throws Exception {
        Stdio stdio = new Stdio(new ByteArrayInputStream(new byte[0]), out, out);
        return Launcher.load(example(name), List.of(name), s, stdio);
    }

    /** GOMAXPROCS=4 on 4 CPUs with this seed. */
    static Settings four(long seed) {
        return Settings.defaults().withCpus(4).withSeed(seed).withEnv(List.of("GOMAXPROCS=4")).withMaxInstructions(200_000_000);
    }
}
