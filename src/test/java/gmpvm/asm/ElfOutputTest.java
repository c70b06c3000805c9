package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.LineTable;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import gmpvm.loader.elf.Symbol;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The executable itself: sections and symbols as readelf and nm show them (Go-style names,
 * runtime text bounds, data in .rodata/.data/.bss by flags), and the PC → line table.
 */
class ElfOutputTest {
    static final String SRC = """
            #include "textflag.h"
            DATA	ro<>+0(SB)/8, $1
            GLOBL	ro<>(SB), RODATA, $8
            DATA	·rw+0(SB)/8, $2
            GLOBL	·rw(SB), NOPTR, $8
            GLOBL	·zero(SB), NOPTR, $4096

            TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
            	CALL	runtime·gogo(SB)
            	CALL	·userfn(SB)
            	MOVQ	$60, AX
            	SYSCALL

            TEXT runtime·gogo(SB), NOSPLIT, $16-0
            	MOVQ	ro<>(SB), AX
            	RET

            TEXT ·userfn(SB), NOSPLIT, $0-0
            	MOVQ	·rw(SB), AX
            	MOVQ	AX, ·zero(SB)
            	RET
            GLOBL	·rozero(SB), RODATA, $16
            """;

    @Test
    void readelfAndNmReadTheExecutable() throws Exception {
        Path elf = AsmSupport.write("elfout", AsmSupport.buildOk("elfout.s", SRC));
        String sections = AsmSupport.exec("readelf", "-W", "-S", elf.toString());
        for (String s : List.of(".text", ".rodata", ".data", ".bss", ".symtab", ".strtab", LineTable.SECTION,
                ".debug_info", ".debug_abbrev", ".debug_line")) {
            assertTrue(sections.contains(" " + s + " "), s + " in\n" + sections);
        }
        assertTrue(!sections.contains("Warning") && !sections.contains("Error"), sections);
        String nm = AsmSupport.exec("nm", elf.toString());
        Map<String, String> kind = new TreeMap<>();
        for (String line : nm.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                kind.put(f[2], f[1]);
            }
        }
        assertEquals("T", kind.get("runtime.gogo"));
        assertEquals("T", kind.get("main.userfn"));
        assertEquals("T", kind.get("_rt0_amd64_linux"));
        assertEquals("r", kind.get("ro<>"));
        assertEquals("D", kind.get("main.rw"));
        assertEquals("B", kind.get("main.zero"));
        assertEquals("R", kind.get("main.rozero"), "RODATA without DATA: zeros in .rodata");
        assertTrue(kind.containsKey("runtime.text") && kind.containsKey("runtime.etext"), nm);
        String objdump = AsmSupport.exec("objdump", "-d", elf.toString());
        assertTrue(objdump.contains("<runtime.gogo>:") && !objdump.contains("(bad)"), objdump);
    }

    @Test
    void dwarfLineInfoLetsGdbAndBinutilsShowTheSource() throws Exception {
        Path elf = AsmSupport.write("elfout-dwarf", AsmSupport.buildOk("elfout.s", SRC));
        String decoded = AsmSupport.exec("readelf", "--debug-dump=decodedline", elf.toString());
        assertTrue(decoded.contains("elfout.s") && !decoded.contains("Warning"), decoded);
        Map<String, Long> addr = new TreeMap<>();
        for (Symbol s : ElfFile.parse(java.nio.file.Files.readAllBytes(elf)).symbols()) {
            addr.put(s.name(), s.value());
        }
        long body = addr.get("runtime.gogo") + 14;
        String gdb = AsmSupport.exec("gdb", "-nx", "-batch", "-ex", "info line *0x" + Long.toHexString(body), elf.toString());
        assertTrue(gdb.contains("Line 15 of \"elfout.s\" starts at address 0x" + Long.toHexString(body)), gdb);
    }

    @Test
    void runtimeTextIsContiguousAndBounded() throws Exception {
        ElfFile f = ElfFile.parse(AsmSupport.buildOk("elfout.s", SRC));
        Map<String, Long> addr = new TreeMap<>();
        for (Symbol s : f.symbols()) {
            addr.put(s.name(), s.value());
        }
        long text = addr.get("runtime.text");
        long etext = addr.get("runtime.etext");
        assertTrue(text <= addr.get("_rt0_amd64_linux") && addr.get("_rt0_amd64_linux") < etext);
        assertTrue(text <= addr.get("runtime.gogo") && addr.get("runtime.gogo") < etext);
        assertTrue(addr.get("main.userfn") >= etext, "user code after runtime.etext");
        assertEquals(addr.get("_rt0_amd64_linux"), f.entry());
    }

    @Test
    void lineTableMapsEveryInstructionToItsSourceLine() throws Exception {
        byte[] image = AsmSupport.buildOk("elfout.s", SRC);
        ElfFile f = ElfFile.parse(image);
        SectionHeader sh = f.sections().stream().filter(s -> s.name().equals(LineTable.SECTION)).findFirst().orElseThrow();
        LineTable lt = LineTable.parse(Arrays.copyOfRange(image, (int) sh.offset(), (int) (sh.offset() + sh.size())));
        Map<String, Long> addr = new TreeMap<>();
        for (Symbol s : f.symbols()) {
            addr.put(s.name(), s.value());
        }
        long gogo = addr.get("runtime.gogo");
        // prologue (SUBQ, MOVQ BP, LEAQ) belongs to the TEXT line
        assertEquals(new LineTable.Line("elfout.s", 14), lt.lookup(gogo));
        // first body instruction: MOVQ ro<>(SB), AX after the 4+5+5-byte prologue
        assertEquals(new LineTable.Line("elfout.s", 15), lt.lookup(gogo + 14));
        // RET's epilogue and the ret itself
        LineTable.Line ret = lt.lookup(gogo + 14 + 7);
        assertEquals(new LineTable.Line("elfout.s", 16), ret);
        assertEquals(new LineTable.Line("elfout.s", 9), lt.lookup(addr.get("_rt0_amd64_linux")));
        assertEquals(new LineTable.Line("elfout.s", 19), lt.lookup(addr.get("main.userfn")));
        assertNull(lt.lookup(addr.get("main.userfn") - 1), "alignment padding has no line");
        assertNotNull(lt.lookup(addr.get("main.userfn") + 7));
    }
}
