// sse.s: MOVOU loads and stores, PXOR, MOVQ between X and general registers.
#include "rawsys.h"

DATA	pat<>+0(SB)/8, $"abcdefgh"
DATA	pat<>+8(SB)/8, $"ijklmnop"
GLOBL	pat<>(SB), RODATA, $16
GLOBL	out<>(SB), NOPTR, $32

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	MOVOU	pat<>(SB), X0
	MOVOU	X0, out<>(SB)
	PXOR	X1, X1
	MOVOU	X1, out<>+16(SB)
	MOVQ	$'\n', AX
	MOVB	AL, out<>+16(SB)
	LEAQ	out<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$17, 8(SP)
	CALL	print·str(SB)
	MOVQ	X0, AX                    // the low 8 bytes, "abcdefgh"
	MOVQ	AX, out<>(SB)
	MOVB	$'\n', out<>+8(SB)
	LEAQ	out<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$9, 8(SP)
	CALL	print·str(SB)
	EXIT(0)
