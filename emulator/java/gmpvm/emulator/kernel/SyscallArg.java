package gmpvm.emulator.kernel;

/**
 * One argument of a system call, as its row in {@link SyscallTable} describes it: how strace
 * shows it and, for a pointer to a buffer the kernel reads or writes, how many bytes that
 * buffer has — fixed, or another argument times a scale — so that the buffer is checked before
 * the call runs: a range that is not mapped (or not writable for an out buffer, or that wraps
 * past the top of the address space) makes the call fail with -EFAULT.
 */
record SyscallArg(Kind kind, long size, int lenArg, long scale, boolean optional) {
    /** What the argument is. */
    enum Kind {
        /** a C int: fds, pids, exit codes (strace shows the low 32 bits, signed) */
        INT('i'),
        /** a decimal number */
        DEC('d'),
        /** flags and sizes shown in hex */
        HEX('x'),
        /** a pointer the call does not dereference itself (or checks on its own) */
        PTR('p'),
        /** a buffer the kernel reads */
        IN('p'),
        /** a buffer the kernel writes */
        OUT('p'),
        /** bytes the kernel reads, shown as a string (write's buffer) */
        STR_IN('s'),
        /** bytes the kernel writes, shown as a string after the call (read's buffer) */
        STR_OUT('S'),
        FUTEX_OP('f'),
        CLOCK('c'),
        SIGNAL('g'),
        /** rt_sigprocmask's how */
        HOW('h');

        final char strace;

        Kind(char strace) {
            this.strace = strace;
        }

        boolean buffer() {
            return this == IN || this == OUT || this == STR_IN || this == STR_OUT;
        }

        boolean written() {
            return this == OUT || this == STR_OUT;
        }
    }

    static SyscallArg of(Kind k) {
        return new SyscallArg(k, 0, -1, 0, false);
    }

    static final SyscallArg INT = of(Kind.INT);
    static final SyscallArg DEC = of(Kind.DEC);
    static final SyscallArg HEX = of(Kind.HEX);
    static final SyscallArg PTR = of(Kind.PTR);
    static final SyscallArg FUTEX_OP = of(Kind.FUTEX_OP);
    static final SyscallArg CLOCK = of(Kind.CLOCK);
    static final SyscallArg SIGNAL = of(Kind.SIGNAL);
    static final SyscallArg HOW = of(Kind.HOW);

    /** A struct of n bytes the kernel reads. */
    static SyscallArg in(long n) {
        return new SyscallArg(Kind.IN, n, -1, 0, false);
    }

    /** A struct of n bytes the kernel writes. */
    static SyscallArg out(long n) {
        return new SyscallArg(Kind.OUT, n, -1, 0, false);
    }

    /** An optional struct of n bytes the kernel reads (NULL allowed). */
    static SyscallArg inOpt(long n) {
        return new SyscallArg(Kind.IN, n, -1, 0, true);
    }

    /** An optional struct of n bytes the kernel writes (NULL allowed). */
    static SyscallArg outOpt(long n) {
        return new SyscallArg(Kind.OUT, n, -1, 0, true);
    }

    /** An array the kernel reads: argument lenArg elements of scale bytes. */
    static SyscallArg inArray(int lenArg, long scale) {
        return new SyscallArg(Kind.IN, 0, lenArg, scale, false);
    }

    /** A byte buffer the kernel reads, argument lenArg long (strace shows it as a string). */
    static SyscallArg strIn(int lenArg) {
        return new SyscallArg(Kind.STR_IN, 0, lenArg, 1, false);
    }

    /** A byte buffer the kernel writes, argument lenArg long (strace shows it after the call). */
    static SyscallArg strOut(int lenArg) {
        return new SyscallArg(Kind.STR_OUT, 0, lenArg, 1, false);
    }

    /** A byte buffer the kernel writes, argument lenArg long, shown as a pointer. */
    static SyscallArg bufOut(int lenArg) {
        return new SyscallArg(Kind.OUT, 0, lenArg, 1, false);
    }

    /**
     * The bytes this buffer argument covers for the call's arguments a, or -1 when the count
     * does not fit in 64 bits (such a buffer cannot be valid).
     */
    long bytes(long[] a) {
        if (lenArg < 0) {
            return size;
        }
        long n = a[lenArg];
        if (scale == 1) {
            return n;
        }
        return n < 0 || n > Long.MAX_VALUE / scale ? -1 : n * scale;
    }
}
