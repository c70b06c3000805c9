// chan.s: channels, as in Go's src/runtime/chan.go: a lock, a ring buffer of dataqsiz
// elements, and two queues of sudogs (parked receivers and senders). A send to a parked
// receiver copies straight into the receiver's variable (direct hand-off) and readies it.
// Routines take their arguments on the stack (ABI0) and may clobber every register but SP and
// BP unless their opening comment names what they clobber.
// The API entry points (makechan, chansend1, chanrecv1, chanrecv2, closechan) split, as in Go,
// before any lock is taken. What they call stays NOSPLIT: it runs with the channel locked or
// with a sudog queued whose elem points into the stack (copystack adjusts g.waiting's sudogs,
// but a growth there would gain nothing), and the linker's check keeps the chain in StackLimit.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"
#include "lockfast.h"

#define MYG(r) \
	get_tls(CX); \
	MOVQ	g(CX), r

// LOCKC(off) and UNLOCKC(off) lock and unlock the channel whose pointer is at off(SP)
// (uncontended: inline). Clobber AX BX CX, and everything lock/unlock clobber when contended.
#define LOCKC(off) \
	MOVQ	off(SP), BX; \
	LOCKFAST(hchan_lock(BX))

#define UNLOCKC(off) \
	MOVQ	off(SP), BX; \
	UNLOCKFAST(hchan_lock(BX))

#define PANIC(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·panicPlain(SB)

// makechan(elemsize, size int64) *hchan: a channel with a buffer of size elements of
// elemsize bytes (allocated right after the hchan). Negative sizes panic.
TEXT runtime·makechan(SB), $16-24
	MOVQ	size+8(FP), AX
	CMPQ	AX, $0
	JLT	bad
	MOVQ	elemsize+0(FP), BX
	CMPQ	BX, $0
	JLT	bad
	CMPQ	BX, $65536
	JGE	bad
	IMULQ	BX, AX
	ADDQ	$hchan__size, AX
	MOVQ	AX, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	LEAQ	hchan__size(AX), BX
	MOVQ	BX, hchan_buf(AX)
	MOVQ	elemsize+0(FP), BX
	MOVW	BX, hchan_elemsize(AX)
	MOVQ	size+8(FP), BX
	MOVQ	BX, hchan_dataqsiz(AX)
	MOVQ	AX, ret+16(FP)
	RET
bad:
	PANIC(msgmakechan<>, 27)
	RET

// chansend1(c *hchan, elem *byte): c <- *elem. Blocks until a receiver takes it or there is
// room in the buffer; a nil channel blocks forever; a closed one panics.
TEXT runtime·chansend1(SB), $64-16
	MOVQ	c+0(FP), AX
	MOVQ	AX, 32(SP)
	CMPQ	AX, $0
	JNE	notnil
	MOVQ	$0, 0(SP)
	MOVQ	$0, 8(SP)
	MOVB	$waitReasonChanSendNilChan, 16(SP)
	CALL	runtime·gopark(SB)
	CALL	runtime·abort(SB)         // unreachable
notnil:
	LOCKC(32)
	MOVQ	32(SP), AX
	CMPL	hchan_closed(AX), $0
	JEQ	open
	UNLOCKC(32)
	PANIC(msgsendclosed<>, 22)
open:
	LEAQ	hchan_recvq(AX), BX
	MOVQ	BX, 0(SP)
	CALL	runtime·dequeue(SB)
	MOVQ	8(SP), BX
	CMPQ	BX, $0
	JEQ	nowaiter
	// a receiver is parked: hand the value over directly
	MOVQ	32(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	MOVQ	elem+8(FP), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·send(SB)
	RET
nowaiter:
	MOVQ	32(SP), AX
	MOVQ	hchan_qcount(AX), BX
	CMPQ	BX, hchan_dataqsiz(AX)
	JGE	block
	// room in the buffer: copy into slot sendx
	MOVQ	hchan_sendx(AX), BX
	MOVWQZX	hchan_elemsize(AX), CX
	IMULQ	CX, BX
	ADDQ	hchan_buf(AX), BX
	MOVQ	BX, 0(SP)
	MOVQ	elem+8(FP), BX
	MOVQ	BX, 8(SP)
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
	MOVQ	32(SP), AX
	INCQ	hchan_sendx(AX)
	MOVQ	hchan_sendx(AX), BX
	CMPQ	BX, hchan_dataqsiz(AX)
	JNE	2(PC)
	MOVQ	$0, hchan_sendx(AX)
	INCQ	hchan_qcount(AX)
	UNLOCKC(32)
	RET
block:
	CALL	runtime·acquireSudog(SB)
	MOVQ	0(SP), BX
	MOVQ	BX, 40(SP)                // mysg
	MOVQ	elem+8(FP), AX
	MOVQ	AX, sudog_elem(BX)
	MYG(AX)
	MOVQ	AX, sudog_g(BX)
	MOVQ	32(SP), CX
	MOVQ	CX, sudog_c(BX)
	MOVB	$0, sudog_success(BX)
	MOVQ	BX, g_waiting(AX)
	MOVQ	$0, g_param(AX)
	MOVQ	32(SP), AX
	LEAQ	hchan_sendq(AX), AX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	CALL	runtime·enqueue(SB)
	LEAQ	runtime·chanparkcommit(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	32(SP), AX
	LEAQ	hchan_lock(AX), AX
	MOVQ	AX, 8(SP)
	MOVB	$waitReasonChanSend, 16(SP)
	CALL	runtime·gopark(SB)
	// woken by a receiver (success) or by close (failure)
	MYG(AX)
	MOVQ	$0, g_waiting(AX)
	MOVQ	$0, g_param(AX)
	MOVQ	40(SP), BX
	MOVBQZX	sudog_success(BX), CX
	MOVQ	CX, 48(SP)
	MOVQ	BX, 0(SP)
	CALL	runtime·releaseSudog(SB)
	CMPQ	48(SP), $0
	JNE	done
	PANIC(msgsendclosed<>, 22)
done:
	RET

// send(c *hchan, sg *sudog, ep *byte): the direct hand-off: copies *ep into the parked
// receiver's variable, unlocks c and readies the receiver. c must be locked.
TEXT runtime·send(SB), NOSPLIT, $32-24
	MOVQ	sg+8(FP), BX
	MOVQ	sudog_elem(BX), AX
	CMPQ	AX, $0
	JEQ	nocopy
	MOVQ	AX, 0(SP)
	MOVQ	ep+16(FP), AX
	MOVQ	AX, 8(SP)
	MOVQ	c+0(FP), AX
	MOVWQZX	hchan_elemsize(AX), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·memmove(SB)
	MOVQ	sg+8(FP), BX
	MOVQ	$0, sudog_elem(BX)
nocopy:
	MOVQ	c+0(FP), BX
	UNLOCKFAST(hchan_lock(BX))
	MOVQ	sg+8(FP), BX
	MOVQ	sudog_g(BX), AX
	MOVQ	BX, g_param(AX)
	MOVB	$1, sudog_success(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·goready(SB)
	RET

// chanrecv1(c *hchan, elem *byte): *elem = <-c (elem may be nil to drop the value).
TEXT runtime·chanrecv1(SB), $24-16
	MOVQ	c+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	elem+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv(SB)
	RET

// chanrecv2(c *hchan, elem *byte) (received bool): *elem, received = <-c; received is false
// when c is closed and drained (then *elem is zeroed).
TEXT runtime·chanrecv2(SB), $24-17
	MOVQ	c+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	elem+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·chanrecv(SB)
	MOVB	16(SP), AX
	MOVB	AX, received+16(FP)
	RET

// chanrecv(c *hchan, ep *byte) (received bool): receives from c into *ep (if ep != nil):
// from a parked sender, from the buffer, or by parking until a sender or close comes.
TEXT runtime·chanrecv(SB), NOSPLIT, $64-17
	MOVQ	c+0(FP), AX
	MOVQ	AX, 32(SP)
	CMPQ	AX, $0
	JNE	notnil
	MOVQ	$0, 0(SP)
	MOVQ	$0, 8(SP)
	MOVB	$waitReasonChanReceiveNilChan, 16(SP)
	CALL	runtime·gopark(SB)
	CALL	runtime·abort(SB)         // unreachable
notnil:
	LOCKC(32)
	MOVQ	32(SP), AX
	CMPL	hchan_closed(AX), $0
	JEQ	open
	CMPQ	hchan_qcount(AX), $0
	JNE	buffered
	// closed and drained: zero value, not received
	UNLOCKC(32)
	MOVQ	ep+8(FP), DI
	CMPQ	DI, $0
	JEQ	closedout
	MOVQ	32(SP), AX
	MOVWQZX	hchan_elemsize(AX), CX
	XORL	AX, AX
	CLD
	REP; STOSB
closedout:
	MOVB	$0, received+16(FP)
	RET
open:
	LEAQ	hchan_sendq(AX), BX
	MOVQ	BX, 0(SP)
	CALL	runtime·dequeue(SB)
	MOVQ	8(SP), BX
	CMPQ	BX, $0
	JEQ	nowaiter
	MOVQ	32(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	MOVQ	ep+8(FP), AX
	MOVQ	AX, 16(SP)
	CALL	runtime·recv(SB)
	MOVB	$1, received+16(FP)
	RET
nowaiter:
	MOVQ	32(SP), AX
	CMPQ	hchan_qcount(AX), $0
	JEQ	block
buffered:
	// take slot recvx
	MOVQ	hchan_recvx(AX), BX
	MOVWQZX	hchan_elemsize(AX), CX
	IMULQ	CX, BX
	ADDQ	hchan_buf(AX), BX
	MOVQ	BX, 48(SP)                // qp
	MOVQ	ep+8(FP), DI
	CMPQ	DI, $0
	JEQ	cleared
	MOVQ	DI, 0(SP)
	MOVQ	BX, 8(SP)
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
cleared:
	MOVQ	32(SP), AX
	MOVWQZX	hchan_elemsize(AX), CX
	MOVQ	48(SP), DI
	XORL	AX, AX
	CLD
	REP; STOSB
	MOVQ	32(SP), AX
	INCQ	hchan_recvx(AX)
	MOVQ	hchan_recvx(AX), BX
	CMPQ	BX, hchan_dataqsiz(AX)
	JNE	2(PC)
	MOVQ	$0, hchan_recvx(AX)
	DECQ	hchan_qcount(AX)
	UNLOCKC(32)
	MOVB	$1, received+16(FP)
	RET
block:
	CALL	runtime·acquireSudog(SB)
	MOVQ	0(SP), BX
	MOVQ	BX, 40(SP)                // mysg
	MOVQ	ep+8(FP), AX
	MOVQ	AX, sudog_elem(BX)
	MYG(AX)
	MOVQ	AX, sudog_g(BX)
	MOVQ	32(SP), CX
	MOVQ	CX, sudog_c(BX)
	MOVB	$0, sudog_success(BX)
	MOVQ	BX, g_waiting(AX)
	MOVQ	$0, g_param(AX)
	MOVQ	32(SP), AX
	LEAQ	hchan_recvq(AX), AX
	MOVQ	AX, 0(SP)
	MOVQ	BX, 8(SP)
	CALL	runtime·enqueue(SB)
	LEAQ	runtime·chanparkcommit(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	32(SP), AX
	LEAQ	hchan_lock(AX), AX
	MOVQ	AX, 8(SP)
	MOVB	$waitReasonChanReceive, 16(SP)
	CALL	runtime·gopark(SB)
	MYG(AX)
	MOVQ	$0, g_waiting(AX)
	MOVQ	$0, g_param(AX)
	MOVQ	40(SP), BX
	MOVBQZX	sudog_success(BX), CX
	MOVB	CX, received+16(FP)
	MOVQ	BX, 0(SP)
	CALL	runtime·releaseSudog(SB)
	RET

// recv(c *hchan, sg *sudog, ep *byte): receives from the parked sender sg: straight from
// its variable when c is unbuffered; otherwise from the head of the (full) buffer, whose
// freed slot takes the sender's value. Unlocks c and readies the sender. c must be locked.
TEXT runtime·recv(SB), NOSPLIT, $32-24
	MOVQ	c+0(FP), AX
	CMPQ	hchan_dataqsiz(AX), $0
	JNE	buffered
	MOVQ	ep+16(FP), DI
	CMPQ	DI, $0
	JEQ	done
	MOVQ	DI, 0(SP)
	MOVQ	sg+8(FP), BX
	MOVQ	sudog_elem(BX), BX
	MOVQ	BX, 8(SP)
	MOVWQZX	hchan_elemsize(AX), CX
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
	JMP	done
buffered:
	MOVQ	hchan_recvx(AX), BX
	MOVWQZX	hchan_elemsize(AX), CX
	IMULQ	CX, BX
	ADDQ	hchan_buf(AX), BX
	MOVQ	BX, 24(SP)                // qp
	MOVQ	ep+16(FP), DI
	CMPQ	DI, $0
	JEQ	fill
	MOVQ	DI, 0(SP)
	MOVQ	BX, 8(SP)
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
fill:
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	sg+8(FP), BX
	MOVQ	sudog_elem(BX), BX
	MOVQ	BX, 8(SP)
	MOVQ	c+0(FP), AX
	MOVWQZX	hchan_elemsize(AX), CX
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
	MOVQ	c+0(FP), AX
	INCQ	hchan_recvx(AX)
	MOVQ	hchan_recvx(AX), BX
	CMPQ	BX, hchan_dataqsiz(AX)
	JNE	2(PC)
	MOVQ	$0, hchan_recvx(AX)
	MOVQ	hchan_recvx(AX), BX
	MOVQ	BX, hchan_sendx(AX)       // c.sendx = (c.sendx+1) % c.dataqsiz
done:
	MOVQ	sg+8(FP), BX
	MOVQ	$0, sudog_elem(BX)
	MOVQ	c+0(FP), AX
	LEAQ	hchan_lock(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	sg+8(FP), BX
	MOVQ	sudog_g(BX), AX
	MOVQ	BX, g_param(AX)
	MOVB	$1, sudog_success(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·goready(SB)
	RET

// closechan(c *hchan): closes c: every parked receiver wakes with the zero value and
// received=false, every parked sender wakes to panic. Closing nil or closed channels panics.
TEXT runtime·closechan(SB), $48-8
	MOVQ	c+0(FP), AX
	CMPQ	AX, $0
	JNE	notnil
	PANIC(msgclosenil<>, 20)
notnil:
	MOVQ	AX, 32(SP)
	LOCKC(32)
	MOVQ	32(SP), AX
	CMPL	hchan_closed(AX), $0
	JEQ	open
	UNLOCKC(32)
	PANIC(msgcloseclosed<>, 23)
open:
	MOVL	$1, hchan_closed(AX)
	MOVQ	$0, 40(SP)                // glist, linked through g.schedlink
	LEAQ	hchan_recvq(AX), AX
	MOVQ	AX, 24(SP)                // the queue being drained: recvq, then sendq
drain:
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·dequeue(SB)
	MOVQ	8(SP), BX
	CMPQ	BX, $0
	JEQ	drained
	MOVQ	sudog_elem(BX), DI
	CMPQ	DI, $0
	JEQ	noelem
	MOVQ	32(SP), AX
	MOVWQZX	hchan_elemsize(AX), CX
	XORL	AX, AX
	CLD
	REP; STOSB                        // receivers get the zero value
	MOVQ	$0, sudog_elem(BX)
noelem:
	MOVQ	sudog_g(BX), AX
	MOVQ	BX, g_param(AX)
	MOVB	$0, sudog_success(BX)
	MOVQ	40(SP), CX
	MOVQ	CX, g_schedlink(AX)
	MOVQ	AX, 40(SP)
	JMP	drain
drained:
	MOVQ	32(SP), AX
	LEAQ	hchan_sendq(AX), AX
	CMPQ	AX, 24(SP)
	JEQ	unlocked
	MOVQ	AX, 24(SP)
	JMP	drain
unlocked:
	UNLOCKC(32)
ready:
	MOVQ	40(SP), AX
	CMPQ	AX, $0
	JEQ	done
	MOVQ	g_schedlink(AX), BX
	MOVQ	BX, 40(SP)
	MOVQ	$0, g_schedlink(AX)
	MOVQ	AX, 0(SP)
	CALL	runtime·goready(SB)
	JMP	ready
done:
	RET

// chanparkcommit(gp *g, chanLock unsafe.Pointer) bool: gopark's unlock function for
// channels: releases the channel lock once gp is parked. Always true.
TEXT runtime·chanparkcommit(SB), NOSPLIT, $8-17
	MOVQ	chanLock+8(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVB	$1, ret+16(FP)
	RET

// enqueue(q *waitq, sgp *sudog): appends sgp to q. Clobbers AX BX CX.
TEXT runtime·enqueue(SB), NOSPLIT, $0-16
	MOVQ	q+0(FP), AX
	MOVQ	sgp+8(FP), BX
	MOVQ	$0, sudog_next(BX)
	MOVQ	waitq_last(AX), CX
	MOVQ	CX, sudog_prev(BX)
	CMPQ	CX, $0
	JNE	append
	MOVQ	BX, waitq_first(AX)
	MOVQ	BX, waitq_last(AX)
	RET
append:
	MOVQ	BX, sudog_next(CX)
	MOVQ	BX, waitq_last(AX)
	RET

// dequeue(q *waitq) *sudog: removes and returns q's first sudog, or nil. Clobbers AX BX CX.
TEXT runtime·dequeue(SB), NOSPLIT, $0-16
	MOVQ	q+0(FP), AX
	MOVQ	waitq_first(AX), BX
	CMPQ	BX, $0
	JEQ	done
	MOVQ	sudog_next(BX), CX
	CMPQ	CX, $0
	JNE	more
	MOVQ	$0, waitq_first(AX)
	MOVQ	$0, waitq_last(AX)
	JMP	unlinked
more:
	MOVQ	$0, sudog_prev(CX)
	MOVQ	CX, waitq_first(AX)
unlinked:
	MOVQ	$0, sudog_next(BX)
done:
	MOVQ	BX, ret+8(FP)
	RET

// acquireSudog() *sudog: a cleared sudog from this P's cache (a list of p.nsudog sudogs);
// when that is empty, it is refilled from the global cache (under sched.sudoglock) up to
// half its capacity; when both are empty, a new sudog.
TEXT runtime·acquireSudog(SB), NOSPLIT, $16-8
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
	MOVQ	p_sudogcache(BX), AX
	CMPQ	AX, $0
	JEQ	refill
pop:
	MOVQ	sudog_next(AX), CX
	MOVQ	CX, p_sudogcache(BX)
	DECQ	p_nsudog(BX)
	MOVQ	$0, sudog_next(AX)
	MOVQ	AX, ret+0(FP)
	RET
refill:
	LEAQ	runtime·sched+schedt_sudoglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
move:
	CMPQ	p_nsudog(BX), $(sudogCacheCap/2)
	JGE	moved
	MOVQ	runtime·sched+schedt_sudogcache(SB), AX
	CMPQ	AX, $0
	JEQ	moved
	MOVQ	sudog_next(AX), CX
	MOVQ	CX, runtime·sched+schedt_sudogcache(SB)
	MOVQ	p_sudogcache(BX), CX
	MOVQ	CX, sudog_next(AX)
	MOVQ	AX, p_sudogcache(BX)
	INCQ	p_nsudog(BX)
	JMP	move
moved:
	LEAQ	runtime·sched+schedt_sudoglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
	MOVQ	p_sudogcache(BX), AX
	CMPQ	AX, $0
	JNE	pop
	MOVQ	$sudog__size, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, ret+0(FP)
	RET

// releaseSudog(s *sudog): clears s and returns it to this P's cache; a full cache first
// gives half of itself to the global cache (under sched.sudoglock).
TEXT runtime·releaseSudog(SB), NOSPLIT, $16-8
	MOVQ	s+0(FP), DI
	MOVQ	$(sudog__size/8), CX
	XORQ	AX, AX
	CLD
	REP; STOSQ
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
	CMPQ	p_nsudog(BX), $sudogCacheCap
	JGE	spill
push:
	MOVQ	s+0(FP), AX
	MOVQ	p_sudogcache(BX), CX
	MOVQ	CX, sudog_next(AX)
	MOVQ	AX, p_sudogcache(BX)
	INCQ	p_nsudog(BX)
	RET
spill:
	LEAQ	runtime·sched+schedt_sudoglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
give:
	CMPQ	p_nsudog(BX), $(sudogCacheCap/2)
	JLE	given
	MOVQ	p_sudogcache(BX), AX
	MOVQ	sudog_next(AX), CX
	MOVQ	CX, p_sudogcache(BX)
	DECQ	p_nsudog(BX)
	MOVQ	runtime·sched+schedt_sudogcache(SB), CX
	MOVQ	CX, sudog_next(AX)
	MOVQ	AX, runtime·sched+schedt_sudogcache(SB)
	JMP	give
given:
	LEAQ	runtime·sched+schedt_sudoglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	get_tls(CX)
	MOVQ	g(CX), BX
	MOVQ	g_m(BX), BX
	MOVQ	m_p(BX), BX
	JMP	push

DATA	msgmakechan<>+0(SB)/27, $"makechan: size out of range"
GLOBL	msgmakechan<>(SB), RODATA, $27
DATA	msgsendclosed<>+0(SB)/22, $"send on closed channel"
GLOBL	msgsendclosed<>(SB), RODATA, $22
DATA	msgclosenil<>+0(SB)/20, $"close of nil channel"
GLOBL	msgclosenil<>(SB), RODATA, $20
DATA	msgcloseclosed<>+0(SB)/23, $"close of closed channel"
GLOBL	msgcloseclosed<>(SB), RODATA, $23
