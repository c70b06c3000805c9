// deadlock_all: main waits to receive, one goroutine waits to send on another channel and one
// to receive on a third: the fatal error lists every goroutine with its wait reason.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	a<>(SB), NOPTR, $8
GLOBL	b<>(SB), NOPTR, $8
GLOBL	c<>(SB), NOPTR, $8

TEXT main·sender(SB), $24-0
	MOVQ	$1, v-8(SP)
	SEND(b<>(SB), v-8(SP))
	RET

TEXT main·receiver(SB), $24-0
	RECV(c<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, a<>(SB))
	MAKECHAN(0, b<>(SB))
	MAKECHAN(0, c<>(SB))
	GO(senderPC<>)
	GO(receiverPC<>)
	GOSCHED
	RECV(a<>(SB), v-8(SP))
	RET

FUNCVAL(senderPC<>, main·sender)
FUNCVAL(receiverPC<>, main·receiver)
