#include "textflag.h"
TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
	CALL	·f(SB)
	RET
TEXT ·f(SB), $32
	CALL	·f(SB)
	RET
