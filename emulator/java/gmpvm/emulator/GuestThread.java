package gmpvm.emulator;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.ThreadSignals;

/**
 * One guest thread: its Linux thread id, its CPU state and what the kernel keeps per thread
 * (the clear-child-tid address, the robust-list head, signal mask, pending signals and
 * alternate stack, and — while it sleeps in a system call — what it waits for).
 */
public final class GuestThread {
    /** Scheduling state. */
    public enum State { RUNNABLE, BLOCKED, EXITED }

    private final int tid;
    private final CpuState cpu;
    private State state = State.RUNNABLE;
    private int exitStatus;
    /** set_tid_address / CLONE_CHILD_CLEARTID: zeroed and futex-woken when the thread exits. */
    public long clearChildTid;
    /** set_robust_list head and length (recorded, not walked). */
    public long robustListHead;
    public long robustListLen;
    /** Signal mask, pending signals, alternate stack. */
    public final ThreadSignals signals = new ThreadSignals();

    // ---- while BLOCKED
    private Wait wait;
    /** Counts the thread's waits, so a timer can tell whether its wait is still the current one. */
    private long waitNumber;
    /** Virtual time at which the thread became runnable (it cannot run earlier). */
    long readyAt;

    /**
     * What a blocked thread waits for.
     *
     * @param syscall     the system call number it sleeps in
     * @param what        a human description for reports ("futex 0x4c2a10", "nanosleep")
     * @param futexAddr   the futex word it waits on, or 0
     * @param bitset      the FUTEX_WAIT_BITSET mask (all ones for plain waits)
     * @param deadline    virtual time at which it wakes by itself, or -1
     * @param onTimeout   the syscall result when the deadline passes
     * @param restartable whether SA_RESTART restarts it after a handler (else -EINTR)
     */
    public record Wait(int syscall, String what, long futexAddr, int bitset, long deadline, long onTimeout,
                       boolean restartable) {
    }

    public GuestThread(int tid, CpuState cpu) {
        this.tid = tid;
        this.cpu = cpu;
    }

    public int tid() {
        return tid;
    }

    public CpuState cpu() {
        return cpu;
    }

    public State state() {
        return state;
    }

    public boolean runnable() {
        return state == State.RUNNABLE;
    }

    public boolean blocked() {
        return state == State.BLOCKED;
    }

    public boolean exited() {
        return state == State.EXITED;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** What the thread waits for while BLOCKED, else null. */
    public Wait waiting() {
        return wait;
    }

    /** Marks the thread finished with the given exit(2) status. */
    public void exit(int status) {
        state = State.EXITED;
        exitStatus = status;
        wait = null;
    }

    void block(Wait w) {
        state = State.BLOCKED;
        wait = w;
        waitNumber++;
    }

    long waitNumber() {
        return waitNumber;
    }

    /** FUTEX_REQUEUE moved this sleeping thread to another futex word. */
    public void requeueTo(long futexAddr) {
        if (wait != null) {
            wait = new Wait(wait.syscall(), String.format("futex 0x%x", futexAddr), futexAddr, wait.bitset(),
                    wait.deadline(), wait.onTimeout(), wait.restartable());
        }
    }

    /** Ends a wait: the syscall returns result (in RAX) and the thread may run from time {@code at}. */
    void unblock(long result, long at) {
        state = State.RUNNABLE;
        wait = null;
        cpu.r[CpuState.RAX] = result;
        readyAt = at;
    }

    @Override
    public String toString() {
        return "thread " + tid;
    }
}
