package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The mistakes a new user makes first get messages in the program's own terms. */
class NewUserMessagesTest {
    private static Path write(String name, String text) throws Exception {
        Path d = AsmCliTest.dir().resolve("newuser");
        Files.createDirectories(d);
        Path f = d.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aFlagWithoutTextflagHNamesTheInclude() throws Exception {
        Path f = write("noinclude.s", "TEXT main·main(SB), NOSPLIT|NOFRAME, $0\n\tRET\n");
        AsmCliTest.Res r = AsmCliTest.gmpvm("run", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("noinclude.s:1:21: NOSPLIT is not defined: the TEXT and GLOBL flags come from"
                + " textflag.h (add #include \"textflag.h\")"), r.err());
        Path g = write("noinclude_globl.s", "DATA x+0(SB)/8, $1\nGLOBL x(SB), RODATA, $8\n");
        AsmCliTest.Res q = AsmCliTest.gmpvm("asm", "--no-runtime", "--entry", "x", "-o",
                f.resolveSibling("noinclude_globl").toString(), g.toString());
        assertEquals(1, q.status());
        assertTrue(q.err().contains("noinclude_globl.s:2:14: RODATA is not defined"), q.err());
    }

    @Test
    void aProgramWithoutMainMainSaysSo() throws Exception {
        Path f = write("nomain.s", "#include \"textflag.h\"\nTEXT main·f(SB), NOSPLIT, $0\n\tRET\n");
        AsmCliTest.Res r = AsmCliTest.gmpvm("run", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("the program defines no main·main"), r.err());
        assertFalse(r.err().contains("proc.s"), "not an error inside the runtime: " + r.err());
    }

    @Test
    void entryAcceptsTheMiddleDot() throws Exception {
        Path f = write("entry.s", """
                #include "textflag.h"
                TEXT main·start(SB), NOSPLIT, $0
                	MOVQ	$7, DI
                	MOVQ	$231, AX
                	SYSCALL
                """);
        for (String entry : new String[] {"main·start", "main.start"}) {
            AsmCliTest.Res r = AsmCliTest.gmpvm("run", "--no-runtime", "--entry", entry, f.toString());
            assertEquals(7, r.status(), entry + ": " + r.err());
        }
    }
}
