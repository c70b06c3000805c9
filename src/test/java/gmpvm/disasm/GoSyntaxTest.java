package gmpvm.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gmpvm.emulator.cpu.Decoder;
import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.disasm.GoFormatter;
import gmpvm.loader.disasm.SymbolResolver;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Go-syntax text: a representative list, and a check that the text is stable and unambiguous. */
class GoSyntaxTest {
    private static final long AT = 0x401000;

    /** Symbols for the examples: runtime.morestack_noctxt at 0x402000, runtime.x (data) at 0x404000. */
    private static final SymbolResolver SYMS = a -> a == 0x402000 ? "runtime.morestack_noctxt"
            : a >= 0x404000 && a < 0x404100 ? (a == 0x404000 ? "runtime.x" : "runtime.x+0x" + Long.toHexString(a - 0x404000))
            : null;

    private static String go(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return new Disassembler(SYMS).one(b, 0, b.length, AT).go();
    }

    @Test
    void representativeInstructions() {
        String[][] cases = {
            {"48 8b 44 24 08", "MOVQ 0x8(SP), AX"},
            {"83 c1 01", "ADDL $0x1, CX"},
            {"48 83 c4 f0", "ADDQ $-0x10, SP"},
            {"48 83 ec 18", "SUBQ $0x18, SP"},
            {"75 1e", "JNE 0x401020"},
            {"0f 86 fa 0f 00 00", "JLS runtime.morestack_noctxt(SB)"},
            {"0f 86 fb 0f 00 00", "JLS 0x402001"},
            {"72 00", "JCS 0x401002"},
            {"73 00", "JCC 0x401002"},
            {"77 00", "JHI 0x401002"},
            {"7c 00", "JLT 0x401002"},
            {"7f 00", "JGT 0x401002"},
            {"78 00", "JMI 0x401002"},
            {"79 00", "JPL 0x401002"},
            {"70 00", "JOS 0x401002"},
            {"71 00", "JOC 0x401002"},
            {"7a 00", "JPS 0x401002"},
            {"7b 00", "JPC 0x401002"},
            {"48 0f 44 c1", "CMOVQEQ CX, AX"},
            {"0f 4d d0", "CMOVLGE AX, DX"},
            {"48 0f b6 c1", "MOVBQZX CL, AX"},
            {"0f b7 06", "MOVWLZX (SI), AX"},
            {"48 0f be c1", "MOVBQSX CL, AX"},
            {"48 63 c7", "MOVLQSX DI, AX"},
            {"0f 94 c0", "SETEQ AL"},
            {"40 0f 92 c6", "SETCS SIB"},
            {"48 8d 44 24 10", "LEAQ 0x10(SP), AX"},
            {"e8 fb 0f 00 00", "CALL runtime.morestack_noctxt(SB)"},
            {"e8 00 00 00 00", "CALL 0x401005"},
            {"49 3b 66 10", "CMPQ SP, 0x10(R14)"},
            {"48 83 f8 00", "CMPQ AX, $0x0"},
            {"48 85 c0", "TESTQ AX, AX"},
            {"f6 c3 01", "TESTB $0x1, BL"},
            {"48 8b 05 f9 2f 00 00", "MOVQ runtime.x(SB), AX"},
            {"48 8b 05 01 30 00 00", "MOVQ runtime.x+0x8(SB), AX"},
            {"48 8b 05 10 00 00 00", "MOVQ 0x10(IP), AX"},
            {"64 48 8b 00", "MOVQ (AX)(TLS*1), AX"},
            {"64 48 8b 48 f8", "MOVQ -0x8(AX)(TLS*1), CX"},
            {"64 48 8b 04 25 f8 ff ff ff", "MOVQ (TLS), AX"},
            {"64 48 8b 04 25 f0 ff ff ff", "BYTE $0x64; MOVQ -0x10, AX"},
            {"8b d1", "MOVLQZX CX, DX"},
            {"83 e1 80", "ANDL $-0x80, CX"},
            {"81 e1 80 ff ff ff", "ANDL $0xffffff80, CX"},
            {"66 05 ff ff", "ADDW $0xffff, AX"},
            {"66 83 c0 ff", "ADDW $-0x1, AX"},
            {"89 ca", "MOVL CX, DX"},
            {"48 8b 04 cb", "MOVQ (BX)(CX*8), AX"},
            {"8b 04 8d 10 00 00 00", "MOVL 0x10(CX*4), AX"},
            {"f3 48 ab", "REP; STOSQ"},
            {"f3 a4", "REP; MOVSB"},
            {"f0 48 0f b1 0b", "LOCK; CMPXCHGQ CX, (BX)"},
            {"f0 0f c1 03", "LOCK; XADDL AX, (BX)"},
            {"48 87 03", "XCHGQ AX, (BX)"},
            {"48 c1 e0 03", "SHLQ $0x3, AX"},
            {"48 d1 e8", "SHRQ $0x1, AX"},
            {"48 d3 f8", "SARQ CX, AX"},
            {"48 0f a5 c8", "SHLQ CX, CX, AX"},
            {"48 0f ac d0 04", "SHRQ $0x4, DX, AX"},
            {"48 69 c1 10 00 00 00", "IMUL3Q $0x10, CX, AX"},
            {"48 0f af c1", "IMULQ CX, AX"},
            {"48 f7 e1", "MULQ CX"},
            {"48 f7 f9", "IDIVQ CX"},
            {"48 99", "CQO"},
            {"48 98", "CDQE"},
            {"66 0f ef c0", "PXOR X0, X0"},
            {"f3 0f 6f 06", "MOVOU (SI), X0"},
            {"66 0f 7f 07", "MOVO X0, (DI)"},
            {"0f 11 44 24 10", "MOVUPS X0, 0x10(SP)"},
            {"66 48 0f 6e c0", "MOVQ AX, X0"},
            {"66 0f 6e c0", "MOVL AX, X0"},
            {"f2 0f 10 01", "MOVSD (CX), X0"},
            {"66 0f 70 c1 1b", "PSHUFL $0x1b, X1, X0"},
            {"66 0f d7 c1", "PMOVMSKB X1, AX"},
            {"66 0f 73 d8 08", "PSRLO $0x8, X0"},
            {"66 0f fe c1", "PADDL X1, X0"},
            {"48 b8 88 77 66 55 44 33 22 11", "MOVQ $0x1122334455667788, AX"},
            {"b8 ff ff ff ff", "MOVL $-0x1, AX"},
            {"c6 00 ff", "MOVB $-0x1, (AX)"},
            {"50", "PUSHQ AX"},
            {"41 5f", "POPQ R15"},
            {"6a 08", "PUSHQ $0x8"},
            {"9c", "PUSHFQ"},
            {"c9", "LEAVEQ"},
            {"c3", "RET"},
            {"c2 08 00", "RET $0x8"},
            {"ff e0", "JMP AX"},
            {"ff 10", "CALL (AX)"},
            {"0f 05", "SYSCALL"},
            {"cc", "BYTE $0xcc"},
            {"90", "BYTE $0x90"},
            {"0f 1f 44 00 00", "NOPL (AX)(AX*1)"},
            {"66 2e 0f 1f 84 00 00 00 00 00", "BYTE $0x2e; NOPW (AX)(AX*1)"},
            {"f3 90", "PAUSE"},
            {"f3 0f 1e fa", "ENDBR64"},
            {"0f ae f0", "MFENCE"},
            {"48 0f c7 0f", "CMPXCHG16B (DI)"},
            {"48 0f c8", "BSWAPQ AX"},
            {"48 0f a3 c8", "BTQ CX, AX"},
            {"48 0f ba e0 05", "BTQ $0x5, AX"},
            {"f3 48 0f b8 c1", "POPCNTQ CX, AX"},
            {"f3 48 0f bc c1", "TZCNTQ CX, AX"},
            {"e3 00", "JCXZQ 0x401002"},
            {"e2 fe", "LOOP 0x401000"},
            {"0f 0b", "UD2"},
            {"d9 c0", "BYTE $0xd9; BYTE $0xc0"},
            {"88 e0", "MOVB AH, AL"},
            {"40 88 f0", "MOVB SIB, AL"},
        };
        StringBuilder bad = new StringBuilder();
        for (String[] c : cases) {
            String got = go(c[0]);
            if (!got.equals(c[1])) {
                bad.append("  ").append(c[0]).append(": got '").append(got).append("', want '").append(c[1]).append("'\n");
            }
        }
        if (bad.length() > 0) {
            fail("Go syntax differs:\n" + bad);
        }
    }

    /**
     * Over the systematic enumeration of executed forms (the same ~100,000 instructions the
     * objdump test uses), each Go string stands for exactly one operation: two instructions that
     * print the same text must have the same decoded meaning (operation, condition, size,
     * operands, address parts, immediates, target, and the prefix bytes printed as BYTE).
     * Formatting is also stable: the same instruction formats the same way twice.
     */
    @Test
    void goTextIsStableAndUnambiguous() {
        List<byte[]> slots = SystematicIntelTest.generate();
        GoFormatter fmt = new GoFormatter(SymbolResolver.NONE);
        Decoder dec = new Decoder();
        Map<String, String> meaning = new HashMap<>();
        StringBuilder report = new StringBuilder();
        int clashes = 0;
        int n = 0;
        for (byte[] b : slots) {
            Insn in = dec.decode(b, b.length, AT);
            if (in.op == Op.BAD || in.op == Op.UNSUPPORTED) {
                continue;
            }
            String text = fmt.format(in, b, 0);
            assertEquals(text, fmt.format(dec.decode(b, b.length, AT), b, 0), "unstable text");
            n++;
            String key = key(in, text);
            String old = meaning.putIfAbsent(text, key);
            if (old != null && !old.equals(key)) {
                if (clashes++ < 20) {
                    report.append("  '").append(text).append("' is both\n    ").append(old).append("\n    ").append(key)
                            .append("\n    (bytes ").append(ObjdumpOracle.hex(b, 0, in.len)).append(")\n");
                }
            }
        }
        assertTrue(n > 10000, "too few instructions: " + n);
        if (clashes > 0) {
            fail(clashes + " Go strings stand for more than one operation:\n" + report);
        }
    }

    /** The decoded meaning of an instruction, independent of which encoding expressed it. */
    private static String key(Insn in, String text) {
        StringBuilder sb = new StringBuilder();
        sb.append(in.op).append('/').append(in.op == Op.JCC || in.op == Op.SETCC || in.op == Op.CMOV ? in.cc : -1)
                .append('/').append(in.size).append(" lock=").append(in.has(Insn.P_LOCK));
        boolean string = in.op == Op.MOVS || in.op == Op.STOS || in.op == Op.LODS || in.op == Op.SCAS || in.op == Op.CMPS;
        if (string) {
            sb.append(" rep=").append(in.has(Insn.P_REP)).append(" repne=").append(in.has(Insn.P_REPNE));
        }
        for (int i = 0; i < in.nops; i++) {
            sb.append(" [").append(in.kind(i)).append(',').append(in.reg(i)).append(',').append(in.opSize(i)).append(']');
            if (in.kind(i) == Insn.K_IMM) {
                long v = in.op == Op.ENTER && i == 1 ? in.imm2 : in.imm;
                int sz = in.opSize(i);
                sb.append("imm=").append(Long.toHexString(sz >= 8 ? v : v & ((1L << (8 * sz)) - 1)));
            }
            if (in.kind(i) == Insn.K_REL) {
                sb.append("target=").append(Long.toHexString(in.target));
            }
        }
        if (in.nops > 0 && (in.kind0 == Insn.K_MEM || in.kind1 == Insn.K_MEM || in.kind2 == Insn.K_MEM)) {
            long disp = in.base == Insn.RIP ? (int) (in.disp - in.addr - in.len) : in.disp;
            sb.append(" mem seg=").append(in.seg).append(" base=").append(in.base).append(" index=").append(in.index)
                    .append(" scale=").append(in.index < 0 ? 0 : in.scale).append(" disp=").append(disp).append(" a32=").append(in.addr32);
        }
        // prefixes Go prints as BYTE are part of the text and so part of the meaning
        int cut = text.lastIndexOf("; ");
        sb.append(" pre=").append(cut < 0 ? "" : text.substring(0, cut));
        return sb.toString();
    }
}
