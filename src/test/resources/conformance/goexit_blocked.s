// goexit_blocked: main calls runtime.Goexit while another goroutine is blocked for good. That
// is a deadlock, not "no goroutines": the report lists the blocked goroutine only.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·waiter(SB), $24-0
	PRINTS(msgwait<>, 15)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	GO(waiterPC<>)
	GOSCHED
	PRINTS(msgexit<>, 12)
	PRINTNL
	CALL	runtime·Goexit(SB)
	RET

FUNCVAL(waiterPC<>, main·waiter)
STR(msgwait<>, 15, "waiter: waiting")
STR(msgexit<>, 12, "main: goexit")
