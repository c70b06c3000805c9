// morestack_raw.s: without the runtime: a tiny g reached through TLS (FS:-8, set with arch_prctl), and a function
// whose stack-split prologue finds SP below g.stackguard0 and calls runtime·morestack_noctxt,
// which here only reports, lowers the guard and returns: the prologue then runs again.
#include "rawsys.h"
#include "go_tls.h"

GLOBL	g0<>(SB), NOPTR, $64      // stack.lo, stack.hi, stackguard0, ...
GLOBL	tls<>(SB), NOPTR, $16     // tls<>+0 is FS:-8, the current g

DATA	msg<>+0(SB)/8, $"morestac"
DATA	msg<>+8(SB)/2, $"k\n"
GLOBL	msg<>(SB), RODATA, $10

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	LEAQ	g0<>(SB), AX
	MOVQ	AX, tls<>(SB)
	MOVQ	$-1, 16(AX)               // stackguard0: every split check fails
	LEAQ	tls<>+8(SB), SI
	MOVQ	$ARCH_SET_FS, DI
	MOVQ	$SYS_arch_prctl, AX
	SYSCALL
	get_tls(CX)
	MOVQ	g(CX), AX
	LEAQ	g0<>(SB), BX
	CMPQ	AX, BX
	SETEQ	AL
	MOVBQZX	AL, AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)             // 1: g(CX) is g0
	CALL	main·grow(SB)
	EXIT(0)

// grow is not NOSPLIT: its prologue checks the stack.
TEXT main·grow(SB), $16-0
	MOVQ	$77, 0(SP)
	CALL	print·int(SB)
	RET

TEXT runtime·morestack_noctxt(SB), NOSPLIT, $16
	LEAQ	msg<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$10, 8(SP)
	CALL	print·str(SB)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	$0, 16(AX)                // the retried check passes
	RET
