// buffered_full: a sender fills a channel of capacity 2 and parks on the third send. Each
// receive from the full buffer takes its head and moves the parked sender's value to its tail,
// readying the sender.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

// send(): for i := 1; i <= 5; i++ { println("send", i); c <- i }; println("sender done")
TEXT main·send(SB), $24-0
	MOVQ	$1, i-8(SP)
loop:
	PRINTS(msgsend<>, 4)
	PRINTSP
	PRINTI(i-8(SP))
	PRINTNL
	SEND(c<>(SB), i-8(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLE	loop
	PRINTS(msgdone<>, 11)
	PRINTNL
	RET

TEXT main·main(SB), $40-0
	MAKECHAN(2, c<>(SB))
	GO(sendPC<>)
	GOSCHED
	MOVQ	$0, i-8(SP)
loop:
	RECV(c<>(SB), v-16(SP))
	PRINTS(msgrecv<>, 4)
	PRINTSP
	PRINTI(v-16(SP))
	PRINTNL
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLT	loop
	RET

FUNCVAL(sendPC<>, main·send)
STR(msgsend<>, 4, "send")
STR(msgdone<>, 11, "sender done")
STR(msgrecv<>, 4, "recv")
