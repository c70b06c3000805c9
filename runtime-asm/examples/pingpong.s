// pingpong.s: 10,000 round trips on unbuffered channels. main sends i on ping; the ponger
// receives it and sends i+1 back on pong. Every message is a hand-off between goroutines.
#include "textflag.h"

GLOBL	ping<>(SB), NOPTR, $8
GLOBL	pong<>(SB), NOPTR, $8

#define N 10000

TEXT main·main(SB), $40-0
	MOVQ	$8, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, ping<>(SB)
	MOVQ	$8, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, pong<>(SB)
	MOVL	$0, 0(SP)                 // go ponger()
	LEAQ	pongerPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
	MOVQ	$0, i-8(SP)
	MOVQ	$0, sum-16(SP)
loop:
	MOVQ	ping<>(SB), AX            // ping <- i
	MOVQ	AX, 0(SP)
	LEAQ	i-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	MOVQ	pong<>(SB), AX            // v := <-pong
	MOVQ	AX, 0(SP)
	LEAQ	v-24(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv1(SB)
	MOVQ	v-24(SP), AX
	ADDQ	AX, sum-16(SP)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $N
	JLT	loop
	LEAQ	msg<>(SB), AX             // print("round trips ", N, " sum ", sum)
	MOVQ	AX, 0(SP)
	MOVQ	$12, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	i-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	LEAQ	msgsum<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$5, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	sum-16(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

// ponger(): for { v := <-ping; pong <- v+1 }
TEXT main·ponger(SB), $24-0
again:
	MOVQ	ping<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	v-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv1(SB)
	INCQ	v-8(SP)
	MOVQ	pong<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	v-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	JMP	again

DATA	pongerPC<>+0(SB)/8, $main·ponger(SB)
GLOBL	pongerPC<>(SB), RODATA, $8
DATA	msg<>+0(SB)/12, $"round trips "
GLOBL	msg<>(SB), RODATA, $12
DATA	msgsum<>+0(SB)/5, $" sum "
GLOBL	msgsum<>(SB), RODATA, $5
