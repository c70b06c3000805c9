// senders_fifo: five goroutines block sending on one unbuffered channel. They park in the order
// they ran (runnext's 5 first, then 1..4) and are served first in, first out.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

// s(i int): c <- i
TEXT main·s(SB), $16-8
	SEND(c<>(SB), i+0(FP))
	RET

TEXT main·main(SB), $40-0
	MAKECHAN(0, c<>(SB))
	MOVQ	$1, i-8(SP)
make:
	GO1(sPC<>, i-8(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLE	make
	GOSCHED
	MOVQ	$0, i-8(SP)
loop:
	RECV(c<>(SB), v-16(SP))
	PRINTS(msggot<>, 3)
	PRINTSP
	PRINTI(v-16(SP))
	PRINTNL
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLT	loop
	RET

FUNCVAL(sPC<>, main·s)
STR(msggot<>, 3, "got")
