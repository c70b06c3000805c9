// panic_goroutine: a goroutine panics (closing a nil channel) while main is blocked. Go prints
// only the panicking goroutine's header, and the whole program exits with status 2.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8
GLOBL	d<>(SB), NOPTR, $8

TEXT main·bad(SB), $16-0
	PRINTS(msgbad<>, 16)
	PRINTNL
	CLOSE(c<>(SB))
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, d<>(SB))
	GO(badPC<>)
	GOSCHED
	PRINTS(msgwait<>, 13)
	PRINTNL
	RECV(d<>(SB), v-8(SP))
	RET

FUNCVAL(badPC<>, main·bad)
STR(msgbad<>, 16, "bad: closing nil")
STR(msgwait<>, 13, "main: waiting")
