// defer.s: `for i := 1; i <= 3; i++ { defer show(i, 10*i) }` then a print: the deferred
// calls run when main returns, newest first, each with the arguments it was deferred with.
// A defer lowers to runtime·deferproc(siz, fn, args...) — the go statement's frame — and a
// test of AX (1: a recovered panic resumed this frame: go to the epilogue); every return
// goes through runtime·deferreturn, which needs the outgoing area to hold the largest
// deferred call's arguments (16 bytes here).
#include "textflag.h"

TEXT main·main(SB), $40-0
	MOVQ	$1, i-8(SP)
loop:
	MOVL	$16, 0(SP)                // siz: two int64 arguments
	LEAQ	showPC<>(SB), AX
	MOVQ	AX, 8(SP)                 // fn
	MOVQ	i-8(SP), AX
	MOVQ	AX, 16(SP)                // a = i
	IMULQ	$10, AX
	MOVQ	AX, 24(SP)                // b = 10*i
	CALL	runtime·deferproc(SB)
	TESTL	AX, AX
	JNE	ret
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $3
	JLE	loop
	LEAQ	msgbody<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$9, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
ret:
	CALL	runtime·deferreturn(SB)
	RET

// show(a, b int64) prints "deferred a b".
TEXT main·show(SB), $16-16
	LEAQ	msgdeferred<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$9, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	a+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printsp(SB)
	MOVQ	b+8(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	RET

DATA	showPC<>+0(SB)/8, $main·show(SB)
GLOBL	showPC<>(SB), RODATA, $8
DATA	msgbody<>+0(SB)/9, $"main body"
GLOBL	msgbody<>(SB), RODATA, $9
DATA	msgdeferred<>+0(SB)/9, $"deferred "
GLOBL	msgdeferred<>(SB), RODATA, $9
