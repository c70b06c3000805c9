// deadlock.s: main receives from a channel nobody will ever send on. With every goroutine
// blocked, the runtime says so in Go's words and exits with status 2.
#include "textflag.h"

TEXT main·main(SB), $24-0
	MOVQ	$8, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, 0(SP)                 // <-c
	MOVQ	$0, 8(SP)
	CALL	runtime·chanrecv1(SB)
	RET
