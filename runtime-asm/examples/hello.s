// hello.s: the first program on the gmpvm runtime. main·main runs on goroutine 1; the print
// builtins write to standard error, as Go's print and println do.
//
//	gmpvm run runtime-asm/examples/hello.s
#include "textflag.h"

TEXT main·main(SB), $16-0
	LEAQ	hello<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$19, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

DATA	hello<>+0(SB)/19, $"Hello from gmpvm Go"
GLOBL	hello<>(SB), RODATA, $19
