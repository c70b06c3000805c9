package gmpvm.emulator;

import gmpvm.emulator.cpu.CpuState;

/**
 * One guest thread: its Linux thread id, its CPU state and what the kernel keeps per thread
 * (the clear-child-tid address, the robust-list head). The Machine schedules these.
 */
public final class GuestThread {
    /** Scheduling state. */
    public enum State { RUNNABLE, EXITED }

    private final int tid;
    private final CpuState cpu;
    private State state = State.RUNNABLE;
    private int exitStatus;
    /** set_tid_address: cleared (and futex-woken, once futexes exist) when the thread exits. */
    public long clearChildTid;
    /** set_robust_list head and length (recorded, not walked yet). */
    public long robustListHead;
    public long robustListLen;

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

    public int exitStatus() {
        return exitStatus;
    }

    /** Marks the thread finished with the given exit(2) status. */
    public void exit(int status) {
        state = State.EXITED;
        exitStatus = status;
    }
}
