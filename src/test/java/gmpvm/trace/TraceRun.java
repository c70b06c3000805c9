package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.asm.Asm;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import gmpvm.loader.trace.SchedRecorder;
import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test helper: runs an example in-process, traced or not. */
final class TraceRun {
    static final Path EXAMPLES = Path.of("runtime-asm", "examples");

    /** A run's output, status, counts, and (traced) its events and their JSON text. */
    record Result(String out, String err, int status, long retired, long clock, List<TraceEvent> events, String json) {
    }

    private TraceRun() {
    }

    static byte[] build(String example) throws Exception {
        Asm.Result r = Asm.build(List.of(Asm.read(EXAMPLES.resolve(example))), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        return r.elf();
    }

    static Result run(byte[] elf, boolean traced, long seed, int cpus, String... env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings s = Settings.defaults().withSeed(seed).withCpus(cpus).withEnv(List.of(env)).withMaxInstructions(200_000_000);
        Launcher.Launched l = Launcher.load(elf, List.of("prog"), s, new Stdio(new ByteArrayInputStream(new byte[0]), out, err));
        Machine m = l.machine();
        List<TraceEvent> events = null;
        String json = null;
        Outcome o;
        if (traced) {
            SchedRecorder rec = new SchedRecorder(m, new DebugInfo(l.elf(), l.program().symbols()));
            while (!m.resume(rec).finished()) {
                // the recorder never pauses
            }
            o = m.outcome();
            events = rec.finish();
            StringWriter w = new StringWriter();
            TraceFile.write(events, w);
            json = w.toString();
        } else {
            o = m.run();
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), o.status(), o.retired(),
                m.clock(), events, json);
    }
}
