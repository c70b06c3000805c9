package gmpvm.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * A program of the corpus whose gmpvm output is known to differ from Go's, for a reason
 * docs/conformance.md gives. The test wants gmpvm's output to be exactly NAME.gmpvm (under the
 * program's rule) with this exit status, and to differ from Go's: when the difference goes
 * away, or changes, the test says so and the program moves to the passing set.
 */
record KnownDifference(String program, int gmpvmStatus, String why) {
    static final Map<String, KnownDifference> ALL = Map.of();

    static Optional<KnownDifference> of(String program) {
        return Optional.ofNullable(ALL.get(program));
    }
}
