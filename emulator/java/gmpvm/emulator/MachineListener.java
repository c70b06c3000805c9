package gmpvm.emulator;

/**
 * Observes a running {@link Machine}: system calls, faults, thread and process exits. Every
 * method has an empty default, so an observer implements only what it needs. Calls happen only
 * where the interpreter has already stopped (a SYSCALL, a fault, the end of a quantum), so the
 * instruction loop itself pays nothing for observers; a tracer that wants every instruction runs
 * the machine with a quantum of one ({@link Machine#setQuantum}).
 */
public interface MachineListener {
    /** Thread t executed SYSCALL number nr (arguments are in its registers). */
    default void syscallEntered(GuestThread t, int nr) {
    }

    /** The kernel finished syscall nr for t with this result (a -errno on failure). */
    default void syscallReturned(GuestThread t, int nr, long result) {
    }

    /** Thread t's syscall nr put it to sleep (futex wait, nanosleep); syscallResumed follows when it wakes. */
    default void syscallBlocked(GuestThread t, int nr) {
    }

    /** Thread t woke from the sleeping syscall nr with this result. */
    default void syscallResumed(GuestThread t, int nr, long result) {
    }

    /** Thread t was created (clone). */
    default void threadCreated(GuestThread t) {
    }

    /** A signal's default action (or an unhandled fault) kills the process; t received it. */
    default void signalKilled(GuestThread t, int signal) {
    }

    /** Thread t raised a synchronous fault (signal, si_code, si_addr) at RIP t.cpu().rip. */
    default void fault(GuestThread t, int signal, int code, long addr) {
    }

    /** The machine stopped running t after a quantum (budget spent), before choosing the next thread. */
    default void quantumEnded(GuestThread t) {
    }

    /** Thread t exited with this status. */
    default void threadExited(GuestThread t, int status) {
    }

    /** The whole process ended: how and with which shell status. */
    default void processExited(Outcome outcome) {
    }
}
