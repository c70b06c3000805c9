package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every instruction form in src/test/resources/asm/forms.txt (Go spelling => the Intel text GNU
 * objdump must print for our bytes) is assembled into one function; objdump must disassemble
 * it back to exactly the intended instructions, in order.
 */
class FormsObjdumpTest {
    record Form(int line, String go, List<String> intel) {
    }

    static List<Form> forms() throws IOException {
        List<Form> res = new ArrayList<>();
        try (InputStream in = FormsObjdumpTest.class.getResourceAsStream("/asm/forms.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("=>", 2);
                List<String> want = new ArrayList<>();
                for (String w : parts[1].split(";")) {
                    want.add(w.strip());
                }
                res.add(new Form(i + 1, parts[0].strip(), want));
            }
        }
        return res;
    }

    @Test
    void everyFormDisassemblesToTheIntendedInstruction() throws Exception {
        List<Form> forms = forms();
        assertTrue(forms.size() >= 500, "corpus has " + forms.size() + " forms");
        StringBuilder src = new StringBuilder("#include \"textflag.h\"\n");
        src.append("TEXT _rt0_amd64_linux(SB), NOSPLIT|NOFRAME, $0\n");
        for (Form f : forms) {
            src.append('\t').append(f.go()).append('\n');
        }
        src.append("TEXT fn(SB), NOSPLIT, $0\n\tRET\n");
        src.append("GLOBL sym(SB), $64\nGLOBL sym<>(SB), $8\n");
        Path elf = AsmSupport.write("forms.elf", AsmSupport.buildOk("forms.s", src.toString()));
        List<String> got = AsmSupport.objdump(elf, "_rt0_amd64_linux");
        int k = 0;
        List<String> bad = new ArrayList<>();
        for (Form f : forms) {
            for (String w : f.intel()) {
                String g = k < got.size() ? got.get(k) : "<missing>";
                k++;
                if (!g.equals(w)) {
                    bad.add("forms.txt:" + f.line() + ": " + f.go() + " -> objdump '" + g + "', want '" + w + "'");
                }
            }
            if (bad.size() > 20) {
                break;
            }
        }
        assertEquals(List.of(), bad);
    }
}
