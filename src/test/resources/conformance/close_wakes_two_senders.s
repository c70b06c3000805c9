// close_wakes_two_senders: two senders park on a channel (goroutine 6 first, then 5); close
// readies them in reverse order of parking, so goroutine 6, readied last, runs first (runnext)
// and its panic is the one reported.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

// s(i int): println("s", i, "sending"); c <- i
TEXT main·s(SB), $16-8
	PRINTS(msgs<>, 1)
	PRINTSP
	PRINTI(i+0(FP))
	PRINTSP
	PRINTS(msgsending<>, 7)
	PRINTNL
	SEND(c<>(SB), i+0(FP))
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	GO1(sPC<>, $1)
	GO1(sPC<>, $2)
	GOSCHED
	PRINTS(msgclosing<>, 13)
	PRINTNL
	CLOSE(c<>(SB))
	GOSCHED
	PRINTS(msgnot<>, 17)
	PRINTNL
	RET

FUNCVAL(sPC<>, main·s)
STR(msgs<>, 1, "s")
STR(msgsending<>, 7, "sending")
STR(msgclosing<>, 13, "main: closing")
STR(msgnot<>, 17, "main: not reached")
