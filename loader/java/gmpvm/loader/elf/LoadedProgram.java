package gmpvm.loader.elf;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.memory.GuestMemory;

/**
 * A process image ready to run: memory with the segments and the initial stack, the first
 * thread's registers, what the kernel must know (heap start, mmap area, seed) and the symbols
 * for reports (already relocated by the load bias).
 */
public record LoadedProgram(GuestMemory memory, CpuState cpu, ProcessLayout layout, SymbolTable symbols,
        long bias, long entry) {
}
