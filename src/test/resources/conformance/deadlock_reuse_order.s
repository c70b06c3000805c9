// deadlock_reuse_order: three goroutines exit (in the order 7, 5, 6), and four new ones then
// block for good. The first three reuse the dead goroutines' structures, last freed first
// (each P's free list is a stack), so they keep those structures' places in the list of all
// goroutines, which is the order a deadlock report follows: 1, 9, 8, 10, 11.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·quick(SB), NOSPLIT, $0-0
	RET

TEXT main·blocked(SB), $24-0
	RECV(c<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $32-0
	MAKECHAN(0, c<>(SB))
	GO(quickPC<>)
	GO(quickPC<>)
	GO(quickPC<>)
	GOSCHED
	MOVQ	$0, i-16(SP)
make:
	GO(blockedPC<>)
	INCQ	i-16(SP)
	CMPQ	i-16(SP), $4
	JLT	make
	GOSCHED
	RECV(c<>(SB), v-8(SP))
	RET

FUNCVAL(quickPC<>, main·quick)
FUNCVAL(blockedPC<>, main·blocked)
