// gomaxprocs: runtime.GOMAXPROCS(0) reports the number of Ps without changing it: 1 here, as
// the environment's GOMAXPROCS=1 asks.
#include "conformance.h"

TEXT main·main(SB), $24-0
	PRINTS(msgprocs<>, 10)
	PRINTSP
	MOVQ	$0, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	PRINTI(8(SP))
	PRINTNL
	PRINTS(msggs<>, 10)
	PRINTSP
	NUMG
	PRINTI(0(SP))
	PRINTNL
	RET

STR(msgprocs<>, 10, "gomaxprocs")
STR(msggs<>, 10, "goroutines")
