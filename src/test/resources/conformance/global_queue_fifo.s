// global_queue_fifo: five goroutines each yield once before printing. Their Goscheds queue them
// on the global run queue, which is first in, first out.
#include "conformance.h"

GLOBL	done<>(SB), NOPTR, $8

// g(i int): println("g", i, "yields"); Gosched(); println("g", i, "back"); done <- i
TEXT main·g(SB), $16-8
	PRINTS(msgg<>, 1)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTSP
	PRINTS(msgyields<>, 6)
	PRINTNL
	GOSCHED
	PRINTS(msgg<>, 1)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTSP
	PRINTS(msgback<>, 4)
	PRINTNL
	SEND(done<>(SB), i+0(FP))
	RET

TEXT main·main(SB), $40-0
	MAKECHAN(0, done<>(SB))
	MOVQ	$1, i-8(SP)
make:
	GO1(gPC<>, i-8(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLE	make
	MOVQ	$1, i-8(SP)
wait:
	RECV(done<>(SB), v-16(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLE	wait
	PRINTS(msgdone<>, 9)
	PRINTNL
	RET

FUNCVAL(gPC<>, main·g)
STR(msgg<>, 1, "g")
STR(msgyields<>, 6, "yields")
STR(msgback<>, 4, "back")
STR(msgdone<>, 9, "main done")
