// gosched_roundrobin: three goroutines print and yield three times each. Every Gosched puts the
// caller at the tail of the global queue, so they take turns in a fixed rotation.
#include "conformance.h"

GLOBL	done<>(SB), NOPTR, $8

// w(id int): for i := 0; i < 3; i++ { println("w", id, "step", i); Gosched() }; done <- id
TEXT main·w(SB), $24-8
	MOVQ	$0, i-8(SP)
loop:
	PRINTS(msgw<>, 1)
	PRINTSP
	PRINTI(id+0(FP))
	PRINTSP
	PRINTS(msgstep<>, 4)
	PRINTSP
	PRINTI(i-8(SP))
	PRINTNL
	GOSCHED
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $3
	JLT	loop
	SEND(done<>(SB), id+0(FP))
	RET

TEXT main·main(SB), $40-0
	MAKECHAN(0, done<>(SB))
	GO1(wPC<>, $1)
	GO1(wPC<>, $2)
	GO1(wPC<>, $3)
	MOVQ	$0, i-8(SP)
loop:
	RECV(done<>(SB), v-16(SP))
	PRINTS(msgdone<>, 4)
	PRINTSP
	PRINTI(v-16(SP))
	PRINTNL
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $3
	JLT	loop
	RET

FUNCVAL(wPC<>, main·w)
STR(msgw<>, 1, "w")
STR(msgstep<>, 4, "step")
STR(msgdone<>, 4, "done")
