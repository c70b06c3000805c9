// goexit.s: a goroutine defers two calls and then calls runtime·Goexit:
//
//	go func() { defer done(); defer say("worker deferred 2"); println("worker: Goexit"); runtime.Goexit() }()
//
// Goexit runs the pending deferred calls (newest first) before the goroutine ends; the
// statement after it never runs. main waits (yielding) until done has run, and goes on.
#include "textflag.h"

GLOBL	finished<>(SB), NOPTR, $8

TEXT main·main(SB), $16-0
	MOVL	$0, 0(SP)
	LEAQ	workerPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
wait:
	CMPQ	finished<>(SB), $0
	JNE	on
	CALL	runtime·Gosched(SB)
	JMP	wait
on:
	LEAQ	msgmain<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$12, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

TEXT main·worker(SB), $32-0
	MOVL	$0, 0(SP)                 // defer done()
	LEAQ	donePC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·deferproc(SB)
	TESTL	AX, AX
	JNE	ret
	MOVL	$16, 0(SP)                // defer say("worker deferred 2")
	LEAQ	sayPC<>(SB), AX
	MOVQ	AX, 8(SP)
	LEAQ	msgdeferred<>(SB), AX
	MOVQ	AX, 16(SP)
	MOVQ	$17, 24(SP)
	CALL	runtime·deferproc(SB)
	TESTL	AX, AX
	JNE	ret
	LEAQ	msggoexit<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$14, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	CALL	runtime·Goexit(SB)
	LEAQ	msgnotreached<>(SB), AX   // never runs
	MOVQ	AX, 0(SP)
	MOVQ	$11, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
ret:
	CALL	runtime·deferreturn(SB)
	RET

// say(s string) prints s.
TEXT main·say(SB), $16-16
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

// done() says so and lets main go on.
TEXT main·done(SB), $16-0
	LEAQ	msgdone<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$17, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	MOVQ	$1, finished<>(SB)
	RET

DATA	workerPC<>+0(SB)/8, $main·worker(SB)
GLOBL	workerPC<>(SB), RODATA, $8
DATA	donePC<>+0(SB)/8, $main·done(SB)
GLOBL	donePC<>(SB), RODATA, $8
DATA	sayPC<>+0(SB)/8, $main·say(SB)
GLOBL	sayPC<>(SB), RODATA, $8
DATA	msgdeferred<>+0(SB)/17, $"worker deferred 2"
GLOBL	msgdeferred<>(SB), RODATA, $17
DATA	msggoexit<>+0(SB)/14, $"worker: Goexit"
GLOBL	msggoexit<>(SB), RODATA, $14
DATA	msgnotreached<>+0(SB)/11, $"not reached"
GLOBL	msgnotreached<>(SB), RODATA, $11
DATA	msgdone<>+0(SB)/17, $"worker deferred 1"
GLOBL	msgdone<>(SB), RODATA, $17
DATA	msgmain<>+0(SB)/12, $"main goes on"
GLOBL	msgmain<>(SB), RODATA, $12
