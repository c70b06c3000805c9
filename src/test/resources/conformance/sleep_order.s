// sleep_order: three goroutines sleep 30, 10 and 20 ms and print as they wake: in the order of
// their sleeps, not of their starts. main sleeps longer than all of them, then prints.
#include "conformance.h"

TEXT main·main(SB), $24-0
	GO1(sleeperPC<>, $30)
	GO1(sleeperPC<>, $10)
	GO1(sleeperPC<>, $20)
	MOVQ	$50000000, 0(SP)
	CALL	runtime·timeSleep(SB)
	PRINTS(msgmain<>, 4)
	PRINTNL
	RET

TEXT main·sleeper(SB), $16-8
	MOVQ	ms+0(FP), AX
	IMULQ	$1000000, AX
	MOVQ	AX, 0(SP)
	CALL	runtime·timeSleep(SB)
	PRINTS(msgwoke<>, 4)
	PRINTSP
	PRINTI(ms+0(FP))
	PRINTNL
	RET

FUNCVAL(sleeperPC<>, main·sleeper)
STR(msgmain<>, 4, "main")
STR(msgwoke<>, 4, "woke")
