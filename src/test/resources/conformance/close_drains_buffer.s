// close_drains_buffer: receiving from a closed buffered channel first drains what is buffered
// (ok == true), then gives the zero value with ok == false, again and again.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $40-0
	MAKECHAN(4, c<>(SB))
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	MOVQ	$2, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	MOVQ	$3, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	CLOSE(c<>(SB))
	MOVQ	$0, i-16(SP)
loop:
	MOVQ	$-1, v-8(SP)
	RECV2(c<>(SB), v-8(SP))
	MOVBQZX	16(SP), AX
	MOVQ	AX, ok-24(SP)
	PRINTI(v-8(SP))
	PRINTSP
	PRINTB(ok-24(SP))
	PRINTNL
	INCQ	i-16(SP)
	CMPQ	i-16(SP), $5
	JLT	loop
	RET
