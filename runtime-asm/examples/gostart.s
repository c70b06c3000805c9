// gostart.s: the seed's `go start(7, 2, 5)`. A go statement lowers to runtime·newproc with
// the argument size (24 bytes), the func value, then the arguments. main waits for the new
// goroutine by yielding until it has set done.
#include "textflag.h"

GLOBL	done<>(SB), NOPTR, $8

TEXT main·main(SB), $40-0
	MOVL	$24, 0(SP)                // siz: three int64 arguments
	LEAQ	startPC<>(SB), AX
	MOVQ	AX, 8(SP)                 // fn
	MOVQ	$7, 16(SP)                // a
	MOVQ	$2, 24(SP)                // b
	MOVQ	$5, 32(SP)                // c
	CALL	runtime·newproc(SB)
wait:
	CMPQ	done<>(SB), $0
	JNE	finished
	CALL	runtime·Gosched(SB)
	JMP	wait
finished:
	LEAQ	msgmain<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$9, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

// start(a, b, c int64) prints its arguments and a*b+c.
TEXT main·start(SB), $16-24
	LEAQ	msgstart<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$6, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	a+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printsp(SB)
	MOVQ	b+8(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printsp(SB)
	MOVQ	c+16(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printsp(SB)
	MOVQ	a+0(FP), AX
	IMULQ	b+8(FP), AX
	ADDQ	c+16(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	MOVQ	$1, done<>(SB)
	RET

DATA	startPC<>+0(SB)/8, $main·start(SB)
GLOBL	startPC<>(SB), RODATA, $8
DATA	msgstart<>+0(SB)/6, $"start "
GLOBL	msgstart<>(SB), RODATA, $6
DATA	msgmain<>+0(SB)/9, $"main done"
GLOBL	msgmain<>(SB), RODATA, $9
