package gmpvm.emulator;

/**
 * Something the kernel side of a {@link Machine} did that a {@link Watcher} may pause on.
 *
 * @param kind    what happened
 * @param thread  the thread it happened to (for THREAD_CREATED: the new thread)
 * @param number  the system call number (SYSCALL_*), the signal (SIGNAL), the exit status (THREAD_EXITED)
 * @param value   the system call's result (SYSCALL_RETURN), the creating thread's tid (THREAD_CREATED)
 */
public record MachineEvent(Kind kind, GuestThread thread, int number, long value) {
    /** The events, in the order they can happen around one system call. */
    public enum Kind {
        /** A SYSCALL instruction retired; the kernel has not run the call yet (RIP is after it). */
        SYSCALL_ENTRY,
        /** The kernel finished the call with result value (not reported for a call that put the thread to sleep). */
        SYSCALL_RETURN,
        /** A signal is about to be delivered to the thread (its handler frame not yet pushed, its default action not yet taken). */
        SIGNAL,
        /** A thread was created by clone (reported after the clone call completes). */
        THREAD_CREATED,
        /** A thread exited (reported after its exit call completes). */
        THREAD_EXITED
    }
}
