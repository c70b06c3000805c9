package gmpvm.emulator;

/**
 * What {@link Machine#resume} checks while it runs: the stepping engine's side of the machine
 * (see {@code gmpvm.emulator.debug.Engine}, which implements it). Every check is made inside
 * the slice being run, never by shortening it, so a watched run executes the same instructions
 * in the same thread order as an unwatched one; a pause keeps the slice and {@code resume}
 * continues it as if nothing had happened.
 *
 * <p>The count limits cost nothing per instruction (they only cut the interpreter's budget).
 * {@link #before} and {@link #after} are asked for every instruction, and only while
 * {@link #perInstruction} is true; otherwise the interpreter runs its fast path.
 */
public interface Watcher {
    /** Pause as soon as the machine's global retired-instruction count reaches this ({@link Long#MAX_VALUE}: never). */
    default long pauseAtRetired() {
        return Long.MAX_VALUE;
    }

    /** Pause when this thread's own retired count reaches {@link #pauseThreadAt} (null: no such limit). */
    default GuestThread pauseThread() {
        return null;
    }

    /** See {@link #pauseThread}. */
    default long pauseThreadAt() {
        return Long.MAX_VALUE;
    }

    /** Whether {@link #before}/{@link #after} must be asked for every instruction (read once per interpreter call). */
    default boolean perInstruction() {
        return false;
    }

    /** Before t executes the instruction at rip: true pauses there (the instruction not executed). */
    default boolean before(GuestThread t, long rip) {
        return false;
    }

    /**
     * After t's instruction at pc retired (t.cpu().rip is the next one): true pauses there. Asked
     * for every retired instruction but a trapping INT3; for a SYSCALL, before the kernel runs it.
     */
    default boolean after(GuestThread t, long pc) {
        return false;
    }

    /** A machine event (system call entry or return, signal, thread created or exited): true pauses there. */
    default boolean event(MachineEvent e) {
        return false;
    }

    /** Asked between slices: true pauses before the next slice starts (an asynchronous interrupt). */
    default boolean interrupted() {
        return false;
    }
}
