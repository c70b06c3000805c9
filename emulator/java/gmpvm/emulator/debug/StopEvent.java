package gmpvm.emulator.debug;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.MachineEvent;
import gmpvm.emulator.Outcome;

/**
 * Why and where an {@link Engine} run stopped.
 *
 * @param reason   why
 * @param thread   the thread that stopped (the one that hit, stepped or caused the event); null
 *                 when the process has ended with no thread running
 * @param rip      its RIP: the instruction not yet executed (BREAKPOINT, STEP, RETIRED), the one
 *                 after the change (WATCHPOINT, HOOK), after the SYSCALL (syscall catches)
 * @param retired  the machine's global retired-instruction count
 * @param point    the stoppoint that fired (BREAKPOINT, WATCHPOINT, CATCH, HOOK), else null
 * @param event    the kernel event (CATCH), else null
 * @param outcome  how the process ended (EXITED), else null
 */
public record StopEvent(Reason reason, GuestThread thread, long rip, long retired, Stoppoint point,
                        MachineEvent event, Outcome outcome) {
    /** Why the run stopped. */
    public enum Reason {
        /** A breakpoint: before its instruction. */
        BREAKPOINT,
        /** A watchpoint's bytes changed: after the instruction (or system call) that wrote them. */
        WATCHPOINT,
        /** A catchpoint's event (see {@link #event}). */
        CATCH,
        /** A hook's check said stop. */
        HOOK,
        /** {@link Engine#stepInstructions} retired its count on the thread. */
        STEP,
        /** {@link Engine#runUntilRetired} reached its count. */
        RETIRED,
        /** {@link Engine#interrupt} was called. */
        INTERRUPT,
        /** The process ended (see {@link #outcome}). */
        EXITED
    }

    public boolean exited() {
        return reason == Reason.EXITED;
    }
}
