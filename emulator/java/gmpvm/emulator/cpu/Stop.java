package gmpvm.emulator.cpu;

/** Why {@link Interpreter#run} returned. */
public enum Stop {
    /** The instruction budget ran out; RIP is the next instruction. */
    BUDGET,
    /** A SYSCALL retired; RIP is after it, RCX and R11 hold what SYSCALL put there. */
    SYSCALL,
    /** An instruction faulted; RIP is the faulting instruction (after it for INT3); see CpuState.fault*. */
    FAULT,
    /** A {@link Probe} stopped the run before an instruction: RIP is that instruction, not executed. */
    BREAKPOINT,
    /** A {@link Probe} stopped the run after an instruction retired: RIP is the next one. */
    WATCH
}
