// recover.s: main defers catch, then calls f → g → h, and h panics three frames down:
//
//	func main() { defer catch(); f(); println("not reached") }
//	func catch() { if r := recover(); r != nil { println("recovered:", r.(string)) } }
//
// gopanic runs catch, whose recover (runtime·gorecover with catch's own argument pointer)
// returns the value; the panic is over and main resumes at its deferproc return with AX = 1,
// goes to its epilogue (deferreturn: nothing left) and returns: exit status 0.
#include "textflag.h"

#define PRINT(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

TEXT main·main(SB), $16-0
	MOVL	$0, 0(SP)                 // siz: no arguments
	LEAQ	catchPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·deferproc(SB)
	TESTL	AX, AX
	JNE	resumed
	CALL	main·f(SB)
	PRINT(notreached<>, 11)
	CALL	runtime·printnl(SB)
	JMP	ret
resumed:
	PRINT(msgresumed<>, 34)
	CALL	runtime·printnl(SB)
ret:
	CALL	runtime·deferreturn(SB)
	RET

TEXT main·f(SB), $0-0
	CALL	main·g(SB)
	RET

TEXT main·g(SB), $0-0
	CALL	main·h(SB)
	RET

// h: panic("boom")
TEXT main·h(SB), $16-0
	LEAQ	runtime·stringType(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	boom<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gopanic(SB)
	RET

// catch: r := recover(); print it. gorecover's argument is catch's argument pointer.
TEXT main·catch(SB), $24-0
	LEAQ	arg+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·gorecover(SB)
	MOVQ	8(SP), AX                 // r's type
	TESTQ	AX, AX
	JEQ	none
	PRINT(msgrecovered<>, 11)
	MOVQ	16(SP), AX                // r's data: a string header
	MOVQ	0(AX), BX
	MOVQ	8(AX), CX
	MOVQ	BX, 0(SP)
	MOVQ	CX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
none:
	RET

DATA	catchPC<>+0(SB)/8, $main·catch(SB)
GLOBL	catchPC<>(SB), RODATA, $8
DATA	boomtext<>+0(SB)/4, $"boom"
GLOBL	boomtext<>(SB), RODATA, $4
DATA	boom<>+0(SB)/8, $boomtext<>(SB)
DATA	boom<>+8(SB)/8, $4
GLOBL	boom<>(SB), RODATA, $16
DATA	notreached<>+0(SB)/11, $"not reached"
GLOBL	notreached<>(SB), RODATA, $11
DATA	msgresumed<>+0(SB)/34, $"main goes on: deferproc returned 1"
GLOBL	msgresumed<>(SB), RODATA, $34
DATA	msgrecovered<>+0(SB)/11, $"recovered: "
GLOBL	msgrecovered<>(SB), RODATA, $11
