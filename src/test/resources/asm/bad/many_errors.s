#include "textflag.h"
// Every error in a file is reported, not only the first.
TEXT ·f(SB), NOSPLIT, $0
	MOVQ	$1, $2
	FOOQ	AX
	ADDQ	(AX), (BX)
	MOVB	AX, BL
	JMP	nowhere
	MOVQ	AL, BX
	RET
