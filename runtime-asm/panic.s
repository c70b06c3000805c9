// panic.s: fatal errors in Go's words, as in Go's src/runtime/panic.go and traceback.go:
// "fatal error: MSG", a blank line, then "goroutine N [status]:" for the current goroutine and
// every other live one, and exit status 2. gmpvm prints no frames below a goroutine's header yet.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// throw, fatal and fatalthrow are NOSPLIT, as Go's: a fatal error must not need to grow the
// stack it happened on; the printing runs on the system stack (fatalthrow_func1, which may
// split there).
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define PRINTS(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

// throw(s string): a fatal error inside the runtime: prints "fatal error: s" and the
// goroutines, then exits with status 2. Never returns.
TEXT runtime·throw(SB), NOSPLIT, $16-16
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·fatalthrow(SB)
	RET

// fatal(s string): a fatal error the user's program caused (a deadlock, say); printed and
// ended exactly as throw. Never returns.
TEXT runtime·fatal(SB), NOSPLIT, $16-16
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·fatalthrow(SB)
	RET

// fatalthrow(s string): does the work of throw and fatal. A second fatal error on the same M
// while printing exits at once. The printing runs on the system stack (systemstack calls
// fatalthrow_func1 with s in the closure), as Go's fatalthrow does, so that a fatal error
// never needs to grow the stack it happened on: throw and fatalthrow are NOSPLIT and reach
// nothing else on the goroutine's stack. Never returns.
TEXT runtime·fatalthrow(SB), NOSPLIT, $32-16
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	INCL	m_dying(AX)
	CMPL	m_dying(AX), $1
	JEQ	first
	MOVL	$2, 0(SP)                 // recursive failure: just exit
	CALL	runtime·exit(SB)
first:
	LEAQ	runtime·fatalthrow_func1(SB), AX
	MOVQ	AX, 8(SP)                 // the closure: code, s
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 16(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 24(SP)
	LEAQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	MOVL	$2, 0(SP)                 // not reached
	CALL	runtime·exit(SB)
	RET

// fatalthrow_func1(): fatalthrow's closure (DX: code, s), on the system stack: prints
// "fatal error: s" and the goroutines, then exits with status 2. Never returns.
TEXT runtime·fatalthrow_func1(SB), $24-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVL	$1, m_throwing(AX)
	INCL	m_locks(AX)
	MOVQ	DX, 16(SP)                // printlock clobbers DX
	CALL	runtime·printlock(SB)
	PRINTS(fatalerror<>, 13)
	MOVQ	16(SP), DX
	MOVQ	8(DX), AX
	MOVQ	16(DX), CX
	MOVQ	AX, 0(SP)
	MOVQ	CX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	CALL	runtime·tracebackall(SB)
	CALL	runtime·printunlock(SB)
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
	RET

// tracebackall(): prints a blank line and "goroutine N [status]:" for the current user
// goroutine (if any) and then for every other goroutine that is not dead and not a system
// goroutine (isSystemGoroutine), as Go's tracebackothers does.
// Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·tracebackall(SB), NOSPLIT, $32-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVQ	m_curg(AX), AX
	MOVQ	AX, 16(SP)                // curg (may be nil)
	CMPQ	AX, $0
	JEQ	others
	MOVQ	AX, 0(SP)
	CALL	runtime·goroutineheader(SB)
others:
	MOVQ	$0, 24(SP)                // i
loop:
	MOVQ	24(SP), BX
	CMPQ	BX, runtime·allglen(SB)
	JGE	done
	MOVQ	runtime·allgs(SB), AX
	MOVQ	(AX)(BX*8), AX
	INCQ	24(SP)
	CMPQ	AX, 16(SP)
	JEQ	loop
	CMPL	g_atomicstatus(AX), $_Gdead
	JEQ	loop
	CMPL	g_atomicstatus(AX), $_Gidle
	JEQ	loop
	MOVQ	AX, 0(SP)
	CALL	runtime·isSystemGoroutine(SB)
	CMPB	8(SP), $0
	JNE	loop                      // system goroutines are not shown
	MOVQ	0(SP), AX
	CALL	runtime·goroutineheader(SB)
	JMP	loop
done:
	RET

// goroutineheader(gp *g): prints "\ngoroutine N [status]:\n"; a waiting goroutine shows its
// wait reason, as Go does. Clobbers AX BX CX DX SI DI R11.
TEXT runtime·goroutineheader(SB), NOSPLIT, $16-8
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

// panicPlain(s string): an unrecovered run-time panic with a plain message (Go's
// plainError), as Go prints it: "panic: s", a blank line, "goroutine N [running]:", exit 2.
// (defer and recover come in part 2, so nothing can catch it yet.) Never returns.
TEXT runtime·panicPlain(SB), NOSPLIT, $16-16
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	INCL	m_dying(AX)
	CALL	runtime·printlock(SB)
	PRINTS(panicprefix<>, 7)
	MOVQ	s_base+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	s_len+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVQ	m_curg(AX), AX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	AX, 0(SP)
	CALL	runtime·goroutineheader(SB)
	CALL	runtime·printunlock(SB)
	MOVL	$2, 0(SP)
	CALL	runtime·exit(SB)
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
