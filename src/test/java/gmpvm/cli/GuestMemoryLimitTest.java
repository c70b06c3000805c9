package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Guest memory has its own limit, --mem, and does not live on the Java heap: a guest touching
 * 1,008 MiB runs in a JVM with a 1 GiB heap, and past the limit mmap and brk answer ENOMEM as
 * Linux does past RLIMIT_AS.
 */
class GuestMemoryLimitTest {
    static final Path SRC = Path.of("src/test/resources/programs/limits");

    static Path build(String name) throws IOException, InterruptedException {
        Files.createDirectories(RunCommandTest.OUT);
        Path bin = RunCommandTest.OUT.resolve("limits-" + name).toAbsolutePath();
        Process p = new ProcessBuilder("gcc", "-O2", "-static", "-nostdlib", "-fno-stack-protector",
                "-fno-tree-loop-distribute-patterns", "-fno-pie", "-no-pie", "-o", bin.toString(),
                SRC.resolve(name + ".c").toString(), "-lgcc").inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc " + name);
        return bin;
    }

    /** The JVM options the launcher script passes before $GMPVM_JAVA_OPTS. */
    static List<String> launcherJavaOptions() throws IOException {
        String exec = Files.readAllLines(Path.of("gmpvm")).stream().filter(l -> l.startsWith("exec java ")).findFirst()
                .orElseThrow();
        int opts = exec.indexOf("${GMPVM_JAVA_OPTS:-}");
        assertTrue(opts > 0, exec);
        assertTrue(exec.substring(opts).startsWith("${GMPVM_JAVA_OPTS:-} -jar "), "GMPVM_JAVA_OPTS comes last: " + exec);
        return Arrays.asList(exec.substring("exec java ".length(), opts).trim().split("\\s+"));
    }

    @Test
    void launcherSetsNoHeapSize() throws IOException {
        for (String o : launcherJavaOptions()) {
            assertFalse(o.startsWith("-Xmx") || o.startsWith("-Xms") || o.startsWith("-XX:MaxHeapSize")
                    || o.startsWith("-XX:MaxRAM"), o);
        }
    }

    @Test
    void touches1008MiBUnderAOneGiBHeap() throws Exception {
        Path bin = build("bigmem");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherJavaOptions());
        cmd.add("-Xmx1g"); // GMPVM_JAVA_OPTS=-Xmx1g
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "gmpvm.cli.Main", "run", bin.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out");
        assertEquals("touched 1008 MiB\nmmap 64 MiB more -12\nbrk grew 0\n", out);
        assertEquals(0, p.exitValue(), out);
    }

    /**
     * When the host cannot back what --mem allows (here the JVM gets 64 MiB of direct memory and
     * the guest touches 1,008 MiB), run and debug both end with status 137 and say what to do,
     * not an internal error.
     */
    @Test
    void hostMemoryRunningOutIsAClearMessageInRunAndDebug() throws Exception {
        Path bin = build("bigmem");
        for (List<String> sub : List.of(List.of("run"), List.of("debug", "-ex", "continue"))) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(launcherJavaOptions());
            cmd.add("-XX:MaxDirectMemorySize=64m"); // GMPVM_JAVA_OPTS, which comes last
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "gmpvm.cli.Main"));
            cmd.addAll(sub);
            cmd.add(bin.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out");
            assertEquals(137, p.exitValue(), sub + ":\n" + out);
            assertTrue(out.contains("gmpvm: out of host memory: ") && out.contains("run with a smaller --mem"), out);
            assertFalse(out.contains("internal error") || out.contains("\tat "), out);
        }
    }

    @Test
    void pastMemMmapAndBrkAnswerEnomemAsLinuxPastRlimitAs() throws Exception {
        Path bin = build("memlimit");
        RunCommandTest.Run ours = RunCommandTest.run("run", "--mem", "64M", bin.toString());
        Process p = new ProcessBuilder("bash", "-c", "ulimit -v 65536 && exec \"$0\"", bin.toString())
                .redirectErrorStream(true).start();
        String linux = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(linux, ours.out());
        assertTrue(ours.out().contains("mmap 32 MiB more -12\nbrk 32 MiB more grew 0\n"), ours.out());
        assertTrue(ours.out().contains("RLIMIT_AS MiB 64 64\n"), ours.out());
        assertEquals(0, ours.status(), ours.err());
        // the default (1 GiB) lets the same requests through
        RunCommandTest.Run roomy = RunCommandTest.run("run", bin.toString());
        assertTrue(roomy.out().contains("brk 32 MiB more grew 33554432\n"), roomy.out());
    }

    @Test
    void memTakesSizesAndRefusesNonsense() throws Exception {
        assertEquals(1L << 30, MemSize.parse("1G"));
        assertEquals(1L << 30, MemSize.parse("1GiB"));
        assertEquals(512L << 20, MemSize.parse("512m"));
        assertEquals(4096L, MemSize.parse("4k"));
        assertEquals(12345L, MemSize.parse("12345"));
        assertNull(MemSize.parse("-1G"));
        assertNull(MemSize.parse("G"));
        assertNull(MemSize.parse("1T"));
        assertNull(MemSize.parse("99999999999999999G"));
        Path bin = build("memlimit");
        RunCommandTest.Run bad = RunCommandTest.run("run", "--mem", "lots", bin.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("not a size"), bad.err());
        RunCommandTest.Run tiny = RunCommandTest.run("run", "--mem", "1000", bin.toString());
        assertEquals(2, tiny.status());
        assertTrue(tiny.err().contains("--mem must be between 1 MiB and 64 GiB"), tiny.err());
        // 1 MiB holds no 8 MiB stack: a load error in words
        RunCommandTest.Run small = RunCommandTest.run("run", "--mem", "1M", bin.toString());
        assertEquals(2, small.status());
        assertTrue(small.err().contains("more than --mem allows"), small.err());
        RunCommandTest.noStackTrace(small);
    }

    @Test
    void freedPagesAreReusedZeroedNotHeldTwice() {
        GuestMemory m = new GuestMemory();
        long base = 0x10000000L;
        for (int round = 0; round < 200; round++) {
            m.map(base, 1 << 20, Prot.RW);
            assertEquals(0, m.read64(base + 8 * round), "round " + round);
            for (long o = 0; o < 1 << 20; o += 4096) {
                m.write64(o + base + 8 * (round + 1), -1L);
            }
            m.unmap(base, 1 << 20);
        }
        // 200 rounds of 1 MiB touched, one round's pages held
        assertTrue(m.hostBytes() <= 2 << 20, "held " + m.hostBytes());
        assertEquals(0, m.mappedTotal());
        m.map(base, 8192, Prot.RW);
        m.map(base, 4096, Prot.READ); // replacing a page gives its bytes back too
        assertEquals(8192, m.mappedTotal());
    }
}
