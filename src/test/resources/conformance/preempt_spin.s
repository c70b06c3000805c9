// preempt_spin: a goroutine spins in a loop that calls nothing, and main yields to it. At
// GOMAXPROCS=1 the spinner would keep the only P for good, but sysmon preempts it after 10 ms
// (asynchronously: a SIGURG makes it call asyncPreempt), so main runs again and returns while
// the spinner still spins.
#include "conformance.h"

GLOBL	spins<>(SB), NOPTR, $8

TEXT main·spin(SB), $0-0
loop:
	INCQ	spins<>(SB)
	JMP	loop

TEXT main·main(SB), $16-0
	GO(spinPC<>)
	GOSCHED
	PRINTS(msgback<>, 42)
	PRINTNL
	RET

FUNCVAL(spinPC<>, main·spin)
STR(msgback<>, 42, "main: back after the spinner was preempted")
