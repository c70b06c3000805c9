package gmpvm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line report of a guest fault names the signal, the address, RIP as symbol+offset and the instruction in Intel syntax. */
class FaultReportTest {
    @Test
    void segfaultReportShowsSymbolAndDisassembledInstruction() throws Exception {
        Path bin = TestPrograms.buildC("segv", "", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.commandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true)).execute("run", bin.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(139, status, e);
        assertEquals("before the fault\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(e.matches("(?s)gmpvm: SIGSEGV \\(address 0x[0-9a-f]+, SEGV_MAPERR\\) at rip 0x[0-9a-f]+ <deref(\\+0x[0-9a-f]+)?>: "
                + "mov eax,DWORD PTR \\[rdi\\] \\(8b 07\\)\\n"), e);
    }
}
