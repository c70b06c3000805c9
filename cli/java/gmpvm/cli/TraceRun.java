package gmpvm.cli;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.Pause;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.trace.SchedRecorder;
import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import gmpvm.loader.trace.TraceHtml;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code run --trace/--trace-html}: runs the machine under the scheduler recorder and writes the files. */
final class TraceRun {
    private final Machine machine;
    private final SchedRecorder recorder;

    TraceRun(Launcher.Launched l) {
        this.machine = l.machine();
        this.recorder = new SchedRecorder(machine, new DebugInfo(l.elf(), l.program().symbols()));
    }

    Outcome run() {
        Pause p;
        do {
            p = machine.resume(recorder); // the recorder never pauses; one call runs to the end
        } while (!p.finished());
        return machine.outcome();
    }

    /** Writes the requested files; false (the reason on err) when one cannot be written. */
    boolean write(Path json, Path html, PrintStream err) {
        List<TraceEvent> events = recorder.finish();
        Path current = json;
        try {
            if (json != null) {
                TraceFile.write(events, json);
            }
            current = html;
            if (html != null) {
                TraceHtml.write(events, html);
            }
            return true;
        } catch (IOException e) {
            err.println("gmpvm: " + current + ": cannot write the trace: " + ReadError.why(e));
            return false;
        }
    }
}
