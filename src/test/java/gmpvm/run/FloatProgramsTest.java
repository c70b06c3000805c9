package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floating-point and vectorised C programs (programs/float/, gcc -static with glibc and libm)
 * against native runs: glibc's printf and strtod on doubles in every conversion, libm's
 * functions printed exactly, gcc -O3's SSE2 loops over integers and doubles, and &lt;fenv.h&gt;
 * (rounding modes, exception flags, an unmasked exception ending the run with SIGFPE). Stdout
 * bytes and exit status must be identical.
 */
class FloatProgramsTest {
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "printf_doubles, -O2, ''",
        "libm, -O2, ''",
        "vectorised, -O3, ''",
        "fenv, -O2, ''",
        "fenv, -O2, trap",
    })
    void matchesNative(String name, String opt, String arg) throws Exception {
        Path bin = build(name, opt);
        List<String> args = arg.isEmpty() ? List.of() : List.of(arg);
        TestPrograms.Result nat = TestPrograms.runNative(bin, args, WholeProgramTest.ENV, new byte[0]);
        TestPrograms.Result emu = TestPrograms.runEmulated(bin, args, WholeProgramTest.ENV, new byte[0], WholeProgramTest.MAX_INSNS);
        assertTrue(nat.stdout().length > 100, "the native run printed too little to compare");
        assertEquals(nat.out(), emu.out(), "stdout of " + name + "; emulator stderr: " + emu.err());
        assertEquals(nat.status(), emu.status(), "exit status of " + name + "; emulator stderr: " + emu.err());
    }

    private static synchronized Path build(String name, String opt) throws IOException, InterruptedException {
        Path src = TestPrograms.SRC.resolve("float").resolve(name + ".c");
        Path bin = TestPrograms.OUT.resolve("float-" + name).toAbsolutePath();
        if (Files.exists(bin) && Files.getLastModifiedTime(bin).compareTo(Files.getLastModifiedTime(src)) >= 0) {
            return bin;
        }
        Files.createDirectories(TestPrograms.OUT);
        List<String> cmd = new ArrayList<>(List.of("gcc", opt, "-static", "-o", bin.toString(), src.toString(), "-lm"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "gcc timed out");
        assertEquals(0, p.exitValue(), "gcc failed: " + out);
        return bin;
    }
}
