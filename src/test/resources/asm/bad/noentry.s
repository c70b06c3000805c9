#include "textflag.h"
TEXT ·main(SB), NOSPLIT, $0
	RET
