// gosched_yield: main starts f and yields once. f was put in runnext, so it runs while main
// waits on the global queue; main then comes back. Go 1.19: yield, f, back.
#include "conformance.h"

TEXT main·f(SB), $16-0
	PRINTS(msgf<>, 10)
	PRINTNL
	RET

TEXT main·main(SB), $24-0
	GO(fPC<>)
	PRINTS(msgyield<>, 11)
	PRINTNL
	GOSCHED
	PRINTS(msgback<>, 10)
	PRINTNL
	RET

FUNCVAL(fPC<>, main·f)
STR(msgf<>, 10, "f: running")
STR(msgyield<>, 11, "main: yield")
STR(msgback<>, 10, "main: back")
