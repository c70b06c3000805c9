package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.disasm.ElfSymbols;
import gmpvm.loader.disasm.Syntax;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.SectionHeader;
import gmpvm.loader.elf.Symbol;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Assemble, disassemble to Go syntax, assemble again: the bytes must be identical. The corpus
 * is the assembler's own forms list (src/test/resources/asm/forms.txt, every instruction form
 * our Go-dialect assembler emits) plus branches. Branch targets print as absolute addresses;
 * for reassembly this test turns them into labels, the only rewriting it does.
 */
class GoRoundTripTest {
    private static final Pattern ABS_TARGET = Pattern.compile("^(J[A-Z]+|CALL|LOOP[A-Z]*) 0x([0-9a-f]+)$");
    private static final Pattern SYM_TARGET = Pattern.compile("^(J(?!MP)[A-Z]+|LOOP[A-Z]*) ([A-Za-z_.0-9<>]+)\\(SB\\)$");

    @Test
    void assembleDisassembleAssembleGivesTheSameBytes() throws Exception {
        StringBuilder src = new StringBuilder("#include \"textflag.h\"\n");
        src.append("TEXT _rt0_amd64_linux(SB), NOSPLIT|NOFRAME, $0\n");
        src.append("top:\n");
        for (String go : forms()) {
            src.append('\t').append(go).append('\n');
        }
        src.append("\tJEQ top\n\tJNE fwd\n\tJMP top\n\tCALL fn(SB)\nfwd:\n\tRET\n");
        src.append("TEXT fn(SB), NOSPLIT|NOFRAME, $0\n\tRET\n");
        src.append("GLOBL sym(SB), $64\nGLOBL sym<>(SB), $8\n");
        byte[] first = build(src.toString());

        String again = disassembleToSource(first);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "disasm-roundtrip.s"), again);
        byte[] second = build(again);
        byte[] a = text(first);
        byte[] b = text(second);
        if (!Arrays.equals(a, b)) {
            int i = 0;
            while (i < Math.min(a.length, b.length) && a[i] == b[i]) {
                i++;
            }
            fail("bytes differ from offset 0x" + Integer.toHexString(i) + ": first "
                    + ObjdumpOracle.hex(a, i, 12) + ", second " + ObjdumpOracle.hex(b, i, 12)
                    + "\nGo text:\n" + again.substring(0, Math.min(again.length(), 400)));
        }
        assertArrayEquals(a, b);
    }

    /** The .text of _rt0_amd64_linux and fn, disassembled to Go syntax, as a source file. */
    private static String disassembleToSource(byte[] elfBytes) throws Exception {
        ElfFile elf = ElfFile.parse(elfBytes);
        SectionHeader text = textSection(elf);
        Disassembler dis = new Disassembler(new ElfSymbols(elf), Syntax.GO);
        StringBuilder out = new StringBuilder("#include \"textflag.h\"\n");
        List<Symbol> funcs = new ArrayList<>();
        for (Symbol s : elf.symbols()) {
            if (s.name().equals("_rt0_amd64_linux") || s.name().equals("fn")) {
                funcs.add(s);
            }
        }
        funcs.sort((x, y) -> Long.compareUnsigned(x.value(), y.value()));
        List<Disassembler.Line> all = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int k = 0; k < funcs.size(); k++) {
            Symbol f = funcs.get(k);
            long end = k + 1 < funcs.size() ? funcs.get(k + 1).value() : f.value() + Math.max(f.size(), 1);
            if (f.size() > 0) {
                end = f.value() + f.size();
            }
            starts.add(f.value());
            all.addAll(dis.disassemble(elf.data(), (int) (text.offset() + f.value() - text.addr()), (int) (end - f.value()), f.value()));
        }
        TreeSet<Long> targets = new TreeSet<>();
        for (Disassembler.Line l : all) {
            Matcher m = ABS_TARGET.matcher(l.go());
            if (m.matches()) {
                targets.add(Long.parseUnsignedLong(m.group(2), 16));
            }
            Matcher s = SYM_TARGET.matcher(l.go());
            if (s.matches()) {
                targets.add(l.insn().target); // conditional jumps to a symbol: a label in our dialect
            }
        }
        for (Disassembler.Line l : all) {
            int fi = starts.indexOf(l.address());
            if (fi >= 0) {
                out.append("TEXT ").append(funcs.get(fi).name()).append("(SB), NOSPLIT|NOFRAME, $0\n");
            }
            if (targets.contains(l.address())) {
                out.append("L").append(Long.toHexString(l.address())).append(":\n");
            }
            Matcher m = ABS_TARGET.matcher(l.go());
            Matcher sm = SYM_TARGET.matcher(l.go());
            String line = m.matches() ? m.group(1) + " L" + m.group(2)
                    : sm.matches() ? sm.group(1) + " L" + Long.toHexString(l.insn().target) : l.go();
            out.append('\t').append(line).append('\n');
        }
        out.append("GLOBL sym(SB), $64\nGLOBL sym<>(SB), $8\n");
        return out.toString();
    }

    private static SectionHeader textSection(ElfFile elf) {
        for (SectionHeader sh : elf.sections()) {
            if (sh.name().equals(".text")) {
                return sh;
            }
        }
        throw new AssertionError("no .text");
    }

    private static byte[] text(byte[] elfBytes) throws Exception {
        ElfFile elf = ElfFile.parse(elfBytes);
        SectionHeader t = textSection(elf);
        return Arrays.copyOfRange(elfBytes, (int) t.offset(), (int) (t.offset() + t.size()));
    }

    private static byte[] build(String text) {
        Asm.Result r = Asm.build(List.of(new SourceText("roundtrip.s", text, null)), new Asm.Options(List.of(), true, null));
        if (!r.ok()) {
            String d = r.diagnostics().format();
            fail("assembly failed:\n" + d.substring(0, Math.min(d.length(), 6000)));
        }
        return r.elf();
    }

    private static List<String> forms() throws Exception {
        List<String> res = new ArrayList<>();
        try (InputStream in = GoRoundTripTest.class.getResourceAsStream("/asm/forms.txt")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    res.add(l.split("=>", 2)[0].strip());
                }
            }
        }
        assertTrue(res.size() > 500);
        return res;
    }
}
