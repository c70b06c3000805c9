// preempt_amd64.s: asynchronous preemption, as in Go's src/runtime/preempt_amd64.s and
// preempt.go. A goroutine that runs code without calls never reaches a function prologue, so
// the cooperative request (stackguard0 = stackPreempt) never fires; instead sysmon's
// preemptone signals its thread (preemptM: SIGURG), and the handler (doSigPreempt) edits the
// interrupted context with pushCall so that the goroutine, on rt_sigreturn, "calls"
// asyncPreempt from the instruction it was about to execute.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// asyncPreempt: entered as if called at the interrupted instruction (its pc is the return
// address pushCall left at 0(SP)), with every register still holding the goroutine's values.
// Saves everything the code below may clobber, in Go's frame layout (offsets from SP after
// ADJSP; the frame pointer and the flags sit above):
//
//	 BP+8   return address = the interrupted pc       (pushCall)
//	 BP+0   the interrupted BP                        (PUSHQ BP; BP = SP: the frame chain goes on)
//	 BP-8   RFLAGS                                    (PUSHFQ, before anything changes them)
//	 SP+0   AX   8 CX  16 DX  24 BX  32 SI  40 DI
//	 SP+48  R8  56 R9  64 R10 72 R11 80 R12 88 R13 96 R14 104 R15
//	 SP+112 X0  128 X1  ...  (16 bytes each, MOVUPS)  ... 352 X15
//
// 368 bytes below the flags: 14 general registers (SP and BP are kept by the frame itself)
// and 16 XMM registers. Then asyncPreempt2 gives up the processor (gopreempt_m, or
// preemptPark when gp.preemptStop); when the scheduler runs the goroutine again, possibly
// on another M, it comes back here, everything is restored in reverse order, the flags last
// (POPFQ after the ADJSP that changes them), and RET returns to the interrupted instruction.
// NOSPLIT|NOFRAME: its stack need is asyncPreemptStack, which isAsyncSafePoint checks.
// Clobbers nothing.
TEXT runtime·asyncPreempt(SB), NOSPLIT|NOFRAME, $0-0
	PUSHQ	BP
	MOVQ	SP, BP
	// the flags now, while they are still the goroutine's: the ADJSP below changes them
	PUSHFQ
	// ADJSP (a SUBQ on SP) lets the assembler follow the frame size for the offsets below
	ADJSP	$368
	MOVQ	AX, 0(SP)
	MOVQ	CX, 8(SP)
	MOVQ	DX, 16(SP)
	MOVQ	BX, 24(SP)
	MOVQ	SI, 32(SP)
	MOVQ	DI, 40(SP)
	MOVQ	R8, 48(SP)
	MOVQ	R9, 56(SP)
	MOVQ	R10, 64(SP)
	MOVQ	R11, 72(SP)
	MOVQ	R12, 80(SP)
	MOVQ	R13, 88(SP)
	MOVQ	R14, 96(SP)
	MOVQ	R15, 104(SP)
	MOVUPS	X0, 112(SP)
	MOVUPS	X1, 128(SP)
	MOVUPS	X2, 144(SP)
	MOVUPS	X3, 160(SP)
	MOVUPS	X4, 176(SP)
	MOVUPS	X5, 192(SP)
	MOVUPS	X6, 208(SP)
	MOVUPS	X7, 224(SP)
	MOVUPS	X8, 240(SP)
	MOVUPS	X9, 256(SP)
	MOVUPS	X10, 272(SP)
	MOVUPS	X11, 288(SP)
	MOVUPS	X12, 304(SP)
	MOVUPS	X13, 320(SP)
	MOVUPS	X14, 336(SP)
	MOVUPS	X15, 352(SP)
	CALL	runtime·asyncPreempt2(SB)
	MOVUPS	352(SP), X15
	MOVUPS	336(SP), X14
	MOVUPS	320(SP), X13
	MOVUPS	304(SP), X12
	MOVUPS	288(SP), X11
	MOVUPS	272(SP), X10
	MOVUPS	256(SP), X9
	MOVUPS	240(SP), X8
	MOVUPS	224(SP), X7
	MOVUPS	208(SP), X6
	MOVUPS	192(SP), X5
	MOVUPS	176(SP), X4
	MOVUPS	160(SP), X3
	MOVUPS	144(SP), X2
	MOVUPS	128(SP), X1
	MOVUPS	112(SP), X0
	MOVQ	104(SP), R15
	MOVQ	96(SP), R14
	MOVQ	88(SP), R13
	MOVQ	80(SP), R12
	MOVQ	72(SP), R11
	MOVQ	64(SP), R10
	MOVQ	56(SP), R9
	MOVQ	48(SP), R8
	MOVQ	40(SP), DI
	MOVQ	32(SP), SI
	MOVQ	24(SP), BX
	MOVQ	16(SP), DX
	MOVQ	8(SP), CX
	MOVQ	0(SP), AX
	ADJSP	$-368
	POPFQ
	POPQ	BP
	RET

// asyncPreempt2(): asyncPreempt's call into the scheduler (Go's asyncPreempt2): mcall
// switches to g0 and gives up the processor: preemptPark when gp.preemptStop asks for a park,
// else gopreempt_m (the goroutine goes to the global run queue, as Gosched). Returns when
// the goroutine is scheduled again. NOSPLIT (Go's is not): gp.stackguard0 still holds
// stackPreempt here, and a prologue check would preempt the goroutine a second time; its
// frame is counted in asyncPreemptStack instead. Clobbers everything.
TEXT runtime·asyncPreempt2(SB), NOSPLIT, $8-0
	get_tls(CX)
	MOVQ	g(CX), AX
	CMPB	g_preemptStop(AX), $0
	JNE	park
	LEAQ	gopreempt_mPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcall(SB)
	RET
park:
	LEAQ	preemptParkPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcall(SB)
	RET

DATA	gopreempt_mPC<>+0(SB)/8, $runtime·gopreempt_m(SB)
GLOBL	gopreempt_mPC<>(SB), RODATA, $8
DATA	preemptParkPC<>+0(SB)/8, $runtime·preemptPark(SB)
GLOBL	preemptParkPC<>(SB), RODATA, $8
