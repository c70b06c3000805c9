package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code the assembler adds around a TEXT body, checked instruction by instruction with
 * GNU objdump against the shapes of Go 1.19's obj6 (BP save, frame set-up, an epilogue at every
 * RET, the split check in its small/medium/big forms, the morestack stub jumping back to the
 * start), and the frame offsets of FP and pseudo-SP operands.
 */
class FrameShapeTest {
    static Path elf;

    static final String SRC = """
            #include "textflag.h"
            TEXT _rt0_amd64_linux(SB), NOSPLIT|NOFRAME, $0
            	RET
            TEXT runtime·morestack_noctxt(SB), NOSPLIT|NOFRAME, $0
            	RET
            TEXT runtime·morestack(SB), NOSPLIT|NOFRAME, $0
            	RET
            TEXT leaf(SB), NOSPLIT, $0
            	RET
            TEXT small(SB), $16-24
            	MOVQ	a+0(FP), AX
            	MOVQ	x-8(SP), BX
            	MOVQ	BX, 0(SP)
            	CALL	leaf(SB)
            	JEQ	2(PC)
            	RET
            	MOVQ	AX, r+16(FP)
            	RET
            TEXT medium(SB), $1024-0
            	CALL	leaf(SB)
            	RET
            TEXT big(SB), $8192-0
            	CALL	leaf(SB)
            	RET
            TEXT ctxt(SB), NEEDCTXT, $0
            	CALL	leaf(SB)
            	RET
            TEXT smallleaf(SB), $0
            	RET
            TEXT leafframe(SB), $32
            	RET
            TEXT noframe(SB), NOSPLIT|NOFRAME, $16-8
            	MOVQ	a+0(FP), AX
            	MOVQ	AX, y-16(SP)
            	RET
            """;

    @BeforeAll
    static void build() throws Exception {
        elf = AsmSupport.write("frames.elf", AsmSupport.buildOk("frames.s", SRC));
    }

    @Test
    void smallFrame() throws Exception {
        assertEquals(List.of(
                "mov r14,QWORD PTR fs:0xfffffffffffffff8",
                "cmp rsp,QWORD PTR [r14+0x10]",
                "jbe ADDR",
                "sub rsp,0x18",
                "mov QWORD PTR [rsp+0x10],rbp",
                "lea rbp,[rsp+0x10]",
                "mov rax,QWORD PTR [rsp+0x20]",   // a+0(FP) = 0 + 24 + 8
                "mov rbx,QWORD PTR [rsp+0x8]",    // x-8(SP) = -8 + 24 - 8
                "mov QWORD PTR [rsp],rbx",        // 0(SP) is the hardware SP
                "call ADDR",
                "je ADDR",
                "mov rbp,QWORD PTR [rsp+0x10]",
                "add rsp,0x18",
                "ret",
                "mov QWORD PTR [rsp+0x30],rax",   // r+16(FP)
                "mov rbp,QWORD PTR [rsp+0x10]",
                "add rsp,0x18",
                "ret",
                "call ADDR",
                "jmp ADDR"), AsmSupport.objdump(elf, "small"));
        List<String> raw = AsmSupport.objdumpRaw(elf, "small");
        assertTrue(raw.get(2).endsWith("<small+0x4b>"), "JLS goes to the stub: " + raw.get(2));
        assertTrue(raw.get(10).endsWith("<small+0x3c>"), "JEQ 2(PC) skips the RET's epilogue: " + raw.get(10));
        assertTrue(raw.get(18).endsWith("<runtime.morestack_noctxt>"), raw.get(18));
        assertTrue(raw.get(19).endsWith("<small>"), "the stub jumps back to the start: " + raw.get(19));
    }

    @Test
    void mediumFrame() throws Exception {
        assertEquals(List.of(
                "mov r14,QWORD PTR fs:0xfffffffffffffff8",
                "lea r12,[rsp-0x388]",            // -(1032-128)
                "cmp r12,QWORD PTR [r14+0x10]",
                "jbe ADDR",
                "sub rsp,0x408",
                "mov QWORD PTR [rsp+0x400],rbp",
                "lea rbp,[rsp+0x400]",
                "call ADDR",
                "mov rbp,QWORD PTR [rsp+0x400]",
                "add rsp,0x408",
                "ret",
                "call ADDR",
                "jmp ADDR"), AsmSupport.objdump(elf, "medium"));
    }

    @Test
    void bigFrame() throws Exception {
        assertEquals(List.of(
                "mov r14,QWORD PTR fs:0xfffffffffffffff8",
                "mov r12,rsp",
                "sub r12,0x1f88",                 // 8200 - 128
                "jb ADDR",                        // SP - x wrapped around
                "cmp r12,QWORD PTR [r14+0x10]",
                "jbe ADDR",
                "sub rsp,0x2008",
                "mov QWORD PTR [rsp+0x2000],rbp",
                "lea rbp,[rsp+0x2000]",
                "call ADDR",
                "mov rbp,QWORD PTR [rsp+0x2000]",
                "add rsp,0x2008",
                "ret",
                "call ADDR",
                "jmp ADDR"), AsmSupport.objdump(elf, "big"));
    }

    @Test
    void needCtxtCallsMorestackAndFramelessLeavesGetNoPrologue() throws Exception {
        List<String> raw = AsmSupport.objdumpRaw(elf, "ctxt");
        assertTrue(raw.get(raw.size() - 2).endsWith("<runtime.morestack>"), raw.toString());
        assertEquals(List.of("ret"), AsmSupport.objdump(elf, "smallleaf"));
        // a leaf with a small frame is NOSPLIT automatically but keeps its frame
        assertEquals(List.of("sub rsp,0x28", "mov QWORD PTR [rsp+0x20],rbp", "lea rbp,[rsp+0x20]",
                "mov rbp,QWORD PTR [rsp+0x20]", "add rsp,0x28", "ret"), AsmSupport.objdump(elf, "leafframe"));
        // NOFRAME: the frame is reserved but BP is not saved
        assertEquals(List.of("sub rsp,0x10", "mov rax,QWORD PTR [rsp+0x18]", "mov QWORD PTR [rsp],rax",
                "add rsp,0x10", "ret"), AsmSupport.objdump(elf, "noframe"));
    }
}
