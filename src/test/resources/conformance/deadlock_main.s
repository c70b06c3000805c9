// deadlock_main: main receives from a channel no one sends on. Rule: frames dropped (Go
// prints stack frames under each goroutine header; gmpvm prints the headers only).
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	PRINTS(msgwait<>, 7)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	RET

STR(msgwait<>, 7, "waiting")
