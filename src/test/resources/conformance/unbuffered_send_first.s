// unbuffered_send_first: the sender parks first; main's receive takes the value from the parked
// sender and readies it, so "received" comes before the sender's "sent".
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·send(SB), $24-0
	PRINTS(msgsending<>, 13)
	PRINTNL
	MOVQ	$7, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	PRINTS(msgsent<>, 10)
	PRINTNL
	RET

TEXT main·main(SB), $32-0
	MAKECHAN(0, c<>(SB))
	GO(sendPC<>)
	GOSCHED
	PRINTS(msgrecv<>, 13)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	PRINTS(msgreceived<>, 14)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	GOSCHED
	PRINTS(msgend<>, 9)
	PRINTNL
	RET

FUNCVAL(sendPC<>, main·send)
STR(msgsending<>, 13, "send: sending")
STR(msgsent<>, 10, "send: sent")
STR(msgrecv<>, 13, "main: receive")
STR(msgreceived<>, 14, "main: received")
STR(msgend<>, 9, "main: end")
