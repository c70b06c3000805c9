package gmpvm.cli.gdb;

import gmpvm.emulator.cpu.CpuState;
import java.util.List;

/**
 * What the gdb stub debugs: the emulated process seen as threads, registers and memory, with
 * breakpoints, write watchpoints and forward and reverse execution. {@link GdbStub} speaks the
 * protocol; an implementation drives the machine.
 */
interface GdbTarget {
    /** Live thread ids, in creation order (empty once the process has ended). */
    List<Integer> threads();

    /** Thread tid's registers (live: writes change the thread), or null if no such thread is alive. */
    CpuState cpu(int tid);

    /** A line naming what runs on the thread, e.g. {@code M2: G7 main.worker}. */
    String describe(int tid);

    /** len bytes at addr, or null if any of them is unmapped. */
    byte[] readMemory(long addr, int len);

    /** Writes bytes at addr whatever the page protection; false (nothing written) if any is unmapped. */
    boolean writeMemory(long addr, byte[] data);

    /** Arms or disarms a software breakpoint; false if it cannot be. */
    boolean setBreakpoint(long addr, boolean on);

    /** Arms or disarms a write watchpoint on [addr, addr+len); false if it cannot be. */
    boolean setWatchpoint(long addr, int len, boolean on);

    /**
     * Runs forward or backward until a stop: one instruction of thread tid when step is true,
     * else until a breakpoint, a watchpoint, the end of the process or an {@link #interrupt}.
     *
     * @param tid the thread to step (ignored for continue)
     */
    StopReply resume(Direction dir, boolean step, int tid);

    /** Asks a forward continue in progress to stop soon (gdb's Ctrl-C); any thread may call it. */
    void interrupt();

    /** Why the process last stopped (before any resume: stopped at its first instruction). */
    StopReply lastStop();

    /** The path of the ELF executable being debugged, for {@code qXfer:exec-file:read}. */
    String execFile();

    /** Ends the process (gdb's kill): the stub stops serving. */
    void kill();

    /** gdb detached: the process runs on to its end without stopping, as it would without a debugger. */
    void detach();

    /** Forward or backward in time. */
    enum Direction { FORWARD, REVERSE }
}
