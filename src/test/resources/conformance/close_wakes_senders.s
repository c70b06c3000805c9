// close_wakes_senders: a sender parked on a channel is woken by close and panics.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·s(SB), $24-0
	PRINTS(msgsending<>, 10)
	PRINTNL
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	GO(sPC<>)
	GOSCHED
	PRINTS(msgclosing<>, 13)
	PRINTNL
	CLOSE(c<>(SB))
	GOSCHED
	PRINTS(msgnot<>, 17)
	PRINTNL
	RET

FUNCVAL(sPC<>, main·s)
STR(msgsending<>, 10, "s: sending")
STR(msgclosing<>, 13, "main: closing")
STR(msgnot<>, 17, "main: not reached")
