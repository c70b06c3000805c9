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
import gmpvm.loader.trace.TraceWindow;
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

    /**
     * {@code FROM:TO} or {@code FROM:} in virtual µs as {from, to} ns (to 0: the end), or null
     * when it is not a window.
     */
    static long[] window(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            double from = Double.parseDouble(spec.substring(0, colon).strip());
            String t = spec.substring(colon + 1).strip();
            double to = t.isEmpty() ? 0 : Double.parseDouble(t);
            if (!(from >= 0) || Double.isInfinite(from) || Double.isNaN(to) || Double.isInfinite(to) || (!t.isEmpty() && to <= from)) {
                return null;
            }
            return new long[] {Math.round(from * 1000), Math.round(to * 1000)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Writes the requested files (of the window, when one is given); false (the reason on err) when one cannot be written. */
    boolean write(Path json, Path html, long[] window, PrintStream err) {
        List<TraceEvent> events = recorder.finish();
        if (window != null) {
            events = TraceWindow.cut(events, window[0], window[1]);
        }
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
