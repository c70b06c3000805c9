#include "textflag.h"
TEXT ·odd(SB), NOSPLIT, $12-0
	RET
TEXT ·unbalanced(SB), NOSPLIT, $16-0
	PUSHQ	AX
	RET
TEXT ·badtext(SB), $abc
	RET
TEXT	·nosize(SB), NOSPLIT
	RET
