// print.s: the print builtins, as in Go's src/runtime/print.go: everything goes to standard
// error (fd 2) in Go's formats. printlock/printunlock keep one goroutine's line together.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// All are NOSPLIT: their callers rely on the clobber lists (a stack growth returns with only
// SP, BP and DX intact), and newstack and throw print with them on g0.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// printlock(): takes the print lock (recursively per M). Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·printlock(SB), NOSPLIT, $16-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	INCL	m_locks(AX)               // no preemption while printing
	INCB	m_printlock(AX)
	CMPB	m_printlock(AX), $1
	JNE	done
	LEAQ	runtime·debuglock(SB), BX
	MOVQ	BX, 0(SP)
	CALL	runtime·lock(SB)
done:
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	DECL	m_locks(AX)
	RET

// printunlock(): releases what printlock took. Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·printunlock(SB), NOSPLIT, $16-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	DECB	m_printlock(AX)
	JNE	done
	LEAQ	runtime·debuglock(SB), BX
	MOVQ	BX, 0(SP)
	CALL	runtime·unlock(SB)
done:
	RET

// gwrite(p *byte, n int): writes n bytes at p to fd 2. Clobbers AX CX DX SI DI R11.
TEXT runtime·gwrite(SB), NOSPLIT, $32-16
	MOVQ	n+8(FP), AX
	CMPQ	AX, $0
	JLE	done
	MOVQ	$2, 0(SP)
	MOVQ	p+0(FP), AX
	MOVQ	AX, 8(SP)
	MOVQ	n+8(FP), AX
	MOVL	AX, 16(SP)
	CALL	runtime·write1(SB)
done:
	RET

// printstring(p *byte, n int): prints the string. Clobbers AX CX DX SI DI R11.
TEXT runtime·printstring(SB), NOSPLIT, $16-16
	MOVQ	p+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	n+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

// printuint(v uint64): prints v in decimal. Digits are built right to left in a 24-byte
// buffer at buf-24(SP)..buf-1(SP). Clobbers AX BX CX DX SI DI R11.
TEXT runtime·printuint(SB), NOSPLIT, $48-8
	MOVQ	v+0(FP), AX
	LEAQ	48(SP), DI               // one past the digit buffer 16(SP)..47(SP)
	MOVQ	$10, BX
next:
	XORQ	DX, DX
	DIVQ	BX
	ADDB	$'0', DL
	DECQ	DI
	MOVB	DL, (DI)
	TESTQ	AX, AX
	JNE	next
	MOVQ	DI, 0(SP)
	LEAQ	48(SP), AX
	SUBQ	DI, AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

// printint(v int64): prints v in decimal with a leading '-' when negative.
// Clobbers AX BX CX DX SI DI R11.
TEXT runtime·printint(SB), NOSPLIT, $16-8
	MOVQ	v+0(FP), AX
	CMPQ	AX, $0
	JGE	pos
	LEAQ	minus<>(SB), BX
	MOVQ	BX, 0(SP)
	MOVQ	$1, 8(SP)
	CALL	runtime·gwrite(SB)
	MOVQ	v+0(FP), AX
	NEGQ	AX
pos:
	MOVQ	AX, 0(SP)
	CALL	runtime·printuint(SB)
	RET

// printhex(v uint64): prints v as 0x followed by lowercase hex digits, as Go does.
// Clobbers AX BX CX DX SI DI R11.
TEXT runtime·printhex(SB), NOSPLIT, $48-8
	MOVQ	v+0(FP), AX
	LEAQ	48(SP), DI               // one past the digit buffer 16(SP)..47(SP)
	LEAQ	hexdigits<>(SB), SI
next:
	MOVQ	AX, BX
	ANDQ	$15, BX
	MOVB	(SI)(BX*1), DL
	DECQ	DI
	MOVB	DL, (DI)
	SHRQ	$4, AX
	JNE	next
	DECQ	DI
	MOVB	$'x', (DI)
	DECQ	DI
	MOVB	$'0', (DI)
	MOVQ	DI, 0(SP)
	LEAQ	48(SP), AX
	SUBQ	DI, AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

// printpointer(p unsafe.Pointer): prints p as printhex does.
TEXT runtime·printpointer(SB), NOSPLIT, $8-8
	MOVQ	p+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	RET

// printbool(v bool): prints true or false. Clobbers AX CX DX SI DI R11.
TEXT runtime·printbool(SB), NOSPLIT, $16-1
	MOVB	v+0(FP), AX
	TESTB	AL, AL
	JEQ	no
	LEAQ	strtrue<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	runtime·gwrite(SB)
	RET
no:
	LEAQ	strfalse<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$5, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

// printsp(): prints one space. Clobbers AX CX DX SI DI R11.
TEXT runtime·printsp(SB), NOSPLIT, $16-0
	LEAQ	space<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$1, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

// printnl(): prints a newline. Clobbers AX CX DX SI DI R11.
TEXT runtime·printnl(SB), NOSPLIT, $16-0
	LEAQ	newline<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$1, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

DATA	minus<>+0(SB)/1, $"-"
GLOBL	minus<>(SB), RODATA, $1
DATA	space<>+0(SB)/1, $" "
GLOBL	space<>(SB), RODATA, $1
DATA	newline<>+0(SB)/1, $"\n"
GLOBL	newline<>(SB), RODATA, $1
DATA	strtrue<>+0(SB)/4, $"true"
GLOBL	strtrue<>(SB), RODATA, $4
DATA	strfalse<>+0(SB)/5, $"false"
GLOBL	strfalse<>(SB), RODATA, $5
DATA	hexdigits<>+0(SB)/16, $"0123456789abcdef"
GLOBL	hexdigits<>(SB), RODATA, $16
GLOBL	runtime·debuglock(SB), NOPTR, $8
