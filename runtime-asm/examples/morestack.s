// morestack.s: a recursion 100,000 deep on a goroutine stack that starts at 2 KiB. Every time
// down's split prologue finds too little room it calls runtime·morestack_noctxt, and newstack
// doubles the stack by copying it (copystack): each level notices when its g's stack bounds
// differ from its caller's and counts a growth. 100,000 frames of 48 bytes (32 of frame, the
// saved BP, the return address) fill 4.8 MB, so the stack ends at 8 MiB after 12 doublings.
// The depth argument is a pointer to main's local, passed down and read at the bottom:
// copystack moves it with the stack each time.
//
//	gmpvm run runtime-asm/examples/morestack.s
#include "go_asm.h"
#include "textflag.h"

GLOBL	grows<>(SB), NOPTR, $8
GLOBL	lastlo<>(SB), NOPTR, $8

// down(n int64, depth *int64): recurses until n is 0, counting stack growths on the way.
TEXT main·down(SB), $32-16
	CALL	runtime·getg(SB)
	MOVQ	0(SP), AX
	MOVQ	(g_stack+stack_lo)(AX), AX
	CMPQ	AX, lastlo<>(SB)
	JEQ	same
	MOVQ	AX, lastlo<>(SB)
	INCQ	grows<>(SB)
same:
	MOVQ	n+0(FP), AX
	TESTQ	AX, AX
	JEQ	bottom
	DECQ	AX
	MOVQ	AX, 0(SP)
	MOVQ	depth+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	main·down(SB)
	RET
bottom:
	MOVQ	depth+8(FP), AX           // *depth: main's local, reached through the moved pointer
	MOVQ	(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

TEXT main·main(SB), $24-0
	CALL	runtime·getg(SB)
	MOVQ	0(SP), AX
	MOVQ	(g_stack+stack_lo)(AX), AX
	MOVQ	AX, lastlo<>(SB)
	MOVQ	$100000, depth-8(SP)
	MOVQ	$100000, 0(SP)
	LEAQ	depth-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	main·down(SB)
	LEAQ	grew<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$12, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	grows<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	LEAQ	times<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$6, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

DATA	grew<>+0(SB)/12, $"stack grew: "
GLOBL	grew<>(SB), RODATA, $12
DATA	times<>+0(SB)/6, $" times"
GLOBL	times<>(SB), RODATA, $6
