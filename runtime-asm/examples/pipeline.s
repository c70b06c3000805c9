// pipeline.s: three stages joined by buffered channels, each closed when its sender is done.
// gen sends 1..10 on nums (capacity 4) and closes it; sq receives until nums is closed
// (chanrecv2's received == false), sends each square on squares (capacity 2), then closes
// squares; main prints what arrives and the total.
#include "textflag.h"

GLOBL	nums<>(SB), NOPTR, $8
GLOBL	squares<>(SB), NOPTR, $8

TEXT main·main(SB), $40-0
	MOVQ	$8, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, nums<>(SB)
	MOVQ	$8, 0(SP)
	MOVQ	$2, 8(SP)
	CALL	runtime·makechan(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, squares<>(SB)
	MOVL	$0, 0(SP)                 // go gen()
	LEAQ	genPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
	MOVL	$0, 0(SP)                 // go sq()
	LEAQ	sqPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
	MOVQ	$0, total-8(SP)
loop:
	MOVQ	squares<>(SB), AX         // v, ok := <-squares
	MOVQ	AX, 0(SP)
	LEAQ	v-16(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv2(SB)
	CMPB	16(SP), $0
	JEQ	closed
	MOVQ	v-16(SP), AX
	ADDQ	AX, total-8(SP)
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	JMP	loop
closed:
	LEAQ	msgtotal<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$6, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	total-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

// gen(): for i := 1; i <= 10; i++ { nums <- i }; close(nums)
TEXT main·gen(SB), $24-0
	MOVQ	$1, i-8(SP)
next:
	MOVQ	nums<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	i-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $10
	JLE	next
	MOVQ	nums<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·closechan(SB)
	RET

// sq(): for v := range nums { squares <- v*v }; close(squares)
TEXT main·sq(SB), $32-0
next:
	MOVQ	nums<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	v-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv2(SB)
	CMPB	16(SP), $0
	JEQ	done
	MOVQ	v-8(SP), AX
	IMULQ	AX, AX
	MOVQ	AX, v-8(SP)
	MOVQ	squares<>(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	v-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chansend1(SB)
	JMP	next
done:
	MOVQ	squares<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·closechan(SB)
	RET

DATA	genPC<>+0(SB)/8, $main·gen(SB)
GLOBL	genPC<>(SB), RODATA, $8
DATA	sqPC<>+0(SB)/8, $main·sq(SB)
GLOBL	sqPC<>(SB), RODATA, $8
DATA	msgtotal<>+0(SB)/6, $"total "
GLOBL	msgtotal<>(SB), RODATA, $6
