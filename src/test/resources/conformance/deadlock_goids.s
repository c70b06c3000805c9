// deadlock_goids: three goroutines run and exit, then a fourth blocks. Goroutine ids are never
// reused even when the goroutine structures are: the blocked one is goroutine 8, which the
// deadlock report shows.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·quick(SB), NOSPLIT, $0-0
	RET

TEXT main·blocked(SB), $24-0
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $32-0
	MAKECHAN(0, c<>(SB))
	GO(quickPC<>)
	GO(quickPC<>)
	GO(quickPC<>)
	GOSCHED
	GO(blockedPC<>)
	GOSCHED
	MOVQ	$0, d-16(SP)                // var d chan int; d <- 1
	MOVQ	$1, v-8(SP)
	SEND(d-16(SP), v-8(SP))
	RET

FUNCVAL(quickPC<>, main·quick)
FUNCVAL(blockedPC<>, main·blocked)
