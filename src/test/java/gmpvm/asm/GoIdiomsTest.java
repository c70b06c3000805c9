package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idioms copied from Go's runtime sources assemble unchanged: funcdata.h macros, ABI
 * selectors, offsets written as parenthesised macro expressions, absolute-address stores,
 * DATA holding a function's address.
 */
class GoIdiomsTest {
    static final String SRC = """
            #include "textflag.h"
            #include "funcdata.h"
            #include "go_asm.h"
            #include "go_tls.h"
            TEXT _rt0_amd64_linux(SB), NOSPLIT, $16-0
            	NO_LOCAL_POINTERS
            	GO_ARGS
            	MOVQ	$runtime·main<ABIInternal>(SB), AX
            	CALL	runtime·main<ABIInternal>(SB)
            	GO_RESULTS_INITIALIZED
            	MOVQ	(g_stackguard0+8)(AX), BX
            	LEAQ	(-64*1024+104)(SP), BX
            	ANDQ	$~15, SP
            	MOVL	$0xf1, 0xf1
            	get_tls(CX)
            	MOVQ	g(CX), DX
            	MOVQ	runtime·mainPC(SB), DI
            	RET
            TEXT runtime·main(SB), NOSPLIT, $0
            	RET
            DATA	runtime·mainPC+0(SB)/8,$runtime·main<ABIInternal>(SB)
            GLOBL	runtime·mainPC(SB),RODATA,$8
            """;

    @Test
    void goRuntimeIdiomsAssemble() throws Exception {
        Path elf = AsmSupport.write("idioms", AsmSupport.buildOk("idioms.s", SRC));
        assertEquals(List.of(
                "sub rsp,0x18",
                "mov QWORD PTR [rsp+0x10],rbp",
                "lea rbp,[rsp+0x10]",
                "lea rax,[rip+REL]",
                "call ADDR",
                "mov rbx,QWORD PTR [rax+0x18]",
                "lea rbx,[rsp-0xff98]",
                "and rsp,0xfffffffffffffff0",
                "mov DWORD PTR ds:0xf1,0xf1",
                "mov rcx,0xfffffffffffffff8",
                "mov rdx,QWORD PTR fs:[rcx]",
                "mov rdi,QWORD PTR [rip+REL]",
                "mov rbp,QWORD PTR [rsp+0x10]",
                "add rsp,0x18",
                "ret"), AsmSupport.objdump(elf, "_rt0_amd64_linux"));
    }
}
