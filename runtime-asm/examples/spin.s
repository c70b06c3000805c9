// spin.s: asynchronous preemption. main starts a goroutine that spins in a loop without a
// single call, so no function prologue ever checks for a preemption request, and then
// yields to it. At GOMAXPROCS=1 that goroutine would own the only P forever; instead sysmon
// sees the P run the same goroutine for 10 ms of virtual time (forcePreemptNS), preemptone
// signals the thread (SIGURG), the handler makes the spinner call asyncPreempt, and the
// spinner goes to the global run queue, so main runs again, prints and returns: the program
// exits while the spinner still spins. `--env GODEBUG=schedtrace=5` shows it happening.
#include "textflag.h"

GLOBL	spins<>(SB), NOPTR, $8

TEXT main·main(SB), $16-0
	MOVL	$0, 0(SP)
	LEAQ	spinPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
wait:
	CALL	runtime·Gosched(SB)       // let the spinner start
	CMPQ	spins<>(SB), $0
	JEQ	wait
	LEAQ	msgdone<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$31, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

// spin(): counts forever in a register, publishing the count; no CALL, so no prologue.
TEXT main·spin(SB), $0-0
	XORL	AX, AX
loop:
	INCQ	AX
	MOVQ	AX, spins<>(SB)
	JMP	loop

DATA	spinPC<>+0(SB)/8, $main·spin(SB)
GLOBL	spinPC<>(SB), RODATA, $8
DATA	msgdone<>+0(SB)/31, $"main: the spinner was preempted"
GLOBL	msgdone<>(SB), RODATA, $31
