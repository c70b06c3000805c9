package gmpvm.emulator.kernel;

import gmpvm.emulator.memory.GuestMemory;

/**
 * Formats a system call the way strace prints it: {@code write(1, "hi\n", 3) = 3},
 * {@code futex(0x4c2a10, FUTEX_WAIT_PRIVATE, 2, NULL) = -1 EAGAIN}. Arguments are decoded as the
 * call's {@link SyscallTable} row describes them; calls gmpvm does not implement show their
 * first three arguments in hex.
 */
public final class StraceFormat {
    private StraceFormat() {
    }

    /**
     * Argument letters (from the call's {@link SyscallTable} row): i a C int (fds, pids: the low
     * 32 bits, signed), d decimal, x hex, p pointer, s string (length = next argument), S string
     * after return, f futex op, c clock, g signal, h rt_sigprocmask's how.
     */
    /** The call as strace shows it, without the result. */
    public static String call(GuestMemory mem, int nr, long[] args) {
        String spec = SyscallTable.straceSpec(nr);
        StringBuilder sb = new StringBuilder(Syscalls.name(nr)).append('(');
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
        if (SyscallTable.addressResult(nr)) {
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
