// panic_close_nil: closing a nil channel panics.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $16-0
	PRINTS(msgclosing<>, 11)
	PRINTNL
	CLOSE(c<>(SB))
	RET

STR(msgclosing<>, 11, "closing nil")
