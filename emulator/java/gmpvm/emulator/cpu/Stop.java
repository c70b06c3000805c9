package gmpvm.emulator.cpu;

/** Why {@link Interpreter#run} returned. */
public enum Stop {
    /** The instruction budget ran out; RIP is the next instruction. */
    BUDGET,
    /** A SYSCALL retired; RIP is after it, RCX and R11 hold what SYSCALL put there. */
    SYSCALL,
    /** An instruction faulted; RIP is the faulting instruction (after it for INT3); see CpuState.fault*. */
    FAULT,
    /** A breakpoint address was reached before executing the instruction there. */
    BREAKPOINT
}
