package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.Symbol;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Go's own assembler as the oracle: the instruction-form corpus (split into functions) and a
 * set of frame/prologue functions are assembled by {@code go tool asm} (Debian's golang-go,
 * which scripts/install-deps.sh installs) and by ours; function by function, GNU objdump must
 * read the same instructions from both, and the bytes must be identical outside the fields
 * Go's object file leaves to its linker. Forms where gmpvm knowingly differs (the TLS lowering,
 * absolute {@code sym(SB)(IDX*s)}, the INT3 mnemonic) are left out; docs/asm.md lists them.
 */
class GoToolchainTest {
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        dir = AsmSupport.OUT.resolve("go-oracle").toAbsolutePath();
        Files.createDirectories(dir);
    }

    static boolean goOnly(String form) {
        return !form.contains("TLS") && !form.contains("(SB)(") && !form.equals("INT3");
    }

    /** The corpus as functions ·f0, ·f1, ... cut where PUSH/POP are balanced. */
    static String formsSource() throws Exception {
        StringBuilder sb = new StringBuilder("#include \"textflag.h\"\n");
        int fn = 0;
        int inFn = 0;
        int balance = 0;
        for (FormsObjdumpTest.Form f : FormsObjdumpTest.forms()) {
            String go = f.go();
            if (!goOnly(go)) {
                continue;
            }
            if (inFn == 0) {
                sb.append("TEXT ·f").append(fn++).append("(SB), NOSPLIT|NOFRAME, $0\n");
            }
            go = go.replace("sym(SB)", "·sym(SB)").replace("sym+", "·sym+").replace("fn(SB)", "·fn(SB)")
                    .replace("··", "·");
            sb.append('\t').append(go).append('\n');
            if (go.startsWith("PUSHQ") || go.equals("PUSHFQ")) {
                balance++;
            } else if (go.startsWith("POPQ") || go.equals("POPFQ")) {
                balance--;
            } else if (go.startsWith("ADJSP")) {
                balance += go.contains("-") ? -2 : 2;
            }
            inFn++;
            if (inFn >= 40 && balance == 0) {
                inFn = 0;
            }
        }
        sb.append("TEXT ·fn(SB), NOSPLIT, $0\n\tRET\n");
        sb.append("GLOBL ·sym(SB), NOPTR, $64\nGLOBL sym<>(SB), NOPTR, $8\n");
        return sb.toString();
    }

    static final String FRAMES = """
            #include "textflag.h"
            TEXT ·leaf(SB), NOSPLIT, $0
            	RET
            TEXT ·small(SB), $16-24
            	MOVQ	a+0(FP), AX
            	MOVQ	x-8(SP), BX
            	MOVQ	BX, 0(SP)
            	CALL	·leaf(SB)
            	JEQ	2(PC)
            	RET
            	MOVQ	AX, r+16(FP)
            	RET
            TEXT ·medium(SB), $1024-0
            	CALL	·leaf(SB)
            	RET
            TEXT ·big(SB), $8192-0
            	CALL	·leaf(SB)
            	RET
            TEXT ·ctxt(SB), NEEDCTXT, $40-8
            	MOVQ	a+0(FP), DX
            	CALL	·leaf(SB)
            	RET
            TEXT ·leafframe(SB), $32
            	RET
            TEXT ·noframe(SB), NOSPLIT|NOFRAME, $16-8
            	MOVQ	a+0(FP), AX
            	MOVQ	AX, y-16(SP)
            	RET
            TEXT ·pushes(SB), NOSPLIT, $8-16
            	PUSHQ	AX
            	MOVQ	a+0(FP), AX
            	MOVQ	AX, y-8(SP)
            	POPQ	AX
            	RET
            TEXT ·loops(SB), NOSPLIT, $0-8
            	MOVQ	n+0(FP), CX
            loop:
            	DECQ	CX
            	JNE	loop
            	JMP	2(PC)
            	NOP
            	MOVQ	$0, AX
            	LOOP	-1(PC)
            	RET
            """;

    static final String STUBS = """
            #include "textflag.h"
            TEXT _rt0_amd64_linux(SB), NOSPLIT|NOFRAME, $0
            	RET
            TEXT runtime·morestack_noctxt(SB), NOSPLIT|NOFRAME, $0
            	RET
            TEXT runtime·morestack(SB), NOSPLIT|NOFRAME, $0
            	RET
            """;

    /** Function name → bytes, from {@code go tool objdump} of Go's object file; relocs gets the
     * byte ranges per function that Go's object file leaves to the linker. */
    static Map<String, byte[]> goFunctions(Path src, Map<String, List<int[]>> relocs) throws Exception {
        String goroot = AsmSupport.exec("go", "env", "GOROOT").strip();
        Path obj = dir.resolve(src.getFileName().toString().replace(".s", ".o"));
        String out = AsmSupport.exec("go", "tool", "asm", "-p", "main", "-I", goroot + "/pkg/include",
                "-o", obj.toString(), src.toString());
        assertTrue(Files.exists(obj), "go tool asm failed:\n" + out);
        String dump = AsmSupport.exec("go", "tool", "objdump", obj.toString());
        Map<String, byte[]> res = new LinkedHashMap<>();
        String cur = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : (dump + "\nTEXT end(SB)").split("\n")) {
            if (line.startsWith("TEXT ")) {
                if (cur != null) {
                    res.put(cur, bytes.toByteArray());
                }
                cur = line.substring(5, line.indexOf("(SB)"));
                bytes = new ByteArrayOutputStream();
                relocs.put(cur, new ArrayList<>());
            } else if (line.startsWith("  ") && cur != null) {
                String[] f = line.trim().split("\t+");
                String hex = f[2].trim();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+):(\\d+)\\]R_").matcher(line);
                while (m.find()) {
                    relocs.get(cur).add(new int[] {bytes.size() + Integer.parseInt(m.group(1)),
                        bytes.size() + Integer.parseInt(m.group(2))});
                }
                for (int i = 0; i + 1 < hex.length(); i += 2) {
                    bytes.write(Integer.parseInt(hex.substring(i, i + 2), 16));
                }
            }
        }
        return res;
    }

    /** Function name → bytes, from our ELF. */
    static Map<String, byte[]> ourFunctions(Path src) throws Exception {
        Asm.Result r = Asm.build(List.of(new SourceText(src.getFileName().toString(), Files.readString(src), null),
                new SourceText("stubs.s", STUBS, null)), new Asm.Options(List.of(), true, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        ElfFile elf = ElfFile.parse(r.elf());
        long textAddr = elf.sections().stream().filter(s -> s.name().equals(".text")).findFirst().orElseThrow().addr();
        long textOff = elf.sections().stream().filter(s -> s.name().equals(".text")).findFirst().orElseThrow().offset();
        Map<String, byte[]> res = new LinkedHashMap<>();
        for (Symbol s : elf.symbols()) {
            if (s.type() == Symbol.STT_FUNC) {
                int off = (int) (s.value() - textAddr + textOff);
                res.put(s.name(), Arrays.copyOfRange(r.elf(), off, off + (int) s.size()));
            }
        }
        return res;
    }

    static List<String> disassemble(String name, byte[] code) throws Exception {
        Path bin = dir.resolve(name.replace('/', '_') + ".bin");
        Files.write(bin, code);
        String out = AsmSupport.exec("objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                "--no-show-raw-insn", bin.toString());
        List<String> res = new ArrayList<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(":\t");
            if (line.startsWith(" ") && colon > 0) {
                String s = AsmSupport.normalize(line.substring(colon + 2));
                s = s.replaceAll("^(call|jmp|j[a-z]+|loop) 0x[0-9a-f]+$", "$1 ADDR");
                s = s.replace("fs:0xfffffffffffffff8", "fs:TLSG").replace("fs:0x0", "fs:TLSG");
                res.add(s);
            }
        }
        return res;
    }

    static int compare(String source, String name) throws Exception {
        Path src = dir.resolve(name);
        Files.writeString(src, source);
        Map<String, List<int[]>> relocs = new LinkedHashMap<>();
        Map<String, byte[]> go = goFunctions(src, relocs);
        List<String> bytesDiffer = new ArrayList<>();
        Map<String, byte[]> ours = ourFunctions(src);
        List<String> bad = new ArrayList<>();
        int insns = 0;
        for (Map.Entry<String, byte[]> e : go.entrySet()) {
            byte[] mine = ours.get(e.getKey());
            if (mine == null) {
                bad.add(e.getKey() + ": missing from our output");
                continue;
            }
            byte[] gm = e.getValue().clone();
            byte[] om = mine.clone();
            for (int[] r : relocs.get(e.getKey())) {
                for (int i = r[0]; i < r[1] && i < gm.length && i < om.length; i++) {
                    gm[i] = 0;
                    om[i] = 0;
                }
            }
            if (!Arrays.equals(gm, om)) {
                bytesDiffer.add(e.getKey());
            }
            List<String> g = disassemble("go_" + e.getKey(), e.getValue());
            List<String> o = disassemble("ours_" + e.getKey(), mine);
            insns += g.size();
            if (!g.equals(o)) {
                for (int i = 0; i < Math.max(g.size(), o.size()); i++) {
                    String a = i < g.size() ? g.get(i) : "<none>";
                    String b = i < o.size() ? o.get(i) : "<none>";
                    if (!a.equals(b)) {
                        bad.add(e.getKey() + " #" + i + ": go '" + a + "', ours '" + b + "'");
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
        assertEquals(List.of(), bytesDiffer, "byte-identical to Go outside relocated fields");
        return insns;
    }

    @Test
    void instructionFormsMatchGoFunctionByFunction() throws Exception {
        int insns = compare(formsSource(), "forms_amd64.s");
        assertTrue(insns >= 500, "instructions compared: " + insns);
    }

    /**
     * Seeded random forms ({@link RandomForms}), {@code gmpvm.asm.randomForms} of them (default
     * 2000), in functions of 250: byte-identical to Go.
     */
    @Test
    void randomFormsMatchGo() throws Exception {
        int n = Integer.getInteger("gmpvm.asm.randomForms", 2000);
        List<String> forms = new RandomForms(20261128L).forms(n);
        StringBuilder sb = new StringBuilder("#include \"textflag.h\"\n");
        for (int i = 0; i < forms.size(); i++) {
            if (i % 250 == 0) {
                sb.append("TEXT ·r").append(i / 250).append("(SB), NOSPLIT|NOFRAME, $0\n");
            }
            sb.append('\t').append(forms.get(i)).append('\n');
            if (i % 250 == 249 || i == forms.size() - 1) {
                sb.append("\tRET\n");
            }
        }
        assertTrue(compare(sb.toString(), "random_amd64.s") >= n);
    }

    @Test
    void framesAndProloguesMatchGo() throws Exception {
        assertTrue(compare(FRAMES, "frames_amd64.s") > 50);
    }
}
