// frames_fp.s: arguments and results through FP, a local through the pseudo-SP, outgoing
// arguments through the hardware SP.
#include "rawsys.h"

// sum3(a, b, c int64) (sum, prod int64)
TEXT main·sum3(SB), NOSPLIT, $16-40
	MOVQ	a+0(FP), AX
	ADDQ	b+8(FP), AX
	ADDQ	c+16(FP), AX
	MOVQ	AX, sum+24(FP)
	MOVQ	a+0(FP), BX
	IMULQ	b+8(FP), BX
	MOVQ	BX, t-8(SP)       // a local: the top word of the frame
	MOVQ	c+16(FP), CX
	IMULQ	t-8(SP), CX
	MOVQ	CX, prod+32(FP)
	RET

TEXT _rt0_amd64_linux(SB), NOSPLIT, $48
	MOVQ	$2, 0(SP)
	MOVQ	$3, 8(SP)
	MOVQ	$7, 16(SP)
	CALL	main·sum3(SB)
	MOVQ	24(SP), AX
	MOVQ	32(SP), BX
	MOVQ	BX, keep-8(SP)
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)
	MOVQ	keep-8(SP), BX
	MOVQ	BX, 0(SP)
	CALL	print·int(SB)
	EXIT(0)
