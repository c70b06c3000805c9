package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import gmpvm.loader.elf.Symbol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * runtime·pclntab as docs/runtime.md describes it, read back from the linked ELF: a header,
 * one 48-byte entry per TEXT symbol sorted by address (entry, end, name, args, frame, flags
 * with the saved-BP bit) and pc → file:line rows. Only programs linked with the runtime get it.
 */
class PclntabTest {
    static final String PROG = """
            #include "textflag.h"
            TEXT main·main(SB), $24-0
            	MOVQ	$1, 0(SP)
            	CALL	main·leaf(SB)
            	RET
            TEXT main·leaf(SB), NOSPLIT, $0-16
            	MOVQ	a+0(FP), AX
            	ADDQ	$1, AX
            	MOVQ	AX, ret+8(FP)
            	RET
            """;

    /** The bytes at a virtual address range, from the section that holds it. */
    static ByteBuffer at(ElfFile elf, long addr, long size) {
        for (SectionHeader s : elf.sections()) {
            if (s.type() == SectionHeader.SHT_PROGBITS && addr >= s.addr() && addr + size <= s.addr() + s.size()) {
                return ByteBuffer.wrap(elf.data(), (int) (s.offset() + addr - s.addr()), (int) size).slice()
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new AssertionError("no section holds 0x" + Long.toHexString(addr));
    }

    static String str(ByteBuffer t, int stroff, int off, int len) {
        byte[] b = new byte[len];
        t.get(stroff + off, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void everyTextSymbolHasAnEntryWithItsSizesFlagsAndLines() throws Exception {
        Asm.Result r = Asm.build(List.of(new SourceText("prog.s", PROG, null)), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        ElfFile elf = ElfFile.parse(r.elf());
        Symbol tab = elf.symbols().stream().filter(s -> s.name().equals("runtime.pclntab")).findFirst().orElse(null);
        assertNotNull(tab, "runtime.pclntab");
        ByteBuffer t = at(elf, tab.value(), tab.size());
        assertEquals(0x63706d67, t.getInt(0), "magic gmpc");
        int nfunc = t.getInt(4);
        int functab = t.getInt(8);
        int files = t.getInt(16);
        int strings = t.getInt(20);
        long funcSyms = elf.symbols().stream().filter(s -> s.type() == Symbol.STT_FUNC).count();
        assertEquals(funcSyms, nfunc, "one entry per TEXT symbol");
        long prevEntry = -1;
        boolean sawMain = false;
        boolean sawLeaf = false;
        for (int i = 0; i < nfunc; i++) {
            int e = functab + 48 * i;
            long entry = t.getLong(e);
            long end = t.getLong(e + 8);
            assertTrue(entry > prevEntry && end > entry, "sorted, non-empty: entry " + i);
            prevEntry = entry;
            String name = str(t, strings, t.getInt(e + 16), t.getInt(e + 20));
            Symbol sym = elf.symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            assertEquals(sym.value(), entry, name + " entry");
            assertEquals(sym.size(), end - entry, name + " size");
            int args = t.getInt(e + 24);
            int frame = t.getInt(e + 28);
            int flags = t.getInt(e + 32);
            int nrows = t.getInt(e + 36);
            int row = t.getInt(e + 40);
            if (name.equals("main.main")) {
                sawMain = true;
                assertEquals(0, args);
                assertEquals(32, frame, "24 bytes of frame + the saved BP");
                assertTrue((flags & 0x10000) != 0, "main saves BP");
                // its rows: the CALL (line 4) is at some pc offset; file prog.s
                boolean line4 = false;
                for (int k = 0; k < nrows; k++) {
                    int rr = row + 12 * k;
                    int fi = t.getInt(rr + 8);
                    assertEquals("prog.s", str(t, strings, t.getInt(files + 8 * fi), t.getInt(files + 8 * fi + 4)));
                    line4 |= t.getInt(rr + 4) == 4;
                    assertTrue(k == 0 || t.getInt(rr) >= t.getInt(rr - 12), "rows in pc order");
                }
                assertTrue(line4, "a row for the CALL on line 4");
            }
            if (name.equals("main.leaf")) {
                sawLeaf = true;
                assertEquals(16, args);
                assertEquals(0, frame);
                assertEquals(4, flags & 0x10004, "NOSPLIT, no saved BP");
            }
        }
        assertTrue(sawMain && sawLeaf);
    }

    @Test
    void programsWithoutTheRuntimeGetNoTable() throws Exception {
        Asm.Result r = Asm.build(List.of(new SourceText("raw.s", """
                TEXT _rt0_amd64_linux(SB), 4, $0
                	MOVL	$0, DI
                	MOVL	$231, AX
                	SYSCALL
                """, null)), new Asm.Options(List.of(), true, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        assertFalse(ElfFile.parse(r.elf()).symbols().stream().anyMatch(s -> s.name().equals("runtime.pclntab")));
    }
}
