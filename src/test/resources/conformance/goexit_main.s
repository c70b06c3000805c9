// goexit_main: main calls runtime.Goexit; the other goroutine still runs to its end; then no
// goroutine is left and the runtime reports it.
// Rule: frames dropped.
#include "conformance.h"

TEXT main·g(SB), $16-0
	PRINTS(msgrun<>, 10)
	PRINTNL
	GOSCHED
	PRINTS(msgdone<>, 7)
	PRINTNL
	RET

TEXT main·main(SB), $24-0
	GO(gPC<>)
	PRINTS(msgexit<>, 12)
	PRINTNL
	CALL	runtime·Goexit(SB)
	RET

FUNCVAL(gPC<>, main·g)
STR(msgrun<>, 10, "g: running")
STR(msgdone<>, 7, "g: done")
STR(msgexit<>, 12, "main: goexit")
