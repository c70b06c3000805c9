// go_chain: each goroutine starts the next before printing its own end. The child waits in
// runnext until its parent has finished, so each "end" comes before the child's "start".
#include "conformance.h"

GLOBL	done<>(SB), NOPTR, $8

// link(i int)
TEXT main·link(SB), $32-8
	PRINTS(msgstart<>, 5)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTNL
	CMPQ	i+0(FP), $4
	JGE	last
	MOVQ	i+0(FP), BX
	INCQ	BX
	GO1(linkPC<>, BX)
	JMP	end
last:
	SEND(done<>(SB), i+0(FP))
end:
	PRINTS(msgend<>, 3)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTNL
	RET

TEXT main·main(SB), $32-0
	MAKECHAN(0, done<>(SB))
	GO1(linkPC<>, $1)
	RECV(done<>(SB), v-8(SP))
	PRINTS(msggot<>, 8)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	RET

FUNCVAL(linkPC<>, main·link)
STR(msgstart<>, 5, "start")
STR(msgend<>, 3, "end")
STR(msggot<>, 8, "main got")
