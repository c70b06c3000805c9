// atomics.s: LOCK on its own line and after a semicolon, XADDQ and CMPXCHGQ on .bss data.
#include "rawsys.h"

GLOBL	counter<>(SB), NOPTR, $8

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	MOVQ	$5, AX
	LOCK
	XADDQ	AX, counter<>(SB)
	MOVQ	$7, AX
	LOCK;	XADDQ	AX, counter<>(SB)  // AX gets the old value, 5
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)
	MOVQ	counter<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)             // 12
	MOVQ	$12, AX
	MOVQ	$100, CX
	LOCK;	CMPXCHGQ	CX, counter<>(SB)
	SETEQ	BL
	MOVBQZX	BL, BX
	MOVQ	BX, 0(SP)
	CALL	print·int(SB)             // 1: swapped
	MOVQ	counter<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)             // 100
	EXIT(0)
