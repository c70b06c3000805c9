// fairness61: a goroutine that yields in a loop waits on the global run queue while 200 fresh
// goroutines wait on the local one. Every 61st schedtick the scheduler takes the global queue
// first, so the yielder gets its turns while workers are still waiting, instead of only after
// all of them. (Go's exact tick count at main.main varies from run to run with the start-up's
// thread hand-offs, so the program prints what every run agrees on, not worker counts.)
#include "conformance.h"

GLOBL	n<>(SB), NOPTR, $8
GLOBL	turns<>(SB), NOPTR, $32
GLOBL	done<>(SB), NOPTR, $8

TEXT main·worker(SB), NOSPLIT, $0-0
	INCQ	n<>(SB)
	RET

// yielder(): for i := 0; i < 4; i++ { turns[i] = n; Gosched() }; done <- 0
TEXT main·yielder(SB), $24-0
	MOVQ	$0, i-8(SP)
loop:
	MOVQ	i-8(SP), BX
	MOVQ	n<>(SB), AX
	LEAQ	turns<>(SB), CX
	MOVQ	AX, (CX)(BX*8)
	GOSCHED
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $4
	JLT	loop
	MOVQ	$0, i-8(SP)
	SEND(done<>(SB), i-8(SP))
	RET

TEXT main·main(SB), $32-0
	MAKECHAN(0, done<>(SB))
	GO(yielderPC<>)
	GOSCHED
	MOVQ	$0, i-8(SP)
make:
	GO(workerPC<>)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $200
	JLT	make
	RECV(done<>(SB), v-16(SP))
	PRINTS(msgturn<>, 45)
	PRINTSP
	XORL	BX, BX
	CMPQ	turns<>+24(SB), $200
	SETLT	BX
	PRINTB(BX)
	PRINTNL
wait:
	CMPQ	n<>(SB), $200
	JGE	all
	GOSCHED
	JMP	wait
all:
	PRINTS(msgrun<>, 12)
	PRINTSP
	PRINTI(n<>(SB))
	PRINTNL
	RET

FUNCVAL(workerPC<>, main·worker)
FUNCVAL(yielderPC<>, main·yielder)
STR(msgturn<>, 45, "yielder's 4th turn came while workers waited:")
STR(msgrun<>, 12, "workers run:")
