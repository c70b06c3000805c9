// mgc.s: what the garbage collector's start-up does to scheduling, as in Go's mgc.go,
// mgcsweep.go and mgcscavenge.go. gmpvm has no collector (malloc.s never frees), but Go's
// runtime·main starts the background sweeper and scavenger goroutines and waits for both
// to report in before it runs the program's main; those switches shape what the program sees
// first (p.schedtick, which goroutines exist, the Ms), so gmpvm makes the same ones. Routines
// take their arguments on the stack (ABI0) and may clobber every register but SP and BP.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// gcenable(): starts bgsweep and bgscavenge, each handed a channel with room for two ints,
// and receives from it twice: both have started (and parked) when it returns.
TEXT runtime·gcenable(SB), NOSPLIT, $32-0
	MOVQ	$8, 0(SP)                 // c := make(chan int, 2)
	MOVQ	$2, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, c-8(SP)
	MOVL	$8, 0(SP)                 // go bgsweep(c)
	LEAQ	bgsweepPC<>(SB), BX
	MOVQ	BX, 8(SP)
	MOVQ	AX, 16(SP)
	CALL	runtime·newproc(SB)
	MOVL	$8, 0(SP)                 // go bgscavenge(c)
	LEAQ	bgscavengePC<>(SB), BX
	MOVQ	BX, 8(SP)
	MOVQ	c-8(SP), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·newproc(SB)
	MOVQ	c-8(SP), AX               // <-c
	MOVQ	AX, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·chanrecv1(SB)
	MOVQ	c-8(SP), AX               // <-c
	MOVQ	AX, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·chanrecv1(SB)
	RET

DATA	bgsweepPC<>+0(SB)/8, $runtime·bgsweep(SB)
GLOBL	bgsweepPC<>(SB), RODATA, $8
DATA	bgscavengePC<>+0(SB)/8, $runtime·bgscavenge(SB)
GLOBL	bgscavengePC<>(SB), RODATA, $8
DATA	one<>+0(SB)/8, $1
GLOBL	one<>(SB), RODATA, $8

// bgsweep(c chan int): the background sweeper's goroutine. Reports in (c <- 1) and parks
// for good as "GC sweep wait": with no collector there is never anything to sweep.
TEXT runtime·bgsweep(SB), NOSPLIT, $24-8
	MOVQ	c+0(FP), AX
	MOVQ	AX, 0(SP)
	LEAQ	one<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
park:
	MOVQ	$0, 0(SP)
	MOVQ	$0, 8(SP)
	MOVB	$waitReasonGCSweepWait, 16(SP)
	CALL	runtime·gopark(SB)
	JMP	park

// bgscavenge(c chan int): the background scavenger's goroutine (returning unused memory to
// the OS). Reports in (c <- 1) and parks for good as "GC scavenge wait".
TEXT runtime·bgscavenge(SB), NOSPLIT, $24-8
	MOVQ	c+0(FP), AX
	MOVQ	AX, 0(SP)
	LEAQ	one<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
park:
	MOVQ	$0, 0(SP)
	MOVQ	$0, 8(SP)
	MOVB	$waitReasonGCScavengeWait, 16(SP)
	CALL	runtime·gopark(SB)
	JMP	park
