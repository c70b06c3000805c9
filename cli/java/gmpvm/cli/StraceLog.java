package gmpvm.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Turns on the {@code gmpvm.strace} logger (off by default in logback.xml) for {@code --strace}. */
final class StraceLog {
    private StraceLog() {
    }

    static void enable() {
        org.slf4j.Logger l = LoggerFactory.getLogger("gmpvm.strace");
        if (l instanceof Logger) {
            ((Logger) l).setLevel(Level.INFO);
        }
    }
}
