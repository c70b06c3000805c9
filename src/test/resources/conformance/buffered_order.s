// buffered_order: a buffered channel is a FIFO queue: three sends fill it without blocking and
// three receives take the values back in order.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $32-0
	MAKECHAN(3, c<>(SB))
	MOVQ	$10, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	MOVQ	$20, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	MOVQ	$30, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	PRINTS(msgsent<>, 6)
	PRINTNL
	MOVQ	$0, i-16(SP)
loop:
	RECV(c<>(SB), v-8(SP))
	PRINTI(v-8(SP))
	PRINTNL
	INCQ	i-16(SP)
	CMPQ	i-16(SP), $3
	JLT	loop
	RET

STR(msgsent<>, 6, "sent 3")
