package gmpvm.emulator.kernel;

import static gmpvm.emulator.kernel.SyscallArg.CLOCK;
import static gmpvm.emulator.kernel.SyscallArg.DEC;
import static gmpvm.emulator.kernel.SyscallArg.FUTEX_OP;
import static gmpvm.emulator.kernel.SyscallArg.HEX;
import static gmpvm.emulator.kernel.SyscallArg.HOW;
import static gmpvm.emulator.kernel.SyscallArg.INT;
import static gmpvm.emulator.kernel.SyscallArg.PTR;
import static gmpvm.emulator.kernel.SyscallArg.SIGNAL;
import static gmpvm.emulator.kernel.SyscallArg.bufOut;
import static gmpvm.emulator.kernel.SyscallArg.in;
import static gmpvm.emulator.kernel.SyscallArg.inArray;
import static gmpvm.emulator.kernel.SyscallArg.inOpt;
import static gmpvm.emulator.kernel.SyscallArg.out;
import static gmpvm.emulator.kernel.SyscallArg.outOpt;
import static gmpvm.emulator.kernel.SyscallArg.strIn;
import static gmpvm.emulator.kernel.SyscallArg.strOut;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every system call the kernel layer implements, one row each (as blink's syscall table does):
 * number, arguments, what gmpvm does, handler. The kernel dispatches through it, checks every
 * buffer argument from it before the call runs ({@link #checkBuffers}), strace formats from it,
 * and docs/kernel.md's table is generated from it.
 */
public final class SyscallTable {
    /** The end of user space as Linux's access_ok sees it on x86-64 (TASK_SIZE_MAX: 2^47 less a guard page). */
    static final long USER_END = (1L << 47) - 4096;

    // what gmpvm does, shared by the rows of one family of calls (the docs group them)
    private static final String STDIO = "fds 0–2 are the host's stdin, stdout, stderr; the others are pipes, "
            + "eventfds and epoll instances that live inside the process (unknown fds: `EBADF`). Output is buffered and flushed at exit, before any report or log line, and when the guest switches "
            + "between stdout and stderr, so their interleaving is the guest's. The guest never touches host files.";
    private static final String FSTAT = "enough for a C library to treat fds 0–2 as a terminal-less character "
            + "device; paths: `ENOENT`/`EACCES` (no host files); ioctl `ENOTTY`, lseek `ESPIPE`";
    private static final String MEMORY = "anonymous memory only; placement is deterministic (the highest free range "
            + "below the mmap top, 1 MiB under the stack, unless a usable hint or `MAP_FIXED`/`MAP_FIXED_NOREPLACE`); "
            + "file mappings `EBADF`; mprotect of an unmapped page `ENOMEM`; madvise does nothing; brk grows and "
            + "shrinks the heap (a request below its start or into used space returns the current break); "
            + "at most `--mem` bytes (default 1 GiB) mapped in all, program and stack included (`ENOMEM` beyond); "
            + "a page gets host memory, outside the Java heap, when first touched, and every call "
            + "costs time in the number of mappings, not of pages";
    private static final String SIGACTION = "handler, `SA_SIGINFO`, `SA_ONSTACK`, `SA_RESTORER`, `SA_RESTART`, "
            + "`SA_NODEFER`, `SA_RESETHAND`, sa_mask; `EINVAL` for SIGKILL/SIGSTOP";
    private static final String SIGMASK = "per-thread masks; SIGKILL and SIGSTOP cannot be blocked";
    private static final String SIGRETURN = "restores every register, RIP, the user flags, XMM0–15, MXCSR, the x87 "
            + "control and status words and the mask from the (possibly edited) frame (a handler starts with the "
            + "default MXCSR 0x1f80 and control word 0x37f, as on Linux)";
    private static final String ALTSTACK = "per thread; `EPERM` while on it, `ENOMEM` below 2048 bytes; a new "
            + "thread starts without one";
    private static final String KILL = "kill is process-directed (the first thread that does not block the "
            + "signal), tkill/tgkill thread-directed with `si_code = SI_TKILL` (-6)";
    private static final String CLONE = "threads only: `CLONE_VM|CLONE_THREAD|CLONE_SIGHAND` required (+`FS`, "
            + "`FILES`, `SYSVSEM`, `SETTLS`, `PARENT_SETTID`, `CHILD_SETTID`, `CHILD_CLEARTID`; a tid pointer that "
            + "cannot be written is skipped, as Linux does). A fork-style clone is refused with one error line on "
            + "the log and `-ENOSYS`.";
    private static final String EXIT = "ends the thread; `CHILD_CLEARTID`: writes 0 there and wakes one futex "
            + "waiter. The process ends with the last thread (status & 0xff).";
    private static final String EXIT_GROUP = "ends the process (status & 0xff)";
    private static final String FUTEX = "`WAIT`, `WAKE`, `WAIT_BITSET`, `WAKE_BITSET`, `REQUEUE`, `CMP_REQUEUE` "
            + "(with or without `FUTEX_PRIVATE_FLAG`, `FUTEX_CLOCK_REALTIME`); `EAGAIN` when the word differs, "
            + "`ETIMEDOUT`, `EINTR` when a signal interrupts, `EINVAL` for a misaligned word, `EFAULT` for a shared futex on unmapped memory. "
            + "Private and shared futexes share one namespace (there is one address space).";
    private static final String YIELD = "ends the thread's slice; returns 0";
    private static final String SLEEP = "sleeps on the virtual clock (relative, or `TIMER_ABSTIME`); `EINTR` if a "
            + "signal interrupts";
    private static final String TIME = "the virtual clock; real-time clocks add a fixed epoch (2025-01-01T00:00:00Z)";
    private static final String ARCH_PRCTL = "`ARCH_SET_FS`/`GET_FS`/`SET_GS`/`GET_GS`: the FS/GS bases (TLS)";
    private static final String IDS = "pid 1000, ppid 999; thread ids count up from 1000 (the first thread's is "
            + "the pid); uid and gid 1000";
    private static final String AFFINITY = "a mask of the `--cpus` simulated CPUs";
    private static final String FIXED = "recorded for the thread (set_tid_address, set_robust_list), or fixed "
            + "answers: prlimit64 (and getrlimit, setrlimit) reports RLIMIT_STACK 8 MiB, RLIMIT_NOFILE 1024/4096, RLIMIT_AS `--mem`, others "
            + "unlimited, and ignores new limits; uname Linux / gmpvm / 6.1.0-gmpvm / x86_64; sysinfo `--mem` of RAM and the virtual "
            + "uptime; getrandom deterministic bytes from `--seed`";
    private static final String PIPES = "descriptors inside the process: pipes (64 KiB, blocking or `O_NONBLOCK`; "
            + "EOF once every writer is closed; `EPIPE` and SIGPIPE once every reader is), eventfds (counter, "
            + "`EFD_SEMAPHORE`), the lowest free number below 1024 (`EMFILE`); dup/dup2/dup3 share the open file; "
            + "fcntl `F_GETFD`/`F_SETFD`/`F_GETFL`/`F_SETFL` (`O_NONBLOCK`)/`F_DUPFD`/`F_DUPFD_CLOEXEC`/"
            + "`F_GETPIPE_SZ`, others `EINVAL`";
    private static final String EPOLL = "interest lists over pipes and eventfds, level-triggered, `EPOLLET`, "
            + "`EPOLLONESHOT`; events reported in the order the fds were added; waits on the virtual clock; "
            + "fds 0–2 `EPERM` (host files), an epoll fd inside another `EINVAL`; epoll_pwait's signal mask must be "
            + "NULL (else `EINVAL`)";
    private static final String NO_FILES = "`-ENOENT`, quietly: the guest sees no file system";
    private static final String RSEQ = "`-ENOSYS`, quietly (glibc carries on without it)";

    private static final Syscall[] BY_NR = new Syscall[512];
    private static final List<Syscall> ROWS;

    static {
        List<Syscall> r = new ArrayList<>();
        r.add(row(Syscalls.READ, STDIO, (k, t, a) -> k.files.read(t, a[0], a[1], a[2]), INT, strOut(2), DEC));
        r.add(row(Syscalls.WRITE, STDIO, (k, t, a) -> k.files.write(t, a[0], a[1], a[2]), INT, strIn(2), DEC));
        r.add(row(Syscalls.WRITEV, STDIO, (k, t, a) -> k.files.writev(t, a[0], a[1], a[2]), INT, inArray(2, 16), DEC));
        r.add(row(Syscalls.CLOSE, STDIO, (k, t, a) -> k.files.close(a[0]), INT));
        r.add(row(Syscalls.FSTAT, FSTAT, (k, t, a) -> k.files.fstat(a[0], a[1]), INT, out(144)));
        r.add(row(Syscalls.NEWFSTATAT, FSTAT, (k, t, a) -> k.files.newfstatat(a[0], a[1], a[2], a[3]),
                INT, PTR, PTR, HEX));
        r.add(row(Syscalls.IOCTL, FSTAT, (k, t, a) -> k.files.ioctl(a[0], a[1]), INT, HEX, PTR));
        r.add(row(Syscalls.LSEEK, FSTAT, (k, t, a) -> k.files.lseek(a[0]), INT, DEC, INT));
        r.add(row(Syscalls.PIPE, PIPES, (k, t, a) -> k.files.pipe2(a[0], 0), out(8)));
        r.add(row(Syscalls.PIPE2, PIPES, (k, t, a) -> k.files.pipe2(a[0], a[1]), out(8), HEX));
        r.add(row(Syscalls.EVENTFD, PIPES, (k, t, a) -> k.files.eventfd2(a[0], 0), DEC));
        r.add(row(Syscalls.EVENTFD2, PIPES, (k, t, a) -> k.files.eventfd2(a[0], a[1]), DEC, HEX));
        r.add(row(Syscalls.DUP, PIPES, (k, t, a) -> k.files.dup(a[0]), INT));
        r.add(row(Syscalls.DUP2, PIPES, (k, t, a) -> k.files.dup3(a[0], a[1], 0, true), INT, INT));
        r.add(row(Syscalls.DUP3, PIPES, (k, t, a) -> k.files.dup3(a[0], a[1], a[2], false), INT, INT, HEX));
        r.add(row(Syscalls.FCNTL, PIPES, (k, t, a) -> k.files.fcntl(a[0], a[1], a[2]), INT, DEC, HEX));
        r.add(row(Syscalls.EPOLL_CREATE, EPOLL, (k, t, a) -> k.epoll.create(a[0]), DEC));
        r.add(row(Syscalls.EPOLL_CREATE1, EPOLL, (k, t, a) -> k.epoll.create1(a[0]), HEX));
        r.add(row(Syscalls.EPOLL_CTL, EPOLL, (k, t, a) -> k.epoll.ctl(a[0], a[1], a[2], a[3]), INT, DEC, INT, PTR));
        r.add(row(Syscalls.EPOLL_WAIT, EPOLL, (k, t, a) -> k.epoll.await(t, a[0], a[1], a[2], a[3], 0),
                INT, PTR, DEC, INT));
        r.add(row(Syscalls.EPOLL_PWAIT, EPOLL, (k, t, a) -> k.epoll.await(t, a[0], a[1], a[2], a[3], a[4]),
                INT, PTR, DEC, INT, PTR, DEC));
        r.add(addressRow(Syscalls.MMAP, MEMORY, (k, t, a) -> k.memory.mmap(a[0], a[1], a[2], a[3], a[4], a[5]),
                PTR, HEX, HEX, HEX, INT, HEX));
        r.add(row(Syscalls.MUNMAP, MEMORY, (k, t, a) -> k.memory.munmap(a[0], a[1]), PTR, HEX));
        r.add(row(Syscalls.MPROTECT, MEMORY, (k, t, a) -> k.memory.mprotect(a[0], a[1], a[2]), PTR, HEX, HEX));
        r.add(addressRow(Syscalls.BRK, MEMORY, (k, t, a) -> k.memory.brk(a[0]), PTR));
        r.add(row(Syscalls.MADVISE, MEMORY, (k, t, a) -> k.memory.madvise(a[0], a[1]), PTR, HEX, DEC));
        r.add(row(Syscalls.RT_SIGACTION, SIGACTION, (k, t, a) -> k.signals.rtSigaction(a[0], a[1], a[2], a[3]),
                SIGNAL, inOpt(32), outOpt(32), DEC));
        r.add(row(Syscalls.RT_SIGPROCMASK, SIGMASK, (k, t, a) -> k.signals.rtSigprocmask(t, a[0], a[1], a[2], a[3]),
                HOW, inOpt(8), outOpt(8), DEC));
        r.add(row(Syscalls.RT_SIGRETURN, SIGRETURN, (k, t, a) -> k.signals.rtSigreturn(t)));
        r.add(row(Syscalls.SIGALTSTACK, ALTSTACK, (k, t, a) -> k.signals.sigaltstack(t, a[0], a[1]),
                inOpt(24), outOpt(24)));
        r.add(row(Syscalls.KILL, KILL, (k, t, a) -> k.signals.kill(t, a[0], a[1]), INT, SIGNAL));
        r.add(row(Syscalls.TKILL, KILL, (k, t, a) -> k.signals.tkill(t, a[0], a[1]), INT, SIGNAL));
        r.add(row(Syscalls.TGKILL, KILL, (k, t, a) -> k.signals.tgkill(t, a[0], a[1], a[2]), INT, INT, SIGNAL));
        r.add(row(Syscalls.CLONE, CLONE, (k, t, a) -> k.threads.clone(t, a[0], a[1], a[2], a[3], a[4]),
                HEX, PTR, PTR, PTR, PTR));
        r.add(row(Syscalls.EXIT, EXIT, (k, t, a) -> k.threads.exit(t, a[0]), INT));
        r.add(row(Syscalls.EXIT_GROUP, EXIT_GROUP, (k, t, a) -> k.process.exitGroup(t, a[0]), INT));
        r.add(row(Syscalls.FUTEX, FUTEX, (k, t, a) -> k.futex.futex(t, a[0], a[1], a[2], a[3], a[4], a[5]),
                PTR, FUTEX_OP, DEC, PTR, PTR, HEX));
        r.add(row(Syscalls.SCHED_YIELD, YIELD, (k, t, a) -> k.threads.schedYield(t)));
        r.add(row(Syscalls.NANOSLEEP, SLEEP, (k, t, a) -> k.threads.nanosleep(t, a[0], a[1]), in(16), outOpt(16)));
        r.add(row(Syscalls.CLOCK_NANOSLEEP, SLEEP, (k, t, a) -> k.threads.clockNanosleep(t, a[0], a[1], a[2], a[3]),
                CLOCK, DEC, in(16), outOpt(16)));
        r.add(row(Syscalls.CLOCK_GETTIME, TIME, (k, t, a) -> k.time.clockGettime(a[0], a[1]), CLOCK, out(16)));
        r.add(row(Syscalls.CLOCK_GETRES, TIME, (k, t, a) -> k.time.clockGetres(a[0], a[1]), CLOCK, outOpt(16)));
        r.add(row(Syscalls.GETTIMEOFDAY, TIME, (k, t, a) -> k.time.gettimeofday(a[0], a[1]), outOpt(16), outOpt(8)));
        r.add(row(Syscalls.TIME, TIME, (k, t, a) -> k.time.time(a[0]), outOpt(8)));
        r.add(row(Syscalls.ARCH_PRCTL, ARCH_PRCTL, (k, t, a) -> k.process.archPrctl(t, a[0], a[1]), HEX, PTR));
        r.add(row(Syscalls.GETPID, IDS, (k, t, a) -> ProcessCalls.PID));
        r.add(row(Syscalls.GETPPID, IDS, (k, t, a) -> ProcessCalls.PPID));
        r.add(row(Syscalls.GETTID, IDS, (k, t, a) -> t.tid()));
        r.add(row(Syscalls.GETUID, IDS, (k, t, a) -> ProcessCalls.UID));
        r.add(row(Syscalls.GETEUID, IDS, (k, t, a) -> ProcessCalls.UID));
        r.add(row(Syscalls.GETGID, IDS, (k, t, a) -> ProcessCalls.GID));
        r.add(row(Syscalls.GETEGID, IDS, (k, t, a) -> ProcessCalls.GID));
        r.add(row(Syscalls.SCHED_GETAFFINITY, AFFINITY, (k, t, a) -> k.process.schedGetaffinity(a[0], a[1], a[2]),
                INT, DEC, bufOut(1)));
        r.add(row(Syscalls.SET_TID_ADDRESS, FIXED, (k, t, a) -> k.process.setTidAddress(t, a[0]), PTR));
        r.add(row(Syscalls.SET_ROBUST_LIST, FIXED, (k, t, a) -> k.process.setRobustList(t, a[0], a[1]), PTR, DEC));
        r.add(row(Syscalls.PRLIMIT64, FIXED, (k, t, a) -> k.process.prlimit64(a[0], a[1], a[2], a[3]),
                INT, DEC, inOpt(16), outOpt(16)));
        r.add(row(Syscalls.GETRLIMIT, FIXED, (k, t, a) -> k.process.prlimit64(0, a[0], 0, a[1]), DEC, out(16)));
        r.add(row(Syscalls.SETRLIMIT, FIXED, (k, t, a) -> k.process.prlimit64(0, a[0], a[1], 0), DEC, in(16)));
        r.add(row(Syscalls.UNAME, FIXED, (k, t, a) -> k.process.uname(a[0]), out(390)));
        r.add(row(Syscalls.SYSINFO, FIXED, (k, t, a) -> k.process.sysinfo(a[0], k.time.uptimeSeconds()), out(112)));
        r.add(row(Syscalls.GETRANDOM, FIXED, (k, t, a) -> k.process.getrandom(a[0], a[1], a[2]), bufOut(1), DEC, HEX));
        r.add(row(Syscalls.OPEN, NO_FILES, (k, t, a) -> -Errno.ENOENT, PTR, HEX, HEX));
        r.add(row(Syscalls.OPENAT, NO_FILES, (k, t, a) -> -Errno.ENOENT, INT, PTR, HEX, HEX));
        r.add(row(Syscalls.ACCESS, NO_FILES, (k, t, a) -> -Errno.ENOENT, PTR, HEX));
        r.add(row(Syscalls.READLINK, NO_FILES, (k, t, a) -> -Errno.ENOENT, PTR, PTR, DEC));
        r.add(row(Syscalls.RSEQ, RSEQ, (k, t, a) -> -Errno.ENOSYS, PTR, DEC, HEX, HEX));
        for (Syscall s : r) {
            if (BY_NR[s.nr()] != null) {
                throw new IllegalStateException("two rows for syscall " + s.nr());
            }
            BY_NR[s.nr()] = s;
        }
        ROWS = Collections.unmodifiableList(r);
    }

    private SyscallTable() {
    }

    private static Syscall row(int nr, String doc, Syscall.Handler h, SyscallArg... args) {
        return new Syscall(nr, List.of(args), false, doc, h);
    }

    private static Syscall addressRow(int nr, String doc, Syscall.Handler h, SyscallArg... args) {
        return new Syscall(nr, List.of(args), true, doc, h);
    }

    /** The row of call nr, or null if gmpvm does not implement it. */
    static Syscall get(long nr) {
        return nr >= 0 && nr < BY_NR.length ? BY_NR[(int) nr] : null;
    }

    /** Every row, in the docs' order. */
    static List<Syscall> rows() {
        return ROWS;
    }

    /**
     * What Linux's access_ok checks before a call touches a user buffer: every buffer argument
     * (not NULL where the row allows NULL) must lie within user space without wrapping past
     * 2^64. Returns false if one does not (the call then fails with -EFAULT before it runs).
     * Whether the pages are mapped is found when the call reads or writes them, as in Linux.
     */
    static boolean buffersOk(Syscall s, long[] a) {
        List<SyscallArg> args = s.args();
        for (int i = 0; i < args.size(); i++) {
            SyscallArg arg = args.get(i);
            if (!arg.kind().buffer() || arg.optional() && a[i] == 0) {
                continue;
            }
            long len = arg.bytes(a);
            if (len != 0 && !userRange(a[i], len)) {
                return false;
            }
        }
        return true;
    }

    /** [addr, addr+len) lies in user space (len taken as unsigned). */
    static boolean userRange(long addr, long len) {
        return Long.compareUnsigned(len, USER_END) <= 0 && Long.compareUnsigned(addr, USER_END - len) <= 0;
    }

    /** The strace argument letters of call nr ("xxx" for calls gmpvm does not implement). */
    static String straceSpec(int nr) {
        Syscall s = get(nr);
        if (s == null) {
            return "xxx";
        }
        StringBuilder sb = new StringBuilder();
        for (SyscallArg a : s.args()) {
            sb.append(a.kind().strace);
        }
        return sb.toString();
    }

    /** Whether strace shows call nr's result as an address. */
    static boolean addressResult(int nr) {
        Syscall s = get(nr);
        return s != null && s.addressResult();
    }

    /**
     * docs/kernel.md's table of system calls: one line per family (consecutive rows that share
     * their description), with the numbers, the names and what gmpvm does.
     */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("| # | call | semantics in gmpvm |\n|---|---|---|\n");
        for (int i = 0; i < ROWS.size(); ) {
            String doc = ROWS.get(i).doc();
            List<String> nrs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (; i < ROWS.size() && ROWS.get(i).doc().equals(doc); i++) {
                nrs.add(String.valueOf(ROWS.get(i).nr()));
                names.add(ROWS.get(i).name());
            }
            sb.append("| ").append(String.join(", ", nrs)).append(" | ").append(String.join(", ", names))
                    .append(" | ").append(doc.replace("|", "\\|")).append(" |\n");
        }
        sb.append("| any other | | returns `-ENOSYS`; the first 16 distinct numbers are logged as warnings, then one line says the rest are not |\n");
        return sb.toString();
    }
}
