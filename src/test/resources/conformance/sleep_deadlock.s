// sleep_deadlock: main sleeps, then receives from a channel no one sends on. While its timer
// is pending, nothing is deadlocked (every goroutine is asleep, but a timer will wake one);
// once it has fired and main blocks for good, Go reports the deadlock.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	MAKECHAN(0, c<>(SB))
	MOVQ	$10000000, 0(SP)
	CALL	runtime·timeSleep(SB)
	PRINTS(msgslept<>, 5)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	RET

STR(msgslept<>, 5, "slept")
