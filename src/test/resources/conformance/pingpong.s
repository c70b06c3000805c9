// pingpong: two goroutines bounce a counter over two unbuffered channels; every message hands
// control to the other side.
#include "conformance.h"

GLOBL	ping<>(SB), NOPTR, $8
GLOBL	pong<>(SB), NOPTR, $8

// ponger(): for { v := <-ping; println("pong", v); pong <- v + 1 }
TEXT main·ponger(SB), $24-0
again:
	RECV(ping<>(SB), v-8(SP))
	PRINTS(msgpong<>, 4)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	INCQ	v-8(SP)
	SEND(pong<>(SB), v-8(SP))
	JMP	again

TEXT main·main(SB), $40-0
	MAKECHAN(0, ping<>(SB))
	MAKECHAN(0, pong<>(SB))
	GO(pongerPC<>)
	MOVQ	$0, v-8(SP)
	MOVQ	$0, i-16(SP)
loop:
	PRINTS(msgping<>, 4)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	SEND(ping<>(SB), v-8(SP))
	RECV(pong<>(SB), v-8(SP))
	INCQ	i-16(SP)
	CMPQ	i-16(SP), $3
	JLT	loop
	PRINTS(msgfinal<>, 5)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	RET

FUNCVAL(pongerPC<>, main·ponger)
STR(msgping<>, 4, "ping")
STR(msgpong<>, 4, "pong")
STR(msgfinal<>, 5, "final")
