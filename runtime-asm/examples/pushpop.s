// pushpop.s: FP and pseudo-SP offsets follow PUSHQ/POPQ, as Go's assembler tracks them.
#include "rawsys.h"

// twice(x int64) int64 pushes a word and still finds x through FP.
TEXT main·twice(SB), NOSPLIT, $0-16
	PUSHQ	$0
	MOVQ	x+0(FP), AX       // 16(SP) after the push
	ADDQ	AX, AX
	MOVQ	AX, 0(SP)         // the pushed slot, through the hardware SP
	POPQ	BX
	MOVQ	BX, ret+8(FP)
	RET

// local(x int64) int64: a local written before a push and read after it.
TEXT main·local(SB), NOSPLIT, $8-16
	MOVQ	x+0(FP), AX
	MOVQ	AX, v-8(SP)
	PUSHQ	$1000
	POPQ	CX
	ADDQ	v-8(SP), CX
	MOVQ	CX, ret+8(FP)
	RET

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	MOVQ	$21, 0(SP)
	CALL	main·twice(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)
	MOVQ	$24, 0(SP)
	CALL	main·local(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)
	EXIT(0)
