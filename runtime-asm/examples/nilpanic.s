// nilpanic.s: f(1, 2) reads through a nil pointer:
//
//	var p *int
//	func f(a, b int) int { return *p + a + b }
//
// The load faults (SIGSEGV, si_code SEGV_MAPERR, address 0); the runtime's handler makes the
// goroutine call sigpanic, which panics with Go's run-time error, unrecovered: Go's output
// ("[signal SIGSEGV: …]" line, the traceback with f's arguments and the faulting line) and
// exit status 2.
#include "textflag.h"

GLOBL	p<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MOVQ	$1, 0(SP)
	MOVQ	$2, 8(SP)
	MOVQ	$0, 16(SP)                // the result slot (tracebacks show it as a third word)
	CALL	main·f(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

TEXT main·f(SB), NOSPLIT, $0-24
	MOVQ	p<>(SB), AX
	MOVQ	0(AX), AX                 // *p: p is nil
	ADDQ	a+0(FP), AX
	ADDQ	b+8(FP), AX
	MOVQ	AX, ret+16(FP)
	RET
