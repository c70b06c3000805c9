// sema.s: semaphores for sleeping locks and wait groups, as in Go's src/runtime/sema.go
// (semacquire1 / semrelease1 without hand-off). *addr counts available units; a goroutine
// that finds none parks on a sudog in the wait list until a release readies it, then tries
// again. gmpvm keeps a single wait list (semtable) where Go hashes addresses over 251.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// semacquire and semrelease split at entry, as in Go; cansemacquire and parkunlock_c are
// NOSPLIT small leaves or run with the wait list locked.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

GLOBL	runtime·semtable(SB), NOPTR, $semaRoot__size

// cansemacquire(addr *uint32) bool: takes one unit if there is one. Clobbers AX CX.
TEXT runtime·cansemacquire(SB), NOSPLIT, $0-9
	MOVQ	addr+0(FP), BX
again:
	MOVL	(BX), AX
	CMPL	AX, $0
	JEQ	no
	MOVL	AX, CX
	DECL	CX
	LOCK
	CMPXCHGL	CX, (BX)
	JNE	again
	MOVB	$1, ret+8(FP)
	RET
no:
	MOVB	$0, ret+8(FP)
	RET

// semacquire(addr *uint32): waits until *addr > 0, then decrements it.
TEXT runtime·semacquire(SB), $40-8
	MOVQ	addr+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·cansemacquire(SB)
	CMPB	8(SP), $0
	JEQ	slow
	RET
slow:
	CALL	runtime·acquireSudog(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 32(SP)                // s
loop:
	LEAQ	runtime·semtable+semaRoot_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	LOCK
	INCL	runtime·semtable+semaRoot_nwait(SB)
	MOVQ	addr+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·cansemacquire(SB)
	CMPB	8(SP), $0
	JEQ	queue
	LOCK
	DECL	runtime·semtable+semaRoot_nwait(SB)
	LEAQ	runtime·semtable+semaRoot_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	JMP	done
queue:
	MOVQ	32(SP), BX
	MOVQ	addr+0(FP), AX
	MOVQ	AX, sudog_elem(BX)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	AX, sudog_g(BX)
	MOVL	$0, sudog_ticket(BX)
	LEAQ	runtime·semtable+semaRoot_head(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	CALL	runtime·enqueue(SB)       // head/tail form a waitq
	LEAQ	runtime·parkunlock_c(SB), AX
	MOVQ	AX, 0(SP)
	LEAQ	runtime·semtable+semaRoot_lock(SB), AX
	MOVQ	AX, 8(SP)
	MOVB	$waitReasonSemacquire, 16(SP)
	CALL	runtime·gopark(SB)
	MOVQ	32(SP), BX
	CMPL	sudog_ticket(BX), $0
	JNE	done
	MOVQ	addr+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·cansemacquire(SB)
	CMPB	8(SP), $0
	JEQ	loop
done:
	MOVQ	32(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·releaseSudog(SB)
	RET

// semrelease(addr *uint32): increments *addr and readies one goroutine waiting on addr.
TEXT runtime·semrelease(SB), $32-8
	MOVQ	addr+0(FP), AX
	LOCK
	INCL	(AX)
	CMPL	runtime·semtable+semaRoot_nwait(SB), $0
	JNE	some
	RET
some:
	LEAQ	runtime·semtable+semaRoot_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	// find the first sudog waiting on addr and unlink it
	MOVQ	addr+0(FP), DX
	MOVQ	runtime·semtable+semaRoot_head(SB), BX
find:
	CMPQ	BX, $0
	JEQ	none
	CMPQ	sudog_elem(BX), DX
	JEQ	found
	MOVQ	sudog_next(BX), BX
	JMP	find
found:
	MOVQ	sudog_prev(BX), AX
	MOVQ	sudog_next(BX), CX
	CMPQ	AX, $0
	JEQ	first
	MOVQ	CX, sudog_next(AX)
	JMP	2(PC)
first:
	MOVQ	CX, runtime·semtable+semaRoot_head(SB)
	CMPQ	CX, $0
	JEQ	last
	MOVQ	AX, sudog_prev(CX)
	JMP	unlinked
last:
	MOVQ	AX, runtime·semtable+semaRoot_tail(SB)
unlinked:
	MOVQ	$0, sudog_next(BX)
	MOVQ	$0, sudog_prev(BX)
	LOCK
	DECL	runtime·semtable+semaRoot_nwait(SB)
	MOVQ	BX, 24(SP)
	LEAQ	runtime·semtable+semaRoot_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	24(SP), BX
	MOVQ	sudog_g(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·goready(SB)
	RET
none:
	LEAQ	runtime·semtable+semaRoot_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET

// parkunlock_c(gp *g, lock *mutex) bool: gopark's unlock function for a runtime mutex.
TEXT runtime·parkunlock_c(SB), NOSPLIT, $8-17
	MOVQ	lock+8(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVB	$1, ret+16(FP)
	RET
