// yield.s: two goroutines, A and B, take turns printing three lines each. A goroutine whose
// turn it is not calls runtime·Gosched, which puts it on the global run queue and lets the
// other run; so the output alternates A, B, A, B whatever GOMAXPROCS is. main waits (yielding
// too) until both have finished. (At GOMAXPROCS=1 a version without the turn variable also
// alternates, B first: see RuntimeBehaviourTest's runnext test.)
#include "textflag.h"

GLOBL	finished<>(SB), NOPTR, $8
GLOBL	turn<>(SB), NOPTR, $8          // 0: A prints next, 1: B

TEXT main·main(SB), $24-0
	MOVL	$8, 0(SP)
	LEAQ	workerPC<>(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	$'A', 16(SP)
	CALL	runtime·newproc(SB)
	MOVL	$8, 0(SP)
	LEAQ	workerPC<>(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	$'B', 16(SP)
	CALL	runtime·newproc(SB)
wait:
	CMPQ	finished<>(SB), $2
	JEQ	done
	CALL	runtime·Gosched(SB)
	JMP	wait
done:
	LEAQ	msgdone<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

// worker(name int64): prints "name i" for i = 0, 1, 2 when it is its turn (turn == 0 for A,
// 1 for B), yielding while it is not, then hands the turn over.
TEXT main·worker(SB), $24-8
	MOVQ	$0, i-8(SP)
loop:
	MOVQ	name+0(FP), AX
	SUBQ	$'A', AX                  // 0 for A, 1 for B
	CMPQ	AX, turn<>(SB)
	JEQ	mine
	CALL	runtime·Gosched(SB)
	JMP	loop
mine:
	CALL	runtime·printlock(SB)
	LEAQ	name+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	$1, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printsp(SB)
	MOVQ	i-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	CALL	runtime·printunlock(SB)
	XORQ	$1, turn<>(SB)            // the other one's turn
	CALL	runtime·Gosched(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $3
	JLT	loop
	LOCK
	INCQ	finished<>(SB)
	RET

DATA	workerPC<>+0(SB)/8, $main·worker(SB)
GLOBL	workerPC<>(SB), RODATA, $8
DATA	msgdone<>+0(SB)/4, $"done"
GLOBL	msgdone<>(SB), RODATA, $4
