#include "nosuchfile.h"
#define TWO(a, b) a+b
#defin X
#else
#endif
#define ADD(x) ADDQ $x, AX
TEXT ·f(SB), 4, $0
	ADD(1, 2)
	MOVQ	$TWO(1), AX
	RET
#ifdef TWO
