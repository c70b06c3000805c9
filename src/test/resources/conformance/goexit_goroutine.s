// goexit_goroutine: runtime.Goexit ends the calling goroutine at once (nothing after it runs);
// main goes on, and the goroutine no longer counts.
#include "conformance.h"

TEXT main·g(SB), $16-0
	PRINTS(msgexit<>, 10)
	PRINTNL
	CALL	runtime·Goexit(SB)
	PRINTS(msgnever<>, 8)
	PRINTNL
	RET

TEXT main·main(SB), $24-0
	GO(gPC<>)
	PRINTS(msgbefore<>, 6)
	PRINTSP
	NUMG
	PRINTI(0(SP))
	PRINTNL
	GOSCHED
	PRINTS(msgafter<>, 5)
	PRINTSP
	NUMG
	PRINTI(0(SP))
	PRINTNL
	RET

FUNCVAL(gPC<>, main·g)
STR(msgexit<>, 10, "g: exiting")
STR(msgnever<>, 8, "g: never")
STR(msgbefore<>, 6, "before")
STR(msgafter<>, 5, "after")
