// receivers_fifo: five goroutines block receiving on one unbuffered channel; main sends 1..5.
// Receivers are served first in, first out; each readied receiver takes runnext, pushing the
// previous one to the local queue.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8
GLOBL	done<>(SB), NOPTR, $8

// r(i int): v := <-c; println("r", i, "got", v); done <- 0
TEXT main·r(SB), $24-8
	RECV(c<>(SB), v-8(SP))
	PRINTS(msgr<>, 1)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTSP
	PRINTS(msggot<>, 3)
	PRINTSP
	PRINTI(v-8(SP))
	PRINTNL
	MOVQ	$0, v-8(SP)
	SEND(done<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $40-0
	MAKECHAN(0, c<>(SB))
	MAKECHAN(0, done<>(SB))
	MOVQ	$1, i-8(SP)
make:
	GO1(rPC<>, i-8(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLE	make
	GOSCHED
	MOVQ	$1, i-8(SP)
send:
	SEND(c<>(SB), i-8(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLE	send
	PRINTS(msgsent<>, 14)
	PRINTNL
	MOVQ	$0, i-8(SP)
wait:
	RECV(done<>(SB), v-16(SP))
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLT	wait
	RET

FUNCVAL(rPC<>, main·r)
STR(msgr<>, 1, "r")
STR(msggot<>, 3, "got")
STR(msgsent<>, 14, "main: sent all")
