package gmpvm.emulator;

/**
 * How a guest process ended.
 *
 * @param kind     exited normally, killed by a signal, or stopped at the instruction limit
 * @param status   the shell's exit status: the exit code, 128+signal, 124 at a limit, 125 on deadlock
 * @param signal   the signal that killed it (0 unless SIGNALED)
 * @param code     the signal's si_code
 * @param address  the signal's si_addr (the faulting data address for SIGSEGV)
 * @param rip      RIP of the thread that ended the process (the faulting instruction for faults)
 * @param tid      that thread's id
 * @param retired  instructions retired by all threads
 */
public record Outcome(Kind kind, int status, int signal, int code, long address, long rip, int tid, long retired) {
    /** Exit status used when a limit (instructions, host time, output) stops a run, as timeout(1) does. */
    public static final int LIMIT_STATUS = 124;
    /** Exit status used when every thread sleeps with nothing left that could wake one. */
    public static final int DEADLOCK_STATUS = 125;

    /** The ways a process ends: the last three are limits gmpvm set (--max-insns, --timeout, --max-output). */
    public enum Kind { EXITED, SIGNALED, DEADLOCK, INSN_LIMIT, TIME_LIMIT, OUTPUT_LIMIT }
}
