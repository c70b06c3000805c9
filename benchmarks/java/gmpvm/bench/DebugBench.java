package gmpvm.bench;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The debugger's {@code continue} with nothing armed against a plain run: the same program
 * (pingpong, 10,000 channel round trips, about 11 million instructions, launched through the
 * one launcher) run by {@code Machine.run()} and by the stepping engine's {@code cont()}. Scores
 * are milliseconds per whole run; the engine must stay within 80% of run's speed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DebugBench {
    @Param({"1", "4"})
    public int cpus;

    private byte[] elf;

    @Setup
    public void setup() throws IOException {
        String text;
        try (InputStream in = DebugBench.class.getResourceAsStream("/runtime-asm/examples/pingpong.s")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Asm.Result r = Launcher.assemble(List.of(new SourceText("pingpong.s", text, null)), List.of(), false, null);
        if (!r.ok()) {
            throw new IllegalStateException(r.diagnostics().format());
        }
        elf = r.elf();
    }

    private Machine machine() throws Exception {
        Settings s = Settings.defaults().withCpus(cpus).withEnv(List.of("GOMAXPROCS=" + cpus));
        return Launcher.load(elf, List.of("pingpong"), s, new Stdio(new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream())).machine();
    }

    @Benchmark
    public long run() throws Exception {
        Outcome o = machine().run();
        return o.retired();
    }

    @Benchmark
    public long debugContinue() throws Exception {
        Engine e = new Engine(machine());
        StopEvent s = e.cont();
        if (!s.exited()) {
            throw new IllegalStateException("stopped: " + s);
        }
        return s.retired();
    }
}
