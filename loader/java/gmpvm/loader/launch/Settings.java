package gmpvm.loader.launch;

import gmpvm.emulator.memory.GuestMemory;
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
 * @param memLimit        bytes the guest may have mapped in all ({@code --mem})
 */
public record Settings(int cpus, long seed, List<String> env, long maxInstructions, long quantum, long memLimit) {
    /** Bounds of {@link #memLimit}: 1 MiB and 64 GiB. */
    public static final long MIN_MEM = 1L << 20, MAX_MEM = 64L << 30;

    public Settings {
        env = List.copyOf(env);
    }

    /** Settings with the default memory limit (1 GiB). */
    public Settings(int cpus, long seed, List<String> env, long maxInstructions, long quantum) {
        this(cpus, seed, env, maxInstructions, quantum, GuestMemory.DEFAULT_LIMIT);
    }

    /** One CPU, seed 0, an empty environment, no instruction limit, the default quantum, 1 GiB of memory. */
    public static Settings defaults() {
        return new Settings(1, 0, List.of(), Long.MAX_VALUE, 0);
    }

    public Settings withCpus(int n) {
        return new Settings(n, seed, env, maxInstructions, quantum, memLimit);
    }

    public Settings withSeed(long s) {
        return new Settings(cpus, s, env, maxInstructions, quantum, memLimit);
    }

    public Settings withEnv(List<String> e) {
        return new Settings(cpus, seed, e, maxInstructions, quantum, memLimit);
    }

    public Settings withMaxInstructions(long n) {
        return new Settings(cpus, seed, env, n, quantum, memLimit);
    }

    public Settings withQuantum(long q) {
        return new Settings(cpus, seed, env, maxInstructions, q, memLimit);
    }

    public Settings withMemLimit(long bytes) {
        return new Settings(cpus, seed, env, maxInstructions, quantum, bytes);
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
        if (memLimit < MIN_MEM || memLimit > MAX_MEM) {
            return "--mem must be between 1 MiB and 64 GiB";
        }
        for (String e : env) {
            if (!e.contains("=")) {
                return "--env wants K=V, got '" + e + "'";
            }
        }
        return null;
    }
}
