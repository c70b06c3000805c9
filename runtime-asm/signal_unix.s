// signal_unix.s: the runtime's signal handling, as in Go's src/runtime/signal_unix.go:
// initsig installs sigtramp for the synchronous signals; sigtrampgo switches g to the M's
// gsignal and calls sighandler, which turns a fault in Go code into a call of sigpanic
// (preparePanic, signal_amd64.s); sigpanic raises Go's run-time error panic, or throws
// "unexpected signal during runtime execution" when the fault was the runtime's own.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP
// and BP.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define PRINTS(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

#define THROWMSG(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·throw(SB)

// initsig(): on m0 at start-up (Go's mstartm0): installs sigtramp for SIGSEGV, SIGBUS and
// SIGFPE, the signals a Go program turns into panics (sigtable's _SigPanic entries).
// SIGILL and SIGTRAP keep the kernel's default: gmpvm's runtime raises them on purpose
// (abort's INT3, UNDEF) to die at once.
TEXT runtime·initsig(SB), NOSPLIT, $16-0
	MOVL	$_SIGSEGV, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGBUS, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGFPE, 0(SP)
	CALL	runtime·setsig(SB)
	RET

// setsig(sig uint32): rt_sigaction(sig) with sigtramp as the handler, every signal blocked
// while it runs, and SA_SIGINFO|SA_ONSTACK|SA_RESTORER|SA_RESTART with sigreturn as the
// restorer, as Go's setsig does. A failure is fatal.
TEXT runtime·setsig(SB), NOSPLIT, $72-4
	LEAQ	sa-32(SP), DI
	LEAQ	runtime·sigtramp(SB), AX
	MOVQ	AX, sigactiont_sa_handler(DI)
	MOVQ	$(_SA_SIGINFO|_SA_ONSTACK|_SA_RESTORER|_SA_RESTART), sigactiont_sa_flags(DI)
	LEAQ	runtime·sigreturn(SB), AX
	MOVQ	AX, sigactiont_sa_restorer(DI)
	MOVQ	$-1, sigactiont_sa_mask(DI)
	MOVL	sig+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	DI, 8(SP)
	MOVQ	$0, 16(SP)
	MOVQ	$8, 24(SP)                // sizeof(sigset_t)
	CALL	runtime·rt_sigaction(SB)
	CMPL	32(SP), $0
	JEQ	ok
	THROWMSG(msgsigaction<>, 24)
ok:
	RET

// sigtrampgo(sig uint32, info *siginfo, ctx unsafe.Pointer): on the gsignal stack: the g
// that was running comes from TLS; g becomes the M's gsignal while sighandler runs (as in
// Go's sigtrampgo), then the interrupted g again.
TEXT runtime·sigtrampgo(SB), NOSPLIT, $48-24
	get_tls(CX)
	MOVQ	g(CX), AX
	TESTQ	AX, AX
	JNE	2(PC)
	CALL	runtime·abort(SB)         // no g: not a thread of ours (Go's badsignal)
	MOVQ	AX, gp-8(SP)
	MOVQ	g_m(AX), BX
	MOVQ	m_gsignal(BX), BX
	MOVQ	BX, g(CX)                 // setg(g.m.gsignal)
	MOVL	sig+0(FP), BX
	MOVL	BX, 0(SP)
	MOVQ	info+8(FP), BX
	MOVQ	BX, 8(SP)
	MOVQ	ctx+16(FP), BX
	MOVQ	BX, 16(SP)
	MOVQ	AX, 24(SP)
	CALL	runtime·sighandler(SB)
	get_tls(CX)
	MOVQ	gp-8(SP), AX
	MOVQ	AX, g(CX)                 // setg(gp)
	RET

// sighandler(sig uint32, info *siginfo, ctx unsafe.Pointer, gp *g): handles sig, which
// interrupted gp. One case per kind of signal (the next one, SIGURG for preemption, goes
// here too): a synchronous fault (SIGSEGV, SIGBUS, SIGFPE) records sig, si_code, si_addr and
// the faulting pc in gp (sig, sigcode0, sigcode1, sigpc) and makes gp call sigpanic when the
// handler returns (preparePanic). Anything else is unexpected: fatal.
TEXT runtime·sighandler(SB), NOSPLIT, $16-32
	MOVL	sig+0(FP), AX
	CMPL	AX, $_SIGSEGV
	JEQ	panicsig
	CMPL	AX, $_SIGBUS
	JEQ	panicsig
	CMPL	AX, $_SIGFPE
	JEQ	panicsig
	THROWMSG(msgunexpectedsig<>, 17)
panicsig:
	MOVQ	gp+24(FP), BX
	MOVL	AX, g_sig(BX)
	MOVQ	info+8(FP), SI
	MOVLQSX	siginfo_si_code(SI), AX
	MOVQ	AX, g_sigcode0(BX)
	MOVQ	siginfo_si_addr(SI), AX
	MOVQ	AX, g_sigcode1(BX)
	MOVQ	ctx+16(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	MOVQ	AX, g_sigpc(BX)
	MOVQ	DI, 0(SP)
	MOVQ	BX, 8(SP)
	CALL	runtime·preparePanic(SB)
	RET

// sigpanic(): what a goroutine that faulted "calls" (preparePanic made it look so): turns
// the signal recorded in g into Go's panic, as Go's sigpanic: SIGSEGV or SIGBUS at an
// address below 0x1000 is a nil dereference (panicmem), elsewhere "unexpected fault address"
// and a throw; SIGFPE is integer divide by zero (FPE_INTDIV), overflow (FPE_INTOVF) or a
// floating-point error. If the fault cannot become a panic (canpanic: not on the M's user
// goroutine, locks held, already dying, or the pc in the runtime's own code), it throws
// "unexpected signal during runtime execution".
TEXT runtime·sigpanic(SB), $16-0
	CALL	runtime·canpanic(SB)
	CMPB	0(SP), $0
	JNE	can
	THROWMSG(msgunexpected<>, 42)
can:
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVL	g_sig(BX), AX
	CMPL	AX, $_SIGFPE
	JEQ	fpe
	// SIGSEGV or SIGBUS
	CMPQ	g_sigcode1(BX), $0x1000
	JCC	fault
	CMPL	AX, $_SIGBUS
	JEQ	bus
	CMPQ	g_sigcode0(BX), $2        // 0, SEGV_MAPERR or SEGV_ACCERR
	JHI	fault
	CALL	runtime·panicmem(SB)
bus:
	CMPQ	g_sigcode0(BX), $2        // BUS_ADRERR
	JNE	fault
	CALL	runtime·panicmem(SB)
fault:
	PRINTS(msgfaultaddr<>, 25)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_sigcode1(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	CALL	runtime·printnl(SB)
	THROWMSG(msgfault<>, 5)
fpe:
	CMPQ	g_sigcode0(BX), $_FPE_INTDIV
	JNE	2(PC)
	CALL	runtime·panicdivide(SB)
	CMPQ	g_sigcode0(BX), $2        // FPE_INTOVF
	JNE	2(PC)
	CALL	runtime·panicoverflow(SB)
	CALL	runtime·panicfloat(SB)
	RET

// canpanic() bool: whether the fault sigpanic is handling may become a panic (Go's
// canpanic): g is the M's user goroutine, running, with no locks held, not throwing or
// dying, and the faulting pc (g.sigpc) is not in the runtime's text
// [runtime.text, runtime.etext). Clobbers AX BX CX.
TEXT runtime·canpanic(SB), NOSPLIT, $0-1
	MOVB	$0, ret+0(FP)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), AX
	CMPQ	m_curg(AX), BX
	JNE	no
	CMPL	m_locks(AX), $0
	JNE	no
	CMPL	m_throwing(AX), $0
	JNE	no
	CMPL	m_dying(AX), $0
	JNE	no
	CMPL	g_atomicstatus(BX), $_Grunning
	JNE	no
	MOVQ	g_sigpc(BX), AX
	LEAQ	runtime·text(SB), CX
	CMPQ	AX, CX
	JCS	yes
	LEAQ	runtime·etext(SB), CX
	CMPQ	AX, CX
	JCS	no
yes:
	MOVB	$1, ret+0(FP)
no:
	RET

// signame(sig uint32) string: Go's description of sig as the "[signal …]" line shows it,
// e.g. "SIGSEGV: segmentation violation"; "" for a signal gmpvm does not name.
TEXT runtime·signame(SB), NOSPLIT, $0-24
	MOVL	sig+0(FP), AX
	LEAQ	signames<>(SB), SI
	XORL	CX, CX
next:
	CMPQ	CX, $5
	JGE	none
	MOVQ	CX, DX
	SHLQ	$4, DX
	CMPL	0(SI)(DX*1), AX
	JEQ	found
	INCQ	CX
	JMP	next
found:
	MOVL	4(SI)(DX*1), BX           // length
	MOVQ	8(SI)(DX*1), AX           // text
	MOVQ	AX, ret_base+8(FP)
	MOVQ	BX, ret_len+16(FP)
	RET
none:
	MOVQ	$0, ret_base+8(FP)
	MOVQ	$0, ret_len+16(FP)
	RET

// signames: {sig uint32, len uint32, text *byte} for the signals gmpvm names (Go's sigtable).
DATA	signametext<>+0(SB)/31, $"SIGSEGV: segmentation violation"
DATA	signametext<>+31(SB)/17, $"SIGBUS: bus error"
DATA	signametext<>+48(SB)/32, $"SIGFPE: floating-point exception"
DATA	signametext<>+80(SB)/27, $"SIGILL: illegal instruction"
DATA	signametext<>+107(SB)/19, $"SIGTRAP: trace trap"
GLOBL	signametext<>(SB), RODATA, $126
DATA	signames<>+0(SB)/4, $_SIGSEGV
DATA	signames<>+4(SB)/4, $31
DATA	signames<>+8(SB)/8, $signametext<>+0(SB)
DATA	signames<>+16(SB)/4, $_SIGBUS
DATA	signames<>+20(SB)/4, $17
DATA	signames<>+24(SB)/8, $signametext<>+31(SB)
DATA	signames<>+32(SB)/4, $_SIGFPE
DATA	signames<>+36(SB)/4, $32
DATA	signames<>+40(SB)/8, $signametext<>+48(SB)
DATA	signames<>+48(SB)/4, $_SIGILL
DATA	signames<>+52(SB)/4, $27
DATA	signames<>+56(SB)/8, $signametext<>+80(SB)
DATA	signames<>+64(SB)/4, $_SIGTRAP
DATA	signames<>+68(SB)/4, $19
DATA	signames<>+72(SB)/8, $signametext<>+107(SB)
GLOBL	signames<>(SB), RODATA, $80

DATA	msgsigaction<>+0(SB)/24, $"runtime: sigaction fails"
GLOBL	msgsigaction<>(SB), RODATA, $24
DATA	msgunexpectedsig<>+0(SB)/17, $"unexpected signal"
GLOBL	msgunexpectedsig<>(SB), RODATA, $17
DATA	msgunexpected<>+0(SB)/42, $"unexpected signal during runtime execution"
GLOBL	msgunexpected<>(SB), RODATA, $42
DATA	msgfaultaddr<>+0(SB)/25, $"unexpected fault address "
GLOBL	msgfaultaddr<>(SB), RODATA, $25
DATA	msgfault<>+0(SB)/5, $"fault"
GLOBL	msgfault<>(SB), RODATA, $5
