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

// initsig(): on m0 at start-up (Go's mstartm0): installs sigtramp for the synchronous
// signals: SIGSEGV, SIGBUS and SIGFPE, which a Go program turns into panics (sigtable's
// _SigPanic entries), SIGILL and SIGTRAP, which crash it in Go's words (_SigThrow), and
// SIGURG, sigPreempt, the signal preemptM sends to ask a thread for an asynchronous
// preemption (doSigPreempt).
TEXT runtime·initsig(SB), $16-0
	MOVL	$_SIGURG, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGSEGV, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGBUS, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGFPE, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGILL, 0(SP)
	CALL	runtime·setsig(SB)
	MOVL	$_SIGTRAP, 0(SP)
	CALL	runtime·setsig(SB)
	RET

// setsig(sig uint32): rt_sigaction(sig) with sigtramp as the handler, every signal blocked
// while it runs, and SA_SIGINFO|SA_ONSTACK|SA_RESTORER|SA_RESTART with sigreturn as the
// restorer, as Go's setsig does. A failure is fatal.
TEXT runtime·setsig(SB), $72-4
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
// interrupted gp. One case per kind of signal: sigPreempt (SIGURG) asks for an asynchronous
// preemption (doSigPreempt, unless GODEBUG=asyncpreemptoff=1) and is otherwise ignored, as
// Go's sigtable has it; a synchronous fault (SIGSEGV, SIGBUS, SIGFPE) records sig, si_code,
// si_addr and the faulting pc in gp (sig, sigcode0, sigcode1, sigpc) and makes gp call
// sigpanic when the handler returns (preparePanic). Anything else (SIGILL, SIGTRAP) crashes:
// sigthrow.
TEXT runtime·sighandler(SB), $40-32
	MOVL	sig+0(FP), AX
	CMPL	AX, $sigPreempt
	JEQ	preempt
	CMPL	AX, $_SIGSEGV
	JEQ	panicsig
	CMPL	AX, $_SIGBUS
	JEQ	panicsig
	CMPL	AX, $_SIGFPE
	JEQ	panicsig
	MOVL	AX, 0(SP)
	MOVQ	info+8(FP), AX
	MOVQ	AX, 8(SP)
	MOVQ	ctx+16(FP), AX
	MOVQ	AX, 16(SP)
	MOVQ	gp+24(FP), AX
	MOVQ	AX, 24(SP)
	CALL	runtime·sigthrow(SB)
	RET
preempt:
	CMPQ	runtime·debug_asyncpreemptoff(SB), $0
	JGT	ignore
	MOVQ	gp+24(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	ctx+16(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·doSigPreempt(SB)
ignore:
	RET
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

// doSigPreempt(gp *g, ctx unsafe.Pointer): the SIGURG that preemptM sent has interrupted
// gp (Go's doSigPreempt): if gp wants to be preempted (wantAsyncPreempt) and stopped at an
// asynchronous safe point (isAsyncSafePoint), edits the interrupted context so that gp calls
// asyncPreempt at the interrupted pc when the handler returns (pushCall): rt_sigreturn
// then loads rip = asyncPreempt and rsp 8 bytes lower, where the interrupted pc now lies as
// the return address. Either way the signal is acknowledged: m.preemptGen counts it and
// m.signalPending lets preemptM send the next one.
TEXT runtime·doSigPreempt(SB), $32-16
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·wantAsyncPreempt(SB)
	CMPB	8(SP), $0
	JEQ	ack
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	ctx+8(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	MOVQ	AX, 8(SP)
	MOVQ	(ucontext_uc_mcontext+sigcontext_rsp)(DI), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·isAsyncSafePoint(SB)
	CMPB	24(SP), $0
	JEQ	ack
	// Adjust the pc and inject a call to asyncPreempt.
	MOVQ	ctx+8(FP), DI
	MOVQ	DI, 0(SP)
	LEAQ	runtime·asyncPreempt(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·pushCall(SB)
ack:
	// Acknowledge the preemption.
	MOVQ	gp+0(FP), AX
	MOVQ	g_m(AX), AX
	LOCK
	INCL	m_preemptGen(AX)
	XORL	CX, CX
	XCHGL	CX, m_signalPending(AX)
	RET

// wantAsyncPreempt(gp *g) bool: gp has been asked to stop (gp.preempt, or its P's
// pp.preempt) and is running (Go's wantAsyncPreempt). Clobbers AX BX.
TEXT runtime·wantAsyncPreempt(SB), NOSPLIT, $0-9
	MOVB	$0, ret+8(FP)
	MOVQ	gp+0(FP), AX
	CMPB	g_preempt(AX), $0
	JNE	status
	MOVQ	g_m(AX), BX
	TESTQ	BX, BX
	JEQ	no
	MOVQ	m_p(BX), BX
	TESTQ	BX, BX
	JEQ	no
	CMPB	p_preempt(BX), $0
	JEQ	no
status:
	CMPL	g_atomicstatus(AX), $_Grunning
	JNE	no
	MOVB	$1, ret+8(FP)
no:
	RET

// isAsyncSafePoint(gp *g, pc, sp uintptr) bool: whether gp, interrupted at pc with stack
// pointer sp, may be asynchronously preempted there (Go's isAsyncSafePoint): gp is the M's
// user goroutine (not g0 or gsignal in the scheduler or a handler); the M may switch
// goroutines (Go's canPreemptM: it has a P in _Prunning, m.locks == 0, m.mallocing == 0);
// asyncPreemptStack bytes are left below sp; pc is not in the runtime's text
// [runtime.text, runtime.etext) (Go: not in a function named runtime.*); and pc's function
// was not declared NOSPLIT. Go's rule for that last test is the compiler's unsafe-point
// tables, and it never preempts assembly; gmpvm's programs are assembly, so the TEXT line
// decides: the NOSPLIT bit of the flags the linker copies from it into the function's
// pclntab entry (_func.flags, see docs/runtime.md). The NOSPLIT the assembler gives small
// leaf functions on its own does not reach that field, so such leaves stay preemptible.
// Clobbers what findfunc clobbers.
TEXT runtime·isAsyncSafePoint(SB), $16-25
	MOVB	$0, ret+24(FP)
	MOVQ	gp+0(FP), AX
	MOVQ	g_m(AX), BX
	TESTQ	BX, BX
	JEQ	no
	// Only user goroutines have safe points.
	CMPQ	m_curg(BX), AX
	JNE	no
	// canPreemptM
	MOVQ	m_p(BX), CX
	TESTQ	CX, CX
	JEQ	no
	CMPL	p_status(CX), $_Prunning
	JNE	no
	CMPL	m_locks(BX), $0
	JNE	no
	CMPL	m_mallocing(BX), $0
	JNE	no
	// Enough stack for asyncPreempt's frame and what it calls.
	MOVQ	sp+16(FP), DX
	SUBQ	(g_stack+stack_lo)(AX), DX
	JCS	no
	CMPQ	DX, $asyncPreemptStack
	JCS	no
	// Not in the runtime.
	MOVQ	pc+8(FP), DX
	LEAQ	runtime·text(SB), CX
	CMPQ	DX, CX
	JCS	user
	LEAQ	runtime·etext(SB), CX
	CMPQ	DX, CX
	JCS	no
user:
	// Not in a function whose TEXT line says NOSPLIT.
	MOVQ	DX, 0(SP)
	CALL	runtime·findfunc(SB)
	MOVQ	8(SP), AX
	TESTQ	AX, AX
	JEQ	no
	TESTL	$NOSPLIT, _func_flags(AX)
	JNE	no
	MOVB	$1, ret+24(FP)
no:
	RET

// preemptM(mp *m): asks mp's thread for an asynchronous preemption (Go's preemptM): unless a
// request is still pending (m.signalPending, cleared by doSigPreempt), sends it sigPreempt
// (SIGURG) with tgkill(getpid(), mp.procid) (Go's signalM).
TEXT runtime·preemptM(SB), $24-8
	MOVQ	mp+0(FP), BX
	XORL	AX, AX
	MOVL	$1, CX
	LOCK
	CMPXCHGL	CX, m_signalPending(BX)
	JNE	done
	CALL	runtime·getpid(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	mp+0(FP), BX
	MOVQ	m_procid(BX), AX
	MOVQ	AX, 8(SP)
	MOVQ	$sigPreempt, 16(SP)
	CALL	runtime·tgkill(SB)
done:
	RET

// sigthrow(sig uint32, info *siginfo, ctx unsafe.Pointer, gp *g): the end of sighandler for a
// signal that cannot become a panic (Go's _SigThrow), on the gsignal stack, as Go prints it:
// the signal's name, "PC=… m=N sigcode=N", for SIGILL the 16 instruction bytes at pc (not
// past pc's page), a blank line, gp's traceback from the interrupted context with runtime
// frames (a runtime throw), every other goroutine, a blank line and the registers
// (dumpregs); exit status 2. Never returns.
TEXT runtime·sigthrow(SB), $48-32
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVL	$throwTypeRuntime, m_throwing(AX)
	MOVQ	gp+24(FP), BX
	MOVQ	BX, m_caughtsig(AX)
	INCL	m_dying(AX)
	CMPL	m_dying(AX), $1
	JEQ	first
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
first:
	CALL	runtime·printlock(SB)
	MOVL	sig+0(FP), AX
	MOVL	AX, 0(SP)
	CALL	runtime·signame(SB)
	MOVQ	8(SP), AX
	MOVQ	16(SP), BX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	PRINTS(msgpceq<>, 3)
	MOVQ	ctx+16(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(msgmeq<>, 3)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVQ	m_id(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	PRINTS(msgsigcode<>, 9)
	MOVQ	info+8(FP), SI
	MOVLQSX	siginfo_si_code(SI), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	CMPL	sig+0(FP), $_SIGILL
	JNE	trace
	PRINTS(msginsn<>, 18)
	MOVQ	ctx+16(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	MOVQ	AX, pc-8(SP)
	MOVQ	AX, BX                    // n = min(16, bytes left in pc's page)
	ANDQ	$4095, BX
	MOVQ	$4096, CX
	SUBQ	BX, CX
	CMPQ	CX, $16
	JLE	2(PC)
	MOVQ	$16, CX
	ADDQ	AX, CX
	MOVQ	CX, end-16(SP)
insn:
	MOVQ	pc-8(SP), AX
	CMPQ	AX, end-16(SP)
	JCC	insndone
	CALL	runtime·printsp(SB)
	MOVQ	pc-8(SP), AX
	MOVBQZX	0(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	INCQ	pc-8(SP)
	JMP	insn
insndone:
	CALL	runtime·printnl(SB)
trace:
	MOVQ	ctx+16(FP), DI
	MOVQ	(ucontext_uc_mcontext+sigcontext_rip)(DI), AX
	MOVQ	AX, 0(SP)
	MOVQ	(ucontext_uc_mcontext+sigcontext_rsp)(DI), AX
	MOVQ	AX, 8(SP)
	MOVQ	(ucontext_uc_mcontext+sigcontext_rbp)(DI), AX
	MOVQ	AX, 16(SP)
	MOVQ	gp+24(FP), AX
	MOVQ	AX, 24(SP)
	MOVB	$1, 32(SP)
	CALL	runtime·tracebackall(SB)
	CALL	runtime·printnl(SB)
	MOVQ	ctx+16(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·dumpregs(SB)
	CALL	runtime·printunlock(SB)
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
	RET

// dumpregs(ctx unsafe.Pointer): the interrupted registers, one per line, in Go's order and
// format ("rax    0x…"), from the ucontext's mcontext (table dumpregsTab: offset, name).
TEXT runtime·dumpregs(SB), $32-8
	MOVQ	$0, i-8(SP)
loop:
	MOVQ	i-8(SP), BX
	CMPQ	BX, $21
	JGE	done
	SHLQ	$4, BX
	LEAQ	dumpregsTab<>(SB), SI
	MOVQ	8(SI)(BX*1), AX           // the name, 7 characters with its padding
	MOVQ	AX, 0(SP)
	MOVQ	$7, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	i-8(SP), BX
	SHLQ	$4, BX
	LEAQ	dumpregsTab<>(SB), SI
	MOVQ	0(SI)(BX*1), CX           // offset in the mcontext; 144-148: 16-bit segment registers
	MOVQ	ctx+0(FP), DI
	ADDQ	$ucontext_uc_mcontext, DI
	MOVQ	(DI)(CX*1), AX
	CMPQ	CX, $144
	JLT	2(PC)
	MOVWQZX	AX, AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	CALL	runtime·printnl(SB)
	INCQ	i-8(SP)
	JMP	loop
done:
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

// dumpregsTab: {offset in the mcontext, name} per register, in Go's dumpregs order.
DATA	dumpregsNames<>+0(SB)/147, $"rax    rbx    rcx    rdx    rdi    rsi    rbp    rsp    r8     r9     r10    r11    r12    r13    r14    r15    rip    rflags cs     fs     gs     "
GLOBL	dumpregsNames<>(SB), RODATA, $147
DATA	dumpregsTab<>+0(SB)/8, $104
DATA	dumpregsTab<>+8(SB)/8, $dumpregsNames<>+0(SB)
DATA	dumpregsTab<>+16(SB)/8, $88
DATA	dumpregsTab<>+24(SB)/8, $dumpregsNames<>+7(SB)
DATA	dumpregsTab<>+32(SB)/8, $112
DATA	dumpregsTab<>+40(SB)/8, $dumpregsNames<>+14(SB)
DATA	dumpregsTab<>+48(SB)/8, $96
DATA	dumpregsTab<>+56(SB)/8, $dumpregsNames<>+21(SB)
DATA	dumpregsTab<>+64(SB)/8, $64
DATA	dumpregsTab<>+72(SB)/8, $dumpregsNames<>+28(SB)
DATA	dumpregsTab<>+80(SB)/8, $72
DATA	dumpregsTab<>+88(SB)/8, $dumpregsNames<>+35(SB)
DATA	dumpregsTab<>+96(SB)/8, $80
DATA	dumpregsTab<>+104(SB)/8, $dumpregsNames<>+42(SB)
DATA	dumpregsTab<>+112(SB)/8, $120
DATA	dumpregsTab<>+120(SB)/8, $dumpregsNames<>+49(SB)
DATA	dumpregsTab<>+128(SB)/8, $0
DATA	dumpregsTab<>+136(SB)/8, $dumpregsNames<>+56(SB)
DATA	dumpregsTab<>+144(SB)/8, $8
DATA	dumpregsTab<>+152(SB)/8, $dumpregsNames<>+63(SB)
DATA	dumpregsTab<>+160(SB)/8, $16
DATA	dumpregsTab<>+168(SB)/8, $dumpregsNames<>+70(SB)
DATA	dumpregsTab<>+176(SB)/8, $24
DATA	dumpregsTab<>+184(SB)/8, $dumpregsNames<>+77(SB)
DATA	dumpregsTab<>+192(SB)/8, $32
DATA	dumpregsTab<>+200(SB)/8, $dumpregsNames<>+84(SB)
DATA	dumpregsTab<>+208(SB)/8, $40
DATA	dumpregsTab<>+216(SB)/8, $dumpregsNames<>+91(SB)
DATA	dumpregsTab<>+224(SB)/8, $48
DATA	dumpregsTab<>+232(SB)/8, $dumpregsNames<>+98(SB)
DATA	dumpregsTab<>+240(SB)/8, $56
DATA	dumpregsTab<>+248(SB)/8, $dumpregsNames<>+105(SB)
DATA	dumpregsTab<>+256(SB)/8, $128
DATA	dumpregsTab<>+264(SB)/8, $dumpregsNames<>+112(SB)
DATA	dumpregsTab<>+272(SB)/8, $136
DATA	dumpregsTab<>+280(SB)/8, $dumpregsNames<>+119(SB)
DATA	dumpregsTab<>+288(SB)/8, $144
DATA	dumpregsTab<>+296(SB)/8, $dumpregsNames<>+126(SB)
DATA	dumpregsTab<>+304(SB)/8, $148
DATA	dumpregsTab<>+312(SB)/8, $dumpregsNames<>+133(SB)
DATA	dumpregsTab<>+320(SB)/8, $146
DATA	dumpregsTab<>+328(SB)/8, $dumpregsNames<>+140(SB)
GLOBL	dumpregsTab<>(SB), RODATA, $336
DATA	msgpceq<>+0(SB)/3, $"PC="
GLOBL	msgpceq<>(SB), RODATA, $3
DATA	msgmeq<>+0(SB)/3, $" m="
GLOBL	msgmeq<>(SB), RODATA, $3
DATA	msgsigcode<>+0(SB)/9, $" sigcode="
GLOBL	msgsigcode<>(SB), RODATA, $9
DATA	msginsn<>+0(SB)/18, $"instruction bytes:"
GLOBL	msginsn<>(SB), RODATA, $18

DATA	msgsigaction<>+0(SB)/24, $"runtime: sigaction fails"
GLOBL	msgsigaction<>(SB), RODATA, $24
DATA	msgunexpected<>+0(SB)/42, $"unexpected signal during runtime execution"
GLOBL	msgunexpected<>(SB), RODATA, $42
DATA	msgfaultaddr<>+0(SB)/25, $"unexpected fault address "
GLOBL	msgfaultaddr<>(SB), RODATA, $25
DATA	msgfault<>+0(SB)/5, $"fault"
GLOBL	msgfault<>(SB), RODATA, $5
