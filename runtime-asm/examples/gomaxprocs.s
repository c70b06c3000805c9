// gomaxprocs.s: runtime·GOMAXPROCS at run time, growing 1 → 4 → 2 while goroutines run.
// Each change stops the world (every P is taken from its goroutine at the next function
// call), resizes allp and starts the world again; GOMAXPROCS returns the previous value.
// Workers add to a counter through a function call (where a stop request is noticed);
// sleepers started at 4 Ps sleep across the shrink to 2, so timers of a destroyed P move to
// a P that remains and still fire. Nothing is lost: the sum and the count come out exact.
#include "textflag.h"

GLOBL	done<>(SB), NOPTR, $8
GLOBL	counter<>(SB), NOPTR, $8

#define ITER 2000

TEXT main·main(SB), $40-0
	MOVQ	$8, 0(SP)
	MOVQ	$16, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, done<>(SB)
	MOVQ	$1, 0(SP)                 // start at one P, whatever the environment says
	CALL	runtime·GOMAXPROCS(SB)
	CALL	main·workers(SB)
	MOVQ	$4, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	main·report(SB)
	MOVQ	$0, i-8(SP)
sleepers:
	MOVL	$0, 0(SP)                 // go sleeper()
	LEAQ	sleeperPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $4
	JLT	sleepers
	CALL	main·workers(SB)
	CALL	runtime·Gosched(SB)
	MOVQ	$2, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	main·report(SB)
	MOVQ	$0, i-8(SP)
wait:
	MOVQ	done<>(SB), AX            // <-done, for 8 workers and 4 sleepers
	MOVQ	AX, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·chanrecv1(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $12
	JLT	wait
	MOVQ	$0, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	main·report(SB)
	LEAQ	msgsum<>(SB), AX          // print("sum ", counter)
	MOVQ	AX, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	counter<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

// workers(): go worker() four times.
TEXT main·workers(SB), $24-0
	MOVQ	$0, i-8(SP)
again:
	MOVL	$0, 0(SP)
	LEAQ	workerPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $4
	JLT	again
	RET

// report(prev int64): print("GOMAXPROCS returned ", prev).
TEXT main·report(SB), $16-8
	LEAQ	msgprev<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$20, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	prev+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

// worker(): adds 1 to counter ITER times through add, yielding every 100; then done <- 1.
TEXT main·worker(SB), $24-0
	MOVQ	$0, i-8(SP)
loop:
	CALL	main·add(SB)
	INCQ	i-8(SP)
	MOVQ	i-8(SP), AX
	XORL	DX, DX
	MOVQ	$100, CX
	DIVQ	CX
	CMPQ	DX, $0
	JNE	2(PC)
	CALL	runtime·Gosched(SB)
	CMPQ	i-8(SP), $ITER
	JLT	loop
	MOVQ	done<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	one<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	RET

// add(): counter++ (atomically); a function with a frame, so its prologue checks the stack
// guard, where a request to stop is noticed.
TEXT main·add(SB), $8-0
	LOCK
	INCQ	counter<>(SB)
	RET

// sleeper(): sleeps 2 ms, then done <- 1.
TEXT main·sleeper(SB), $16-0
	MOVQ	$2000000, 0(SP)
	CALL	runtime·timeSleep(SB)
	MOVQ	done<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	one<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	RET

DATA	workerPC<>+0(SB)/8, $main·worker(SB)
GLOBL	workerPC<>(SB), RODATA, $8
DATA	sleeperPC<>+0(SB)/8, $main·sleeper(SB)
GLOBL	sleeperPC<>(SB), RODATA, $8
DATA	one<>+0(SB)/8, $1
GLOBL	one<>(SB), RODATA, $8
DATA	msgprev<>+0(SB)/20, $"GOMAXPROCS returned "
GLOBL	msgprev<>(SB), RODATA, $20
DATA	msgsum<>+0(SB)/4, $"sum "
GLOBL	msgsum<>(SB), RODATA, $4
