// exit_status.s: the exit status of a program is what it passes to exit_group.
#include "rawsys.h"

DATA	bye<>+0(SB)/4, $"bye\n"
GLOBL	bye<>(SB), RODATA, $4

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	LEAQ	bye<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	print·str(SB)
	EXIT(3)
