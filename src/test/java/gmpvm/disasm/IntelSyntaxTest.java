package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.loader.disasm.Disassembler;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Intel text pinned for instructions whose objdump spelling is easy to get wrong, so a change
 * shows up without running the (larger) objdump conformance tests. Each expected string is what
 * objdump 2.40 prints for the bytes at 0x401000 without symbols.
 */
class IntelSyntaxTest {
    @Test
    void objdumpSpellings() {
        String[][] cases = {
            {"66 2e 0f 1f 84 00 00 00 00 00", "cs nop WORD PTR [rax+rax*1+0x0]"},
            {"66 90", "xchg   ax,ax"},
            {"48 90", "rex.W nop"},
            {"f3 48 ab", "rep stos QWORD PTR es:[rdi],rax"},
            {"f3 a6", "repz cmps BYTE PTR ds:[rsi],BYTE PTR es:[rdi]"},
            {"3e ff e0", "notrack jmp rax"},
            {"f2 c3", "bnd ret"},
            {"f3 c3", "repz ret"},
            {"64 48 8b 04 25 f8 ff ff ff", "mov    rax,QWORD PTR fs:0xfffffffffffffff8"},
            {"48 b8 01 02 03 04 05 06 07 08", "movabs rax,0x807060504030201"},
            {"48 8b 05 f0 ff ff ff", "mov    rax,QWORD PTR [rip+0xfffffffffffffff0]        # 0x400ff7"},
            {"8b 04 20", "mov    eax,DWORD PTR [rax+riz*1]"},
            {"8b 04 65 10 00 00 00", "mov    eax,DWORD PTR [riz*2+0x10]"},
            {"8b 04 25 10 00 00 00", "mov    eax,DWORD PTR ds:0x10"},
            {"67 8b 04 25 f0 ff ff ff", "mov    eax,DWORD PTR [eiz*1+0xfffffff0]"},
            {"4a 01 c0", "rex.WX add rax,rax"},
            {"66 48 01 c0", "data16 add rax,rax"},
            {"64 2e 8b 00", "fs mov eax,DWORD PTR fs:[rax]"},
            {"f0 f3 0f c7 08", "lock xrelease cmpxchg8b QWORD PTR [rax]"},
            {"f0 f3 48 0f c7 08", "lock repz cmpxchg16b OWORD PTR [rax]"},
            {"f2 86 00", "xacquire xchg BYTE PTR [rax],al"},
            {"f3 88 00", "xrelease mov BYTE PTR [rax],al"},
            {"6a ff", "push   0xffffffffffffffff"},
            {"66 6a ff", "pushw  0xffff"},
            {"d1 f0", "shl    eax,1"},
            {"67 e3 00", "jecxz  0x401003"},
            {"eb fe", "jmp    0x401000"},
            {"48 63 c0", "movsxd rax,eax"},
            {"66 63 c1", "movsxd ax,ecx"},
            {"f3 48 0f 1e c8", "rdsspq rax"},
            {"0f 18 3d 10 00 00 00", "prefetchit0 BYTE PTR [rip+0x10]        # 0x401017"},
            {"d9 c0", "(bad)"},
        };
        Disassembler d = new Disassembler(null);
        StringBuilder bad = new StringBuilder();
        for (String[] c : cases) {
            byte[] b = HexFormat.of().parseHex(c[0].replace(" ", ""));
            String got = d.one(b, 0, b.length, 0x401000).intel();
            if (!got.equals(c[1])) {
                bad.append("  ").append(c[0]).append(": got '").append(got).append("', want '").append(c[1]).append("'\n");
            }
        }
        if (bad.length() > 0) {
            fail("Intel text differs:\n" + bad);
        }
    }
}
