package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stack-split prologue, in Go's three shapes, against a tiny g at FS:-8: the function's
 * prologue must call runtime·morestack_noctxt exactly when SP (or SP minus the frame beyond
 * StackSmall) is at or below g.stackguard0 (StackPreempt, a huge value, always is), then jump back to
 * the function's start; otherwise it must go straight to the body. The program's exit status
 * is 10 × (morestack calls) + (times the body ran).
 */
class MorestackTest {
    /**
     * Builds the program: guard = (SP the function sees at entry) + delta, or StackPreempt.
     */
    static String program(int frame, long delta, boolean preempt) {
        String guard = preempt
                ? "\tMOVQ\t$0xfffffffffffffade, BX\n"
                : "\tLEAQ\t-8(SP), BX\n\tADDQ\t$" + delta + ", BX\n";
        return """
                #include "textflag.h"
                #include "go_tls.h"
                GLOBL g0<>(SB), NOPTR, $64
                GLOBL tls<>(SB), NOPTR, $16
                GLOBL calls<>(SB), NOPTR, $8
                GLOBL bodies<>(SB), NOPTR, $8

                TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
                	LEAQ	g0<>(SB), AX
                	MOVQ	AX, tls<>(SB)
                	LEAQ	tls<>+8(SB), SI
                	MOVQ	$0x1002, DI
                	MOVQ	$158, AX
                	SYSCALL
                	get_tls(CX)
                	MOVQ	g(CX), AX
                """ + guard + """
                	MOVQ	BX, 16(AX)
                	CALL	f(SB)
                	MOVQ	calls<>(SB), DI
                	IMULQ	$10, DI
                	ADDQ	bodies<>(SB), DI
                	MOVQ	$231, AX
                	SYSCALL

                TEXT f(SB), $@SIZE@-0
                	INCQ	bodies<>(SB)
                	CALL	leaf<>(SB)
                	RET

                TEXT leaf<>(SB), NOSPLIT, $0
                	RET

                TEXT runtime·morestack_noctxt(SB), NOSPLIT|NOFRAME, $0
                	INCQ	calls<>(SB)
                	get_tls(CX)
                	MOVQ	g(CX), AX
                	MOVQ	$0, 16(AX)
                	RET
                """.replace("@SIZE@", String.valueOf(frame));
    }

    @ParameterizedTest(name = "frame ${0}, guard SP{1}: status {3}")
    @CsvSource({
        // small frame (autoffset 24 <= StackSmall): CMPQ SP, 16(CX); JLS
        "16, 0, false, 11",
        "16, -1, false, 1",
        "16, 4096, false, 11",
        // medium frame (autoffset 1032): LEAQ -(1032-128)(SP), AX; CMPQ AX, 16(CX); JLS
        "1024, -904, false, 11",
        "1024, -905, false, 1",
        // big frame (autoffset 8200): MOVQ SP, R12; SUBQ $8072, R12; JCS; CMPQ R12, 16(R14); JLS
        "8192, -8072, false, 11",
        "8192, -8073, false, 1",
        "8192, 0, true, 11",
    })
    void prologueCallsMorestackExactlyWhenSpIsBelowTheGuard(int frame, long delta, boolean preempt, int status)
            throws Exception {
        byte[] elf = AsmSupport.buildOk("morestack_test.s", program(frame, delta, preempt));
        ExamplesRunTest.Run r = ExamplesRunTest.emulate(elf, "morestack_test");
        assertEquals(status, r.status(), "exit status (10*morestack calls + body runs); output: " + r.out());
    }
}
