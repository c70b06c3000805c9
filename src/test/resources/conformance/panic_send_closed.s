// panic_send_closed: sending on a closed channel panics.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MAKECHAN(1, c<>(SB))
	CLOSE(c<>(SB))
	PRINTS(msgclosed<>, 6)
	PRINTNL
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	RET

STR(msgclosed<>, 6, "closed")
