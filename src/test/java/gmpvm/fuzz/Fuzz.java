package gmpvm.fuzz;

/**
 * How many inputs a fuzz surface runs: {@code -Dgmpvm.fuzz.inputs=N} (the {@code fuzz} Maven
 * profile sets a million); by default each surface's own representative slice, seconds long.
 * Every generator is seeded ({@code -Dgmpvm.fuzz.seed=S} changes the seed), so a failure names
 * the input that can be replayed.
 */
final class Fuzz {
    private Fuzz() {
    }

    static long inputs(long slice) {
        return Long.getLong("gmpvm.fuzz.inputs", slice);
    }

    static long seed(long fallback) {
        return Long.getLong("gmpvm.fuzz.seed", fallback);
    }

    /**
     * Runs body with the kernel's log (unknown system calls, refused clones) switched off:
     * random calls would print them by the thousand. Their capping is tested elsewhere.
     */
    static void quietKernel(Runnable body) {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("gmpvm.emulator.kernel");
        ch.qos.logback.classic.Level before = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.OFF);
        try {
            body.run();
        } finally {
            log.setLevel(before);
        }
    }

    /** One line for the build log: the surface, how many inputs ran, and how they ended. */
    static void report(String surface, long inputs, Object ends) {
        System.out.println("fuzz " + surface + ": " + inputs + " inputs, " + ends);
    }
}
