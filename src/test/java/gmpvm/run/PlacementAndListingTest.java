package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.cli.Main;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.ElfLoader;
import gmpvm.loader.elf.ProgramHeader;
import gmpvm.loader.elf.SectionHeader;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where segments land once loaded (a static PIE moved past the top of user space by its bias, a
 * segment on the stack), and what {@code disasm} makes of files {@code run} refuses: relocatable
 * objects (listed as objdump lists them), dynamically linked executables (listed), and symbols
 * whose names lie outside the string table (skipped with a warning).
 */
class PlacementAndListingTest {
    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true)).execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String loadError(byte[] file) {
        try {
            Launcher.load(file, List.of("/p"), Settings.defaults(),
                    new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        } catch (ElfException e) {
            return e.getMessage();
        }
        return fail("loaded");
    }

    /** Moves the n-th PT_LOAD to vaddr (keeping its page offset, so the file stays consistent). */
    static byte[] moveLoad(byte[] full, int n, long vaddr) throws ElfException {
        ElfFile elf = ElfFile.parse(full);
        byte[] f = full.clone();
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int k = 0;
        for (int i = 0; i < elf.programHeaders().size(); i++) {
            ProgramHeader p = elf.programHeaders().get(i);
            if (p.isLoad() && k++ == n) {
                int at = (int) elf.programHeaderOffset() + 56 * i;
                b.putLong(at + 16, vaddr + (p.vaddr() & 0xfff));
                b.putLong(at + 24, vaddr + (p.vaddr() & 0xfff));
                return f;
            }
        }
        return fail("no PT_LOAD " + n);
    }

    static Path gcc(String name, String... args) throws Exception {
        Files.createDirectories(TestPrograms.OUT);
        Path out = TestPrograms.OUT.resolve(name).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of("gcc"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-o", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc: " + log);
        return out;
    }

    @Test
    void aStaticPiePushedPastUserSpaceByItsBiasIsALoadError() throws Exception {
        byte[] pie = Files.readAllBytes(gcc("placement-pie", "-O2", "-static-pie", "-nostdlib", "-fPIE",
                "benchmarks/programs/intloop.c"));
        assertTrue(ElfFile.parse(pie).isPie());
        // in the file the segment is in user space (0x7fff00000000); at 0x555555554000 more it is not
        byte[] high = moveLoad(pie, 0, 0x7fff00000000L);
        ElfFile.parse(high); // the file alone is fine
        String msg = loadError(high);
        assertTrue(msg.matches("segment \\d+ lies outside the user address space once loaded at 0x555555554000"), msg);
    }

    @Test
    void aSegmentOnTheStackIsALoadErrorNotReplaced() throws Exception {
        byte[] exe = Files.readAllBytes(TestPrograms.buildC("hello", "", List.of()));
        long stackLow = ElfLoader.STACK_TOP - ElfLoader.STACK_SIZE;
        byte[] onStack = moveLoad(exe, 1, stackLow + 0x1000);
        String msg = loadError(onStack);
        assertTrue(msg.matches("segment \\d+ \\(0x7fffff800\\w+-0x\\w+\\) overlaps the stack \\(0x7fffff7ff000-0x7ffffffff000\\)"), msg);
        // just below the stack is fine
        byte[] below = moveLoad(exe, 1, stackLow - 0x100000);
        Launcher.load(below, List.of("/p"), Settings.defaults(),
                new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        Run r = cli("run", writeTemp("onstack", onStack).toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("overlaps the stack"), r.err());
    }

    static Path writeTemp(String name, byte[] b) throws Exception {
        Files.createDirectories(TestPrograms.OUT);
        Path p = TestPrograms.OUT.resolve(name).toAbsolutePath();
        Files.write(p, b);
        return p;
    }

    static String objdump(Path f) throws Exception {
        Process p = new ProcessBuilder("objdump", "-d", "-M", "intel", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return out;
    }

    @Test
    void relocatableObjectsAreListedAsObjdumpListsThem() throws Exception {
        Path o = gcc("listing-sieve.o", "-O2", "-c", "-fno-asynchronous-unwind-tables",
                "-Isrc/test/resources/programs/c", "src/test/resources/programs/c/sieve.c");
        Run r = cli("disasm", o.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(objdump(o), r.out());
        // run still refuses it, in words
        Run run = cli("run", o.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("not an executable: a relocatable object file (ET_REL)"), run.err());
    }

    @Test
    void dynamicallyLinkedExecutablesAreListed() throws Exception {
        Path dyn = gcc("listing-dyn", "-O2", "src/test/resources/programs/limits/dyn.c");
        Run r = cli("disasm", dyn.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Disassembly of section .text:"), r.out());
        assertTrue(r.out().matches("(?s).*\n[0-9a-f]{16} <main>:\n.*"), r.out());
        // objdump's listing has the same functions (it adds name@plt blocks from the dynamic relocations)
        for (String fn : List.of("<main>:", "<_start>:")) {
            assertTrue(objdump(dyn).contains(fn), fn);
        }
        Run run = cli("run", dyn.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("dynamically linked executables are not supported"), run.err());
    }

    @Test
    void aSymbolNamedPastItsStringTableIsSkippedWithAWarning() throws Exception {
        byte[] exe = Files.readAllBytes(TestPrograms.buildC("hello", "", List.of()));
        ElfFile elf = ElfFile.parse(exe);
        byte[] f = exe.clone();
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (SectionHeader sh : elf.sections()) {
            if (sh.type() == SectionHeader.SHT_SYMTAB) {
                for (long i = 1; i < sh.size() / 24; i++) {
                    int at = (int) (sh.offset() + i * 24);
                    int type = f[at + 4] & 15;
                    if (type == 2 && patched == 0) { // the first function symbol
                        b.putInt(at, 0x7ffffff0);
                        patched = (int) i;
                    }
                }
            }
        }
        assertTrue(patched > 0);
        Path bad = writeTemp("badname", f);
        Run r = cli("disasm", bad.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("gmpvm: " + bad + ": warning: symbol " + patched
                + " has a name offset (0x7ffffff0) past its string table"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.out().contains("Disassembly of section .text:"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
