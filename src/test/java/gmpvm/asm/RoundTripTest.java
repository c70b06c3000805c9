package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.disasm.Syntax;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Round trip: the instruction corpus is assembled, disassembled into Go syntax by gmpvm's
 * disassembler, and that text assembled again: the bytes must be identical, except where Go's
 * syntax has one text for two encodings (listed in the test).
 */
class RoundTripTest {
    static final String TAIL = "TEXT fn(SB), NOSPLIT, $0\n\tRET\nGLOBL sym(SB), $64\nGLOBL sym<>(SB), $8\n";
    static final String HEAD = "#include \"textflag.h\"\nTEXT _rt0_amd64_linux(SB), NOSPLIT|NOFRAME, $0\n";

    record Image(byte[] code, long addr, TreeMap<Long, String> syms) {
    }

    static Image text(String src) {
        Asm.Result r = Asm.build(List.of(new SourceText("rt.s", src, null)), new Asm.Options(List.of(), true, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        try {
            ElfFile elf = ElfFile.parse(r.elf());
            TreeMap<Long, String> syms = new TreeMap<>();
            long start = 0;
            long size = 0;
            for (Symbol s : elf.symbols()) {
                if (s.type() == Symbol.STT_FUNC || s.type() == Symbol.STT_OBJECT) {
                    syms.putIfAbsent(s.value(), s.name());
                }
                if (s.name().equals("_rt0_amd64_linux")) {
                    start = s.value();
                    size = s.size();
                }
            }
            var text = elf.sections().stream().filter(s -> s.name().equals(".text")).findFirst().orElseThrow();
            int off = (int) (start - text.addr() + text.offset());
            return new Image(Arrays.copyOfRange(r.elf(), off, off + (int) size), start, syms);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void assembleDisassembleAssembleGivesTheSameBytes() throws Exception {
        List<String> forms = new ArrayList<>();
        for (FormsObjdumpTest.Form f : FormsObjdumpTest.forms()) {
            forms.add(f.go());
        }
        roundTrip(forms, List.of("MOVL CX, DX"));
    }

    @Test
    void randomFormsRoundTrip() throws Exception {
        roundTrip(new RandomForms(7L).forms(1500), null);
    }

    /** expectedEquivalent: Go texts allowed to come back as another encoding of the same length, or null for any. */
    static void roundTrip(List<String> forms, List<String> expectedEquivalent) throws Exception {
        StringBuilder src = new StringBuilder(HEAD);
        for (String f : forms) {
            src.append('\t').append(f).append('\n');
        }
        src.append(TAIL);
        Image first = text(src.toString());
        Disassembler d = new Disassembler(addr -> {
            var e = first.syms().floorEntry(addr);
            if (e == null) {
                return null;
            }
            return addr == e.getKey() ? e.getValue() : e.getValue() + "+0x" + Long.toHexString(addr - e.getKey());
        }, Syntax.GO);
        List<Disassembler.Line> lines = d.disassemble(first.code(), 0, first.code().length, first.addr());
        StringBuilder again = new StringBuilder(HEAD);
        for (Disassembler.Line l : lines) {
            again.append('\t').append(l.go()).append('\n');
        }
        again.append(TAIL);
        Image second = text(again.toString());
        Disassembler both = new Disassembler(addr -> null);
        lines = both.disassemble(first.code(), 0, first.code().length, first.addr());
        List<Disassembler.Line> back = both.disassemble(second.code(), 0, second.code().length, second.addr());
        List<String> bad = new ArrayList<>();
        List<String> equivalent = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.size(), back.size()) && bad.size() < 10; i++) {
            Disassembler.Line a = lines.get(i);
            Disassembler.Line b = back.get(i);
            if (Arrays.equals(a.bytes(), b.bytes())) {
                continue;
            }
            String what = a.hex() + " (" + a.intel() + ") -> Go '" + a.go() + "' -> " + b.hex() + " (" + b.intel() + ")";
            if (a.bytes().length == b.bytes().length && a.intel().equals(b.intel())) {
                equivalent.add(a.go());
            } else {
                bad.add(what);
                break;
            }
        }
        assertEquals(List.of(), bad);
        assertEquals(lines.size(), back.size());
        // every form comes back in its own encoding (the Go text names the encoding where two exist)
        assertEquals(List.of(), equivalent, "instructions that came back as another encoding");
        assertEquals(first.code().length, second.code().length);
        assertTrue(lines.size() >= 600, "instructions: " + lines.size());
    }
}
