package gmpvm.emulator.debug;

import gmpvm.emulator.GuestThread;

/**
 * A check run after every instruction of every thread while it is armed: the way front ends
 * add stop conditions the engine does not know (a context switch of the Go runtime, found by
 * the loader's code from the g in TLS). The check must only read machine state.
 */
public final class Hook extends Stoppoint {
    /** The check: t has just retired the instruction at pc (t.cpu().rip is the next one). True stops the run. */
    @FunctionalInterface
    public interface Check {
        boolean after(GuestThread t, long pc);
    }

    private final String description;
    private final Check check;

    Hook(int id, String description, Check check) {
        super(id);
        this.description = description;
        this.check = check;
    }

    public String description() {
        return description;
    }

    boolean after(GuestThread t, long pc) {
        return check.after(t, pc);
    }
}
