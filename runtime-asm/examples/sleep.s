// sleep.s: five goroutines sleep 50, 10, 40, 20 and 30 ms of virtual time (started in that
// order) and report on a channel when they wake; main prints them as they arrive, which is
// in the order of their sleeps, whatever GOMAXPROCS is. Each checks with runtime·nanotime
// that it slept at least as long as it asked and less than 1 ms longer. Then main itself
// sleeps 1 s, with nothing else to do: no M runs and the virtual clock jumps.
#include "textflag.h"

GLOBL	done<>(SB), NOPTR, $8

TEXT main·main(SB), $40-0
	MOVQ	$8, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, done<>(SB)
	LEAQ	sleeps<>(SB), SI
	MOVQ	$0, i-8(SP)
start:
	MOVQ	i-8(SP), BX
	LEAQ	sleeps<>(SB), SI
	MOVQ	(SI)(BX*8), AX
	MOVL	$8, 0(SP)                 // go sleeper(ms)
	LEAQ	sleeperPC<>(SB), CX
	MOVQ	CX, 8(SP)
	MOVQ	AX, 16(SP)
	CALL	runtime·newproc(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLT	start
	MOVQ	$0, i-8(SP)
collect:
	MOVQ	done<>(SB), AX            // ms := <-done
	MOVQ	AX, 0(SP)
	LEAQ	ms-16(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv1(SB)
	LEAQ	msgwoke<>(SB), AX         // print("woke after ", ms, "ms")
	MOVQ	AX, 0(SP)
	MOVQ	$11, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	ms-16(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	LEAQ	msgms<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$2, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $5
	JLT	collect
	CALL	runtime·nanotime(SB)      // time.Sleep(time.Second), checked the same way
	MOVQ	0(SP), AX
	MOVQ	AX, t0-24(SP)
	MOVQ	$1000000000, 0(SP)
	CALL	runtime·timeSleep(SB)
	CALL	runtime·nanotime(SB)
	MOVQ	0(SP), AX
	SUBQ	t0-24(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	$1000000000, 8(SP)
	CALL	main·within(SB)
	LEAQ	msgmain<>(SB), AX         // print("main slept 1s: ", ok)
	MOVQ	AX, 0(SP)
	MOVQ	$15, 8(SP)
	CALL	runtime·printstring(SB)
	MOVB	16(SP), AX
	MOVB	AX, 0(SP)
	CALL	runtime·printbool(SB)
	CALL	runtime·printnl(SB)
	RET

// sleeper(ms int64): sleeps ms milliseconds; if it slept as long as it asked (within 1 ms)
// it sends ms on done, otherwise -ms.
TEXT main·sleeper(SB), $32-8
	CALL	runtime·nanotime(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, t0-8(SP)
	MOVQ	ms+0(FP), AX
	IMULQ	$1000000, AX
	MOVQ	AX, 0(SP)
	CALL	runtime·timeSleep(SB)
	CALL	runtime·nanotime(SB)
	MOVQ	0(SP), AX
	SUBQ	t0-8(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	ms+0(FP), AX
	IMULQ	$1000000, AX
	MOVQ	AX, 8(SP)
	CALL	main·within(SB)
	MOVQ	ms+0(FP), AX
	CMPB	16(SP), $0
	JNE	2(PC)
	NEGQ	AX
	MOVQ	AX, v-16(SP)
	MOVQ	done<>(SB), AX            // done <- ms
	MOVQ	AX, 0(SP)
	LEAQ	v-16(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	RET

// within(elapsed, want int64) bool: want <= elapsed < want + 1 ms.
TEXT main·within(SB), NOSPLIT, $0-17
	MOVB	$0, ret+16(FP)
	MOVQ	elapsed+0(FP), AX
	SUBQ	want+8(FP), AX
	JLT	no
	CMPQ	AX, $1000000
	JGE	no
	MOVB	$1, ret+16(FP)
no:
	RET

DATA	sleeps<>+0(SB)/8, $50
DATA	sleeps<>+8(SB)/8, $10
DATA	sleeps<>+16(SB)/8, $40
DATA	sleeps<>+24(SB)/8, $20
DATA	sleeps<>+32(SB)/8, $30
GLOBL	sleeps<>(SB), RODATA, $40
DATA	sleeperPC<>+0(SB)/8, $main·sleeper(SB)
GLOBL	sleeperPC<>(SB), RODATA, $8
DATA	msgwoke<>+0(SB)/11, $"woke after "
GLOBL	msgwoke<>(SB), RODATA, $11
DATA	msgms<>+0(SB)/2, $"ms"
GLOBL	msgms<>(SB), RODATA, $2
DATA	msgmain<>+0(SB)/15, $"main slept 1s: "
GLOBL	msgmain<>(SB), RODATA, $15
