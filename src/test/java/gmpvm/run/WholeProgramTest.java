package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole programs against native runs: each C program (gcc -O2 -static -nostdlib, some also with
 * -mno-sse) and each GNU as program is run natively and in-process under the emulator, with the
 * same arguments, environment and stdin; stdout bytes and exit status must be identical.
 *
 * <p>A C source may carry header comments {@code args: ...} (arguments, double quotes group
 * words), {@code stdin: ...} (with \n escapes) and {@code cflags: ...} (extra gcc flags).
 */
class WholeProgramTest {
    static final List<String> ENV = List.of("HOME=/home/gmpvm", "LANG=C", "GMPVM_TEST=whole program");
    static final long MAX_INSNS = 2_000_000_000L;

    static final List<String> C_PROGRAMS = List.of("hello", "recursion", "switch_goto", "int128", "strops", "bits",
            "partial_regs", "sieve", "sort", "format", "hashtable", "crc32", "divide", "args_env", "memory",
            "structs", "stdin_echo", "segv", "fpe", "traps");
    /** Programs built a second time without SSE (gcc may not use XMM registers at all). */
    static final List<String> NO_SSE = List.of("recursion", "sort", "format", "hashtable", "int128", "structs");
    static final List<String> GAS_PROGRAMS = List.of("hello", "flags", "strings", "stack", "muldiv", "rep_wrap", "rep_stos_wrap");

    static Stream<Arguments> cPrograms() {
        List<Arguments> out = new ArrayList<>();
        for (String p : C_PROGRAMS) {
            out.add(Arguments.of(p, false));
        }
        for (String p : NO_SSE) {
            out.add(Arguments.of(p, true));
        }
        return out.stream();
    }

    static Stream<String> gasPrograms() {
        return GAS_PROGRAMS.stream();
    }

    @ParameterizedTest(name = "{0} no-sse={1}")
    @MethodSource("cPrograms")
    void cProgramMatchesNative(String name, boolean noSse) throws Exception {
        String src = Files.readString(TestPrograms.SRC.resolve("c").resolve(name + ".c"));
        List<String> flags = new ArrayList<>(words(header(src, "cflags")));
        if (noSse) {
            flags.add("-mno-sse");
        }
        Path bin = TestPrograms.buildC(name, noSse ? "-nosse" : "", flags);
        compare(bin, words(header(src, "args")), header(src, "stdin").replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gasPrograms")
    void gasProgramMatchesNative(String name) throws Exception {
        compare(TestPrograms.buildGas(name), List.of(), "");
    }

    /** An ordinary gcc -static glibc program: startup, stdio, malloc, qsort. */
    @org.junit.jupiter.api.Test
    void glibcProgramMatchesNative() throws Exception {
        compare(TestPrograms.buildGlibc("printf", false), List.of("x", "y"), "");
    }

    /** glibc's SSE2 string functions, strtol, getenv, snprintf conversions, malloc/realloc churn. */
    @org.junit.jupiter.api.Test
    void glibcStringsMatchNative() throws Exception {
        compare(TestPrograms.buildGlibc("strings", false), List.of(), "");
    }

    /** The same as a static PIE (ET_DYN, loaded at the fixed PIE base; glibc relocates itself). */
    @org.junit.jupiter.api.Test
    void staticPieGlibcProgramMatchesNative() throws Exception {
        compare(TestPrograms.buildGlibc("printf", true), List.of("pie"), "");
    }

    static void compare(Path bin, List<String> args, String stdin) throws Exception {
        byte[] in = stdin.getBytes(StandardCharsets.UTF_8);
        TestPrograms.Result nat = TestPrograms.runNative(bin, args, ENV, in);
        TestPrograms.Result emu = TestPrograms.runEmulated(bin, args, ENV, in, MAX_INSNS);
        assertEquals(nat.out(), emu.out(), "stdout of " + bin.getFileName() + "; emulator stderr: " + emu.err());
        assertArrayEquals(nat.stdout(), emu.stdout());
        assertEquals(nat.status(), emu.status(), "exit status of " + bin.getFileName() + "; emulator stderr: " + emu.err());
    }

    /** The text after "KEY:" in the source's comments, or "". */
    static String header(String src, String key) {
        Matcher m = Pattern.compile("/\\* " + key + ": (.*?) \\*/").matcher(src);
        return m.find() ? m.group(1) : "";
    }

    /** Splits on spaces; double quotes group words. */
    static List<String> words(String s) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
