// runnext_many: four go statements in a row, then one Gosched. The last goroutine made holds
// runnext and runs first; the ones it displaced run in the order they were made.
#include "conformance.h"

// g(i int): println("g", i)
TEXT main·g(SB), $16-8
	PRINTS(msgg<>, 1)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTNL
	RET

TEXT main·main(SB), $32-0
	MOVQ	$1, i-8(SP)
loop:
	GO1(gPC<>, i-8(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $4
	JLE	loop
	GOSCHED
	PRINTS(msgmain<>, 4)
	PRINTNL
	RET

FUNCVAL(gPC<>, main·g)
STR(msgg<>, 1, "g")
STR(msgmain<>, 4, "main")
