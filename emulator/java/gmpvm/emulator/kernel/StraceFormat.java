package gmpvm.emulator.kernel;

import gmpvm.emulator.memory.GuestMemory;

/**
 * Formats a system call the way strace prints it: {@code write(1, "hi\n", 3) = 3},
 * {@code futex(0x4c2a10, FUTEX_WAIT_PRIVATE, 2, NULL) = -1 EAGAIN}. Arguments are decoded for
 * the calls the kernel layer implements; others show their first three arguments in hex.
 */
public final class StraceFormat {
    private StraceFormat() {
    }

    /** Argument kinds: d decimal, i a C int (fds, pids: the low 32 bits, signed), x hex, p pointer, s string(len = next arg), S string after return, f futex op, c clock, g signal, h how. */
    private static String spec(int nr) {
        switch (nr) {
            case Syscalls.READ: return "iSd";
            case Syscalls.WRITE: return "isd";
            case Syscalls.WRITEV: return "ipd";
            case Syscalls.CLOSE: return "i";
            case Syscalls.MMAP: return "pxxxix";
            case Syscalls.MPROTECT: return "pxx";
            case Syscalls.MUNMAP: return "px";
            case Syscalls.BRK: return "p";
            case Syscalls.RT_SIGACTION: return "gppd";
            case Syscalls.RT_SIGPROCMASK: return "hppd";
            case Syscalls.RT_SIGRETURN: return "";
            case Syscalls.SCHED_YIELD: return "";
            case Syscalls.MADVISE: return "pxd";
            case Syscalls.NANOSLEEP: return "pp";
            case Syscalls.GETPID: case Syscalls.GETTID: return "";
            case Syscalls.CLONE: return "xppppp";
            case Syscalls.EXIT: case Syscalls.EXIT_GROUP: return "i";
            case Syscalls.KILL: return "ig";
            case Syscalls.TKILL: return "ig";
            case Syscalls.TGKILL: return "iig";
            case Syscalls.SIGALTSTACK: return "pp";
            case Syscalls.ARCH_PRCTL: return "xp";
            case Syscalls.FUTEX: return "pfdppx";
            case Syscalls.SCHED_GETAFFINITY: return "idp";
            case Syscalls.CLOCK_GETTIME: return "cp";
            case Syscalls.CLOCK_NANOSLEEP: return "cdpp";
            case Syscalls.GETTIMEOFDAY: return "pp";
            case Syscalls.UNAME: return "p";
            case Syscalls.GETRANDOM: return "pdx";
            case Syscalls.SET_TID_ADDRESS: return "p";
            case Syscalls.SET_ROBUST_LIST: return "pd";
            case Syscalls.PRLIMIT64: return "ddpp";
            default: return null;
        }
    }

    /** The call as strace shows it, without the result. */
    public static String call(GuestMemory mem, int nr, long[] args) {
        String spec = spec(nr);
        StringBuilder sb = new StringBuilder(Syscalls.name(nr)).append('(');
        if (spec == null) {
            spec = "xxx";
        }
        for (int k = 0; k < spec.length(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            long a = args[k];
            switch (spec.charAt(k)) {
                case 'd': sb.append(a); break;
                case 'i': sb.append((int) a); break;
                case 'x': sb.append("0x").append(Long.toHexString(a)); break;
                case 'p': sb.append(a == 0 ? "NULL" : "0x" + Long.toHexString(a)); break;
                case 's': case 'S': sb.append(string(mem, a, k + 1 < args.length ? args[k + 1] : 0)); break;
                case 'f': sb.append(Futex.opName(a)); break;
                case 'c': sb.append(a == 0 ? "CLOCK_REALTIME" : a == 1 ? "CLOCK_MONOTONIC" : String.valueOf(a)); break;
                case 'g': sb.append(Signals.name((int) a)); break;
                case 'h': sb.append(a == 0 ? "SIG_BLOCK" : a == 1 ? "SIG_UNBLOCK" : a == 2 ? "SIG_SETMASK" : String.valueOf(a)); break;
                default: sb.append(a);
            }
        }
        return sb.append(')').toString();
    }

    /** " = 3", " = 0x7f…" for pointers, or " = -1 EAGAIN" for errors. */
    public static String result(int nr, long res) {
        if (res < 0 && res >= -4095) {
            return " = -1 " + Errno.name(-res);
        }
        if (nr == Syscalls.MMAP || nr == Syscalls.BRK) {
            return " = 0x" + Long.toHexString(res);
        }
        return " = " + res;
    }

    private static String string(GuestMemory mem, long addr, long len) {
        int n = (int) Math.max(0, Math.min(len, 32));
        byte[] b;
        try {
            b = mem.peek(addr, n);
        } catch (RuntimeException e) {
            return "0x" + Long.toHexString(addr);
        }
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xff;
            switch (c) {
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                default:
                    if (c >= 32 && c < 127) {
                        sb.append((char) c);
                    } else {
                        sb.append(String.format("\\%o", c));
                    }
            }
        }
        sb.append('"');
        if (len > n) {
            sb.append("...");
        }
        return sb.toString();
    }
}
