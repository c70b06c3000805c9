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
TEXT runtime·preparePanic(SB), NOSPLIT, $0-16
	MOVQ	ctx+0(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	TESTQ	AX, AX
	JEQ	setpc
	// pushCall(sigpanic, pc): sp -= 8; *sp = pc; rsp = sp; rip = sigpanic
	MOVQ	(ucontext_uc_mcontext+sigcontext_rsp)(DI), BX
	SUBQ	$8, BX
	MOVQ	AX, 0(BX)
	MOVQ	BX, (ucontext_uc_mcontext+sigcontext_rsp)(DI)
setpc:
	LEAQ	runtime·sigpanic(SB), CX
	MOVQ	CX, (ucontext_uc_mcontext+sigcontext_rip)(DI)
	RET
