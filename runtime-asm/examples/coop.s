// coop.s: cooperative preemption, with asynchronous preemption turned off: run it with
// --env GODEBUG=asyncpreemptoff=1 (coop.env holds that for RuntimeExamplesTest; with
// asynchronous preemption on, the looper is simply preempted by whichever way comes first,
// and the output is the same). main starts a
// goroutine that loops forever calling step, an ordinary function whose prologue checks the
// stack guard, and yields to it. After 10 ms of virtual time sysmon's preemptone sets the
// looper's stackguard0 to stackPreempt; the next call of step fails its prologue check,
// morestack calls newstack, which sees the request and calls gopreempt_m: the looper goes to
// the global run queue and main runs again, prints and returns.
#include "textflag.h"

GLOBL	steps<>(SB), NOPTR, $8

TEXT main·main(SB), $16-0
	MOVL	$0, 0(SP)
	LEAQ	loopPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
wait:
	CALL	runtime·Gosched(SB)       // let the looper start
	CMPQ	steps<>(SB), $0
	JEQ	wait
	LEAQ	msgdone<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$30, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

// loop(): calls step forever.
TEXT main·loop(SB), $0-0
again:
	CALL	main·step(SB)
	JMP	again

// step(): counts one step. It calls count, so the assembler gives it the stack-check
// prologue (a leaf this small would be NOSPLIT on its own): the point where a cooperative
// preemption request is noticed.
TEXT main·step(SB), $0-0
	CALL	main·count(SB)
	RET

TEXT main·count(SB), NOSPLIT, $0-0
	INCQ	steps<>(SB)
	RET

DATA	loopPC<>+0(SB)/8, $main·loop(SB)
GLOBL	loopPC<>(SB), RODATA, $8
DATA	msgdone<>+0(SB)/30, $"main: the looper was preempted"
GLOBL	msgdone<>(SB), RODATA, $30
