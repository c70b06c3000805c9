// fib.s: a recursive function with a frame: BP saved and restored at both RETs, the result
// of each call read from the callee's result slot, a local kept across a call.
#include "rawsys.h"

// fib(n int64) int64
TEXT main·fib(SB), NOSPLIT, $24-16
	MOVQ	n+0(FP), AX
	CMPQ	AX, $2
	JGE	recurse
	MOVQ	AX, ret+8(FP)
	RET
recurse:
	DECQ	AX
	MOVQ	AX, 0(SP)
	CALL	main·fib(SB)
	MOVQ	8(SP), BX
	MOVQ	BX, f1-8(SP)
	MOVQ	n+0(FP), AX
	SUBQ	$2, AX
	MOVQ	AX, 0(SP)
	CALL	main·fib(SB)
	MOVQ	8(SP), AX
	ADDQ	f1-8(SP), AX
	MOVQ	AX, ret+8(FP)
	RET

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	MOVQ	$20, 0(SP)
	CALL	main·fib(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)
	EXIT(0)
