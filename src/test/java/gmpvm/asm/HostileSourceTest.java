package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sources written to hurt the assembler: exponential macros, #include fan-out, huge
 * continuation lines, unclosed comments, bytes that are not UTF-8, includes of host files.
 * Each ends in file:line:col errors and exit 1 (or is assembled), quickly and in bounded memory.
 */
class HostileSourceTest {
    static Path dir() throws Exception {
        Path d = AsmSupport.OUT.resolve("hostile");
        Files.createDirectories(d);
        return d;
    }

    static AsmCliTest.Res asm(Path src) throws Exception {
        return AsmCliTest.gmpvm("asm", "--no-runtime", "--entry", "f", "-o", src.resolveSibling("out").toString(),
                src.toString());
    }

    static Path write(String name, String text) throws Exception {
        Path p = dir().resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void exponentialMacrosStopWithOneErrorOnTheirLine() throws Exception {
        StringBuilder obj = new StringBuilder("#define A0 x x\n");
        StringBuilder fn = new StringBuilder("#define F0(a) a a\n");
        for (int i = 1; i < 40; i++) {
            obj.append("#define A").append(i).append(" A").append(i - 1).append(" A").append(i - 1).append('\n');
            fn.append("#define F").append(i).append("(a) F").append(i - 1).append("(a) F").append(i - 1).append("(a)\n");
        }
        AsmCliTest.Res o = asm(write("bomb.s", obj + "TEXT f(SB), 4, $0\n\tBYTE $A39\n"));
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().startsWith(dir().resolve("bomb.s") + ":42:8: macro expansion of this line is too large"), o.err());
        assertTrue(o.err().endsWith("gmpvm: 1 error\n"), o.err());
        AsmCliTest.Res f = asm(write("bombf.s", fn + "TEXT f(SB), 4, $0\n\tBYTE $F39(1)\n"));
        assertEquals(1, f.status(), f.err());
        assertTrue(f.err().endsWith("gmpvm: 1 error\n"), f.err());
    }

    @Test
    void includeFanOutRunsIntoTheWorkBudget() throws Exception {
        String filler = "// filler\n".repeat(4000);
        for (int i = 0; i < 14; i++) {
            String body = i < 13 ? "#include \"h" + (i + 1) + ".h\"\n#include \"h" + (i + 1) + ".h\"\n" : "";
            write("fan/h" + i + ".h", body + filler);
        }
        AsmCliTest.Res r = asm(write("fan/fan.s", "#include \"h0.h\"\nTEXT f(SB), 4, $0\n\tRET\n"));
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(": preprocessing takes more than 2000000 lines and macro tokens"), r.err());
        assertTrue(r.err().matches("(?s).*fan/h\\d+\\.h:\\d+:1: preprocessing.*"), "names file:line: " + r.err());
    }

    @Test
    void longContinuationLinesAreJoinedInLinearTime() throws Exception {
        Path p = write("cont.s", "#define X \\\n" + "a \\\n".repeat(600_000) + "b\nTEXT f(SB), 4, $0\n\tRET\n");
        AsmCliTest.Res r = asm(p);
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void anUnclosedBlockCommentIsAnError() throws Exception {
        AsmCliTest.Res r = asm(write("unclosed.s", "TEXT f(SB), 4, $0\n\tNOP /* never closed\n\tRET\n"));
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(dir().resolve("unclosed.s") + ":2:6: /* comment is never closed"), r.err());
    }

    @Test
    void adjspBeyond32BitsIsAnError() throws Exception {
        AsmCliTest.Res r = asm(write("adjsp.s", "TEXT f(SB), 4, $0\n\tADJSP $0x80000000\n\tADJSP $-0x80000000\n\tRET\n"));
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(dir().resolve("adjsp.s") + ":2:8: ADJSP $2147483648 is out of range"), r.err());
    }

    /**
     * A DATA size that wraps past 2^63 while it is read once became a 1.8 GB allocation (a
     * million-source fuzz run ran out of heap on it); any size past 1 MiB is an error.
     */
    @Test
    void aHugeOrWrappingDataSizeIsAnErrorNotAnAllocation() throws Exception {
        AsmCliTest.Res r = asm(write("datasize.s", "TEXT f(SB), 4, $0\n\tRET\n"
                + "DATA d<>+0(SB)/10353880531392034383, $\"abc\"\nDATA e<>+0(SB)/2000000, $\"abc\"\n"
                + "GLOBL d<>(SB), 8, $8\nGLOBL e<>(SB), 8, $8\n"));
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(dir().resolve("datasize.s") + ":3:"), r.err());
        assertTrue(r.err().contains("DATA size 10353880531392034383 out of range"), r.err());
        assertTrue(r.err().contains(":4:") && r.err().contains("DATA size 2000000 out of range"), r.err());
    }

    @Test
    void bytesThatAreNotUtf8AndNulsInIncludeNamesGetPositions() throws Exception {
        Path p = dir().resolve("latin1.s");
        Files.write(p, "TEXT f(SB), 4, $0\n\tRET // caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        AsmCliTest.Res r = asm(p);
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().startsWith(p + ":2:12: bytes that are not UTF-8"), r.err());
        AsmCliTest.Res n = asm(write("nul.s", "#include \"a\0b.h\"\nTEXT f(SB), 4, $0\n\tRET\n"));
        assertEquals(1, n.status(), n.err());
        assertTrue(n.err().startsWith(dir().resolve("nul.s") + ":1:2: #include name contains a NUL byte"), n.err());
    }

    @Test
    void includesStayInsideTheSourceTreeAndTheIncludeDirectories() throws Exception {
        AsmCliTest.Res r = asm(write("passwd.s", "#include \"/etc/passwd\"\n"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("#include \"/etc/passwd\" is outside the source's directory and the -I directories"), r.err());
        assertFalse(r.err().contains("root:"), "the file's lines are never echoed: " + r.err());
        AsmCliTest.Res up = asm(write("sub/up.s", "#include \"../../../../../../../../etc/hostname\"\n"));
        assertEquals(1, up.status());
        assertTrue(up.err().contains("is outside the source's directory"), up.err());
        // an -I directory may be anywhere
        Path inc = write("elsewhere/code.h", "#define CODE 3\n");
        Path src = write("tree/uses.s", "#include \"code.h\"\nTEXT f(SB), 4, $0\n\tMOVQ $CODE, AX\n\tRET\n");
        AsmCliTest.Res ok = AsmCliTest.gmpvm("asm", "--no-runtime", "--entry", "f", "-I", inc.getParent().toString(),
                "-o", src.resolveSibling("out").toString(), src.toString());
        assertEquals(0, ok.status(), ok.err());
    }

    @Test
    void outputNeverOverwritesAnInput() throws Exception {
        Path src = write("self.s", "TEXT f(SB), 4, $0\n\tRET\n");
        AsmCliTest.Res r = AsmCliTest.gmpvm("asm", "--no-runtime", "--entry", "f", "-o", src.toString(), src.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("would overwrite the source"), r.err());
        assertEquals("TEXT f(SB), 4, $0\n\tRET\n", Files.readString(src));
    }

    /** `gmpvm asm prog.s` from prog.s's own directory finds headers that its headers include. */
    @Test
    void aBareFileNameFindsNestedIncludes() throws Exception {
        Path d = dir().resolve("bare");
        write("bare/prog.s", "#include \"a.h\"\nTEXT f(SB), 4, $0\n\tMOVQ $B, AX\n\tRET\n");
        write("bare/a.h", "#include \"b.h\"\n");
        write("bare/b.h", "#define B 7\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gmpvm.cli.Main", "asm", "--no-runtime", "--entry", "f",
                "-o", "out", "prog.s"));
        Process p = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertTrue(Files.exists(d.resolve("out")));
    }
}
