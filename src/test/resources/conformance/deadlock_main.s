// deadlock_main: main receives from a channel no one sends on: every goroutine is asleep,
// which Go reports as a fatal error with exit status 2.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	PRINTS(msgwait<>, 7)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	RET

STR(msgwait<>, 7, "waiting")
