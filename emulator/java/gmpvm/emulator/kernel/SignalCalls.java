package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.SignalFrame.AltStack;
import gmpvm.emulator.kernel.SignalFrame.SigInfo;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;

/**
 * Signals: the process's actions (rt_sigaction), per-thread masks (rt_sigprocmask) and
 * alternate stacks (sigaltstack), sending (kill, tkill, tgkill), delivery at an instruction
 * boundary of the target thread through a Linux rt_sigframe ({@link SignalFrame}), and
 * rt_sigreturn. Synchronous faults become signals here too. Default actions follow Linux:
 * SIGCHLD, SIGURG, SIGWINCH and SIGCONT are ignored (and, lacking job control, so are the stop
 * signals); every other signal ends the process.
 */
public final class SignalCalls {
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_ONSTACK = 0x08000000L,
            SA_RESTART = 0x10000000L, SA_NODEFER = 0x40000000L, SA_RESETHAND = 0x80000000L,
            SA_RESTORER = 0x04000000L;
    public static final int SI_USER = 0, SI_TKILL = -6;
    static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    static final int NSIG = 64;
    static final long UNBLOCKABLE = ThreadSignals.bit(Signals.SIGKILL) | ThreadSignals.bit(19);
    static final long MINSIGSTKSZ = 2048;

    private final GuestMemory mem;
    private final ProcessControl control;
    /** Takes a thread out of whatever wait queue it sleeps in (futex, pipe, epoll). */
    private final java.util.function.Consumer<GuestThread> cancelWait;
    private final long[] handler = new long[NSIG + 1];
    private final long[] flags = new long[NSIG + 1];
    private final long[] restorer = new long[NSIG + 1];
    private final long[] mask = new long[NSIG + 1];

    SignalCalls(GuestMemory mem, ProcessControl control, java.util.function.Consumer<GuestThread> cancelWait) {
        this.mem = mem;
        this.control = control;
        this.cancelWait = cancelWait;
    }

    /** The handler address for sig (SIG_DFL 0, SIG_IGN 1). */
    public long handler(int sig) {
        return handler[sig];
    }

    static boolean defaultIgnored(int sig) {
        switch (sig) {
            case Signals.SIGCHLD: case 18: case Signals.SIGURG: case 28: // CHLD CONT URG WINCH
            case 19: case 20: case 21: case 22: // STOP TSTP TTIN TTOU: no job control here
                return true;
            default:
                return false;
        }
    }

    private boolean ignored(int sig) {
        return handler[sig] == SIG_IGN || (handler[sig] == SIG_DFL && defaultIgnored(sig));
    }

    // ------------------------------------------------------------------ system calls

    long rtSigaction(long sig, long act, long oact, long size) {
        if (size != 8 || sig < 1 || sig > NSIG) {
            return -Errno.EINVAL;
        }
        int s = (int) sig;
        if (act != 0 && (s == Signals.SIGKILL || s == 19)) {
            return -Errno.EINVAL;
        }
        long nh = 0, nf = 0, nr = 0, nm = 0;
        if (act != 0) {
            mem.checkReadable(act, 32);
            nh = mem.read64(act);
            nf = mem.read64(act + 8);
            nr = mem.read64(act + 16);
            nm = mem.read64(act + 24);
        }
        if (oact != 0) {
            mem.checkWritable(oact, 32);
            mem.write64(oact, handler[s]);
            mem.write64(oact + 8, flags[s]);
            mem.write64(oact + 16, restorer[s]);
            mem.write64(oact + 24, mask[s]);
        }
        if (act != 0) {
            handler[s] = nh;
            flags[s] = nf;
            restorer[s] = nr;
            mask[s] = nm & ~UNBLOCKABLE;
            if (ignored(s)) {
                // setting SIG_IGN discards what is pending
                for (GuestThread t : control.threads()) {
                    t.signals.take(s);
                }
            }
        }
        return 0;
    }

    long rtSigprocmask(GuestThread t, long how, long set, long oset, long size) {
        if (size != 8) {
            return -Errno.EINVAL;
        }
        long old = t.signals.mask;
        long nset = 0;
        if (set != 0) {
            mem.checkReadable(set, 8);
            nset = mem.read64(set);
        }
        if (oset != 0) {
            mem.checkWritable(oset, 8);
            mem.write64(oset, old);
        }
        if (set != 0) {
            switch ((int) how) {
                case SIG_BLOCK: t.signals.mask = old | nset; break;
                case SIG_UNBLOCK: t.signals.mask = old & ~nset; break;
                case SIG_SETMASK: t.signals.mask = nset; break;
                default: return -Errno.EINVAL;
            }
            t.signals.mask &= ~UNBLOCKABLE;
        }
        return 0;
    }

    long sigaltstack(GuestThread t, long ss, long oss) {
        AltStack cur = t.signals.alt;
        boolean onIt = cur.contains(t.cpu().r[CpuState.RSP]);
        if (oss != 0) {
            mem.checkWritable(oss, 24);
            mem.write64(oss, cur.sp());
            mem.write64(oss + 8, onIt ? AltStack.SS_ONSTACK : cur.flags() == AltStack.SS_DISABLE ? AltStack.SS_DISABLE : 0);
            mem.write64(oss + 16, cur.size());
        }
        if (ss != 0) {
            mem.checkReadable(ss, 24);
            long sp = mem.read64(ss);
            int fl = mem.read32(ss + 8);
            long size = mem.read64(ss + 16);
            if (onIt) {
                return -Errno.EPERM;
            }
            if ((fl & ~AltStack.SS_DISABLE) != 0 && fl != AltStack.SS_ONSTACK) {
                return -Errno.EINVAL;
            }
            if ((fl & AltStack.SS_DISABLE) != 0) {
                t.signals.alt = AltStack.NONE;
            } else {
                if (size < MINSIGSTKSZ) {
                    return -Errno.ENOMEM;
                }
                t.signals.alt = new AltStack(sp, size, 0);
            }
        }
        return 0;
    }

    long kill(GuestThread t, long pid, long sig) {
        if (sig < 0 || sig > NSIG) {
            return -Errno.EINVAL;
        }
        if (pid != ProcessCalls.PID && pid != 0 && pid != -1) {
            return -Errno.ESRCH;
        }
        if (sig == 0) {
            return 0;
        }
        // a process-directed signal goes to the first thread that does not block it
        GuestThread target = null;
        for (GuestThread x : control.threads()) {
            if (!x.exited() && (target == null || ((x.signals.mask & ThreadSignals.bit((int) sig)) == 0
                    && (target.signals.mask & ThreadSignals.bit((int) sig)) != 0))) {
                target = x;
            }
        }
        if (target != null) {
            send(target, new SigInfo((int) sig, SI_USER, 0, ProcessCalls.PID, ProcessCalls.UID));
        }
        return 0;
    }

    long tgkill(GuestThread t, long tgid, long tid, long sig) {
        if (tgid <= 0 || tid <= 0) {
            return -Errno.EINVAL;
        }
        if (tgid != ProcessCalls.PID) {
            return -Errno.ESRCH;
        }
        return tkill(t, tid, sig);
    }

    long tkill(GuestThread t, long tid, long sig) {
        if (sig < 0 || sig > NSIG || tid <= 0) {
            return -Errno.EINVAL;
        }
        GuestThread target = control.thread((int) tid);
        if (target == null) {
            return -Errno.ESRCH;
        }
        if (sig != 0) {
            send(target, new SigInfo((int) sig, SI_TKILL, 0, ProcessCalls.PID, ProcessCalls.UID));
        }
        return 0;
    }

    /** rt_sigreturn: restores the interrupted context; the result is the restored RAX. */
    long rtSigreturn(GuestThread t) {
        CpuState c = t.cpu();
        SignalFrame.Restored r;
        try {
            r = SignalFrame.pop(mem, c);
        } catch (MemoryFault f) {
            control.killProcess(t, Signals.SIGSEGV, 0x80, 0);
            return 0;
        }
        t.signals.mask = r.sigmask() & ~UNBLOCKABLE;
        if (!t.signals.alt.contains(c.r[CpuState.RSP])) {
            t.signals.alt = (r.altFlags() & AltStack.SS_DISABLE) != 0 ? AltStack.NONE
                    : r.altSize() >= MINSIGSTKSZ ? new AltStack(r.altSp(), r.altSize(), 0) : t.signals.alt;
        }
        return c.r[CpuState.RAX];
    }

    // ------------------------------------------------------------------ delivery

    /**
     * Makes sig pending on target. If the target sleeps in a system call and the signal will
     * run a handler or kill, the sleep ends: the call returns -EINTR, or is restarted after the
     * handler when the action has SA_RESTART and the call allows it.
     */
    public void send(GuestThread target, SigInfo si) {
        int sig = si.signo();
        long b = ThreadSignals.bit(sig);
        if (sig == Signals.SIGKILL) {
            control.killProcess(target, sig, si.code(), 0);
            return;
        }
        if (ignored(sig) && (target.signals.mask & b) == 0) {
            return;
        }
        target.signals.post(si);
        if (target.blocked() && (target.signals.mask & b) == 0) {
            interrupt(target, sig);
        }
    }

    private void interrupt(GuestThread t, int sig) {
        GuestThread.Wait w = t.waiting();
        cancelWait.accept(t);
        boolean handled = handler[sig] != SIG_DFL && handler[sig] != SIG_IGN;
        if (w.restartable() && handled && (flags[sig] & SA_RESTART) != 0) {
            t.cpu().rip -= 2;
            control.wake(t, w.syscall());
        } else {
            control.wake(t, -Errno.EINTR);
        }
    }

    /**
     * Delivers one pending, unblocked signal to t, which is about to run: sets up the handler's
     * frame, or applies the default action.
     *
     * @return false if the signal ended the process
     */
    public boolean deliver(GuestThread t) {
        long d = t.signals.deliverable();
        if (d == 0) {
            return true;
        }
        int sig = Long.numberOfTrailingZeros(d) + 1;
        SigInfo si = t.signals.take(sig);
        return run(t, si);
    }

    /**
     * A synchronous fault raised by t's current instruction. It runs the handler if one is set
     * and the signal is not blocked; otherwise (blocked, ignored or default) it ends the process,
     * as Linux forces synchronous signals.
     *
     * @return false if the process ended
     */
    public boolean fault(GuestThread t, int sig, int code, long addr) {
        long h = handler[sig];
        if (h == SIG_DFL || h == SIG_IGN || (t.signals.mask & ThreadSignals.bit(sig)) != 0) {
            control.killProcess(t, sig, code, addr);
            return false;
        }
        return run(t, new SigInfo(sig, code, addr, 0, 0));
    }

    private boolean run(GuestThread t, SigInfo si) {
        int sig = si.signo();
        long h = handler[sig];
        if (h == SIG_IGN || (h == SIG_DFL && defaultIgnored(sig))) {
            return true;
        }
        if (h == SIG_DFL) {
            control.killProcess(t, sig, si.code(), si.addr());
            return false;
        }
        CpuState c = t.cpu();
        AltStack alt = t.signals.alt;
        boolean switchStack = (flags[sig] & SA_ONSTACK) != 0 && alt.flags() != AltStack.SS_DISABLE
                && !alt.contains(c.r[CpuState.RSP]);
        try {
            SignalFrame.push(mem, c, h, restorer[sig], si, switchStack, alt, t.signals.mask);
        } catch (MemoryFault f) {
            // no room for the frame: Linux kills the process with SIGSEGV
            control.killProcess(t, Signals.SIGSEGV, 0x80, 0);
            return false;
        }
        t.signals.mask |= mask[sig] | ((flags[sig] & SA_NODEFER) != 0 ? 0 : ThreadSignals.bit(sig));
        t.signals.mask &= ~UNBLOCKABLE;
        if ((flags[sig] & SA_RESETHAND) != 0) {
            handler[sig] = SIG_DFL;
            flags[sig] = 0;
        }
        return true;
    }
}
