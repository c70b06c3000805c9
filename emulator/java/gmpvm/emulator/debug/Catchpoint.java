package gmpvm.emulator.debug;

import gmpvm.emulator.MachineEvent;

/**
 * Stops on a kernel-side event: a system call (by number, or any) at its entry and at its
 * return, a signal about to be delivered (by number, or any), a thread created or exited.
 */
public final class Catchpoint extends Stoppoint {
    /** What it catches. */
    public enum Kind { SYSCALL, SIGNAL, THREAD }

    /** Catches any number. */
    public static final int ANY = -1;

    private final Kind kind;
    private final int number;

    Catchpoint(int id, Kind kind, int number) {
        super(id);
        this.kind = kind;
        this.number = number;
    }

    public Kind kind() {
        return kind;
    }

    /** The system call or signal number, or {@link #ANY}. */
    public int number() {
        return number;
    }

    boolean matches(MachineEvent e) {
        return switch (e.kind()) {
            case SYSCALL_ENTRY, SYSCALL_RETURN -> kind == Kind.SYSCALL && (number == ANY || number == e.number());
            case SIGNAL -> kind == Kind.SIGNAL && (number == ANY || number == e.number());
            case THREAD_CREATED, THREAD_EXITED -> kind == Kind.THREAD;
        };
    }
}
