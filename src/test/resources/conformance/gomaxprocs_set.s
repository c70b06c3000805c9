// gomaxprocs_set: runtime.GOMAXPROCS(2) returns the old setting and changes it (stopping the
// world), so a second call reports 2.
#include "conformance.h"

TEXT main·main(SB), $24-0
	MOVQ	$2, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, old-8(SP)
	PRINTS(msgold<>, 3)
	PRINTSP
	PRINTI(old-8(SP))
	PRINTSP
	PRINTS(msgnow<>, 3)
	PRINTSP
	MOVQ	$0, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	PRINTI(8(SP))
	PRINTNL
	RET

STR(msgold<>, 3, "old")
STR(msgnow<>, 3, "now")
