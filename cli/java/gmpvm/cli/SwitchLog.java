package gmpvm.cli;

import gmpvm.cli.debug.SwitchText;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.debug.SwitchTracker;
import gmpvm.loader.launch.Launcher;
import java.io.PrintStream;

/** {@code run --break-on-switch}: runs the program on the engine and prints one line per context switch. */
final class SwitchLog {
    private final Engine engine;
    private final SwitchTracker tracker;
    private final GoRuntime go;
    private final PrintStream err;

    SwitchLog(Launcher.Launched l, PrintStream err) {
        this.engine = new Engine(l.machine());
        DebugInfo info = new DebugInfo(l.elf(), l.program().symbols());
        this.go = new GoRuntime(l.machine().memory(), info);
        this.tracker = new SwitchTracker(l.machine(), go);
        this.err = err;
        engine.hook("context switch", tracker);
    }

    Outcome run() {
        StopEvent e;
        while (!(e = engine.cont()).exited()) {
            if (e.reason() == StopEvent.Reason.HOOK) {
                err.println("gmpvm: " + SwitchText.line(tracker.last(), go));
            }
        }
        return e.outcome();
    }
}
