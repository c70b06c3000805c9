// close_wakes_receivers: three receivers park on a channel; close wakes every one with the zero
// value and ok == false. closechan collects the waiters on a stack and readies them in reverse:
// the first parked is readied last and so runs first (runnext), then the others.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8
GLOBL	done<>(SB), NOPTR, $8

// r(i int): v, ok := <-c; println("r", i, v, ok); done <- 0
TEXT main·r(SB), $32-8
	MOVQ	$-1, v-8(SP)
	RECV2(c<>(SB), v-8(SP))
	MOVBQZX	16(SP), AX
	MOVQ	AX, ok-16(SP)
	PRINTS(msgr<>, 1)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTSP
	PRINTI(v-8(SP))
	PRINTSP
	PRINTB(ok-16(SP))
	PRINTNL
	MOVQ	$0, v-8(SP)
	SEND(done<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $40-0
	MAKECHAN(0, c<>(SB))
	MAKECHAN(0, done<>(SB))
	GO1(rPC<>, $1)
	GO1(rPC<>, $2)
	GO1(rPC<>, $3)
	GOSCHED
	PRINTS(msgclosing<>, 7)
	PRINTNL
	CLOSE(c<>(SB))
	PRINTS(msgclosed<>, 6)
	PRINTNL
	MOVQ	$0, i-8(SP)
wait:
	RECV(done<>(SB), v-16(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $3
	JLT	wait
	RET

FUNCVAL(rPC<>, main·r)
STR(msgr<>, 1, "r")
STR(msgclosing<>, 7, "closing")
STR(msgclosed<>, 6, "closed")
