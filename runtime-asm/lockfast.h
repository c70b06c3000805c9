// lockfast.h: lock and unlock with their uncontended case inline at the call site, for the
// scheduler's and the channels' hot paths (the routines in lock_futex.s do the same work
// behind a call). Both use the frame's 0(SP) argument slot for the contended call.

// LOCKFAST(mu) is lock(&mu): counts m.locks up, then one XCHG takes an unlocked mu; a held
// mu goes to lock_slow (with the old key in AX). mu is a memory operand (its address must not use AX or CX).
// Clobbers AX CX, and everything lock clobbers when contended.
#define LOCKFAST(mu) \
	get_tls(CX); \
	MOVQ	g(CX), AX; \
	MOVQ	g_m(AX), AX; \
	INCL	m_locks(AX); \
	MOVL	$mutex_locked, AX; \
	XCHGL	AX, mu; \
	CMPL	AX, $mutex_unlocked; \
	JEQ	4(PC); \
	LEAQ	mu, CX; \
	MOVQ	CX, 0(SP); \
	CALL	runtime·lock_slow(SB)

// UNLOCKFAST(mu) is unlock(&mu): counts m.locks down, then one XCHG releases mu; a mu with
// sleepers (or not locked at all) goes to unlock_slow. mu is a memory operand (its address
// must not use AX or CX). Clobbers AX CX, and everything unlock clobbers in those cases.
#define UNLOCKFAST(mu) \
	get_tls(CX); \
	MOVQ	g(CX), AX; \
	MOVQ	g_m(AX), AX; \
	DECL	m_locks(AX); \
	MOVL	$mutex_unlocked, AX; \
	XCHGL	AX, mu; \
	CMPL	AX, $mutex_locked; \
	JEQ	4(PC); \
	LEAQ	mu, CX; \
	MOVQ	CX, 0(SP); \
	CALL	runtime·unlock_slow(SB)
