// nil_func: `go f()` with a nil func value is a fatal error (not a panic).
// Rule: frames dropped.
#include "conformance.h"

TEXT main·main(SB), $16-0
	PRINTS(msgbefore<>, 6)
	PRINTNL
	MOVL	$0, 0(SP)
	MOVQ	$0, 8(SP)                 // f == nil
	CALL	runtime·newproc(SB)
	PRINTS(msgnot<>, 11)
	PRINTNL
	RET

STR(msgbefore<>, 6, "before")
STR(msgnot<>, 11, "not reached")
