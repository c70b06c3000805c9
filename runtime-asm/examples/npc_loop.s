// npc_loop.s: branches written as n(PC), counted in instructions as Go counts them.
#include "rawsys.h"

DATA	go<>+0(SB)/4, $"go!\n"
GLOBL	go<>(SB), RODATA, $4

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	MOVQ	$3, R12
	MOVQ	R12, 0(SP)        // <- -3(PC) lands here
	CALL	print·int(SB)
	DECQ	R12
	JNE	-3(PC)
	JMP	2(PC)             // skip the UNDEF
	UNDEF
	LEAQ	go<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	print·str(SB)
	EXIT(0)
