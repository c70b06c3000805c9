#include "textflag.h"
TEXT ·f(SB), NOSPLIT, $0
loop:
	JMP	loop
loop:
	JNE	5(PC)
	JEQ	-3(PC)
	RET
TEXT ·g(SB), NOSPLIT, $0
	JMP	loop
	RET
