package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import java.util.List;

/**
 * A row of the {@link SyscallTable}: the call's number, its arguments (which drive the pointer
 * checks before it runs, its strace line and the docs), whether its result is an address
 * (shown in hex by strace), what it does in gmpvm (the docs' text, shared by the rows of a
 * family of calls) and the handler.
 */
record Syscall(int nr, List<SyscallArg> args, boolean addressResult, String doc, Handler handler) {
    /** Does the call's work; returns the result for RAX (-errno on failure). */
    @FunctionalInterface
    interface Handler {
        long call(Kernel k, GuestThread t, long[] a);
    }

    String name() {
        return Syscalls.name(nr);
    }
}
