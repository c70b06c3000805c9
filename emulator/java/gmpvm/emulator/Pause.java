package gmpvm.emulator;

/**
 * Where {@link Machine#resume} returned: paused inside the run (the watcher asked for it), or
 * finished (the process ended; see {@link Machine#outcome}).
 *
 * @param finished true when the process has ended
 * @param thread   the thread that was running (or, between slices, about to run); null if none
 * @param rip      that thread's RIP
 * @param retired  the machine's global retired-instruction count
 * @param insn     why the interpreter stopped when the pause came from inside it: BREAKPOINT
 *                 (before an instruction), WATCH (after one), BUDGET (a count limit); null for
 *                 pauses on events or interrupts
 */
public record Pause(boolean finished, GuestThread thread, long rip, long retired, gmpvm.emulator.cpu.Stop insn) {
}
