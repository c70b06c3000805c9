// unbuffered_recv_first: the receiver parks first; main's send hands the value straight to it
// and carries on without blocking, so "sent" comes before "got".
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·recv(SB), $24-0
	PRINTS(msgwait<>, 13)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	PRINTS(msggot<>, 9)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	RET

TEXT main·main(SB), $32-0
	MAKECHAN(0, c<>(SB))
	GO(recvPC<>)
	GOSCHED
	PRINTS(msgsend<>, 10)
	PRINTNL
	MOVQ	$42, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	PRINTS(msgsent<>, 10)
	PRINTNL
	GOSCHED
	PRINTS(msgend<>, 9)
	PRINTNL
	RET

FUNCVAL(recvPC<>, main·recv)
STR(msgwait<>, 13, "recv: waiting")
STR(msggot<>, 9, "recv: got")
STR(msgsend<>, 10, "main: send")
STR(msgsent<>, 10, "main: sent")
STR(msgend<>, 9, "main: end")
