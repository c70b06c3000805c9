package gmpvm.emulator.kernel;

import gmpvm.emulator.kernel.SignalFrame.AltStack;
import gmpvm.emulator.kernel.SignalFrame.SigInfo;

/**
 * A thread's signal state: the blocked mask, the pending set (standard signals do not queue:
 * one pending instance each, with the siginfo of the first) and the alternate signal stack.
 * Signal n is bit n-1, as in Linux's sigset_t.
 */
public final class ThreadSignals {
    /** Blocked signals. */
    public long mask;
    /** Pending signals. */
    long pending;
    final SigInfo[] info = new SigInfo[65];
    /** The sigaltstack, or {@link AltStack#NONE}. */
    public AltStack alt = AltStack.NONE;

    static long bit(int sig) {
        return 1L << (sig - 1);
    }

    /** Pending signals that are not blocked. */
    public long deliverable() {
        return pending & ~mask;
    }

    public long pending() {
        return pending;
    }

    void post(SigInfo si) {
        int sig = si.signo();
        if ((pending & bit(sig)) == 0) {
            pending |= bit(sig);
            info[sig] = si;
        }
    }

    SigInfo take(int sig) {
        pending &= ~bit(sig);
        SigInfo si = info[sig];
        info[sig] = null;
        return si;
    }
}
