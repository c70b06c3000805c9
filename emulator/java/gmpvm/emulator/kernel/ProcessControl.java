package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;

/** What the kernel asks of the machine that runs the process: ending threads and the process. */
public interface ProcessControl {
    /** exit(2): thread t ends with this status. */
    void exitThread(GuestThread t, int status);

    /** exit_group(2) called by t: every thread ends and the process exits with this status. */
    void exitGroup(GuestThread t, int status);

    /** The virtual clock in nanoseconds. */
    long nanos();
}
