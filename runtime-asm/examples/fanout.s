// fanout.s: 64 goroutines, each doing some busy work. Each notes which P ran it (g.m.p.id,
// read through go_asm.h offsets) in a per-P counter. With GOMAXPROCS=4 the other Ms are
// woken (wakep), spin, and steal half of the first P's run queue, so every P runs some of
// them; the program checks exactly that.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define N 64

GLOBL	done<>(SB), NOPTR, $8
GLOBL	perP<>(SB), NOPTR, $(8*256)

TEXT main·main(SB), $24-0
	MOVQ	$0, i-8(SP)
spawn:
	MOVL	$8, 0(SP)                 // go work(i)
	LEAQ	workPC<>(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	i-8(SP), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·newproc(SB)
	INCQ	i-8(SP)
	CMPQ	i-8(SP), $N
	JLT	spawn
wait:
	CMPQ	done<>(SB), $N
	JEQ	finished
	CALL	runtime·Gosched(SB)
	JMP	wait
finished:
	// count the Ps that ran at least one goroutine
	MOVQ	$0, 0(SP)
	CALL	runtime·GOMAXPROCS(SB)
	MOVQ	8(SP), CX                 // gomaxprocs
	XORQ	BX, BX                    // Ps with work
	XORQ	SI, SI
	LEAQ	perP<>(SB), DI
count:
	CMPQ	(DI)(SI*8), $0
	JEQ	2(PC)
	INCQ	BX
	INCQ	SI
	CMPQ	SI, CX
	JLT	count
	CMPQ	BX, CX
	SETEQ	AL
	MOVB	AL, every-16(SP)
	LEAQ	msgdone<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$12, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	done<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	LEAQ	msgevery<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$18, 8(SP)
	CALL	runtime·printstring(SB)
	MOVB	every-16(SP), AX
	MOVB	AX, 0(SP)
	CALL	runtime·printbool(SB)
	CALL	runtime·printnl(SB)
	RET

// work(i int64): spins a while, then counts itself for the P it runs on.
TEXT main·work(SB), NOSPLIT, $0-8
	MOVQ	$20000, CX
spin:
	DECQ	CX
	JNZ	spin
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVQ	m_p(AX), AX
	MOVLQSX	p_id(AX), AX
	LEAQ	perP<>(SB), BX
	LOCK
	INCQ	(BX)(AX*8)
	LOCK
	INCQ	done<>(SB)
	RET

DATA	workPC<>+0(SB)/8, $main·work(SB)
GLOBL	workPC<>(SB), RODATA, $8
DATA	msgdone<>+0(SB)/12, $"goroutines: "
GLOBL	msgdone<>(SB), RODATA, $12
DATA	msgevery<>+0(SB)/18, $"every P ran work: "
GLOBL	msgevery<>(SB), RODATA, $18
