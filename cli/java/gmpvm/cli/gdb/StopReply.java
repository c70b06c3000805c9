package gmpvm.cli.gdb;

/**
 * Why the target stopped, as a stop reply tells gdb.
 *
 * @param kind    what happened
 * @param tid     the thread that stopped (0 when the process is gone)
 * @param address the watched address for a watchpoint hit
 * @param status  the exit status (EXITED) or signal number (SIGNALED)
 */
record StopReply(Kind kind, int tid, long address, int status) {
    /** The kinds of stop. */
    enum Kind {
        /** A single step finished, or the process is at its first instruction. */
        STEPPED,
        /** A software breakpoint was reached (before its instruction runs). */
        BREAKPOINT,
        /** A write changed watched memory (after the writing instruction). */
        WATCHPOINT,
        /** Reverse execution reached the start of the recorded run. */
        REPLAY_BEGIN,
        /** gdb interrupted a continue (Ctrl-C). */
        INTERRUPTED,
        /** The process exited with status. */
        EXITED,
        /** A signal (status) killed the process. */
        SIGNALED
    }

    static StopReply of(Kind kind, int tid) {
        return new StopReply(kind, tid, 0, 0);
    }

    /** The stop reply packet's payload. */
    String reply() {
        switch (kind) {
            case EXITED:
                return String.format("W%02x", status & 0xff);
            case SIGNALED:
                return String.format("X%02x", status & 0xff);
            case INTERRUPTED:
                return "T02thread:" + Hex.number(tid) + ";";
            case BREAKPOINT:
                return "T05thread:" + Hex.number(tid) + ";swbreak:;";
            case WATCHPOINT:
                return "T05thread:" + Hex.number(tid) + ";watch:" + Hex.number(address) + ";";
            case REPLAY_BEGIN:
                return "T05thread:" + Hex.number(tid) + ";replaylog:begin;";
            default:
                return "T05thread:" + Hex.number(tid) + ";";
        }
    }

    boolean processEnded() {
        return kind == Kind.EXITED || kind == Kind.SIGNALED;
    }
}
