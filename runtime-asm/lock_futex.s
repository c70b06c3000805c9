// lock_futex.s: the runtime's mutex and notes on futexes, as in Go's src/runtime/lock_futex.go.
// A mutex key is 0 (unlocked), 1 (locked) or 2 (locked, maybe with sleepers); a note key is 0
// until notewakeup sets it to 1.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// All are NOSPLIT, as Go's lock2/unlock2: their callers rely on the clobber lists, they run
// with locks half taken, and newstack's stack pool takes a lock.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// futexsleep(addr *uint32, val uint32, ns int64): sleeps while *addr == val, until woken or,
// when ns >= 0, for at most ns nanoseconds of virtual time (FUTEX_WAIT's relative timeout; a
// negative ns sleeps without one). Clobbers AX CX DX SI DI R8 R9 R10 R11.
TEXT runtime·futexsleep(SB), NOSPLIT, $64-24
	MOVQ	addr+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVL	$_FUTEX_WAIT_PRIVATE, 8(SP)
	MOVL	val+8(FP), AX
	MOVL	AX, 12(SP)
	MOVQ	$0, 16(SP)
	MOVQ	ns+16(FP), AX
	CMPQ	AX, $0
	JLT	call
	XORL	DX, DX                    // the timespec at 48(SP): ns/1e9 s, ns%1e9 ns
	MOVQ	$1000000000, CX
	DIVQ	CX
	MOVQ	AX, 48(SP)
	MOVQ	DX, 56(SP)
	LEAQ	48(SP), AX
	MOVQ	AX, 16(SP)
call:
	MOVQ	$0, 24(SP)
	MOVL	$0, 32(SP)
	CALL	runtime·futex(SB)
	RET

// futexwakeup(addr *uint32, cnt uint32): wakes up to cnt threads sleeping on addr.
// Clobbers AX CX DX SI DI R8 R9 R10 R11.
TEXT runtime·futexwakeup(SB), NOSPLIT, $48-12
	MOVQ	addr+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVL	$_FUTEX_WAKE_PRIVATE, 8(SP)
	MOVL	cnt+8(FP), AX
	MOVL	AX, 12(SP)
	MOVQ	$0, 16(SP)
	MOVQ	$0, 24(SP)
	MOVL	$0, 32(SP)
	CALL	runtime·futex(SB)
	RET

// lock(l *mutex): takes the runtime mutex l, sleeping on its futex while it is held. Counts
// m.locks up. The uncontended case needs no frame; lock_slow spins a little first, as Go's
// lock2 does, then sleeps. Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·lock(SB), NOSPLIT|NOFRAME, $0-8
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	INCL	m_locks(AX)
	MOVQ	l+0(FP), BX
	MOVL	$mutex_locked, AX         // speculative grab
	XCHGL	AX, mutex_key(BX)
	CMPL	AX, $mutex_unlocked
	JNE	contended
	RET
contended:
	JMP	runtime·lock_slow(SB)

// lock_slow(l *mutex): lock's contended path (m.locks already counted), with the key the
// speculative grab replaced in AX: spins a little, then sleeps on l's futex until it can take
// l. As Go's lock2, a spinner that takes l stores that old key back (wait), so that a
// mutex_sleeping the grab overwrote is not lost and unlock still wakes the sleeper.
// Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·lock_slow(SB), NOSPLIT, $24-8
	MOVQ	l+0(FP), BX
	MOVL	AX, R9                    // wait: mutex_locked or mutex_sleeping
	MOVL	$active_spin, R8          // spin rounds left
spin:
	MOVL	mutex_key(BX), AX
	CMPL	AX, $mutex_unlocked
	JNE	nospin
	MOVL	R9, CX                    // try to take it, as wait
	LOCK
	CMPXCHGL	CX, mutex_key(BX)
	JEQ	done
nospin:
	MOVL	$active_spin_cnt, 0(SP)
	CALL	runtime·procyield(SB)
	MOVQ	l+0(FP), BX
	DECL	R8
	JNZ	spin
sleep:
	MOVL	$mutex_sleeping, AX       // mark: someone sleeps on it
	XCHGL	AX, mutex_key(BX)
	CMPL	AX, $mutex_unlocked
	JEQ	done
	MOVQ	BX, 0(SP)
	MOVL	$mutex_sleeping, 8(SP)
	MOVQ	$-1, 16(SP)
	CALL	runtime·futexsleep(SB)
	MOVQ	l+0(FP), BX
	JMP	sleep
done:
	RET

// unlock(l *mutex): counts m.locks down and releases l, waking one sleeper if there may be
// one. The uncontended case needs no frame; the rest is unlock_slow's. Clobbers AX BX CX DX
// SI DI R8-R11.
TEXT runtime·unlock(SB), NOSPLIT|NOFRAME, $0-8
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	DECL	m_locks(AX)
	MOVQ	l+0(FP), BX
	MOVL	$mutex_unlocked, AX
	XCHGL	AX, mutex_key(BX)
	CMPL	AX, $mutex_locked
	JNE	other
	RET
other:
	JMP	runtime·unlock_slow(SB)

// unlock_slow(l *mutex): unlock's other cases (m.locks already counted down), with l's old
// key in AX: unlocked (a fatal error) or sleeping (wake one sleeper). Clobbers AX BX CX DX
// SI DI R8-R11.
TEXT runtime·unlock_slow(SB), NOSPLIT, $16-8
	CMPL	AX, $mutex_unlocked
	JNE	2(PC)
	CALL	runtime·unlockBad(SB)     // "unlock of unlocked lock"
	MOVQ	l+0(FP), BX
	MOVQ	BX, 0(SP)
	MOVL	$1, 8(SP)
	CALL	runtime·futexwakeup(SB)
	RET

// unlockBad(): throws "unlock of unlocked lock".
TEXT runtime·unlockBad(SB), NOSPLIT, $16
	LEAQ	msgunlock<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$23, 8(SP)
	CALL	runtime·throw(SB)
	RET

DATA	msgunlock<>+0(SB)/23, $"unlock of unlocked lock"
GLOBL	msgunlock<>(SB), RODATA, $23

// noteclear(n *note): resets n so that it can be slept on again. Clobbers AX.
TEXT runtime·noteclear(SB), NOSPLIT, $0-8
	MOVQ	n+0(FP), AX
	MOVQ	$0, note_key(AX)
	RET

// notewakeup(n *note): sets n and wakes its sleeper; a second wakeup is a fatal error.
// Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·notewakeup(SB), NOSPLIT, $16-8
	MOVQ	n+0(FP), BX
	MOVL	$1, AX
	XCHGL	AX, note_key(BX)
	CMPL	AX, $0
	JEQ	wake
	LEAQ	msgdouble<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$29, 8(SP)
	CALL	runtime·throw(SB)
wake:
	MOVQ	BX, 0(SP)
	MOVL	$1, 8(SP)
	CALL	runtime·futexwakeup(SB)
	RET

DATA	msgdouble<>+0(SB)/29, $"notewakeup - double wakeup ()"
GLOBL	msgdouble<>(SB), RODATA, $29

// notesleep(n *note): sleeps (on g0) until n is set. Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·notesleep(SB), NOSPLIT, $24-8
again:
	MOVQ	n+0(FP), BX
	MOVL	note_key(BX), AX
	CMPL	AX, $0
	JNE	done
	MOVQ	BX, 0(SP)
	MOVL	$0, 8(SP)
	MOVQ	$-1, 16(SP)
	CALL	runtime·futexsleep(SB)
	JMP	again
done:
	RET

// notetsleep(n *note, ns int64) bool: sleeps (on g0) until n is set or ns nanoseconds of
// virtual time have passed (ns < 0: no limit, as notesleep); reports whether n is set, as Go's
// notetsleep_internal: a wake-up that leaves n clear sleeps again for what is left of ns.
// Clobbers AX BX CX DX SI DI R8-R11.
TEXT runtime·notetsleep(SB), NOSPLIT, $32-17
	MOVQ	n+0(FP), BX
	CMPL	note_key(BX), $0
	JNE	set
	MOVQ	ns+8(FP), AX
	CMPQ	AX, $0
	JGE	timed
	MOVQ	BX, 0(SP)
	CALL	runtime·notesleep(SB)
	JMP	set
timed:
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	ADDQ	ns+8(FP), AX
	MOVQ	AX, 24(SP)                // deadline
	MOVQ	ns+8(FP), AX
loop:
	MOVQ	n+0(FP), BX
	MOVQ	BX, 0(SP)
	MOVL	$0, 8(SP)
	MOVQ	AX, 16(SP)
	CALL	runtime·futexsleep(SB)
	MOVQ	n+0(FP), BX
	CMPL	note_key(BX), $0
	JNE	set
	CALL	runtime·nanotime1(SB)
	MOVQ	24(SP), AX
	SUBQ	0(SP), AX                 // what is left
	JGT	loop
	MOVB	$0, ret+16(FP)
	RET
set:
	MOVB	$1, ret+16(FP)
	RET
