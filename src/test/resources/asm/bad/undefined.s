#include "textflag.h"
TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
	CALL	·missing(SB)
	MOVQ	runtime·nothere(SB), AX
	LEAQ	local<>(SB), AX
	RET
