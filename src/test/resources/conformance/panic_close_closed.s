// panic_close_closed: closing a channel twice panics.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	CLOSE(c<>(SB))
	PRINTS(msgonce<>, 11)
	PRINTNL
	CLOSE(c<>(SB))
	RET

STR(msgonce<>, 11, "closed once")
