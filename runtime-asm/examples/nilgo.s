// nilgo.s: `go f()` with a nil func value f is a fatal error, in Go's words:
// "fatal error: go of nil func value", and exit status 2.
#include "textflag.h"

TEXT main·main(SB), $16-0
	MOVL	$0, 0(SP)
	MOVQ	$0, 8(SP)                 // fn == nil
	CALL	runtime·newproc(SB)
	RET
