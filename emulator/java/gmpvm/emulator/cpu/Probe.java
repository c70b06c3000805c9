package gmpvm.emulator.cpu;

/**
 * Per-instruction checks for {@link Interpreter#run(CpuState, long, Probe, boolean)}: the
 * debugger's breakpoints (before an instruction) and watchpoints or hooks (after one). A probe
 * only reads machine state; it must not change registers or memory, so a probed run executes
 * exactly the instructions an unprobed one does.
 */
public interface Probe {
    /**
     * Asked before the instruction at {@code rip} executes; {@code s.retired} counts the
     * instructions before it. True stops the run there, the instruction not executed.
     */
    boolean before(CpuState s, long rip);

    /**
     * Asked after the instruction at {@code pc} retired; {@code s.retired} counts it and
     * {@code s.rip} is the next instruction. True stops the run there. Not asked for a SYSCALL
     * (the run returns {@link Stop#SYSCALL} and its caller may ask) nor for a trapping INT3.
     */
    boolean after(CpuState s, long pc);
}
