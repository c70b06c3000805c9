package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import java.util.List;

/**
 * What the kernel asks of the machine that runs the process: ending threads and the process,
 * creating threads, putting threads to sleep and waking them, and the virtual clock.
 */
public interface ProcessControl {
    /** exit(2): thread t ends with this status. */
    void exitThread(GuestThread t, int status);

    /** exit_group(2) called by t: every thread ends and the process exits with this status. */
    void exitGroup(GuestThread t, int status);

    /** A signal's default action ends the process (status 128 + sig). */
    void killProcess(GuestThread t, int sig, int code, long addr);

    /** The virtual clock in nanoseconds, as the running thread sees it. */
    long nanos();

    /** Simulated CPUs. */
    int cpus();

    /** Creates a runnable thread with this initial state; it runs from the next round on. */
    GuestThread spawn(CpuState cpu);

    /** The live (not exited) thread with this id, or null. */
    GuestThread thread(int tid);

    /** Every thread, in creation order. */
    List<GuestThread> threads();

    /** Puts t to sleep in its current system call (RAX is not written now). */
    void block(GuestThread t, GuestThread.Wait w);

    /** Ends t's sleep: its system call returns result. */
    void wake(GuestThread t, long result);

    /** sched_yield: t gives up the rest of its slice. */
    void yield(GuestThread t);
}
