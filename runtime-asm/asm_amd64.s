// asm_amd64.s: the runtime's entry point and its context switches, as in Go's
// src/runtime/asm_amd64.s. The current g lives in thread-local storage at FS:-8 (go_tls.h);
// everything else is reached from it: g.m, m.g0, m.curg, m.p.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// _rt0_amd64_linux: the ELF entry point. The kernel left argc at 0(SP), argv from 8(SP).
// Hands them to rt0_go in DI and SI. Clobbers DI SI.
TEXT _rt0_amd64_linux(SB), NOSPLIT|NOFRAME|TOPFRAME, $0
	MOVQ	0(SP), DI                 // argc
	LEAQ	8(SP), SI                 // argv
	JMP	runtime·rt0_go(SB)

// rt0_go: boots the runtime on the initial thread (m0) and its stack (g0's, 64 KiB):
// sets TLS and checks it works, installs g0 as g, then args, osinit, schedinit, queues
// runtime·main as goroutine 1 with newproc and enters the scheduler through mstart.
// Never returns. Clobbers everything.
TEXT runtime·rt0_go(SB), NOSPLIT|NOFRAME|TOPFRAME, $0
	MOVQ	DI, AX                    // argc
	MOVQ	SI, BX                    // argv
	SUBQ	$(5*8), SP                // 3 words for calls, 2 for argc/argv
	ANDQ	$~15, SP
	MOVQ	AX, 24(SP)
	MOVQ	BX, 32(SP)

	// g0's stack is the top m0StackSize bytes of the initial stack.
	LEAQ	runtime·g0(SB), DI
	LEAQ	(-m0StackSize)(SP), BX
	MOVQ	BX, (g_stack+stack_lo)(DI)
	MOVQ	SP, (g_stack+stack_hi)(DI)
	ADDQ	$_StackGuard, BX
	MOVQ	BX, g_stackguard0(DI)
	MOVQ	BX, g_stackguard1(DI)

	// TLS: FS:-8 becomes m0.tls[0]. Store through it to make sure it works.
	LEAQ	runtime·m0+m_tls(SB), DI
	CALL	runtime·settls(SB)
	get_tls(BX)
	MOVQ	$0x123, g(BX)
	MOVQ	runtime·m0+m_tls(SB), AX
	CMPQ	AX, $0x123
	JEQ	2(PC)
	CALL	runtime·abort(SB)

	// g = g0; m0.g0 = g0; g0.m = m0
	get_tls(BX)
	LEAQ	runtime·g0(SB), CX
	MOVQ	CX, g(BX)
	LEAQ	runtime·m0(SB), AX
	MOVQ	CX, m_g0(AX)
	MOVQ	AX, g_m(CX)

	MOVL	24(SP), AX                // args(argc, argv)
	MOVL	AX, 0(SP)
	MOVQ	32(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·args(SB)
	CALL	runtime·osinit(SB)
	CALL	runtime·schedinit(SB)

	// newproc(0, &mainPC): goroutine 1 will run runtime·main
	MOVL	$0, 0(SP)
	LEAQ	runtime·mainPC(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)

	CALL	runtime·mstart(SB)        // start this M: never returns
	CALL	runtime·abort(SB)
	RET

// mainPC is a funcval for runtime·main, for newproc.
DATA	runtime·mainPC+0(SB)/8, $runtime·main(SB)
GLOBL	runtime·mainPC(SB), RODATA, $8

// abort(): crashes on purpose (SIGTRAP) where the runtime cannot go on. Never returns.
TEXT runtime·abort(SB), NOSPLIT|NOFRAME, $0
	INT	$3
loop:
	JMP	loop

// gogo(buf *gobuf): switches to the context saved in buf: installs buf.g as g, loads SP, BP,
// the context register DX and AX (ret) from buf, clears those fields, and jumps to buf.pc.
// Never returns to its caller. Clobbers everything.
TEXT runtime·gogo(SB), NOSPLIT|NOFRAME, $0-8
	MOVQ	buf+0(FP), BX             // gobuf
	MOVQ	gobuf_g(BX), DX
	MOVQ	0(DX), CX                 // make sure g != nil
	get_tls(CX)
	MOVQ	DX, g(CX)
	MOVQ	gobuf_sp(BX), SP          // restore SP
	MOVQ	gobuf_ret(BX), AX
	MOVQ	gobuf_ctxt(BX), DX
	MOVQ	gobuf_bp(BX), BP
	MOVQ	$0, gobuf_sp(BX)          // clear to help garbage collector
	MOVQ	$0, gobuf_ret(BX)
	MOVQ	$0, gobuf_ctxt(BX)
	MOVQ	$0, gobuf_bp(BX)
	MOVQ	gobuf_pc(BX), BX
	JMP	BX

// mcall(fn func(*g)): switches to m.g0's stack and calls fn(g), where g is the goroutine that
// called mcall. Saves the caller's PC, SP and BP in g.sched so that gogo can resume it later.
// fn must not return (it ends by scheduling another g); if it does, badmcall2 throws.
// Calling mcall on g0 is badmcall. Clobbers everything.
TEXT runtime·mcall(SB), NOSPLIT|NOFRAME, $0-8
	MOVQ	fn+0(FP), DI

	get_tls(CX)
	MOVQ	g(CX), AX                 // save state in g->sched
	MOVQ	0(SP), BX                 // caller's PC
	MOVQ	BX, (g_sched+gobuf_pc)(AX)
	LEAQ	fn+0(FP), BX              // caller's SP
	MOVQ	BX, (g_sched+gobuf_sp)(AX)
	MOVQ	BP, (g_sched+gobuf_bp)(AX)

	// switch to m->g0 and its stack, call fn
	MOVQ	g_m(AX), BX
	MOVQ	m_g0(BX), SI
	CMPQ	SI, AX                    // if g == m->g0 call badmcall
	JNE	3(PC)
	MOVQ	$runtime·badmcall(SB), AX
	JMP	AX
	MOVQ	SI, g(CX)                 // g = m->g0
	MOVQ	(g_sched+gobuf_sp)(SI), SP // sp = m->g0->sched.sp
	PUSHQ	AX                        // fn's argument: the old g
	MOVQ	DI, DX                    // context register: the funcval
	MOVQ	0(DI), DI
	CALL	DI
	POPQ	AX
	MOVQ	$runtime·badmcall2(SB), AX
	JMP	AX
	RET

// systemstack_switch is never called: its address stands in g.sched.pc for a goroutine that
// is running a systemstack call, so a traceback of that goroutine makes sense. (The UNDEF
// after RET keeps systemstack_switch+8, the pc systemstack saves, inside the function.)
TEXT runtime·systemstack_switch(SB), NOSPLIT, $0-0
	UNDEF
	CALL	runtime·abort(SB)
	RET
	UNDEF

// systemstack(fn func()): runs fn on the M's g0 stack and comes back. If already on g0 (or
// the signal stack) fn is simply called. Saves the goroutine's SP and BP in g.sched (with
// pc = systemstack_switch) for the duration. Calling it on another M's goroutine is
// badsystemstack. Clobbers everything fn clobbers.
TEXT runtime·systemstack(SB), NOSPLIT, $0-8
	MOVQ	fn+0(FP), DI              // DI = fn
	get_tls(CX)
	MOVQ	g(CX), AX                 // AX = g
	MOVQ	g_m(AX), BX               // BX = m
	CMPQ	AX, m_gsignal(BX)
	JEQ	noswitch
	MOVQ	m_g0(BX), DX              // DX = g0
	CMPQ	AX, DX
	JEQ	noswitch
	CMPQ	AX, m_curg(BX)
	JNE	bad

	// save our state in g->sched, pretending to be systemstack_switch
	LEAQ	runtime·systemstack_switch(SB), SI
	ADDQ	$8, SI
	MOVQ	SI, (g_sched+gobuf_pc)(AX)
	MOVQ	SP, (g_sched+gobuf_sp)(AX)
	MOVQ	AX, (g_sched+gobuf_g)(AX)
	MOVQ	$0, (g_sched+gobuf_ret)(AX)
	MOVQ	$0, (g_sched+gobuf_ctxt)(AX)
	MOVQ	BP, (g_sched+gobuf_bp)(AX)

	// switch to g0
	MOVQ	DX, g(CX)
	MOVQ	(g_sched+gobuf_sp)(DX), BX
	MOVQ	BX, SP

	// call target function
	MOVQ	DI, DX
	MOVQ	0(DI), DI
	CALL	DI

	// switch back to g
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), BX
	MOVQ	m_curg(BX), AX
	MOVQ	AX, g(CX)
	MOVQ	(g_sched+gobuf_sp)(AX), SP
	MOVQ	(g_sched+gobuf_bp)(AX), BP
	MOVQ	$0, (g_sched+gobuf_sp)(AX)
	MOVQ	$0, (g_sched+gobuf_bp)(AX)
	RET

noswitch:
	// already on the system stack: tail call the function
	MOVQ	DI, DX
	MOVQ	0(DI), DI
	JMP	DI

bad:
	MOVQ	$runtime·badsystemstack(SB), AX
	CALL	AX
	INT	$3

// gosave(buf *gobuf): saves the caller's context (the PC it returns to, its SP and BP, g) in
// buf, so that gogo(buf) later returns from this gosave call a second time. Clobbers AX BX CX.
TEXT runtime·gosave(SB), NOSPLIT, $0-8
	MOVQ	buf+0(FP), AX             // gobuf
	LEAQ	buf+0(FP), BX             // caller's SP
	MOVQ	BX, gobuf_sp(AX)
	MOVQ	0(SP), BX                 // caller's PC
	MOVQ	BX, gobuf_pc(AX)
	MOVQ	$0, gobuf_ret(AX)
	MOVQ	BP, gobuf_bp(AX)
	MOVQ	$0, gobuf_ctxt(AX)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	BX, gobuf_g(AX)
	RET

// setg(gg *g): makes gg the current g (FS:-8). Clobbers BX CX.
TEXT runtime·setg(SB), NOSPLIT, $0-8
	MOVQ	gg+0(FP), BX
	get_tls(CX)
	MOVQ	BX, g(CX)
	RET

// getg() *g: the current g. Clobbers AX CX.
TEXT runtime·getg(SB), NOSPLIT, $0-8
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	AX, ret+0(FP)
	RET

// goexit is the return address at the top of every goroutine's stack: when the goroutine's
// function returns, it lands here and goexit1 finishes the goroutine. The leading NOP makes
// goexit+1 (what newproc1 stores) a PC inside goexit.
TEXT runtime·goexit(SB), NOSPLIT|TOPFRAME, $0-0
	BYTE	$0x90                     // NOP
	CALL	runtime·goexit1(SB)       // does not return
	BYTE	$0x90                     // NOP

// morestack: a function's split prologue calls this when SP is below g.stackguard0 (for
// functions that use the context register DX; the others come through morestack_noctxt).
// Growing the scheduler's stack (g0) or the signal stack (gsignal) is impossible: both print
// Go's "fatal: morestack on g0/gsignal" and crash. Otherwise, as Go's morestack: m.morebuf
// gets f's caller (pc, sp, g), g.sched gets f itself (pc: the return address into f's
// morestack stub, sp: f's SP before this call, bp, ctxt = DX, g), and newstack runs on g0's
// stack. newstack never returns: it resumes f through gogo(&g.sched) on the grown stack.
// NOSPLIT: it is what splitting calls. Clobbers everything (f has nothing live but DX and
// its arguments, which are on the stack).
TEXT runtime·morestack(SB), NOSPLIT|NOFRAME, $0-0
	// Cannot grow scheduler stack (m->g0).
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_g0(BX), SI
	CMPQ	g(CX), SI
	JNE	3(PC)
	CALL	runtime·badmorestackg0(SB)
	CALL	runtime·abort(SB)

	// Cannot grow signal stack (m->gsignal).
	MOVQ	m_gsignal(BX), SI
	CMPQ	g(CX), SI
	JNE	3(PC)
	CALL	runtime·badmorestackgsignal(SB)
	CALL	runtime·abort(SB)

	// Called from f. Set m->morebuf to f's caller.
	MOVQ	8(SP), AX                 // f's caller's PC
	MOVQ	AX, (m_morebuf+gobuf_pc)(BX)
	LEAQ	16(SP), AX                // f's caller's SP
	MOVQ	AX, (m_morebuf+gobuf_sp)(BX)
	get_tls(CX)
	MOVQ	g(CX), SI
	MOVQ	SI, (m_morebuf+gobuf_g)(BX)

	// Set g->sched to context in f.
	MOVQ	0(SP), AX                 // f's PC
	MOVQ	AX, (g_sched+gobuf_pc)(SI)
	LEAQ	8(SP), AX                 // f's SP
	MOVQ	AX, (g_sched+gobuf_sp)(SI)
	MOVQ	BP, (g_sched+gobuf_bp)(SI)
	MOVQ	DX, (g_sched+gobuf_ctxt)(SI)
	MOVQ	SI, (g_sched+gobuf_g)(SI)

	// Call newstack on m->g0's stack.
	MOVQ	m_g0(BX), BX
	MOVQ	BX, g(CX)
	MOVQ	(g_sched+gobuf_sp)(BX), SP
	CALL	runtime·newstack(SB)
	CALL	runtime·abort(SB)         // crash if newstack returns
	RET

// morestack_noctxt: morestack for functions that take no context register: clears DX first.
TEXT runtime·morestack_noctxt(SB), NOSPLIT|NOFRAME, $0
	MOVL	$0, DX
	JMP	runtime·morestack(SB)

// badmorestackg0(): writes Go's "fatal: morestack on g0" to fd 2 (morestack then aborts).
// NOSPLIT: it runs on the g0 stack that has just run out. Clobbers AX CX DX SI DI R11.
TEXT runtime·badmorestackg0(SB), NOSPLIT, $16-0
	LEAQ	msgmsg0<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$23, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

// badmorestackgsignal(): writes Go's "fatal: morestack on gsignal" to fd 2 (morestack then
// aborts). NOSPLIT: it runs on the gsignal stack that has just run out.
// Clobbers AX CX DX SI DI R11.
TEXT runtime·badmorestackgsignal(SB), NOSPLIT, $16-0
	LEAQ	msgmssig<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$28, 8(SP)
	CALL	runtime·gwrite(SB)
	RET

DATA	msgmsg0<>+0(SB)/23, $"fatal: morestack on g0\n"
GLOBL	msgmsg0<>(SB), RODATA, $23
DATA	msgmssig<>+0(SB)/28, $"fatal: morestack on gsignal\n"
GLOBL	msgmssig<>(SB), RODATA, $28

// jmpdefer(fv *funcval, argp uintptr): the end of deferreturn: pops deferreturn's frame
// (SP back to the deferring function's, BP to its frame pointer saved by deferreturn's
// prologue), backs the return address up by the 5 bytes of CALL deferreturn and jumps to
// fv's code, so that the deferred function "returns" to that CALL and deferreturn runs again.
// Never returns to its caller.
TEXT runtime·jmpdefer(SB), NOSPLIT, $0-16
	MOVQ	fv+0(FP), DX              // fn
	MOVQ	argp+8(FP), BX            // caller sp
	LEAQ	-8(BX), SP                // caller sp after CALL
	MOVQ	-8(SP), BP                // restore BP as if deferreturn returned
	SUBQ	$5, (SP)                  // return to CALL again
	MOVQ	0(DX), BX
	JMP	BX                        // but first run the deferred function

// procyield(cycles uint32): spins with PAUSE. Clobbers AX.
TEXT runtime·procyield(SB), NOSPLIT, $0-4
	MOVL	cycles+0(FP), AX
again:
	PAUSE
	SUBL	$1, AX
	JNZ	again
	RET
