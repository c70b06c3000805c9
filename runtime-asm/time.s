// time.s: virtual time, sleeping and the per-P timer heap, as in Go 1.19's src/runtime/time.go.
// Each P keeps its timers in a 4-ary min-heap ordered by when (p.timers, under p.timersLock),
// with the earliest when mirrored in p.timer0When (0: no timers) so that the scheduler can
// tell at a glance whether anything is due. A sleeping goroutine costs a timer, not an M: it
// parks (waitReasonSleep) and its timer's function readies it when checkTimers finds it due
// (findRunnable on its own P, stealWork on another's). Only what sleeping needs is here: no
// deltimer or modtimer of a timer still in a heap (so no timerDeleted or timerModified*
// states arise, and cleantimers/adjusttimers have nothing to do), and a timer's arg is one
// word (the g) where Go's is an interface.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define THROW(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·throw(SB)

// nanotime() int64: the monotonic clock in nanoseconds (clock_gettime(CLOCK_MONOTONIC) through
// nanotime1; under gmpvm the virtual clock, 1 ns per retired instruction per CPU).
TEXT runtime·nanotime(SB), NOSPLIT, $8-8
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, ret+0(FP)
	RET

// timeSleep(ns int64): puts the current goroutine to sleep for at least ns nanoseconds (Go's
// time.Sleep). Its g's timer (made on first use) gets goroutineReady(gp) as its function and
// now+ns as nextwhen; gopark's unlock function resetForSleep puts it in this P's heap once
// the goroutine is parked (waitReasonSleep), so the timer cannot fire before the park. ns <= 0
// returns at once.
TEXT runtime·timeSleep(SB), $32-8
	CMPQ	ns+0(FP), $0
	JGT	sleep
	RET
sleep:
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_timer(BX), AX
	CMPQ	AX, $0
	JNE	have
	MOVQ	$timer__size, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	AX, g_timer(BX)
have:
	MOVQ	AX, 24(SP)                // t
	LEAQ	runtime·goroutineReady(SB), CX
	MOVQ	CX, timer_f(AX)
	MOVQ	BX, timer_arg(AX)
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), DX
	ADDQ	ns+0(FP), DX
	TESTQ	DX, DX
	JGE	2(PC)
	MOVQ	$maxWhen, DX              // overflow: as late as can be
	MOVQ	24(SP), AX
	MOVQ	DX, timer_nextwhen(AX)
	LEAQ	runtime·resetForSleep(SB), CX
	MOVQ	CX, 0(SP)
	MOVQ	AX, 8(SP)
	MOVB	$waitReasonSleep, 16(SP)
	CALL	runtime·gopark(SB)
	RET

// resetForSleep(gp *g, ut unsafe.Pointer) bool: timeSleep's gopark unlock function, on g0
// with gp parked: resettimer(t, t.nextwhen). Always true.
TEXT runtime·resetForSleep(SB), $16-17
	MOVQ	ut+8(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	timer_nextwhen(AX), CX
	MOVQ	CX, 8(SP)
	CALL	runtime·resettimer(SB)
	MOVB	$1, ret+16(FP)
	RET

// goroutineReady(arg unsafe.Pointer, seq uintptr): a sleep timer's function: goready(arg).
TEXT runtime·goroutineReady(SB), $8-16
	MOVQ	arg+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·goready(SB)
	RET

// resettimer(t *timer, when int64): (re)starts t to fire at when, as Go's resettimer →
// modtimer for a timer that is in no heap (timerNoStatus, or timerRemoved): it is added to
// this P's heap. gmpvm never resets a timer that is still in a heap (sleep timers have fired
// before their goroutine sleeps again): that is "timer data corruption".
TEXT runtime·resettimer(SB), $16-16
	MOVQ	t+0(FP), AX
	MOVL	timer_status(AX), CX
	CMPL	CX, $timerRemoved
	JEQ	idle
	CMPL	CX, $timerNoStatus
	JEQ	idle
	CALL	runtime·badTimer(SB)
idle:
	MOVL	$timerNoStatus, timer_status(AX)
	MOVQ	when+8(FP), CX
	MOVQ	CX, timer_when(AX)
	MOVQ	AX, 0(SP)
	CALL	runtime·addtimer(SB)
	RET

// addtimer(t *timer): adds t, not in any heap, to the current P's heap (under its timersLock)
// and makes sure some M will wake for it (wakeNetPoller), as Go's addtimer.
TEXT runtime·addtimer(SB), $24-8
	MOVQ	t+0(FP), AX
	CMPQ	timer_when(AX), $0
	JGT	5(PC)
	THROW(msgwhen<>, 27)
	MOVQ	t+0(FP), AX
	CMPQ	timer_period(AX), $0
	JGE	5(PC)
	THROW(msgperiod<>, 33)
	MOVQ	t+0(FP), AX
	CMPL	timer_status(AX), $timerNoStatus
	JEQ	5(PC)
	THROW(msginit<>, 38)
	MOVQ	t+0(FP), AX
	MOVL	$timerWaiting, timer_status(AX)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
	MOVQ	BX, 16(SP)                // pp
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	16(SP), BX
	MOVQ	BX, 0(SP)
	MOVQ	t+0(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·doaddtimer(SB)
	MOVQ	16(SP), BX
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	t+0(FP), AX
	MOVQ	timer_when(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·wakeNetPoller(SB)
	RET

DATA	msgwhen<>+0(SB)/27, $"timer when must be positive"
GLOBL	msgwhen<>(SB), RODATA, $27
DATA	msgperiod<>+0(SB)/33, $"timer period must be non-negative"
GLOBL	msgperiod<>(SB), RODATA, $33
DATA	msginit<>+0(SB)/38, $"addtimer called with initialized timer"
GLOBL	msginit<>(SB), RODATA, $38

// doaddtimer(pp *p, t *timer): appends t to pp's heap and sifts it up; updates pp.timer0When
// when t comes first. pp.timersLock must be held. The heap's array doubles when full (from
// timersInitCap entries; the old array is not reused: persistentalloc has no free).
TEXT runtime·doaddtimer(SB), $48-16
	MOVQ	t+8(FP), AX
	CMPQ	timer_pp(AX), $0
	JEQ	5(PC)
	THROW(msgpset<>, 34)
	MOVQ	pp+0(FP), BX
	MOVQ	t+8(FP), AX
	MOVQ	BX, timer_pp(AX)
	MOVQ	p_timers_len(BX), CX
	CMPQ	CX, p_timers_cap(BX)
	JLT	room
	MOVQ	p_timers_cap(BX), DX      // grow: twice the room
	SHLQ	$1, DX
	CMPQ	DX, $timersInitCap
	JGE	2(PC)
	MOVQ	$timersInitCap, DX
	MOVQ	DX, 32(SP)                // newcap
	SHLQ	$3, DX
	MOVQ	DX, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 40(SP)                // new array
	MOVQ	AX, 0(SP)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), CX
	MOVQ	CX, 8(SP)
	MOVQ	p_timers_len(BX), CX
	SHLQ	$3, CX
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
	MOVQ	pp+0(FP), BX
	MOVQ	40(SP), AX
	MOVQ	AX, p_timers(BX)
	MOVQ	32(SP), AX
	MOVQ	AX, p_timers_cap(BX)
room:
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), SI
	MOVQ	p_timers_len(BX), CX
	MOVQ	t+8(FP), AX
	MOVQ	AX, (SI)(CX*8)
	INCQ	p_timers_len(BX)
	MOVQ	SI, 0(SP)                 // siftupTimer(pp.timers, i)
	MOVQ	p_timers_len(BX), AX
	MOVQ	AX, 8(SP)
	MOVQ	p_timers_cap(BX), AX
	MOVQ	AX, 16(SP)
	MOVQ	CX, 24(SP)
	CALL	runtime·siftupTimer(SB)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), SI
	MOVQ	(SI), AX
	CMPQ	AX, t+8(FP)
	JNE	counted
	MOVQ	timer_when(AX), AX
	MOVQ	AX, p_timer0When(BX)
counted:
	LOCK
	INCL	p_numTimers(BX)
	RET

DATA	msgpset<>+0(SB)/34, $"doaddtimer: P already set in timer"
GLOBL	msgpset<>(SB), RODATA, $34

// siftupTimer(t []*timer, i int): moves t[i] up the 4-ary heap (parent (i-1)/4) while its
// when is earlier than its parent's. Clobbers AX BX CX DX SI DI.
TEXT runtime·siftupTimer(SB), NOSPLIT, $0-32
	MOVQ	t_base+0(FP), SI
	MOVQ	i+24(FP), CX
	MOVQ	(SI)(CX*8), DI            // tmp
	MOVQ	timer_when(DI), DX        // when
up:
	CMPQ	CX, $0
	JLE	done
	LEAQ	-1(CX), AX
	SHRQ	$2, AX                    // parent
	MOVQ	(SI)(AX*8), BX
	CMPQ	DX, timer_when(BX)
	JGE	done
	MOVQ	BX, (SI)(CX*8)
	MOVQ	AX, CX
	JMP	up
done:
	MOVQ	DI, (SI)(CX*8)
	RET

// siftdownTimer(t []*timer, i int): moves t[i] down the 4-ary heap (children 4i+1 … 4i+4),
// swapping with the earliest child while that is earlier, as Go's siftdownTimer (which looks
// at the first two and the last two children in pairs). Clobbers AX BX CX DX SI DI R8-R12.
TEXT runtime·siftdownTimer(SB), NOSPLIT, $0-32
	MOVQ	t_base+0(FP), SI
	MOVQ	t_len+8(FP), R8           // n
	MOVQ	i+24(FP), CX
	MOVQ	(SI)(CX*8), DI            // tmp
	MOVQ	timer_when(DI), DX        // when
down:
	MOVQ	CX, AX
	SHLQ	$2, AX
	INCQ	AX                        // c: left child
	CMPQ	AX, R8
	JGE	done
	MOVQ	(SI)(AX*8), BX
	MOVQ	timer_when(BX), R9        // w
	LEAQ	1(AX), R10
	CMPQ	R10, R8
	JGE	mid
	MOVQ	(SI)(R10*8), BX
	CMPQ	timer_when(BX), R9
	JGE	mid
	MOVQ	timer_when(BX), R9
	MOVQ	R10, AX
mid:
	MOVQ	CX, R10
	SHLQ	$2, R10
	ADDQ	$3, R10                   // c3: mid child
	CMPQ	R10, R8
	JGE	pick
	MOVQ	(SI)(R10*8), BX
	MOVQ	timer_when(BX), R11       // w3
	LEAQ	1(R10), R12
	CMPQ	R12, R8
	JGE	w3
	MOVQ	(SI)(R12*8), BX
	CMPQ	timer_when(BX), R11
	JGE	w3
	MOVQ	timer_when(BX), R11
	MOVQ	R12, R10
w3:
	CMPQ	R11, R9
	JGE	pick
	MOVQ	R11, R9
	MOVQ	R10, AX
pick:
	CMPQ	R9, DX
	JGE	done
	MOVQ	(SI)(AX*8), BX
	MOVQ	BX, (SI)(CX*8)
	MOVQ	AX, CX
	JMP	down
done:
	MOVQ	DI, (SI)(CX*8)
	RET

// updateTimer0When(pp *p): pp.timer0When = the when of pp's first timer, or 0. pp.timersLock
// must be held. Clobbers AX BX.
TEXT runtime·updateTimer0When(SB), NOSPLIT, $0-8
	MOVQ	pp+0(FP), BX
	XORL	AX, AX
	CMPQ	p_timers_len(BX), $0
	JEQ	2(PC)
	MOVQ	p_timers(BX), AX
	JEQ	3(PC)
	MOVQ	(AX), AX
	MOVQ	timer_when(AX), AX
	MOVQ	AX, p_timer0When(BX)
	RET

// dodeltimer0(pp *p): removes the first timer of pp's heap (the last one takes its place and
// sifts down) and updates pp.timer0When. pp.timersLock must be held.
TEXT runtime·dodeltimer0(SB), $32-8
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), SI
	MOVQ	(SI), AX
	CMPQ	timer_pp(AX), BX
	JEQ	5(PC)
	THROW(msgwrongp<>, 20)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), SI
	MOVQ	(SI), AX
	MOVQ	$0, timer_pp(AX)
	MOVQ	p_timers_len(BX), CX
	DECQ	CX                        // last
	MOVQ	(SI)(CX*8), DX
	MOVQ	DX, (SI)
	MOVQ	$0, (SI)(CX*8)
	MOVQ	CX, p_timers_len(BX)
	CMPQ	CX, $0
	JEQ	update
	MOVQ	SI, 0(SP)
	MOVQ	CX, 8(SP)
	MOVQ	p_timers_cap(BX), AX
	MOVQ	AX, 16(SP)
	MOVQ	$0, 24(SP)
	CALL	runtime·siftdownTimer(SB)
update:
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·updateTimer0When(SB)
	MOVQ	pp+0(FP), BX
	LOCK
	DECL	p_numTimers(BX)
	RET

DATA	msgwrongp<>+0(SB)/20, $"dodeltimer0: wrong P"
GLOBL	msgwrongp<>(SB), RODATA, $20

// checkTimers(pp *p, now int64) (rnow, pollUntil int64, ran bool): runs every timer of pp that
// is due at now (0: read the clock, only if pp has timers), as Go's checkTimers. rnow is the
// time used, pollUntil when pp's next timer is due (0: none), ran whether any ran. The fast
// case (pp.timer0When 0 or in the future) takes no lock.
TEXT runtime·checkTimers(SB), $24-33
	MOVQ	$0, pollUntil+24(FP)
	MOVB	$0, ran+32(FP)
	MOVQ	now+8(FP), AX
	MOVQ	pp+0(FP), BX
	CMPQ	p_timer0When(BX), $0
	JNE	some
	MOVQ	AX, rnow+16(FP)
	RET
some:
	CMPQ	AX, $0
	JNE	haveNow
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, now+8(FP)
haveNow:
	MOVQ	AX, rnow+16(FP)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timer0When(BX), CX
	CMPQ	CX, $0
	JEQ	none
	CMPQ	AX, CX
	JGE	due
	MOVQ	CX, pollUntil+24(FP)
none:
	RET
due:
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
run:
	MOVQ	pp+0(FP), BX
	CMPQ	p_timers_len(BX), $0
	JEQ	unlock
	MOVQ	BX, 0(SP)
	MOVQ	now+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·runtimer(SB)
	MOVQ	16(SP), AX
	CMPQ	AX, $0
	JEQ	ran
	JLT	unlock
	MOVQ	AX, pollUntil+24(FP)
	JMP	unlock
ran:
	MOVB	$1, ran+32(FP)
	JMP	run
unlock:
	MOVQ	pp+0(FP), BX
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET

// runtimer(pp *p, now int64) int64: looks at the first timer of pp's heap: if it is due at
// now, runs it (runOneTimer) and returns 0; otherwise returns when it is due (-1: no timers).
// pp.timersLock must be held (runOneTimer lets go of it while the timer's function runs).
TEXT runtime·runtimer(SB), $24-24
	MOVQ	pp+0(FP), BX
	MOVQ	$-1, ret+16(FP)
	CMPQ	p_timers_len(BX), $0
	JEQ	done
	MOVQ	p_timers(BX), SI
	MOVQ	(SI), DX                  // t
	CMPQ	timer_pp(DX), BX
	JEQ	5(PC)
	THROW(msgbadp<>, 15)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), SI
	MOVQ	(SI), DX
	MOVQ	timer_when(DX), CX
	CMPQ	CX, now+8(FP)
	JLE	run
	MOVQ	CX, ret+16(FP)
done:
	RET
run:
	MOVL	$timerWaiting, AX
	MOVL	$timerRunning, CX
	LOCK
	CMPXCHGL	CX, timer_status(DX)
	JEQ	2(PC)
	CALL	runtime·badTimer(SB)
	MOVQ	pp+0(FP), BX
	MOVQ	BX, 0(SP)
	MOVQ	DX, 8(SP)
	MOVQ	now+8(FP), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·runOneTimer(SB)
	MOVQ	$0, ret+16(FP)
	RET

DATA	msgbadp<>+0(SB)/15, $"runtimer: bad p"
GLOBL	msgbadp<>(SB), RODATA, $15

// runOneTimer(pp *p, t *timer, now int64): runs t, the first timer of pp's heap, now due and
// timerRunning: a periodic timer moves to its next due time after now and sifts down
// (timerWaiting again); any other leaves the heap (dodeltimer0, timerNoStatus). Then, with
// pp.timersLock released, calls f(arg, seq), and takes the lock again.
TEXT runtime·runOneTimer(SB), $48-24
	MOVQ	t+8(FP), DX
	MOVQ	timer_f(DX), AX
	MOVQ	AX, 24(SP)                // f
	MOVQ	timer_arg(DX), AX
	MOVQ	AX, 32(SP)                // arg
	MOVQ	timer_seq(DX), AX
	MOVQ	AX, 40(SP)                // seq
	MOVQ	timer_period(DX), CX
	CMPQ	CX, $0
	JLE	once
	MOVQ	DX, R8
	MOVQ	now+16(FP), AX            // when += period * (1 + (now-when)/period)
	SUBQ	timer_when(R8), AX
	CQO
	IDIVQ	CX
	INCQ	AX
	IMULQ	timer_period(R8), AX
	ADDQ	timer_when(R8), AX
	TESTQ	AX, AX
	JGE	2(PC)
	MOVQ	$maxWhen, AX              // overflow: as late as can be
	MOVQ	AX, timer_when(R8)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), AX
	MOVQ	AX, 0(SP)
	MOVQ	p_timers_len(BX), AX
	MOVQ	AX, 8(SP)
	MOVQ	$0, 16(SP)
	MOVQ	$0, 24(SP)                // (f is reloaded below)
	CALL	runtime·siftdownTimer(SB)
	MOVL	$timerRunning, AX
	MOVL	$timerWaiting, CX
	MOVQ	t+8(FP), DX
	LOCK
	CMPXCHGL	CX, timer_status(DX)
	JEQ	2(PC)
	CALL	runtime·badTimer(SB)
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·updateTimer0When(SB)
	MOVQ	t+8(FP), DX
	MOVQ	timer_f(DX), AX
	MOVQ	AX, 24(SP)
	JMP	call
once:
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·dodeltimer0(SB)
	MOVL	$timerRunning, AX
	MOVL	$timerNoStatus, CX
	MOVQ	t+8(FP), DX
	LOCK
	CMPXCHGL	CX, timer_status(DX)
	JEQ	2(PC)
	CALL	runtime·badTimer(SB)
call:
	MOVQ	pp+0(FP), BX
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	32(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	40(SP), AX
	MOVQ	AX, 8(SP)
	MOVQ	24(SP), AX
	CALL	AX
	MOVQ	pp+0(FP), BX
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	RET

// badTimer(): throws "timer data corruption".
TEXT runtime·badTimer(SB), $16-0
	THROW(msgcorrupt<>, 21)
	RET

DATA	msgcorrupt<>+0(SB)/21, $"timer data corruption"
GLOBL	msgcorrupt<>(SB), RODATA, $21

// moveTimers(pp *p, timers []*timer): moves timers (of a P being destroyed by procresize) into
// pp's heap, as Go's moveTimers: each goes timerWaiting → timerMoving, loses its P, is added
// to pp (doaddtimer) and goes back to timerWaiting. The world is stopped; both Ps'
// timersLocks are held.
TEXT runtime·moveTimers(SB), $24-32
	MOVQ	$0, 16(SP)                // i
each:
	MOVQ	16(SP), CX
	CMPQ	CX, timers_len+16(FP)
	JGE	done
	INCQ	16(SP)
	MOVQ	timers_base+8(FP), SI
	MOVQ	(SI)(CX*8), DX
	MOVL	$timerWaiting, AX
	MOVL	$timerMoving, CX
	LOCK
	CMPXCHGL	CX, timer_status(DX)
	JEQ	2(PC)
	CALL	runtime·badTimer(SB)
	MOVQ	$0, timer_pp(DX)
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	DX, 8(SP)
	CALL	runtime·doaddtimer(SB)
	MOVQ	8(SP), DX
	MOVL	$timerWaiting, timer_status(DX)
	JMP	each
done:
	RET

// timeSleepUntil() int64: when the earliest timer of any P is due (maxWhen if none), as Go's
// timeSleepUntil; sysmon and the last M to park sleep until then. Reads each P's timer0When
// without its lock. Clobbers AX BX CX DX.
TEXT runtime·timeSleepUntil(SB), NOSPLIT, $0-8
	MOVQ	$maxWhen, AX
	XORL	BX, BX
each:
	CMPQ	BX, runtime·gomaxprocs(SB)
	JGE	done
	LEAQ	runtime·allp(SB), CX
	MOVQ	(CX)(BX*8), CX
	INCQ	BX
	MOVQ	p_timer0When(CX), DX
	CMPQ	DX, $0
	JEQ	each
	CMPQ	DX, AX
	JGE	each
	MOVQ	DX, AX
	JMP	each
done:
	MOVQ	AX, ret+0(FP)
	RET

// wakeNetPoller(when int64): a timer due at when was just added: make sure an M will look
// at it in time, as Go's wakeNetPoller with the timed sleep of stopmTimers in place of the
// network poller: if an M already sleeps until sched.pollUntil <= when, nothing to do;
// otherwise wakep (an idle P's M spins, finds the new timer and, finding nothing to run,
// sleeps until it is due). When every P is busy, their Ms see it in findRunnable.
TEXT runtime·wakeNetPoller(SB), $0-8
	MOVQ	runtime·sched+schedt_pollUntil(SB), AX
	CMPQ	AX, $0
	JEQ	wake
	CMPQ	AX, when+0(FP)
	JGT	wake
	RET
wake:
	CALL	runtime·wakep(SB)
	RET
