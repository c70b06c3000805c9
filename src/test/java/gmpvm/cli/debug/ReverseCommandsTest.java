package gmpvm.cli.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The debugger's reverse commands, through {@code gmpvm debug -ex}: where each one lands. */
class ReverseCommandsTest {
    record Run(int status, String out, String err) {
    }

    static Run gmpvm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The instruction counts of every stop, in order. */
    static List<Long> counts(String out) {
        List<Long> c = new ArrayList<>();
        Matcher m = Pattern.compile(", insn (\\d+)\\]").matcher(out);
        while (m.find()) {
            c.add(Long.parseLong(m.group(1)));
        }
        return c;
    }

    @Test
    void reverseCommandsLandWhereTheForwardRunWas() {
        Run r = gmpvm("debug", "-ex", "break runtime.gogo", "-ex", "continue", "-ex", "continue", "-ex", "stepi", "-ex",
                "stepi", "-ex", "reverse-stepi", "-ex", "reverse-stepi 2", "-ex", "reverse-continue", "-ex",
                "reverse-continue", "-ex", "continue", "-ex", "reverse-finish", "-ex", "reverse-step",
                "runtime-asm/examples/pingpong.s");
        assertEquals(0, r.status(), r.err());
        List<Long> c = counts(r.out());
        // loaded at 0; two breakpoint hits; two steps; back one, back two; back to the first hit; back to the start;
        // forward to the first hit again; back to the call of gogo; back to the start of the line before
        long first = c.get(1);
        long second = c.get(2);
        assertEquals(List.of(0L, first, second, second + 1, second + 2, second + 1, second - 1, first, 0L, first,
                first - 1, c.get(11)), c, r.out());
        assertTrue(c.get(11) < first - 1, r.out());
        assertTrue(r.out().contains("No more reverse-execution history."), r.out());
        // reverse-stepi 2 and reverse-finish both land on execute's CALL of gogo
        String[] stops = r.out().split("\\(gmpvm\\) ");
        assertTrue(stops[7].contains("CALL runtime.gogo(SB)"), stops[7]);
        assertTrue(stops[11].contains("CALL runtime.gogo(SB)"), stops[11]);
        assertTrue(stops[12].startsWith("reverse-step\nruntime.execute"), stops[12]);
    }

    @Test
    void switchCatchpointsFollowTheReplayedRun() {
        Run r = gmpvm("debug", "-ex", "catch switch", "-ex", "continue", "-ex", "continue", "-ex", "reverse-stepi 3",
                "-ex", "continue", "-ex", "reverse-continue", "-ex", "continue", "-ex", "continue",
                "runtime-asm/examples/yield.s");
        assertEquals(0, r.status(), r.err());
        List<Long> c = counts(r.out());
        // loaded; switch 1; switch 2 (shown once SP moved too, two instructions after the g store);
        // three back, before the g store; switch 2 again (the jump back is no switch); back to the
        // start (catchpoints are not searched backwards); switch 1 and 2 again
        assertEquals(8, c.size(), r.out());
        assertEquals(List.of(0L, c.get(1), c.get(2), c.get(2) - 3, c.get(2), 0L, c.get(1), c.get(2)), c, r.out());
        assertTrue(c.get(1) < c.get(2), r.out());
    }

    @Test
    void beforeTheProgramRunsThereIsNothingToGoBackTo() {
        Run r = gmpvm("debug", "-ex", "reverse-stepi", "-ex", "reverse-continue", "runtime-asm/examples/hello.s");
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.out().split("The program has not run yet: there is nothing to go back to\\.", -1).length - 1,
                r.out() + r.err());
    }

    @Test
    void gdbModeRefusesNonLoopbackAndScripts() {
        Run r = gmpvm("debug", "--gdb", "0.0.0.0:0", "runtime-asm/examples/hello.s");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("gmpvm: --gdb: refusing to listen on 0.0.0.0, which is not a loopback address"), r.err());
        Run s = gmpvm("debug", "--gdb", "127.0.0.1:0", "-ex", "continue", "runtime-asm/examples/hello.s");
        assertEquals(2, s.status());
        assertEquals("gmpvm: --gdb serves gdb's commands; it does not take --batch or -ex\n", s.err());
    }
}
