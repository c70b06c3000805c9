// deep_recursion: a recursion 1000 calls deep needs far more than a goroutine's first 2 KiB of
// stack; Go grows the stack and goes on, and so does gmpvm (morestack, newstack, copystack).
// Rule: frames dropped.
#include "conformance.h"

// sum(n int) int
TEXT main·sum(SB), $16-16
	MOVQ	n+0(FP), AX
	CMPQ	AX, $0
	JNE	more
	MOVQ	$0, ret+8(FP)
	RET
more:
	DECQ	AX
	MOVQ	AX, 0(SP)
	CALL	main·sum(SB)
	MOVQ	8(SP), AX
	ADDQ	n+0(FP), AX
	MOVQ	AX, ret+8(FP)
	RET

TEXT main·main(SB), $16-0
	PRINTS(msgsum<>, 3)
	PRINTSP
	MOVQ	$1000, 0(SP)
	CALL	main·sum(SB)
	PRINTI(8(SP))
	PRINTNL
	RET

STR(msgsum<>, 3, "sum")
