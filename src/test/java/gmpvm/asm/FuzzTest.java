package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.elf.ElfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated sources (seeded, reproducible): the example programs and the instruction-form
 * corpus with characters deleted, inserted, replaced and lines duplicated or dropped. The
 * assembler must answer each with errors or an ELF the loader accepts: never an exception,
 * never a hang. {@code -Dgmpvm.fuzz.iterations=N} runs a longer sweep.
 */
class FuzzTest {
    private static final String ALPHABET = "AXBCDSPQLW0123456789$()*+-,;:#<>/\\\"'~&|^ \t\n·_abcxyz(SB)(FP)(SP)(PC)";

    /** Whole words the mutator inserts: directives, flags and operand pieces. */
    private static final String[] WORDS = {"RODATA", "NOPTR|", "|DUPOK", "NOSPLIT", "NOFRAME", "NEEDCTXT", "WRAPPER",
        "\nDATA x<>+0(SB)/8, $1\n", "\nGLOBL x<>(SB), RODATA, $8\n", "\nGLOBL y(SB), $0\n", "\nTEXT z(SB), $8-8\n",
        "\nTEXT z(SB), NOSPLIT, $0\n", "$16-8", "(SB)", "<>", "\n\tRET\n", "\n\tCALL z(SB)\n", "(FP)", "(SP)",
        "(PC)", "(TLS*1)", "\n\tPUSHQ AX\n", "\n\tADJSP $-8\n", "\n#define", "\n#ifdef X\n", "\n#endif\n",
        "\n#include \"go_tls.h\"\n", "get_tls(CX)", "g(CX)", "$\"abc\"", "$1.5", "0x7fffffffffffffff", "-(1<<63)",
        "\nlbl:\n", "JMP lbl", "JEQ 100(PC)", "/16", "<ABIInternal>", "·", "\\\n"};

    static List<String> seeds() throws Exception {
        List<String> res = new ArrayList<>();
        try (Stream<Path> s = Files.list(ExamplesRunTest.DIR)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".s")).sorted().toList()) {
                res.add(Files.readString(p));
            }
        }
        StringBuilder forms = new StringBuilder("#include \"textflag.h\"\nTEXT _rt0_amd64_linux(SB), $24-8\n");
        for (FormsObjdumpTest.Form f : FormsObjdumpTest.forms()) {
            forms.append('\t').append(f.go()).append('\n');
        }
        forms.append("\tRET\n");
        res.add(forms.toString());
        res.add("#define F(a, b) a b\n#define G F(F(1,2),F(3,4))\nTEXT x(SB),$0\nlbl: MOVQ $G, AX; JMP lbl\nDATA d<>+0(SB)/8, $\"abc\"\nGLOBL d<>(SB), $8\n");
        res.add("""
                #include "textflag.h"
                DATA	a<>+0(SB)/8, $1
                DATA	a<>+8(SB)/8, $a<>(SB)
                GLOBL	a<>(SB), RODATA|NOPTR, $16
                GLOBL	b(SB), RODATA, $32
                GLOBL	c(SB), NOPTR, $8
                DATA	d+0(SB)/4, $1.5
                GLOBL	d(SB), DUPOK, $4
                TEXT _rt0_amd64_linux(SB), NOSPLIT, $16-8
                	MOVQ	a<>+8(SB), AX
                	MOVQ	x+0(FP), BX
                	MOVQ	BX, y-8(SP)
                	CALL	·f(SB)
                	RET
                TEXT ·f(SB), $200-0
                	CALL	·f(SB)
                	RET
                TEXT runtime·morestack_noctxt(SB), NOSPLIT|NOFRAME, $0
                	RET
                """);
        return res;
    }

    static String mutate(String src, Random rnd) {
        StringBuilder sb = new StringBuilder(src);
        int n = 1 + rnd.nextInt(6);
        for (int k = 0; k < n && sb.length() > 0; k++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(7)) {
                case 6 -> sb.insert(at, WORDS[rnd.nextInt(WORDS.length)]);
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 2 -> sb.setCharAt(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 3 -> {
                    int s = sb.lastIndexOf("\n", at) + 1;
                    int e = sb.indexOf("\n", at);
                    e = e < 0 ? sb.length() : e + 1;
                    sb.insert(s, sb.substring(s, e));
                }
                case 4 -> {
                    int s = sb.lastIndexOf("\n", at) + 1;
                    int e = sb.indexOf("\n", at);
                    sb.delete(s, e < 0 ? sb.length() : e + 1);
                }
                default -> sb.insert(at, String.valueOf(rnd.nextLong()));
            }
        }
        return sb.toString();
    }

    @Test
    void mutatedSourcesNeverCrashOrHang() throws Exception {
        int iterations = Integer.getInteger("gmpvm.fuzz.iterations", 400);
        List<String> seeds = seeds();
        Random rnd = new Random(20261128L);
        int built = 0;
        for (int i = 0; i < iterations; i++) {
            String src = mutate(seeds.get(i % seeds.size()), rnd);
            int iter = i;
            Asm.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    return Asm.build(List.of(new SourceText("fuzz.s", src, null)), new Asm.Options(List.of(), true, null));
                } catch (RuntimeException | StackOverflowError e) {
                    fail("iteration " + iter + ": internal exception " + e + " for source:\n" + src, e);
                    return null;
                }
            }, () -> "iteration " + iter + " hung");
            if (r.ok()) {
                built++;
                ElfFile.parse(r.elf());
            } else {
                assertTrue(r.diagnostics().hasErrors());
                r.diagnostics().format();
            }
        }
        assertTrue(built > 0, "some mutations still assemble");
    }
}
