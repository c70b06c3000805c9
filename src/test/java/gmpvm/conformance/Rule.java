package gmpvm.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a conformance program's output is compared between Go and gmpvm. Each program names its
 * rule in its opening comment, on a line of its own ({@code // Rule: frames dropped.});
 * without one the rule is {@link #EXACT}.
 */
enum Rule {
    /** Every byte of stdout and stderr, and the exit status. */
    EXACT,
    /**
     * The stack frames under each goroutine header are dropped from both outputs: a line
     * {@code goroutine N [status]:} is kept and the lines after it up to the next blank line
     * (Go's function and file:line frames, "created by" lines) are not compared. gmpvm prints
     * no frames yet; the headers, the messages and the exit status must still match exactly.
     */
    FRAMES_DROPPED;

    private static final Pattern HEADER = Pattern.compile("goroutine \\d+ \\[[^\\]]*\\]:");

    static final String FRAMES_DROPPED_LINE = "// Rule: frames dropped.";

    static Rule of(String source) {
        return source.lines().anyMatch(FRAMES_DROPPED_LINE::equals) ? FRAMES_DROPPED : EXACT;
    }

    /** The part of an output this rule compares. */
    String compared(String output) {
        if (this == EXACT) {
            return output;
        }
        List<String> kept = new ArrayList<>();
        boolean inFrames = false;
        for (String line : output.split("\n", -1)) {
            if (inFrames && !line.isEmpty()) {
                continue;
            }
            inFrames = HEADER.matcher(line).matches();
            kept.add(line);
        }
        return String.join("\n", kept);
    }
}
