#include "textflag.h"
TEXT _rt0_amd64_linux(SB), NOSPLIT, $0
	RET
TEXT ·twice(SB), NOSPLIT, $0
	RET
TEXT ·twice(SB), NOSPLIT, $0
	RET
TEXT ·ok(SB), NOSPLIT|DUPOK, $0
	RET
TEXT ·ok(SB), NOSPLIT|DUPOK, $0
	RET
GLOBL ·twice(SB), $8
