// overflow.s: unbounded recursion. The stack doubles again and again until the next doubling
// would pass the limit; then newstack prints Go's lines ("runtime: goroutine stack exceeds
// N-byte limit", sp and the stack's bounds), "fatal error: stack overflow" and the goroutine,
// and the program exits with status 2. The limit is set to 1 MiB with runtime·SetMaxStack
// (Go's runtime/debug.SetMaxStack): Go's default of 1,000,000,000 bytes would take a 512 MiB
// stack, more guest memory than gmpvm maps (1 GiB, the stacks it has grown through included)
// and a quarter of a billion instructions of copying first.
//
//	gmpvm run runtime-asm/examples/overflow.s
#include "textflag.h"

// f(n int64): calls itself for ever.
TEXT main·f(SB), $64-8
	MOVQ	n+0(FP), AX
	INCQ	AX
	MOVQ	AX, 0(SP)
	CALL	main·f(SB)
	RET

TEXT main·main(SB), $16-0
	MOVQ	$(1<<20), 0(SP)
	CALL	runtime·SetMaxStack(SB)
	MOVQ	$0, 0(SP)
	CALL	main·f(SB)
	RET
