// stack.s: goroutine stacks, as in Go's src/runtime/stack.go: the stack pool (stackalloc,
// stackfree), stack growth (newstack, copystack) and debug.SetMaxStack. Every goroutine starts
// on a 2 KiB stack (_FixedStack); a function whose split prologue finds SP below g.stackguard0
// calls morestack (asm_amd64.s), which saves the function's context in g.sched and calls
// newstack on g0. newstack doubles the stack with copystack and gogo's back into the function,
// which runs its prologue again, now with room.
//
// Where Go knows which stack words are pointers from the compiler's stack maps, gmpvm scans
// conservatively: every 8-byte word of the used part of the old stack whose value lies in
// [old.lo, old.hi) is taken for a pointer into the stack and moved by the same delta as the
// stack (docs/runtime.md, "Growing a stack", says what that costs and where it stops).
//
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber. Everything here is NOSPLIT:
// newstack and what it calls run on g0 straight from morestack and must not themselves need a
// growth, and SetMaxStack is a small leaf.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"
#include "lockfast.h"

// log2(_FixedStack): stack order n holds stacks of _FixedStack<<n bytes.
#define _FixedStackShift 11
// Orders 0 to 29: 2 KiB up to 1 GiB, past the largest stack maxstacksize allows.
#define _NumStackOrders 30

#define THROW(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·throw(SB)

#define PRINTS(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

#define PRINTHEX(x) \
	MOVQ	x, AX; \
	MOVQ	AX, 0(SP); \
	CALL	runtime·printhex(SB)

// stackpool: one free list per power-of-two size, linked through each free stack's lowest
// word, under stackpoolmu (Go keeps orders 0-3 in stackpool and bigger stacks in stackLarge,
// each behind its own lock, plus a per-P stackcache; gmpvm keeps one list per order).
GLOBL	runtime·stackpool(SB), NOPTR, $(_NumStackOrders*8)
GLOBL	runtime·stackpoolmu(SB), NOPTR, $8
// stacksys: bytes ever taken from the allocator for stacks (Go's memstats.stacks_sys).
// Stacks are never given back to it: a freed stack waits on its list for reuse.
GLOBL	runtime·stacksys(SB), NOPTR, $8
// stackfrees: how many stacks stackfree has put on the lists (tests read it).
GLOBL	runtime·stackfrees(SB), NOPTR, $8
// maxstacksize: the limit newstack enforces, settable with SetMaxStack (Go's
// runtime/debug.SetMaxStack); starts at go_asm.h's maxstacksize (1,000,000,000 on amd64).
DATA	runtime·maxstacksize+0(SB)/8, $maxstacksize
GLOBL	runtime·maxstacksize(SB), NOPTR, $8

// stackalloc(n uint32) stack: a stack of n bytes (a power of two, at least _FixedStack),
// returned as its bounds lo, hi: the head of order log2(n/_FixedStack)'s free list, or fresh
// memory from persistentalloc when that list is empty. Runs on g0 (or before any goroutine
// exists).
TEXT runtime·stackalloc(SB), NOSPLIT, $24-24
	MOVL	n+0(FP), AX
	LEAQ	-1(AX), CX
	TESTQ	CX, AX
	JNE	notpow2
	CMPQ	AX, $_FixedStack
	JLT	notpow2
	BSRQ	AX, CX
	SUBQ	$_FixedStackShift, CX
	LEAQ	runtime·stackpool(SB), DX
	LEAQ	(DX)(CX*8), DX
	MOVQ	DX, 16(SP)                // &stackpool[order]
	LOCKFAST(runtime·stackpoolmu(SB))
	MOVQ	16(SP), DX
	MOVQ	0(DX), AX                 // x := stackpool[order]
	TESTQ	AX, AX
	JEQ	empty
	MOVQ	0(AX), BX                 // stackpool[order] = x.next
	MOVQ	BX, 0(DX)
	MOVQ	AX, lo+8(FP)
	UNLOCKFAST(runtime·stackpoolmu(SB))
	JMP	done
empty:
	UNLOCKFAST(runtime·stackpoolmu(SB))
	MOVL	n+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, lo+8(FP)
	MOVL	n+0(FP), AX
	LOCK
	XADDQ	AX, runtime·stacksys(SB)
done:
	MOVQ	lo+8(FP), AX
	MOVL	n+0(FP), BX
	ADDQ	BX, AX
	MOVQ	AX, hi+16(FP)
	RET
notpow2:
	THROW(msgnotpow2<>, 27)
	RET

DATA	msgnotpow2<>+0(SB)/27, $"stack size not a power of 2"
GLOBL	msgnotpow2<>(SB), RODATA, $27

// stackfree(stk stack): puts the stack [lo, hi) on its order's free list for the next
// stackalloc of that size. Runs on g0. Clobbers AX BX CX DX (and, when stackpoolmu is
// contended, what lock clobbers).
TEXT runtime·stackfree(SB), NOSPLIT, $8-16
	// the order is computed under the lock: a contended LOCKFAST clobbers DX
	LOCKFAST(runtime·stackpoolmu(SB))
	MOVQ	stk_hi+8(FP), AX
	SUBQ	stk_lo+0(FP), AX
	BSRQ	AX, DX
	SUBQ	$_FixedStackShift, DX
	LEAQ	runtime·stackpool(SB), BX
	MOVQ	stk_lo+0(FP), AX
	MOVQ	(BX)(DX*8), CX            // x.next = stackpool[order]
	MOVQ	CX, 0(AX)
	MOVQ	AX, (BX)(DX*8)            // stackpool[order] = x
	INCQ	runtime·stackfrees(SB)
	UNLOCKFAST(runtime·stackpoolmu(SB))
	RET

// newstack(): called by morestack on g0 when the goroutine m.curg ran out of stack; its
// context (the function whose prologue failed, pc in its morestack stub, sp before that
// call) is in curg.sched, the function's caller in m.morebuf. A stackguard0 of stackPreempt
// is a preemption request (preemptone, entersyscall), not a lack of stack: unless the M
// holds runtime locks or is allocating (Go's canPreemptM; then the goroutine goes on with its
// guard restored and gp.preempt still set), the goroutine parks in _Gpreempted when
// gp.preemptStop asks for it (preemptPark) or else yields as if it had called Gosched
// (gopreempt_m). Otherwise the stack doubles (copystack) unless that would pass
// maxstacksize, which is fatal with Go's "stack overflow" lines. Ends with
// gogo(&curg.sched): the function runs its prologue again. Never returns.
TEXT runtime·newstack(SB), NOSPLIT, $32-0
	get_tls(CX)
	MOVQ	g(CX), AX                 // thisg: g0
	MOVQ	g_m(AX), BX
	MOVQ	m_curg(BX), SI            // gp
	CMPQ	(m_morebuf+gobuf_g)(BX), SI
	JEQ	rightg
	THROW(msgwrongg<>, 36)
rightg:
	MOVQ	SI, 16(SP)
	MOVQ	g_stackguard0(SI), AX
	CMPQ	AX, $stackPreempt
	JNE	grow

	// Preemption request. As Go's canPreemptM: an M holding runtime locks (or allocating)
	// must not switch goroutines now, so the goroutine just goes on; gp.preempt stays set,
	// and sysmon asks again.
	CMPL	m_locks(BX), $0
	JNE	nopreempt
	CMPL	m_mallocing(BX), $0
	JNE	nopreempt
	CMPQ	m_p(BX), $0
	JEQ	nopreempt
	CMPL	g_atomicstatus(SI), $_Grunning
	JNE	nopreempt
	// Act like the goroutine called Gosched. gopreempt_m makes it runnable on the global
	// queue and schedules; execute will reset stackguard0 from its stack bounds when it runs
	// again, and gogo lands in the morestack stub, which re-runs the function's prologue.
	MOVQ	$0, (m_morebuf+gobuf_pc)(BX)
	MOVQ	$0, (m_morebuf+gobuf_sp)(BX)
	MOVQ	$0, (m_morebuf+gobuf_g)(BX)
	MOVQ	SI, 0(SP)
	CMPB	g_preemptStop(SI), $0
	JEQ	3(PC)
	CALL	runtime·preemptPark(SB)
	CALL	runtime·abort(SB)         // preemptPark does not return
	CALL	runtime·gopreempt_m(SB)
	CALL	runtime·abort(SB)         // gopreempt_m does not return

nopreempt:
	MOVQ	(g_stack+stack_lo)(SI), AX
	ADDQ	$_StackGuard, AX
	MOVQ	AX, g_stackguard0(SI)
	MOVQ	$0, (m_morebuf+gobuf_pc)(BX)
	MOVQ	$0, (m_morebuf+gobuf_sp)(BX)
	MOVQ	$0, (m_morebuf+gobuf_g)(BX)
	LEAQ	g_sched(SI), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·gogo(SB)
	CALL	runtime·abort(SB)

grow:
	// sp as Go computes it: below the return address the prologue's CALL pushed.
	MOVQ	(g_sched+gobuf_sp)(SI), AX
	SUBQ	$8, AX
	MOVQ	AX, 24(SP)
	CMPQ	AX, (g_stack+stack_lo)(SI)
	JCC	inrange
	CALL	runtime·printlock(SB)
	PRINTS(msgsplitov<>, 31)
	PRINTHEX(24(SP))
	PRINTS(msglt<>, 3)
	MOVQ	16(SP), SI
	PRINTHEX((g_stack+stack_lo)(SI))
	CALL	runtime·printnl(SB)
	CALL	runtime·printunlock(SB)
	THROW(msgsplitov<>, 29)
inrange:
	MOVQ	(g_stack+stack_hi)(SI), AX
	SUBQ	(g_stack+stack_lo)(SI), AX
	SHLQ	$1, AX                    // newsize = oldsize * 2
	MOVQ	AX, 0(SP)
	CMPQ	AX, runtime·maxstacksize(SB)
	JHI	overflow

	MOVQ	SI, 0(SP)
	MOVL	$_Grunning, 8(SP)
	MOVL	$_Gcopystack, 12(SP)
	CALL	runtime·casgstatus(SB)
	MOVQ	16(SP), SI
	MOVQ	SI, 0(SP)
	MOVQ	(g_stack+stack_hi)(SI), AX
	SUBQ	(g_stack+stack_lo)(SI), AX
	SHLQ	$1, AX
	MOVQ	AX, 8(SP)
	CALL	runtime·copystack(SB)
	MOVQ	16(SP), SI
	MOVQ	SI, 0(SP)
	MOVL	$_Gcopystack, 8(SP)
	MOVL	$_Grunning, 12(SP)
	CALL	runtime·casgstatus(SB)
	// morebuf has served (copystack kept its sp current); clear it as Go does.
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), BX
	MOVQ	$0, (m_morebuf+gobuf_pc)(BX)
	MOVQ	$0, (m_morebuf+gobuf_sp)(BX)
	MOVQ	$0, (m_morebuf+gobuf_g)(BX)
	MOVQ	16(SP), SI
	LEAQ	g_sched(SI), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·gogo(SB)
	CALL	runtime·abort(SB)

overflow:
	// Go 1.19's lines: the limit in force, then sp and the stack's bounds, then throw
	// (fatal error: stack overflow; throw prints the goroutine traceback).
	CALL	runtime·printlock(SB)
	PRINTS(msgexceeds<>, 33)
	MOVQ	runtime·maxstacksize(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	PRINTS(msglimit<>, 12)
	PRINTS(msgsp<>, 12)
	PRINTHEX(24(SP))
	PRINTS(msgstack<>, 8)
	MOVQ	16(SP), SI
	PRINTHEX((g_stack+stack_lo)(SI))
	PRINTS(msgcomma<>, 2)
	MOVQ	16(SP), SI
	PRINTHEX((g_stack+stack_hi)(SI))
	PRINTS(msgrbrack<>, 2)
	CALL	runtime·printunlock(SB)
	THROW(msgoverflow<>, 14)
	CALL	runtime·abort(SB)
	RET

DATA	msgwrongg<>+0(SB)/36, $"runtime: wrong goroutine in newstack"
GLOBL	msgwrongg<>(SB), RODATA, $36
DATA	msgsplitov<>+0(SB)/31, $"runtime: split stack overflow: "
GLOBL	msgsplitov<>(SB), RODATA, $31
DATA	msglt<>+0(SB)/3, $" < "
GLOBL	msglt<>(SB), RODATA, $3
DATA	msgexceeds<>+0(SB)/33, $"runtime: goroutine stack exceeds "
GLOBL	msgexceeds<>(SB), RODATA, $33
DATA	msglimit<>+0(SB)/12, $"-byte limit\n"
GLOBL	msglimit<>(SB), RODATA, $12
DATA	msgsp<>+0(SB)/12, $"runtime: sp="
GLOBL	msgsp<>(SB), RODATA, $12
DATA	msgstack<>+0(SB)/8, $" stack=["
GLOBL	msgstack<>(SB), RODATA, $8
DATA	msgcomma<>+0(SB)/2, $", "
GLOBL	msgcomma<>(SB), RODATA, $2
DATA	msgrbrack<>+0(SB)/2, $"]\n"
GLOBL	msgrbrack<>(SB), RODATA, $2
DATA	msgoverflow<>+0(SB)/14, $"stack overflow"
GLOBL	msgoverflow<>(SB), RODATA, $14

// copystack(gp *g, newsize uintptr): moves gp's stack to a new one of newsize bytes. The used
// part [gp.sched.sp, old.hi) is copied to the top of the new stack, so every address in it
// moves by delta = new.hi - old.hi; then what points into the old stack is adjusted by delta:
// every word of the copy whose value lies in [old.lo, old.hi) (saved BPs, pointers to
// locals, arguments), gp.sched's sp, bp and ctxt, gp.stktopsp, m.morebuf.sp, each defer
// record's sp, bp and argument words on gp._defer, each sudog's elem on gp.waiting, and each
// panic's argp on gp._panic. gp's
// stack bounds and stackguard0 (new.lo + _StackGuard) follow, and the old stack goes back to
// the pool. gp must be in _Gcopystack. Runs on g0.
TEXT runtime·copystack(SB), NOSPLIT, $40-16
	MOVQ	newsize+8(FP), AX
	MOVL	AX, 0(SP)
	CALL	runtime·stackalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 24(SP)                // new.lo
	MOVQ	16(SP), AX
	MOVQ	AX, 32(SP)                // new.hi

	// memmove(new.hi - used, old sp, used)
	MOVQ	gp+0(FP), SI
	MOVQ	(g_stack+stack_hi)(SI), CX
	MOVQ	(g_sched+gobuf_sp)(SI), BX
	SUBQ	BX, CX                    // used
	MOVQ	AX, DI
	SUBQ	CX, DI
	MOVQ	DI, 0(SP)
	MOVQ	BX, 8(SP)
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)

	// The conservative scan: R8 old.lo, R9 old size, DX delta, DI walks the copy.
	MOVQ	gp+0(FP), SI
	MOVQ	(g_stack+stack_lo)(SI), R8
	MOVQ	(g_stack+stack_hi)(SI), R9
	MOVQ	32(SP), DX
	SUBQ	R9, DX                    // delta = new.hi - old.hi
	SUBQ	R8, R9                    // old size
	MOVQ	32(SP), R10               // new.hi: end of the copy
	MOVQ	(g_sched+gobuf_sp)(SI), DI
	ADDQ	DX, DI                    // start of the copy
	CMPQ	DI, R10
	JCC	scanned
scan:
	MOVQ	(DI), AX
	SUBQ	R8, AX
	CMPQ	AX, R9                    // unsigned: old.lo <= v < old.hi
	JCC	2(PC)
	ADDQ	DX, (DI)
	ADDQ	$8, DI
	CMPQ	DI, R10
	JCS	scan
scanned:

// ADJUST(addr) adds delta to the word at addr when it points into the old stack.
#define ADJUST(addr) \
	MOVQ	addr, AX; \
	SUBQ	R8, AX; \
	CMPQ	AX, R9; \
	JCC	2(PC); \
	ADDQ	DX, addr

	ADJUST((g_sched+gobuf_sp)(SI))
	ADJUST((g_sched+gobuf_bp)(SI))
	ADJUST((g_sched+gobuf_ctxt)(SI))
	ADJUST(g_stktopsp(SI))
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	ADJUST((m_morebuf+gobuf_sp)(BX))

	// Defer records: sp and bp, and the copied argument words of the deferred call (siz bytes
	// after the record), which may hold pointers to locals.
	MOVQ	g__defer(SI), BX
defers:
	TESTQ	BX, BX
	JEQ	panics
	ADJUST(_defer_sp(BX))
	ADJUST(_defer_bp(BX))
	MOVLQSX	_defer_siz(BX), CX
	SHRQ	$3, CX
	LEAQ	_defer__size(BX), DI
defargs:
	TESTQ	CX, CX
	JEQ	defnext
	ADJUST(0(DI))
	ADDQ	$8, DI
	DECQ	CX
	JMP	defargs
defnext:
	MOVQ	_defer_link(BX), BX
	JMP	defers
panics:
	// Sudogs of a goroutine about to park on a channel (g.waiting, linked by waitlink):
	// their elem may point at a value on this stack.
	MOVQ	g_waiting(SI), BX
sudogs:
	TESTQ	BX, BX
	JEQ	panicstart
	ADJUST(sudog_elem(BX))
	MOVQ	sudog_waitlink(BX), BX
	JMP	sudogs
panicstart:
	MOVQ	g__panic(SI), BX
panicloop:
	TESTQ	BX, BX
	JEQ	adjusted
	ADJUST(_panic_argp(BX))
	MOVQ	_panic_link(BX), BX
	JMP	panicloop
adjusted:
#undef ADJUST

	// Switch gp to the new stack and give the old one back.
	MOVQ	(g_stack+stack_lo)(SI), AX
	MOVQ	AX, 0(SP)
	MOVQ	(g_stack+stack_hi)(SI), AX
	MOVQ	AX, 8(SP)
	MOVQ	24(SP), AX
	MOVQ	AX, (g_stack+stack_lo)(SI)
	ADDQ	$_StackGuard, AX
	MOVQ	AX, g_stackguard0(SI)
	MOVQ	32(SP), AX
	MOVQ	AX, (g_stack+stack_hi)(SI)
	CALL	runtime·stackfree(SB)
	RET

// SetMaxStack(n int64) int64: sets the largest stack a goroutine may grow to and returns the
// previous limit, as Go's runtime/debug.SetMaxStack. Clobbers AX.
TEXT runtime·SetMaxStack(SB), NOSPLIT, $0-16
	MOVQ	n+0(FP), AX
	XCHGQ	AX, runtime·maxstacksize(SB)
	MOVQ	AX, ret+8(FP)
	RET
