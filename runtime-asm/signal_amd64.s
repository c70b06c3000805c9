// signal_amd64.s: the amd64 part of signal handling, as in Go's src/runtime/signal_amd64.go:
// editing the interrupted context (Linux's ucontext, offsets in go_asm.h) so that the thread
// resumes in a call the runtime chose. Routines take their arguments on the stack (ABI0).
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// preparePanic(ctx unsafe.Pointer, gp *g): makes gp, stopped by a fault, call sigpanic when
// the handler returns (Go's (*sigctxt).preparePanic): pushCall(sigpanic, pc) — the faulting
// pc becomes the return address, so a traceback shows the faulting frame at its pc. A fault
// at pc 0 (a call through a nil func value) pushes nothing: the return address of that call
// is already on the stack. Clobbers AX BX CX DI.
TEXT runtime·preparePanic(SB), NOSPLIT, $24-16
	MOVQ	ctx+0(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	TESTQ	AX, AX
	JEQ	setpc
	MOVQ	DI, 0(SP)
	LEAQ	runtime·sigpanic(SB), CX
	MOVQ	CX, 8(SP)
	MOVQ	AX, 16(SP)
	CALL	runtime·pushCall(SB)
	RET
setpc:
	LEAQ	runtime·sigpanic(SB), CX
	MOVQ	CX, (ucontext_uc_mcontext+sigcontext_rip)(DI)
	RET

// pushCall(ctx unsafe.Pointer, targetPC, resumePC uintptr): edits the interrupted context so
// that it looks as if the thread had called targetPC at resumePC (Go's (*sigctxt).pushCall):
// rsp -= 8; *rsp = resumePC; rip = targetPC. When the handler returns, rt_sigreturn loads
// these, and targetPC's RET goes back to resumePC with everything else as it was.
// Clobbers AX BX DI.
TEXT runtime·pushCall(SB), NOSPLIT, $0-24
	MOVQ	ctx+0(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rsp)(DI), BX
	SUBQ	$8, BX
	MOVQ	resumePC+16(FP), AX
	MOVQ	AX, 0(BX)
	MOVQ	BX, (ucontext_uc_mcontext+sigcontext_rsp)(DI)
	MOVQ	targetPC+8(FP), AX
	MOVQ	AX, (ucontext_uc_mcontext+sigcontext_rip)(DI)
	RET
