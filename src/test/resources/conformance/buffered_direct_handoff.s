// buffered_direct_handoff: two receivers park on an empty buffered channel. main's first two
// sends go straight to them (the buffer stays empty); the next two are buffered and received
// later, in order.
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

TEXT main·main(SB), $48-0
	MAKECHAN(2, c<>(SB))
	MAKECHAN(0, done<>(SB))
	GO1(rPC<>, $1)
	GO1(rPC<>, $2)
	GOSCHED
	MOVQ	$1, i-8(SP)
send:
	MOVQ	i-8(SP), AX
	IMULQ	$10, AX
	MOVQ	AX, v-16(SP)
	SEND(c<>(SB), v-16(SP))
	PRINTS(msgsent<>, 4)
	PRINTSP
	PRINTI(v-16(SP))
	PRINTNL
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $4
	JLE	send
	RECV(done<>(SB), v-16(SP))
	RECV(done<>(SB), v-16(SP))
	RECV(c<>(SB), v-16(SP))
	RECV(c<>(SB), w-24(SP))
	PRINTS(msgbuf<>, 9)
	PRINTSP
	PRINTI(v-16(SP))
	PRINTSP
	PRINTI(w-24(SP))
	PRINTNL
	RET

FUNCVAL(rPC<>, main·r)
STR(msgr<>, 1, "r")
STR(msggot<>, 3, "got")
STR(msgsent<>, 4, "sent")
STR(msgbuf<>, 9, "buffered:")
