package gmpvm.loader.launch;

import java.util.List;

/**
 * How a program is run: the options {@code run} and {@code debug} share, so that a debugged
 * run is the same run.
 *
 * @param cpus            simulated CPUs (1..256)
 * @param seed            scheduling seed (also seeds AT_RANDOM and getrandom)
 * @param env             the guest's environment, K=V each
 * @param maxInstructions stop after this many instructions (exit status 124)
 * @param quantum         instructions per slice with seed 0; 0 for the machine's default
 */
public record Settings(int cpus, long seed, List<String> env, long maxInstructions, long quantum) {
    public Settings {
        env = List.copyOf(env);
    }

    /** One CPU, seed 0, an empty environment, no instruction limit, the default quantum. */
    public static Settings defaults() {
        return new Settings(1, 0, List.of(), Long.MAX_VALUE, 0);
    }

    public Settings withCpus(int n) {
        return new Settings(n, seed, env, maxInstructions, quantum);
    }

    public Settings withSeed(long s) {
        return new Settings(cpus, s, env, maxInstructions, quantum);
    }

    public Settings withEnv(List<String> e) {
        return new Settings(cpus, seed, e, maxInstructions, quantum);
    }

    public Settings withMaxInstructions(long n) {
        return new Settings(cpus, seed, env, n, quantum);
    }

    public Settings withQuantum(long q) {
        return new Settings(cpus, seed, env, maxInstructions, q);
    }

    /** The first problem with these settings, in words, or null when they are valid. */
    public String problem() {
        if (cpus < 1 || cpus > 256) {
            return "--cpus must be between 1 and 256";
        }
        if (maxInstructions <= 0) {
            return "--max-insns must be positive";
        }
        if (quantum < 0) {
            return "--quantum must be positive";
        }
        for (String e : env) {
            if (!e.contains("=")) {
                return "--env wants K=V, got '" + e + "'";
            }
        }
        return null;
    }
}
