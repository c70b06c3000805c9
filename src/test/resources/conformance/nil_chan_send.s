// nil_chan_send: a goroutine sending on a nil channel blocks forever; main then blocks too.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8
GLOBL	d<>(SB), NOPTR, $8

TEXT main·s(SB), $24-0
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	RET

TEXT main·main(SB), $24-0
	MAKECHAN(0, d<>(SB))
	GO(sPC<>)
	GOSCHED
	RECV(d<>(SB), v-8(SP))
	RET

FUNCVAL(sPC<>, main·s)
