// main_returns: the program ends when main returns, whatever its goroutines are doing: one
// blocked, one runnable that never ran. Exit status 0, and nothing from them printed.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·blocked(SB), $24-0
	PRINTS(msgwait<>, 16)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	PRINTS(msgnever<>, 14)
	PRINTNL
	RET

TEXT main·late(SB), $16-0
	PRINTS(msglate<>, 11)
	PRINTNL
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	GO(blockedPC<>)
	GOSCHED
	GO(latePC<>)
	PRINTS(msgret<>, 15)
	PRINTNL
	RET

FUNCVAL(blockedPC<>, main·blocked)
FUNCVAL(latePC<>, main·late)
STR(msgwait<>, 16, "blocked: waiting")
STR(msgnever<>, 14, "blocked: never")
STR(msglate<>, 11, "late: never")
STR(msgret<>, 15, "main: returning")
