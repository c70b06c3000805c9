package gmpvm.run;

import gmpvm.loader.launch.Settings;
import gmpvm.loader.launch.Launcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.ProgramHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never produces an internal exception: truncated and randomly mutated ELF files
 * either fail to load with an {@link ElfException} (a one-line message) or run to a clean end
 * (exit, a guest signal, or the instruction limit); random bytes executed as code end in a
 * guest signal or the instruction limit. All generators are seeded. {@code -Dgmpvm.fuzz.scale=N}
 * multiplies the number of cases (default 1, a quick slice).
 */
class BadInputTest {
    static final int SCALE = Integer.getInteger("gmpvm.fuzz.scale", 1);
    /** Mutants whose segments ask for more than this are parsed and loaded but not run (host memory). */
    static final long RUN_IMAGE_LIMIT = 64L << 20;

    /** How a case ended, for the summary assertions. */
    enum End { LOAD_ERROR, EXITED, SIGNALED, INSN_LIMIT }

    static End tryRun(byte[] file, long maxInsns) {
        ElfFile elf;
        Machine m;
        try {
            elf = ElfFile.parse(file);
            if (imageSize(elf) > RUN_IMAGE_LIMIT) {
                return End.LOAD_ERROR;
            }
            m = Launcher.load(file, List.of("/bad"), Settings.defaults().withEnv(List.of("A=1")).withSeed(1).withMaxInstructions(maxInsns),
                    new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream())).machine();
        } catch (ElfException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return End.LOAD_ERROR;
        }
        Outcome o = m.run();
        switch (o.kind()) {
            case EXITED: return End.EXITED;
            case SIGNALED:
                assertTrue(o.status() > 128 && o.signal() > 0, o.toString());
                return End.SIGNALED;
            default:
                assertEquals(Outcome.LIMIT_STATUS, o.status());
                return End.INSN_LIMIT;
        }
    }

    static long imageSize(ElfFile elf) {
        long image = 0;
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.isLoad()) {
                image += p.memsz();
            }
        }
        return image;
    }

    @Test
    void truncatedFilesFailToLoadCleanly() throws Exception {
        byte[] full = Files.readAllBytes(TestPrograms.buildC("hello", "", List.of()));
        ElfFile elf = ElfFile.parse(full);
        long headersEnd = elf.programHeaderOffset() + 56L * elf.programHeaders().size();
        Map<End, Integer> ends = new EnumMap<>(End.class);
        for (int len = 0; len < full.length; len += len <= headersEnd ? 1 : 61) {
            ends.merge(tryRun(Arrays.copyOf(full, len), 100_000), 1, Integer::sum);
        }
        // every proper prefix loses the section headers at the end of the file, or more
        assertEquals(Map.of(End.LOAD_ERROR, ends.get(End.LOAD_ERROR)), ends);
        assertEquals(End.EXITED, tryRun(full, 100_000));
    }

    @Test
    void truncationMessagesNameWhatIsMissing() throws Exception {
        byte[] full = Files.readAllBytes(TestPrograms.buildC("hello", "", List.of()));
        assertEquals("not an ELF file", message(new byte[0]));
        assertEquals("not an ELF file", message(Arrays.copyOf(full, 3)));
        assertEquals("truncated ELF header", message(Arrays.copyOf(full, 40)));
        assertEquals("truncated program header table", message(Arrays.copyOf(full, 100)));
        byte[] b32 = full.clone();
        b32[4] = 1;
        assertEquals("32-bit ELF files are not supported (need ELF64)", message(b32));
        byte[] be = full.clone();
        be[5] = 2;
        assertEquals("big-endian ELF files are not supported", message(be));
        byte[] arm = full.clone();
        arm[18] = (byte) 183;
        assertEquals("not an x86-64 executable (e_machine 183)", message(arm));
        byte[] rel = full.clone();
        rel[16] = 1;
        assertEquals("not an executable: a relocatable object file (ET_REL)", message(rel));
    }

    @Test
    void badSegmentsAreNamed() throws Exception {
        byte[] full = Files.readAllBytes(TestPrograms.buildC("hello", "", List.of()));
        ElfFile elf = ElfFile.parse(full);
        int first = -1, second = -1;
        for (int k = 0; k < elf.programHeaders().size(); k++) {
            if (elf.programHeaders().get(k).isLoad()) {
                if (first < 0) {
                    first = k;
                } else if (second < 0) {
                    second = k;
                }
            }
        }
        assertTrue(second > 0, "hello has two PT_LOAD segments");
        int ph = (int) elf.programHeaderOffset();
        java.nio.ByteBuffer b;

        byte[] f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * first + 32, full.length + 1L);
        b.putLong(ph + 56 * first + 40, full.length + 1L);
        assertEquals("segment " + first + " extends past the end of the file", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * first + 40, 1);
        assertEquals("segment " + first + " has a file size larger than its memory size", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * first + 16, 0x7ffffffff000L);
        assertEquals("segment " + first + " lies outside the user address space", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * first + 40, 1L << 40);
        assertEquals("segment " + first + " lies outside the user address space", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * second + 16, elf.programHeaders().get(first).vaddr() + (elf.programHeaders().get(second).offset() & 0xfff));
        assertEquals("segment " + second + " overlaps an earlier segment", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * first + 16, elf.programHeaders().get(first).offset() & 0xfff);
        assertEquals("segment " + first + " lies below the lowest mappable address (0x10000)", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(ph + 56 * first + 16, elf.programHeaders().get(first).vaddr() + 1);
        assertEquals("segment " + first + " has a file offset and address that differ modulo the page size", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(ph + 56 * first, ProgramHeader.PT_INTERP);
        assertEquals("dynamically linked executables are not supported (PT_INTERP)", message(f));

        f = full.clone();
        b = java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < elf.programHeaders().size(); k++) {
            if (elf.programHeaders().get(k).isLoad()) {
                b.putInt(ph + 56 * k, ProgramHeader.PT_NOTE);
            }
        }
        assertEquals("no loadable segments", message(f));
    }

    static String message(byte[] file) {
        try {
            ElfFile.parse(file);
        } catch (ElfException e) {
            return e.getMessage();
        }
        return fail("loaded");
    }

    @Test
    void dynamicExecutablesAreRefused() throws Exception {
        java.nio.file.Path src = TestPrograms.OUT.resolve("dyn.c");
        java.nio.file.Path bin = TestPrograms.OUT.resolve("dyn").toAbsolutePath();
        Files.createDirectories(TestPrograms.OUT);
        Files.writeString(src, "int main(void) { return 0; }\n");
        Process p = new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), src.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        assertEquals("dynamically linked executables are not supported (PT_INTERP)", message(Files.readAllBytes(bin)));
    }

    @Test
    void mutatedFilesLoadOrRunCleanly() throws Exception {
        byte[] c = Files.readAllBytes(TestPrograms.buildC("recursion", "", List.of()));
        byte[] gas = Files.readAllBytes(TestPrograms.buildGas("stack"));
        Random rnd = new Random(20261128L);
        Map<End, Integer> ends = new EnumMap<>(End.class);
        for (int k = 0; k < 300 * SCALE; k++) {
            byte[] f = (k % 2 == 0 ? c : gas).clone();
            int n = 1 + rnd.nextInt(6);
            for (int j = 0; j < n; j++) {
                // mostly the headers, sometimes anywhere (code, data, section table)
                int at = rnd.nextInt(4) == 0 ? rnd.nextInt(f.length) : rnd.nextInt(Math.min(f.length, 0x200));
                switch (rnd.nextInt(3)) {
                    case 0: f[at] = (byte) rnd.nextInt(256); break;
                    case 1: f[at] ^= (byte) (1 << rnd.nextInt(8)); break;
                    default: f[at] = (byte) (rnd.nextBoolean() ? 0 : 0xff); break;
                }
            }
            End e;
            try {
                e = tryRun(f, 200_000);
            } catch (RuntimeException | Error ex) {
                throw new AssertionError("mutant " + k + " raised an internal exception", ex);
            }
            ends.merge(e, 1, Integer::sum);
        }
        // the generator must reach both outcomes, or it tests nothing
        assertTrue(ends.getOrDefault(End.LOAD_ERROR, 0) > 10, ends.toString());
        assertTrue(ends.getOrDefault(End.EXITED, 0) + ends.getOrDefault(End.SIGNALED, 0) > 10, ends.toString());
    }

    @Test
    void randomBytesAsCodeEndInASignalOrTheLimit() {
        Random rnd = new Random(42);
        Map<Outcome.Kind, Integer> ends = new EnumMap<>(Outcome.Kind.class);
        for (int k = 0; k < 400 * SCALE; k++) {
            GuestMemory mem = new GuestMemory();
            byte[] code = new byte[4096];
            rnd.nextBytes(code);
            mem.map(0x400000, 4096, Prot.RX);
            mem.poke(0x400000, code, 0, code.length);
            mem.map(0x600000, 4096, Prot.RW);
            mem.map(0x7fff0000L, 0x10000, Prot.RW);
            CpuState s = new CpuState();
            s.rip = 0x400000 + rnd.nextInt(64);
            s.r[CpuState.RSP] = 0x7fff8000L;
            s.r[CpuState.RBX] = 0x600100;
            s.r[CpuState.RSI] = 0x600800;
            s.r[CpuState.RDI] = 0x7fff4000L;
            Machine m = new Machine(mem, s, new ProcessLayout(0x601000, 0x7f0000000000L, k),
                    new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
            m.setMaxInstructions(20_000);
            Outcome o;
            try {
                o = m.run();
            } catch (RuntimeException | Error ex) {
                throw new AssertionError("random code case " + k + " raised an internal exception", ex);
            }
            ends.merge(o.kind(), 1, Integer::sum);
        }
        assertTrue(ends.getOrDefault(Outcome.Kind.SIGNALED, 0) > 300 * SCALE, ends.toString());
    }
}
