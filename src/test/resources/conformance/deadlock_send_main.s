// deadlock_send_main: main sends on a full buffered channel with no receiver: a deadlock
// reported as "chan send".
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MAKECHAN(1, c<>(SB))
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	PRINTS(msgone<>, 12)
	PRINTNL
	MOVQ	$2, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	RET

STR(msgone<>, 12, "one buffered")
