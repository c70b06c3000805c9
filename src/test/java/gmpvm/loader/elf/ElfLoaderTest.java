package gmpvm.loader.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ELF reader and the process image: segments, symbols, the initial stack and registers. */
class ElfLoaderTest {
    static ElfFile elf;

    @BeforeAll
    static void build() throws Exception {
        Path out = Paths.get("target/test-programs");
        Files.createDirectories(out);
        Path bin = out.resolve("loader-hello").toAbsolutePath();
        Process p = new ProcessBuilder("gcc", "-O2", "-static", "-nostdlib", "-fno-stack-protector", "-fno-pie", "-no-pie",
                "-o", bin.toString(), "src/test/resources/programs/c/hello.c").inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
        elf = ElfFile.parse(Files.readAllBytes(bin));
    }

    @Test
    void readsHeadersSectionsAndSymbols() {
        assertEquals(ElfFile.ET_EXEC, elf.type());
        assertTrue(elf.sections().stream().anyMatch(s -> s.name().equals(".text")));
        SymbolTable syms = new SymbolTable(elf.symbols(), 0);
        long start = syms.address("_start");
        assertEquals(elf.entry(), start);
        long main = syms.address("main");
        assertEquals("main", syms.describe(main));
        assertEquals("main+0x3", syms.describe(main + 3));
        assertNull(syms.describe(0x10));
    }

    @Test
    void mapsSegmentsWithTheirPermissions() throws ElfException {
        LoadedProgram p = ElfLoader.load(elf, List.of("prog"), List.of(), "prog", 0);
        GuestMemory m = p.memory();
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.isLoad() && ph.memsz() > 0) {
                assertEquals(ElfLoader.prot(ph.flags()), m.protAt(ph.vaddr() + ph.memsz() - 1) & ElfLoader.prot(ph.flags()));
                assertTrue(p.layout().brkStart() >= ph.vaddr() + ph.memsz());
            }
        }
        assertEquals(Prot.RX, m.protAt(elf.entry()));
        assertEquals(0, p.layout().brkStart() & 0xfff);
        assertEquals(Prot.RW, m.protAt(ElfLoader.STACK_TOP - 1));
        assertTrue(p.layout().mmapTop() < ElfLoader.STACK_TOP - ElfLoader.STACK_SIZE);
    }

    @Test
    void initialStackFollowsTheAbi() throws ElfException {
        LoadedProgram p = ElfLoader.load(elf, List.of("prog", "arg one", ""), List.of("A=1", "B=2"), "/path/prog", 5);
        CpuState c = p.cpu();
        GuestMemory m = p.memory();
        long sp = c.r[CpuState.RSP];
        assertEquals(0, sp & 15);
        assertEquals(elf.entry(), c.rip);
        for (int k = 0; k < 16; k++) {
            if (k != CpuState.RSP) {
                assertEquals(0, c.r[k], CpuState.NAMES64[k]);
            }
        }
        assertEquals(3, m.read64(sp));
        assertEquals("prog", m.readCString(m.read64(sp + 8), 100));
        assertEquals("arg one", m.readCString(m.read64(sp + 16), 100));
        assertEquals("", m.readCString(m.read64(sp + 24), 100));
        assertEquals(0, m.read64(sp + 32));
        assertEquals("A=1", m.readCString(m.read64(sp + 40), 100));
        assertEquals("B=2", m.readCString(m.read64(sp + 48), 100));
        assertEquals(0, m.read64(sp + 56));
        Map<Long, Long> aux = new HashMap<>();
        long a = sp + 64;
        for (; m.read64(a) != 0; a += 16) {
            aux.put(m.read64(a), m.read64(a + 8));
        }
        assertEquals(4096L, aux.get(6L));                       // AT_PAGESZ
        assertEquals(elf.entry(), aux.get(9L));                 // AT_ENTRY
        assertEquals((long) elf.programHeaders().size(), aux.get(5L)); // AT_PHNUM
        assertEquals(56L, aux.get(4L));                         // AT_PHENT
        long phdr = aux.get(3L);                                // AT_PHDR: the table in memory
        assertEquals(elf.programHeaders().get(0).type(), m.read32(phdr));
        assertEquals("/path/prog", m.readCString(aux.get(31L), 100)); // AT_EXECFN
        assertEquals("x86_64", m.readCString(aux.get(15L), 100));     // AT_PLATFORM
        assertEquals(0L, aux.get(23L));                               // AT_SECURE
        byte[] rnd = m.peek(aux.get(25L), 16);                        // AT_RANDOM
        LoadedProgram again = ElfLoader.load(elf, List.of("prog", "arg one", ""), List.of("A=1", "B=2"), "/path/prog", 5);
        assertEquals(java.util.Arrays.toString(rnd), java.util.Arrays.toString(again.memory().peek(aux.get(25L), 16)));
        LoadedProgram other = ElfLoader.load(elf, List.of("prog", "arg one", ""), List.of("A=1", "B=2"), "/path/prog", 6);
        assertNotEquals(java.util.Arrays.toString(rnd), java.util.Arrays.toString(other.memory().peek(aux.get(25L), 16)));
    }
}
