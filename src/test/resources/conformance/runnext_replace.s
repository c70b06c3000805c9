// runnext_replace: go A; go B; Gosched. B took runnext from A, which moved to the local queue,
// so B runs first, then A, then main (from the global queue).
#include "conformance.h"

TEXT main·a(SB), $16-0
	PRINTS(msga<>, 1)
	PRINTNL
	RET

TEXT main·b(SB), $16-0
	PRINTS(msgb<>, 1)
	PRINTNL
	RET

TEXT main·main(SB), $24-0
	GO(aPC<>)
	GO(bPC<>)
	GOSCHED
	PRINTS(msgmain<>, 4)
	PRINTNL
	RET

FUNCVAL(aPC<>, main·a)
FUNCVAL(bPC<>, main·b)
STR(msga<>, 1, "A")
STR(msgb<>, 1, "B")
STR(msgmain<>, 4, "main")
