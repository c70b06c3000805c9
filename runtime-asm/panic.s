// panic.s: fatal errors, defer, panic and recover, as in Go's src/runtime/panic.go (in the
// deferproc/deferreturn/jmpdefer form Go used from 1.4 to 1.12): "fatal error: MSG" or
// "panic: VALUE", then the goroutines with their frames (traceback.s), and exit status 2.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// throw, fatal and fatalthrow are NOSPLIT, as Go's: a fatal error must not need to grow the
// stack it happened on; the printing runs on the system stack (fatalthrow_func1, which may
// split there).
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define THROWMSG(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·throw(SB)

// In printpanicval: print its type's name, the string at data, the int64 at data.
#define PRINTTYPENAME \
	MOVQ	typ+0(FP), AX; \
	MOVQ	_type_str(AX), BX; \
	MOVQ	BX, 0(SP); \
	MOVQ	_type_strlen(AX), BX; \
	MOVQ	BX, 8(SP); \
	CALL	runtime·printstring(SB)
#define PRINTDATASTR \
	MOVQ	data+8(FP), AX; \
	MOVQ	0(AX), BX; \
	MOVQ	BX, 0(SP); \
	MOVQ	8(AX), BX; \
	MOVQ	BX, 8(SP); \
	CALL	runtime·printstring(SB)
#define PRINTDATAINT \
	MOVQ	data+8(FP), AX; \
	MOVQ	0(AX), BX; \
	MOVQ	BX, 0(SP); \
	CALL	runtime·printint(SB)

#define PRINTS(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

// throw(s string): a fatal error inside the runtime: prints "fatal error: s" and the
// goroutines (runtime frames included, as Go does for a runtime throw), then exits with
// status 2. Never returns.
TEXT runtime·throw(SB), NOSPLIT, $16-16
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	CMPL	m_throwing(AX), $throwTypeNone
	JNE	2(PC)
	MOVL	$throwTypeRuntime, m_throwing(AX)
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·fatalthrow(SB)
	RET

// fatal(s string): a fatal error the user's program caused (a deadlock, say); printed and
// ended as throw, but runtime frames stay hidden unless GOTRACEBACK=system. Never returns.
TEXT runtime·fatal(SB), NOSPLIT, $16-16
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	CMPL	m_throwing(AX), $throwTypeNone
	JNE	2(PC)
	MOVL	$throwTypeUser, m_throwing(AX)
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·fatalthrow(SB)
	RET

// fatalthrow(s string): does the work of throw and fatal on the system stack (Go's
// fatalthrow: systemstack(func() { ... })): the closure it passes holds s and where the
// thrower stood (its caller's pc, sp and bp, and g), so the traceback starts there.
// Never returns.
TEXT runtime·fatalthrow(SB), NOSPLIT, $72-16
	LEAQ	runtime·fatalthrow_func1(SB), AX
	MOVQ	AX, c-56(SP)              // funcval.fn
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, c-48(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, c-40(SP)
	MOVQ	8(BP), AX                 // getcallerpc(): in throw or fatal
	MOVQ	AX, c-32(SP)
	LEAQ	16(BP), AX                // getcallersp()
	MOVQ	AX, c-24(SP)
	MOVQ	0(BP), AX                 // the caller's BP
	MOVQ	AX, c-16(SP)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	AX, c-8(SP)               // the throwing g
	LEAQ	c-56(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	RET

// fatalthrow_func1(): fatalthrow's closure (DX: fn, s, pc, sp, bp, gp), on g0: prints
// "fatal error: s", the "[signal ...]" line when gp was handling a fault, and the tracebacks;
// exits 2. A second fatal error on the same M while printing exits at once. Never returns.
TEXT runtime·fatalthrow_func1(SB), $48-0
	MOVQ	DX, c-8(SP)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	INCL	m_dying(AX)
	CMPL	m_dying(AX), $1
	JEQ	first
	MOVL	$2, 0(SP)                 // recursive failure: just exit
	CALL	runtime·exit(SB)
first:
	INCL	m_locks(AX)
	MOVQ	DX, 16(SP)                // printlock clobbers DX
	CALL	runtime·printlock(SB)
	PRINTS(fatalerror<>, 13)
	MOVQ	c-8(SP), DX
	MOVQ	8(DX), AX
	MOVQ	AX, 0(SP)
	MOVQ	16(DX), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	MOVQ	c-8(SP), DX
	MOVQ	48(DX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printsignal(SB)
	MOVQ	c-8(SP), DX
	MOVQ	24(DX), AX
	MOVQ	AX, 0(SP)                 // pc
	MOVQ	32(DX), AX
	MOVQ	AX, 8(SP)                 // sp
	MOVQ	40(DX), AX
	MOVQ	AX, 16(SP)                // bp
	MOVQ	48(DX), AX
	MOVQ	AX, 24(SP)                // gp
	MOVB	$0, 32(SP)
	CALL	runtime·tracebackall(SB)
	CALL	runtime·printunlock(SB)
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
	RET

// printsignal(gp *g): when gp took a synchronous signal (gp.sig != 0), prints Go's line
// "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x…]". Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·printsignal(SB), $24-8
	MOVQ	gp+0(FP), AX
	CMPQ	AX, $0
	JEQ	done
	CMPL	g_sig(AX), $0
	JEQ	done
	PRINTS(sigopen<>, 8)
	MOVQ	gp+0(FP), AX
	MOVL	g_sig(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·signame(SB)
	MOVQ	8(SP), AX
	MOVQ	16(SP), BX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	CALL	runtime·printstring(SB)
	PRINTS(sigcode<>, 6)
	MOVQ	gp+0(FP), AX
	MOVQ	g_sigcode0(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(sigaddr<>, 6)
	MOVQ	gp+0(FP), AX
	MOVQ	g_sigcode1(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(sigpc<>, 4)
	MOVQ	gp+0(FP), AX
	MOVQ	g_sigpc(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(rbracknl<>, 2)
done:
	RET

DATA	sigopen<>+0(SB)/8, $"[signal "
GLOBL	sigopen<>(SB), RODATA, $8
DATA	sigcode<>+0(SB)/6, $" code="
GLOBL	sigcode<>(SB), RODATA, $6
DATA	sigaddr<>+0(SB)/6, $" addr="
GLOBL	sigaddr<>(SB), RODATA, $6
DATA	sigpc<>+0(SB)/4, $" pc="
GLOBL	sigpc<>(SB), RODATA, $4
DATA	rbracknl<>+0(SB)/2, $"]\n"
GLOBL	rbracknl<>(SB), RODATA, $2

// goroutineheader(gp *g): prints "\ngoroutine N [status]:\n"; a waiting goroutine shows its
// wait reason, as Go does. Clobbers AX BX CX DX SI DI R11.
TEXT runtime·goroutineheader(SB), $16-8
	CALL	runtime·printnl(SB)
	PRINTS(goroutine<>, 10)
	MOVQ	gp+0(FP), AX
	MOVQ	g_goid(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	PRINTS(lbrack<>, 2)
	MOVQ	gp+0(FP), AX
	MOVL	g_atomicstatus(AX), BX
	CMPL	BX, $_Gwaiting
	JNE	plain
	MOVBQZX	g_waitreason(AX), CX
	TESTQ	CX, CX
	JEQ	plain
	SHLQ	$4, CX
	LEAQ	runtime·waitReasonStrings(SB), DX
	JMP	show
plain:
	MOVQ	BX, CX
	SHLQ	$4, CX
	LEAQ	gStatusStrings<>(SB), DX
show:
	MOVQ	(DX)(CX*1), AX
	MOVQ	AX, 0(SP)
	MOVQ	8(DX)(CX*1), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	PRINTS(rbrack<>, 3)
	RET

// panicPlain(s string): a run-time panic with a plain message (Go's plainError: printed
// without the "runtime error: " prefix), e.g. "send on closed channel". The string header
// is copied to fresh memory so that the panic value outlives this frame. Recoverable.
// Never returns.
TEXT runtime·panicPlain(SB), $16-16
	MOVQ	$16, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	s_base+0(FP), BX
	MOVQ	BX, 0(AX)
	MOVQ	s_len+8(FP), BX
	MOVQ	BX, 8(AX)
	LEAQ	runtime·plainErrorType(SB), BX
	MOVQ	BX, 0(SP)
	MOVQ	AX, 8(SP)
	CALL	runtime·gopanic(SB)
	RET

DATA	panicprefix<>+0(SB)/7, $"panic: "
GLOBL	panicprefix<>(SB), RODATA, $7

// badmcall(fn): mcall was called on g0. Never returns.
TEXT runtime·badmcall(SB), NOSPLIT, $16
	LEAQ	msgbadmcall<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$36, 8(SP)
	CALL	runtime·throw(SB)
	RET

// badmcall2(fn): the function given to mcall returned. Never returns.
TEXT runtime·badmcall2(SB), NOSPLIT, $16
	LEAQ	msgbadmcall2<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$32, 8(SP)
	CALL	runtime·throw(SB)
	RET

// badsystemstack(): systemstack was called from a goroutine this M is not running.
TEXT runtime·badsystemstack(SB), NOSPLIT, $16
	LEAQ	msgbadsys<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$44, 8(SP)
	CALL	runtime·throw(SB)
	RET

DATA	fatalerror<>+0(SB)/13, $"fatal error: "
GLOBL	fatalerror<>(SB), RODATA, $13
DATA	goroutine<>+0(SB)/10, $"goroutine "
GLOBL	goroutine<>(SB), RODATA, $10
DATA	lbrack<>+0(SB)/2, $" ["
GLOBL	lbrack<>(SB), RODATA, $2
DATA	rbrack<>+0(SB)/3, $"]:\n"
GLOBL	rbrack<>(SB), RODATA, $3
DATA	msgbadmcall<>+0(SB)/36, $"runtime: mcall called on m->g0 stack"
GLOBL	msgbadmcall<>(SB), RODATA, $36
DATA	msgbadmcall2<>+0(SB)/32, $"runtime: mcall function returned"
GLOBL	msgbadmcall2<>(SB), RODATA, $32
DATA	msgbadsys<>+0(SB)/44, $"systemstack called from unexpected goroutine"
GLOBL	msgbadsys<>(SB), RODATA, $44

// gStatusStrings: (pointer, length) per _G status.
DATA	gStatusStringsbytes<>+0(SB)/70, $"idlerunnablerunningsyscallwaitingmoribunddeadenqueuecopystackpreempted"
GLOBL	gStatusStringsbytes<>(SB), RODATA, $70
DATA	gStatusStrings<>+0(SB)/8, $gStatusStringsbytes<>+0(SB)
DATA	gStatusStrings<>+8(SB)/8, $4
DATA	gStatusStrings<>+16(SB)/8, $gStatusStringsbytes<>+4(SB)
DATA	gStatusStrings<>+24(SB)/8, $8
DATA	gStatusStrings<>+32(SB)/8, $gStatusStringsbytes<>+12(SB)
DATA	gStatusStrings<>+40(SB)/8, $7
DATA	gStatusStrings<>+48(SB)/8, $gStatusStringsbytes<>+19(SB)
DATA	gStatusStrings<>+56(SB)/8, $7
DATA	gStatusStrings<>+64(SB)/8, $gStatusStringsbytes<>+26(SB)
DATA	gStatusStrings<>+72(SB)/8, $7
DATA	gStatusStrings<>+80(SB)/8, $gStatusStringsbytes<>+33(SB)
DATA	gStatusStrings<>+88(SB)/8, $8
DATA	gStatusStrings<>+96(SB)/8, $gStatusStringsbytes<>+41(SB)
DATA	gStatusStrings<>+104(SB)/8, $4
DATA	gStatusStrings<>+112(SB)/8, $gStatusStringsbytes<>+45(SB)
DATA	gStatusStrings<>+120(SB)/8, $7
DATA	gStatusStrings<>+128(SB)/8, $gStatusStringsbytes<>+52(SB)
DATA	gStatusStrings<>+136(SB)/8, $9
DATA	gStatusStrings<>+144(SB)/8, $gStatusStringsbytes<>+61(SB)
DATA	gStatusStrings<>+152(SB)/8, $9
GLOBL	gStatusStrings<>(SB), RODATA, $160

// waitReasonStrings: (pointer, length) per wait reason, in Go's order.
DATA	waitReasonStringsbytes<>+0(SB)/370, $"GC assist markingIO waitchan receive (nil chan)chan send (nil chan)dumping heapgarbage collectiongarbage collection scanpanicwaitselectselect (no cases)GC assist waitGC sweep waitGC scavenge waitchan receivechan sendfinalizer waitforce gc (idle)semacquiresleepsync.Cond.Waittimer goroutine (idle)trace reader (blocked)wait for GC cycleGC worker (idle)preempteddebug call"
GLOBL	waitReasonStringsbytes<>(SB), RODATA, $370
DATA	runtime·waitReasonStrings+0(SB)/8, $waitReasonStringsbytes<>+0(SB)
DATA	runtime·waitReasonStrings+8(SB)/8, $0
DATA	runtime·waitReasonStrings+16(SB)/8, $waitReasonStringsbytes<>+0(SB)
DATA	runtime·waitReasonStrings+24(SB)/8, $17
DATA	runtime·waitReasonStrings+32(SB)/8, $waitReasonStringsbytes<>+17(SB)
DATA	runtime·waitReasonStrings+40(SB)/8, $7
DATA	runtime·waitReasonStrings+48(SB)/8, $waitReasonStringsbytes<>+24(SB)
DATA	runtime·waitReasonStrings+56(SB)/8, $23
DATA	runtime·waitReasonStrings+64(SB)/8, $waitReasonStringsbytes<>+47(SB)
DATA	runtime·waitReasonStrings+72(SB)/8, $20
DATA	runtime·waitReasonStrings+80(SB)/8, $waitReasonStringsbytes<>+67(SB)
DATA	runtime·waitReasonStrings+88(SB)/8, $12
DATA	runtime·waitReasonStrings+96(SB)/8, $waitReasonStringsbytes<>+79(SB)
DATA	runtime·waitReasonStrings+104(SB)/8, $18
DATA	runtime·waitReasonStrings+112(SB)/8, $waitReasonStringsbytes<>+97(SB)
DATA	runtime·waitReasonStrings+120(SB)/8, $23
DATA	runtime·waitReasonStrings+128(SB)/8, $waitReasonStringsbytes<>+120(SB)
DATA	runtime·waitReasonStrings+136(SB)/8, $9
DATA	runtime·waitReasonStrings+144(SB)/8, $waitReasonStringsbytes<>+129(SB)
DATA	runtime·waitReasonStrings+152(SB)/8, $6
DATA	runtime·waitReasonStrings+160(SB)/8, $waitReasonStringsbytes<>+135(SB)
DATA	runtime·waitReasonStrings+168(SB)/8, $17
DATA	runtime·waitReasonStrings+176(SB)/8, $waitReasonStringsbytes<>+152(SB)
DATA	runtime·waitReasonStrings+184(SB)/8, $14
DATA	runtime·waitReasonStrings+192(SB)/8, $waitReasonStringsbytes<>+166(SB)
DATA	runtime·waitReasonStrings+200(SB)/8, $13
DATA	runtime·waitReasonStrings+208(SB)/8, $waitReasonStringsbytes<>+179(SB)
DATA	runtime·waitReasonStrings+216(SB)/8, $16
DATA	runtime·waitReasonStrings+224(SB)/8, $waitReasonStringsbytes<>+195(SB)
DATA	runtime·waitReasonStrings+232(SB)/8, $12
DATA	runtime·waitReasonStrings+240(SB)/8, $waitReasonStringsbytes<>+207(SB)
DATA	runtime·waitReasonStrings+248(SB)/8, $9
DATA	runtime·waitReasonStrings+256(SB)/8, $waitReasonStringsbytes<>+216(SB)
DATA	runtime·waitReasonStrings+264(SB)/8, $14
DATA	runtime·waitReasonStrings+272(SB)/8, $waitReasonStringsbytes<>+230(SB)
DATA	runtime·waitReasonStrings+280(SB)/8, $15
DATA	runtime·waitReasonStrings+288(SB)/8, $waitReasonStringsbytes<>+245(SB)
DATA	runtime·waitReasonStrings+296(SB)/8, $10
DATA	runtime·waitReasonStrings+304(SB)/8, $waitReasonStringsbytes<>+255(SB)
DATA	runtime·waitReasonStrings+312(SB)/8, $5
DATA	runtime·waitReasonStrings+320(SB)/8, $waitReasonStringsbytes<>+260(SB)
DATA	runtime·waitReasonStrings+328(SB)/8, $14
DATA	runtime·waitReasonStrings+336(SB)/8, $waitReasonStringsbytes<>+274(SB)
DATA	runtime·waitReasonStrings+344(SB)/8, $22
DATA	runtime·waitReasonStrings+352(SB)/8, $waitReasonStringsbytes<>+296(SB)
DATA	runtime·waitReasonStrings+360(SB)/8, $22
DATA	runtime·waitReasonStrings+368(SB)/8, $waitReasonStringsbytes<>+318(SB)
DATA	runtime·waitReasonStrings+376(SB)/8, $17
DATA	runtime·waitReasonStrings+384(SB)/8, $waitReasonStringsbytes<>+335(SB)
DATA	runtime·waitReasonStrings+392(SB)/8, $16
DATA	runtime·waitReasonStrings+400(SB)/8, $waitReasonStringsbytes<>+351(SB)
DATA	runtime·waitReasonStrings+408(SB)/8, $9
DATA	runtime·waitReasonStrings+416(SB)/8, $waitReasonStringsbytes<>+360(SB)
DATA	runtime·waitReasonStrings+424(SB)/8, $10
GLOBL	runtime·waitReasonStrings(SB), RODATA, $432

// ---------------------------------------------------------------------------------------
// defer, panic, recover (Go 1.12's panic.go). A deferred call is a _defer record on
// g._defer (newest first) holding fn, a copy of the call's argument bytes, and where the
// deferring frame stands (sp: its SP at the deferproc call; pc: where deferproc returns;
// bp: its frame pointer). docs/runtime.md shows the lowering a program writes.

// deferproc(siz int32, fn *funcval): defers the call fn(args), whose siz bytes of arguments
// follow fn in the caller's outgoing area (from 16(SP) at the call). Records it on g._defer
// and returns 0 in AX; a recovered panic later returns here a second time with AX = 1, and
// the caller then jumps to its epilogue (deferreturn, RET). The record comes from the P's
// pool inline (newdefer's fast path); newdefer does the rest.
TEXT runtime·deferproc(SB), $16-16
	MOVL	siz+0(FP), CX
	CMPL	CX, $deferArgsCap
	JGT	slow
	get_tls(BX)
	MOVQ	g(BX), BX
	MOVQ	g_m(BX), DX
	MOVQ	m_p(DX), DX
	MOVQ	p_deferpool(DX), DI
	TESTQ	DI, DI
	JEQ	slow
	MOVQ	_defer_link(DI), AX       // pop: the pool's records are clear
	MOVQ	AX, p_deferpool(DX)
	DECQ	p_deferpoolLen(DX)
	MOVL	CX, _defer_siz(DI)
	JMP	fill
slow:
	MOVL	CX, 0(SP)
	CALL	runtime·newdefer(SB)
	MOVQ	8(SP), DI                 // d: siz set, started and _panic clear
	get_tls(BX)
	MOVQ	g(BX), BX
fill:
	MOVQ	fn+8(FP), AX
	MOVQ	AX, _defer_fn(DI)
	LEAQ	siz+0(FP), AX             // getcallersp()
	MOVQ	AX, _defer_sp(DI)
	MOVQ	8(BP), AX                 // getcallerpc()
	MOVQ	AX, _defer_pc(DI)
	MOVQ	0(BP), AX                 // the caller's frame pointer
	MOVQ	AX, _defer_bp(DI)
	MOVQ	g__defer(BX), AX
	MOVQ	AX, _defer_link(DI)
	MOVQ	DI, g__defer(BX)
	MOVLQSX	siz+0(FP), CX
	LEAQ	args+16(FP), SI
	LEAQ	_defer__size(DI), DI
	REP; MOVSB
	XORL	AX, AX                    // return0()
	RET

// newdefer(siz int32) *_defer: a record with room for siz argument bytes, siz set, the rest
// clear: from the P's pool, which is refilled from the global pool (sched.deferpool, under
// sched.deferlock) up to half its capacity when empty, or fresh memory. Records for more
// than deferArgsCap argument bytes are allocated for the call alone.
TEXT runtime·newdefer(SB), $16-16
	MOVL	siz+0(FP), AX
	CMPL	AX, $deferArgsCap
	JGT	big
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), DX
	MOVQ	p_deferpool(DX), AX
	TESTQ	AX, AX
	JEQ	refill
pop:
	MOVQ	_defer_link(AX), CX
	MOVQ	CX, p_deferpool(DX)
	DECQ	p_deferpoolLen(DX)
	MOVQ	$0, _defer_link(AX)
	MOVL	siz+0(FP), CX
	MOVL	CX, _defer_siz(AX)
	MOVQ	AX, ret+8(FP)
	RET
refill:
	LEAQ	runtime·sched+schedt_deferlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), DX
more:
	CMPQ	p_deferpoolLen(DX), $(deferPoolCap/2)
	JGE	refilled
	MOVQ	runtime·sched+schedt_deferpool(SB), AX
	TESTQ	AX, AX
	JEQ	refilled
	MOVQ	_defer_link(AX), CX
	MOVQ	CX, runtime·sched+schedt_deferpool(SB)
	MOVQ	p_deferpool(DX), CX
	MOVQ	CX, _defer_link(AX)
	MOVQ	AX, p_deferpool(DX)
	INCQ	p_deferpoolLen(DX)
	JMP	more
refilled:
	LEAQ	runtime·sched+schedt_deferlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), DX
	MOVQ	p_deferpool(DX), AX
	TESTQ	AX, AX
	JNE	pop
	MOVQ	$(_defer__size+deferArgsCap), 0(SP)
	JMP	alloc
big:
	MOVLQSX	AX, AX
	ADDQ	$(_defer__size+7), AX
	ANDQ	$~7, AX
	MOVQ	AX, 0(SP)
alloc:
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVL	siz+0(FP), CX
	MOVL	CX, _defer_siz(AX)
	MOVQ	AX, ret+8(FP)
	RET

// freedefer(d *_defer): clears d and puts it on the P's pool; a full pool first moves half
// of itself to the global pool. Records too big for the pools are dropped (gmpvm has no
// garbage collector: their memory is not reused).
TEXT runtime·freedefer(SB), $16-8
	MOVQ	d+0(FP), AX
	CMPL	_defer_siz(AX), $deferArgsCap
	JGT	drop
	MOVQ	$0, _defer_siz(AX)        // siz and started
	MOVQ	$0, _defer_fn(AX)
	MOVQ	$0, _defer__panic(AX)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), DX
	CMPQ	p_deferpoolLen(DX), $deferPoolCap
	JLT	push
	LEAQ	runtime·sched+schedt_deferlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), DX
spill:
	CMPQ	p_deferpoolLen(DX), $(deferPoolCap/2)
	JLE	spilled
	MOVQ	p_deferpool(DX), AX
	MOVQ	_defer_link(AX), CX
	MOVQ	CX, p_deferpool(DX)
	DECQ	p_deferpoolLen(DX)
	MOVQ	runtime·sched+schedt_deferpool(SB), CX
	MOVQ	CX, _defer_link(AX)
	MOVQ	AX, runtime·sched+schedt_deferpool(SB)
	JMP	spill
spilled:
	LEAQ	runtime·sched+schedt_deferlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), DX
	MOVQ	d+0(FP), AX
push:
	MOVQ	p_deferpool(DX), CX
	MOVQ	CX, _defer_link(AX)
	MOVQ	AX, p_deferpool(DX)
	INCQ	p_deferpoolLen(DX)
drop:
	RET

// deferreturn(arg0 uintptr): called by a function that deferred calls just before its RET
// (arg0 is a placeholder: the caller's outgoing area, as big as its largest deferred call's
// arguments). If the newest _defer belongs to the caller's frame (d.sp == &arg0), copies its
// arguments to &arg0, unlinks and frees it (freedefer's fast path inline: onto the P's pool
// while it has room; fn is left in place, there being no garbage collector to hide it from) and jmpdefers to its function, which "returns" to the caller's CALL
// deferreturn, so this runs again until the frame has no deferred call left.
TEXT runtime·deferreturn(SB), NOSPLIT, $24-8
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g__defer(BX), DX
	TESTQ	DX, DX
	JEQ	done
	LEAQ	arg0+0(FP), DI            // getcallersp()
	CMPQ	_defer_sp(DX), DI
	JNE	done
	MOVLQSX	_defer_siz(DX), CX
	LEAQ	_defer__size(DX), SI
	REP; MOVSB
	MOVQ	_defer_fn(DX), AX
	MOVQ	AX, fn-8(SP)
	MOVQ	_defer_link(DX), AX
	MOVQ	AX, g__defer(BX)
	CMPL	_defer_siz(DX), $deferArgsCap
	JGT	slow
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
	CMPQ	p_deferpoolLen(BX), $deferPoolCap
	JGE	slow
	MOVL	$0, _defer_siz(DX)        // started and _panic are clear: no panic ran d
	MOVQ	p_deferpool(BX), AX
	MOVQ	AX, _defer_link(DX)
	MOVQ	DX, p_deferpool(BX)
	INCQ	p_deferpoolLen(BX)
	JMP	jump
slow:
	MOVQ	DX, 0(SP)
	CALL	runtime·freedefer(SB)
jump:
	MOVQ	fn-8(SP), AX
	MOVQ	AX, 0(SP)
	LEAQ	arg0+0(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·jmpdefer(SB)
done:
	RET

// reflectcall(fn *funcval, arg unsafe.Pointer, argsize uint32, argpp *uintptr): calls fn
// with a copy of the argsize bytes at arg as its arguments, in a frame made below this one;
// when argpp is not nil, stores the arguments' address there first (gopanic's p.argp, which
// gorecover compares with its caller's argument pointer). Clobbers everything fn clobbers.
TEXT runtime·reflectcall(SB), $8-32
	MOVQ	fn+0(FP), DX
	MOVQ	arg+8(FP), SI
	MOVLQZX	argsize+16(FP), CX
	MOVQ	argpp+24(FP), R8
	LEAQ	15(CX), AX
	ANDQ	$~15, AX
	SUBQ	AX, SP
	MOVQ	SP, DI
	TESTQ	R8, R8
	JEQ	2(PC)
	MOVQ	SP, (R8)
	REP; MOVSB
	MOVQ	0(DX), AX
	CALL	AX
	LEAQ	-8(BP), SP                // back to this frame's SP (BP = SP+8 after the prologue)
	RET

// gopanic(e eface): panic(e). e is (type, data). Links a _panic for e on g._panic and runs
// the deferred calls newest first, each through reflectcall with p.argp set to its argument
// area, so that a recover called directly by it finds the panic. A call that recovered ends
// the panic: the deferring frame resumes at its deferproc return with AX = 1 (Go 1.12's
// recovery, done with gogo from this stack). With no deferred call left, fatalpanic prints
// the panics and the goroutines and exits 2. Never returns.
TEXT runtime·gopanic(SB), $80-16
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), AX
	CMPQ	m_curg(AX), BX
	JEQ	ongo
	THROWMSG(msgpanicsys<>, 21)
ongo:
	LEAQ	p-40(SP), DI
	MOVQ	$0, _panic_argp(DI)
	MOVQ	e_type+0(FP), AX
	MOVQ	AX, _panic_arg_type(DI)
	MOVQ	e_data+8(FP), AX
	MOVQ	AX, _panic_arg_data(DI)
	MOVQ	g__panic(BX), AX
	MOVQ	AX, _panic_link(DI)
	MOVQ	$0, _panic_recovered(DI)  // recovered, aborted
	MOVQ	DI, g__panic(BX)
loop:
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g__defer(BX), DX
	TESTQ	DX, DX
	JEQ	nodefer
	CMPB	_defer_started(DX), $0
	JEQ	run
	// Started by an earlier panic or Goexit that has now been overtaken: that one is aborted.
	MOVQ	_defer__panic(DX), AX
	TESTQ	AX, AX
	JEQ	2(PC)
	MOVB	$1, _panic_aborted(AX)
	MOVQ	$0, _defer__panic(DX)
	MOVQ	$0, _defer_fn(DX)
	MOVQ	_defer_link(DX), AX
	MOVQ	AX, g__defer(BX)
	MOVQ	DX, 0(SP)
	CALL	runtime·freedefer(SB)
	JMP	loop
run:
	MOVB	$1, _defer_started(DX)
	LEAQ	p-40(SP), AX
	MOVQ	AX, _defer__panic(DX)
	MOVQ	DX, d-48(SP)
	MOVQ	_defer_fn(DX), AX
	MOVQ	AX, 0(SP)
	LEAQ	_defer__size(DX), AX
	MOVQ	AX, 8(SP)
	MOVL	_defer_siz(DX), AX
	MOVL	AX, 16(SP)
	LEAQ	p-40(SP), AX              // &p.argp
	MOVQ	AX, 24(SP)
	CALL	runtime·reflectcall(SB)
	LEAQ	p-40(SP), DI
	MOVQ	$0, _panic_argp(DI)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	d-48(SP), DX
	CMPQ	g__defer(BX), DX
	JEQ	defok
	THROWMSG(msgbaddefer<>, 24)
defok:
	MOVQ	$0, _defer__panic(DX)
	MOVQ	$0, _defer_fn(DX)
	MOVQ	_defer_link(DX), AX
	MOVQ	AX, g__defer(BX)
	CMPB	_panic_recovered(DI), $0
	JNE	recovered
	MOVQ	DX, 0(SP)
	CALL	runtime·freedefer(SB)
	JMP	loop
recovered:
	// The deferring frame resumes where deferproc returned, with AX = 1.
	MOVQ	_defer_sp(DX), AX
	MOVQ	AX, (g_sched+gobuf_sp)(BX)
	MOVQ	_defer_pc(DX), AX
	MOVQ	AX, (g_sched+gobuf_pc)(BX)
	MOVQ	_defer_bp(DX), AX
	MOVQ	AX, (g_sched+gobuf_bp)(BX)
	MOVQ	$1, (g_sched+gobuf_ret)(BX)
	MOVQ	$0, (g_sched+gobuf_ctxt)(BX)
	MOVQ	BX, (g_sched+gobuf_g)(BX)
	MOVQ	DX, 0(SP)
	CALL	runtime·freedefer(SB)
	// gp._panic = p.link, dropping the aborted panics; no panic left: the signal is done with
	get_tls(CX)
	MOVQ	g(CX), BX
	LEAQ	p-40(SP), DI
	MOVQ	_panic_link(DI), AX
skip:
	TESTQ	AX, AX
	JEQ	nopanics
	CMPB	_panic_aborted(AX), $0
	JEQ	setp
	MOVQ	_panic_link(AX), AX
	JMP	skip
nopanics:
	MOVL	$0, g_sig(BX)
setp:
	MOVQ	AX, g__panic(BX)
	MOVQ	(g_sched+gobuf_sp)(BX), AX
	CMPQ	AX, g_stack_lo(BX)
	JCS	badrecovery
	CMPQ	AX, g_stack_hi(BX)
	JHI	badrecovery
	LEAQ	g_sched(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·gogo(SB)
badrecovery:
	THROWMSG(msgbadrecovery<>, 12)
nodefer:
	CALL	runtime·fatalpanic(SB)
	RET

// gorecover(argp uintptr) eface: recover(). argp is the caller's argument pointer (LEAQ
// arg+0(FP), AX): only a function called directly by a deferred call of a panicking
// goroutine matches the running panic's argp; then the panic is marked recovered and its
// value returned. Otherwise nil (type and data 0). Clobbers AX BX CX DX.
TEXT runtime·gorecover(SB), NOSPLIT, $0-24
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g__panic(BX), DX
	TESTQ	DX, DX
	JEQ	none
	CMPB	_panic_recovered(DX), $0
	JNE	none
	MOVQ	argp+0(FP), AX
	CMPQ	AX, _panic_argp(DX)
	JNE	none
	MOVB	$1, _panic_recovered(DX)
	MOVQ	_panic_arg_type(DX), AX
	MOVQ	AX, ret_type+8(FP)
	MOVQ	_panic_arg_data(DX), AX
	MOVQ	AX, ret_data+16(FP)
	RET
none:
	MOVQ	$0, ret_type+8(FP)
	MOVQ	$0, ret_data+16(FP)
	RET

// Goexit(): ends the calling goroutine after running all its pending deferred calls (Go
// 1.12's Goexit: a deferred call started by a panic is dropped and that panic aborted),
// then goexit1. Never returns.
TEXT runtime·Goexit(SB), $40-0
loop:
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g__defer(BX), DX
	TESTQ	DX, DX
	JEQ	done
	CMPB	_defer_started(DX), $0
	JEQ	run
	MOVQ	_defer__panic(DX), AX
	TESTQ	AX, AX
	JEQ	remove
	MOVB	$1, _panic_aborted(AX)
	MOVQ	$0, _defer__panic(DX)
	JMP	remove
run:
	MOVB	$1, _defer_started(DX)
	MOVQ	DX, d-8(SP)
	MOVQ	_defer_fn(DX), AX
	MOVQ	AX, 0(SP)
	LEAQ	_defer__size(DX), AX
	MOVQ	AX, 8(SP)
	MOVL	_defer_siz(DX), AX
	MOVL	AX, 16(SP)
	MOVQ	$0, 24(SP)
	CALL	runtime·reflectcall(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	d-8(SP), DX
	CMPQ	g__defer(BX), DX
	JEQ	remove
	THROWMSG(msgbadgoexit<>, 25)
remove:
	MOVQ	$0, _defer_fn(DX)
	MOVQ	_defer_link(DX), AX
	MOVQ	AX, g__defer(BX)
	MOVQ	DX, 0(SP)
	CALL	runtime·freedefer(SB)
	JMP	loop
done:
	CALL	runtime·goexit1(SB)
	RET

// fatalpanic(): the panic was not recovered: prints it and the goroutines on the system
// stack (fatalpanic_m, through a closure holding where gopanic stands: the traceback starts
// there, as Go's dopanic_m(gp, pc, sp)) and exits 2. Never returns.
TEXT runtime·fatalpanic(SB), $40-0
	LEAQ	runtime·fatalpanic_m(SB), AX
	MOVQ	AX, c-32(SP)              // funcval.fn
	MOVQ	8(BP), AX                 // getcallerpc(): in gopanic
	MOVQ	AX, c-24(SP)
	LEAQ	16(BP), AX                // getcallersp()
	MOVQ	AX, c-16(SP)
	MOVQ	0(BP), AX                 // gopanic's frame pointer
	MOVQ	AX, c-8(SP)
	LEAQ	c-32(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	RET

// fatalpanic_m(): fatalpanic's closure (DX: fn, pc, sp, bp), on g0, for the panicking
// m.curg: Go's printpanics ("panic: first", a tab and "panic: second" for a panic in a
// deferred call, " [recovered]" for a recovered one), the "[signal ...]" line for a fault,
// then the goroutine's traceback from gopanic (and the others with GOTRACEBACK=all), exit 2.
// A panic while printing a panic exits at once. Never returns.
TEXT runtime·fatalpanic_m(SB), $64-0
	MOVQ	DX, c-16(SP)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	INCL	m_dying(AX)
	CMPL	m_dying(AX), $1
	JEQ	first
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
first:
	INCL	m_locks(AX)
	MOVQ	m_curg(AX), AX
	MOVQ	AX, gp-8(SP)
	CALL	runtime·printlock(SB)
	MOVQ	gp-8(SP), AX
	MOVQ	g__panic(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printpanics(SB)
	MOVQ	gp-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printsignal(SB)
	MOVQ	c-16(SP), DX
	MOVQ	8(DX), BX
	MOVQ	BX, 0(SP)
	MOVQ	16(DX), BX
	MOVQ	BX, 8(SP)
	MOVQ	24(DX), BX
	MOVQ	BX, 16(SP)
	MOVQ	gp-8(SP), AX
	MOVQ	AX, 24(SP)
	MOVB	$0, 32(SP)
	CALL	runtime·tracebackall(SB)
	CALL	runtime·printunlock(SB)
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
	RET


// printpanics(p *_panic): prints the chain of panics, oldest first, one per line: "panic: "
// and the value, " [recovered]" when recovered; each later one after a tab.
TEXT runtime·printpanics(SB), $16-8
	MOVQ	p+0(FP), AX
	MOVQ	_panic_link(AX), BX
	TESTQ	BX, BX
	JEQ	self
	MOVQ	BX, 0(SP)
	CALL	runtime·printpanics(SB)
	PRINTS(tab<>, 1)
self:
	PRINTS(panicprefix<>, 7)
	MOVQ	p+0(FP), AX
	MOVQ	_panic_arg_type(AX), BX
	MOVQ	BX, 0(SP)
	MOVQ	_panic_arg_data(AX), BX
	MOVQ	BX, 8(SP)
	CALL	runtime·printpanicval(SB)
	MOVQ	p+0(FP), AX
	CMPB	_panic_recovered(AX), $0
	JEQ	nl
	PRINTS(recoveredmsg<>, 12)
nl:
	CALL	runtime·printnl(SB)
	RET

// printpanicval(typ *_type, data unsafe.Pointer): prints a panic value as Go's printpanicval
// does: nil as "nil"; runtime·stringType and runtime·intType plainly; a runtime error as
// "runtime error: " and its text, a plain error as its text; another string or integer type
// as NAME("…") or NAME(N); anything else as "(NAME) 0xDATA".
TEXT runtime·printpanicval(SB), $16-16
	MOVQ	typ+0(FP), AX
	TESTQ	AX, AX
	JNE	notnil
	PRINTS(nilmsg<>, 3)
	RET
notnil:
	MOVQ	_type_kind(AX), BX
	CMPQ	BX, $kindRuntimeError
	JNE	notrt
	PRINTS(rterror<>, 15)
	JMP	str
notrt:
	CMPQ	BX, $kindPlainError
	JEQ	str
	LEAQ	runtime·stringType(SB), CX
	CMPQ	AX, CX
	JEQ	str
	LEAQ	runtime·intType(SB), CX
	CMPQ	AX, CX
	JEQ	int
	CMPQ	BX, $kindString
	JEQ	namedstr
	CMPQ	BX, $kindInt
	JEQ	namedint
	CMPQ	BX, $kindInt64
	JEQ	namedint
	PRINTS(lparen<>, 1)
	PRINTTYPENAME
	PRINTS(rparensp<>, 2)
	MOVQ	data+8(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	RET
namedstr:
	PRINTTYPENAME
	PRINTS(lparenq<>, 2)
	PRINTDATASTR
	PRINTS(rparenq<>, 2)
	RET
namedint:
	PRINTTYPENAME
	PRINTS(lparen<>, 1)
	PRINTDATAINT
	PRINTS(rparen<>, 1)
	RET
str:
	PRINTDATASTR
	RET
int:
	PRINTDATAINT
	RET

// runtime·stringType, runtime·intType: the type descriptors programs pass to gopanic for a
// string (data points at its header {ptr, len}) and an int (data points at an int64).
// errorStringType (runtime errors: "runtime error: " + the string at data) and
// plainErrorType (the string at data, as is) are the runtime's own panics' types.
DATA	runtime·stringType+0(SB)/8, $16
DATA	runtime·stringType+8(SB)/8, $kindString
DATA	runtime·stringType+16(SB)/8, $typenames<>+0(SB)
DATA	runtime·stringType+24(SB)/8, $6
GLOBL	runtime·stringType(SB), RODATA, $_type__size
DATA	runtime·intType+0(SB)/8, $8
DATA	runtime·intType+8(SB)/8, $kindInt
DATA	runtime·intType+16(SB)/8, $typenames<>+6(SB)
DATA	runtime·intType+24(SB)/8, $3
GLOBL	runtime·intType(SB), RODATA, $_type__size
DATA	runtime·errorStringType+0(SB)/8, $16
DATA	runtime·errorStringType+8(SB)/8, $kindRuntimeError
DATA	runtime·errorStringType+16(SB)/8, $typenames<>+9(SB)
DATA	runtime·errorStringType+24(SB)/8, $19
GLOBL	runtime·errorStringType(SB), RODATA, $_type__size
DATA	runtime·plainErrorType+0(SB)/8, $16
DATA	runtime·plainErrorType+8(SB)/8, $kindPlainError
DATA	runtime·plainErrorType+16(SB)/8, $typenames<>+28(SB)
DATA	runtime·plainErrorType+24(SB)/8, $18
GLOBL	runtime·plainErrorType(SB), RODATA, $_type__size
DATA	typenames<>+0(SB)/46, $"stringintruntime.errorStringruntime.plainError"
GLOBL	typenames<>(SB), RODATA, $46

// panicmem(): panics with the run-time error "invalid memory address or nil pointer
// dereference" (sigpanic, for a nil dereference). Never returns.
TEXT runtime·panicmem(SB), $16-0
	LEAQ	runtime·errorStringType(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	memoryError<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gopanic(SB)
	RET

// panicdivide(): panics with the run-time error "integer divide by zero". Never returns.
TEXT runtime·panicdivide(SB), $16-0
	LEAQ	runtime·errorStringType(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	divideError<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gopanic(SB)
	RET

// panicoverflow(): panics with the run-time error "integer overflow". Never returns.
TEXT runtime·panicoverflow(SB), $16-0
	LEAQ	runtime·errorStringType(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	overflowError<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gopanic(SB)
	RET

// panicfloat(): panics with the run-time error "floating point error". Never returns.
TEXT runtime·panicfloat(SB), $16-0
	LEAQ	runtime·errorStringType(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	floatError<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·gopanic(SB)
	RET

DATA	memoryErrortext<>+0(SB)/49, $"invalid memory address or nil pointer dereference"
GLOBL	memoryErrortext<>(SB), RODATA, $49
DATA	memoryError<>+0(SB)/8, $memoryErrortext<>(SB)
DATA	memoryError<>+8(SB)/8, $49
GLOBL	memoryError<>(SB), RODATA, $16
DATA	divideErrortext<>+0(SB)/22, $"integer divide by zero"
GLOBL	divideErrortext<>(SB), RODATA, $22
DATA	divideError<>+0(SB)/8, $divideErrortext<>(SB)
DATA	divideError<>+8(SB)/8, $22
GLOBL	divideError<>(SB), RODATA, $16
DATA	overflowErrortext<>+0(SB)/16, $"integer overflow"
GLOBL	overflowErrortext<>(SB), RODATA, $16
DATA	overflowError<>+0(SB)/8, $overflowErrortext<>(SB)
DATA	overflowError<>+8(SB)/8, $16
GLOBL	overflowError<>(SB), RODATA, $16
DATA	floatErrortext<>+0(SB)/20, $"floating point error"
GLOBL	floatErrortext<>(SB), RODATA, $20
DATA	floatError<>+0(SB)/8, $floatErrortext<>(SB)
DATA	floatError<>+8(SB)/8, $20
GLOBL	floatError<>(SB), RODATA, $16

DATA	tab<>+0(SB)/1, $"\t"
GLOBL	tab<>(SB), RODATA, $1
DATA	recoveredmsg<>+0(SB)/12, $" [recovered]"
GLOBL	recoveredmsg<>(SB), RODATA, $12
DATA	nilmsg<>+0(SB)/3, $"nil"
GLOBL	nilmsg<>(SB), RODATA, $3
DATA	rterror<>+0(SB)/15, $"runtime error: "
GLOBL	rterror<>(SB), RODATA, $15
DATA	lparen<>+0(SB)/1, $"("
GLOBL	lparen<>(SB), RODATA, $1
DATA	rparen<>+0(SB)/1, $")"
GLOBL	rparen<>(SB), RODATA, $1
DATA	rparensp<>+0(SB)/2, $") "
GLOBL	rparensp<>(SB), RODATA, $2
DATA	lparenq<>+0(SB)/2, $"(\""
GLOBL	lparenq<>(SB), RODATA, $2
DATA	rparenq<>+0(SB)/2, $"\")"
GLOBL	rparenq<>(SB), RODATA, $2
DATA	msgpanicsys<>+0(SB)/21, $"panic on system stack"
GLOBL	msgpanicsys<>(SB), RODATA, $21
DATA	msgbaddefer<>+0(SB)/24, $"bad defer entry in panic"
GLOBL	msgbaddefer<>(SB), RODATA, $24
DATA	msgbadgoexit<>+0(SB)/25, $"bad defer entry in Goexit"
GLOBL	msgbadgoexit<>(SB), RODATA, $25
DATA	msgbadrecovery<>+0(SB)/12, $"bad recovery"
GLOBL	msgbadrecovery<>(SB), RODATA, $12
