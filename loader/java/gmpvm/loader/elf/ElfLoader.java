package gmpvm.loader.elf;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Page;
import gmpvm.emulator.memory.Prot;
import java.util.List;

/**
 * Builds a process image from a parsed {@link ElfFile}, as Linux's execve does for a static
 * binary with address randomisation off: PT_LOAD segments mapped with their permissions (file
 * bytes copied, the rest zero), the program break at the page after the highest segment, an
 * 8 MiB stack below {@link #STACK_TOP} holding the System V initial stack
 * ({@link InitialStack}), and all registers zero except RSP and RIP. A static PIE (ET_DYN) is
 * loaded at {@link #PIE_BASE}.
 */
public final class ElfLoader {
    public static final long STACK_TOP = 0x7ffffffff000L;
    public static final long STACK_SIZE = 8L << 20;
    /** Gap between the bottom of the stack and the top of the mmap area. */
    public static final long STACK_GAP = 1L << 20;
    public static final long PIE_BASE = 0x555555554000L;
    /** Most bytes of argument and environment strings (and their pointers), as Linux's quarter of the stack limit. */
    public static final long MAX_ARGS = STACK_SIZE / 4;

    private ElfLoader() {
    }

    /**
     * Loads elf with the given argument vector (argv[0] first) and environment ("K=V" strings).
     *
     * @param execfn the path reported in AT_EXECFN
     * @param seed   the seed of AT_RANDOM's bytes and of getrandom
     * @throws ElfException when the arguments and environment do not fit the stack
     */
    public static LoadedProgram load(ElfFile elf, List<String> argv, List<String> env, String execfn, long seed)
            throws ElfException {
        long strings = execfn.length() + 1;
        for (String s : argv) {
            strings += s.length() * 3L + 9;
        }
        for (String s : env) {
            strings += s.length() * 3L + 9;
        }
        if (strings > MAX_ARGS) {
            throw new ElfException("argument list and environment too long (more than " + (MAX_ARGS >> 10) + " KiB)");
        }
        long bias = elf.isPie() ? PIE_BASE : 0;
        long stackLow = STACK_TOP - STACK_SIZE;
        checkPlaced(elf, bias, stackLow);
        GuestMemory mem = new GuestMemory();
        long highest = 0;
        for (ProgramHeader p : elf.programHeaders()) {
            if (!p.isLoad() || p.memsz() == 0) {
                continue;
            }
            long start = GuestMemory.pageFloor(p.vaddr() + bias);
            long end = GuestMemory.pageCeil(p.vaddr() + bias + p.memsz());
            int prot = prot(p.flags());
            // segments may share a boundary page: that page gets the union of their permissions
            for (long pg = start; pg < end; pg += Page.SIZE) {
                int old = mem.protAt(pg);
                if (old < 0) {
                    mem.map(pg, Page.SIZE, prot);
                } else {
                    mem.protect(pg, Page.SIZE, old | prot);
                }
            }
            mem.poke(p.vaddr() + bias, elf.data(), (int) p.offset(), (int) p.filesz());
            highest = Math.max(highest, end);
        }
        mem.map(stackLow, STACK_SIZE, Prot.RW);
        long entry = elf.entry() + bias;
        long phdr = phdrAddress(elf) ;
        InitialStack stack = new InitialStack(mem, STACK_TOP);
        long rsp = stack.build(argv, env, execfn, seed, new long[][] {
            {InitialStack.AT_PHDR, phdr == 0 ? 0 : phdr + bias},
            {InitialStack.AT_PHENT, ElfFile.PHDR_SIZE},
            {InitialStack.AT_PHNUM, elf.programHeaders().size()},
            {InitialStack.AT_PAGESZ, Page.SIZE},
            {InitialStack.AT_BASE, 0},
            {InitialStack.AT_FLAGS, 0},
            {InitialStack.AT_ENTRY, entry},
        });
        CpuState cpu = new CpuState();
        cpu.r[CpuState.RSP] = rsp;
        cpu.rip = entry;
        ProcessLayout layout = new ProcessLayout(highest, stackLow - STACK_GAP, seed);
        return new LoadedProgram(mem, cpu, layout, new SymbolTable(elf.symbols(), bias), bias, entry);
    }

    /**
     * Where the segments land once the load bias is added: inside user space (a static PIE whose
     * addresses are fine in the file can be pushed past the top by the bias) and clear of the
     * stack, which would otherwise silently replace their pages.
     */
    static void checkPlaced(ElfFile elf, long bias, long stackLow) throws ElfException {
        List<ProgramHeader> phdrs = elf.programHeaders();
        for (int n = 0; n < phdrs.size(); n++) {
            ProgramHeader p = phdrs.get(n);
            if (!p.isLoad() || p.memsz() == 0) {
                continue;
            }
            long start = p.vaddr() + bias;
            if (Long.compareUnsigned(start, p.vaddr()) < 0 || Long.compareUnsigned(start, ElfFile.USER_TOP) >= 0
                    || Long.compareUnsigned(p.memsz(), ElfFile.USER_TOP - start) > 0) {
                throw new ElfException(String.format("segment %d lies outside the user address space once loaded at 0x%x",
                        n, bias));
            }
            long end = start + p.memsz();
            if (Long.compareUnsigned(start, STACK_TOP) < 0 && Long.compareUnsigned(stackLow, end) < 0) {
                throw new ElfException(String.format("segment %d (0x%x-0x%x) overlaps the stack (0x%x-0x%x)",
                        n, start, end, stackLow, STACK_TOP));
            }
        }
    }

    static int prot(int pflags) {
        return ((pflags & ProgramHeader.PF_R) != 0 ? Prot.READ : 0)
                | ((pflags & ProgramHeader.PF_W) != 0 ? Prot.WRITE : 0)
                | ((pflags & ProgramHeader.PF_X) != 0 ? Prot.EXEC : 0);
    }

    /** Where the program headers are in memory (unbiased): PT_PHDR, else the PT_LOAD holding them; 0 if nowhere. */
    static long phdrAddress(ElfFile elf) {
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() == ProgramHeader.PT_PHDR) {
                return p.vaddr();
            }
        }
        long off = elf.programHeaderOffset();
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.isLoad() && off >= p.offset() && off - p.offset() < p.filesz()) {
                return p.vaddr() + (off - p.offset());
            }
        }
        return 0;
    }
}
