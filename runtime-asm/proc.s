// proc.s: goroutines and the G/M/P scheduler, as in Go's src/runtime/proc.go. Routines take
// their arguments on the stack (ABI0) and may clobber every register but SP and BP unless
// their opening comment says otherwise. The scheduler's routines that run only on g0 (schedule,
// findRunnable, execute, globrunqget, runqput, gosched_m, park_m, ready, goready_func1) are
// NOFRAME: g0's stack restarts at every mcall and is never unwound past it, so they save no BP.
// Splitting, as in Go: the API entry points (newproc, Gosched, Goexit, goexit1, runtime·main),
// bootstrap and M management on g0 (schedinit, procresize, mcommoninit, malg, allocm, newm,
// startm, handoffp, checkdead, sysmon, ...), newproc1 and the free g lists. NOSPLIT stays on:
// routines with a short clobber list (a growth keeps only SP, BP and DX), casgstatus and
// gosched_m (newstack calls them), the scheduler's hot path on g0 (schedule, findRunnable,
// execute, runqput/runqget, stealing: RuntimeCostsTest counts their instructions; Go marks
// several of them nosplit), gopark/park_m/goready/ready (run with locks held or sudogs
// queued), mstart/mstart0 (g0's guard is not set yet), entersyscall/exitsyscall (between
// them the stack must not move, as in Go) and preemptone (sysmon's, with the target's M
// running on).
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"
#include "lockfast.h"

// MYM(r) loads the current M into r (through g at FS:-8). Clobbers CX.
#define MYM(r) \
	get_tls(CX); \
	MOVQ	g(CX), r; \
	MOVQ	g_m(r), r

// GFREE_TO_SCHED(pp) moves the g at the head of pp's free list (which must not be empty) onto
// sched.gFree's stack; sched.gFree.lock must be held (gfput's overflow, pdestroy's purge).
// Clobbers AX CX.
#define GFREE_TO_SCHED(pp) \
	MOVQ	p_gFree_head(pp), AX; \
	MOVQ	g_schedlink(AX), CX; \
	MOVQ	CX, p_gFree_head(pp); \
	DECL	p_gFree_n(pp); \
	MOVQ	runtime·sched+schedt_gFree_stack(SB), CX; \
	MOVQ	CX, g_schedlink(AX); \
	MOVQ	AX, runtime·sched+schedt_gFree_stack(SB); \
	INCL	runtime·sched+schedt_gFree_n(SB)

// DROPG(m, t) is dropg's body for the M in m (as Go's compiler inlines dropg). Clobbers t.
#define DROPG(m, t) \
	MOVQ	m_curg(m), t; \
	CMPQ	t, $0; \
	JEQ	2(PC); \
	MOVQ	$0, g_m(t); \
	MOVQ	$0, m_curg(m)

// GLOBRUNQPUT(gp, t) is globrunqput's body for the g in gp (as Go's compiler inlines it).
// sched.lock must be held. Clobbers t.
#define GLOBRUNQPUT(gp, t) \
	MOVQ	$0, g_schedlink(gp); \
	MOVQ	runtime·sched+schedt_runq_tail(SB), t; \
	CMPQ	t, $0; \
	JEQ	3(PC); \
	MOVQ	gp, g_schedlink(t); \
	JMP	2(PC); \
	MOVQ	gp, runtime·sched+schedt_runq_head(SB); \
	MOVQ	gp, runtime·sched+schedt_runq_tail(SB); \
	INCL	runtime·sched+schedt_runqsize(SB)

#define THROW(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·throw(SB)

// ---- strings of sysmon and schedtrace ----
DATA	sSCHED<>+0(SB)/6, $"SCHED "
GLOBL	sSCHED<>(SB), RODATA, $6
#define sSCHED_n 6
DATA	sms<>+0(SB)/15, $"ms: gomaxprocs="
GLOBL	sms<>(SB), RODATA, $15
#define sms_n 15
DATA	sidle<>+0(SB)/11, $" idleprocs="
GLOBL	sidle<>(SB), RODATA, $11
#define sidle_n 11
DATA	sthreads<>+0(SB)/9, $" threads="
GLOBL	sthreads<>(SB), RODATA, $9
#define sthreads_n 9
DATA	sspin<>+0(SB)/17, $" spinningthreads="
GLOBL	sspin<>(SB), RODATA, $17
#define sspin_n 17
DATA	sneed<>+0(SB)/14, $" needspinning="
GLOBL	sneed<>(SB), RODATA, $14
#define sneed_n 14
DATA	sidlet<>+0(SB)/13, $" idlethreads="
GLOBL	sidlet<>(SB), RODATA, $13
#define sidlet_n 13
DATA	srunq<>+0(SB)/10, $" runqueue="
GLOBL	srunq<>(SB), RODATA, $10
#define srunq_n 10
DATA	sdetail<>+0(SB)/11, $" gcwaiting="
GLOBL	sdetail<>(SB), RODATA, $11
#define sdetail_n 11
DATA	snmidlelocked<>+0(SB)/14, $" nmidlelocked="
GLOBL	snmidlelocked<>(SB), RODATA, $14
#define snmidlelocked_n 14
DATA	sstopwait<>+0(SB)/10, $" stopwait="
GLOBL	sstopwait<>(SB), RODATA, $10
#define sstopwait_n 10
DATA	ssysmonwait<>+0(SB)/18, $" sysmonwait=false\n"
GLOBL	ssysmonwait<>(SB), RODATA, $18
#define ssysmonwait_n 18
DATA	sP<>+0(SB)/3, $"  P"
GLOBL	sP<>(SB), RODATA, $3
#define sP_n 3
DATA	sstatus<>+0(SB)/9, $": status="
GLOBL	sstatus<>(SB), RODATA, $9
#define sstatus_n 9
DATA	sschedtick<>+0(SB)/11, $" schedtick="
GLOBL	sschedtick<>(SB), RODATA, $11
#define sschedtick_n 11
DATA	ssyscalltick<>+0(SB)/13, $" syscalltick="
GLOBL	ssyscalltick<>(SB), RODATA, $13
#define ssyscalltick_n 13
DATA	sm<>+0(SB)/3, $" m="
GLOBL	sm<>(SB), RODATA, $3
#define sm_n 3
DATA	srunqsize<>+0(SB)/10, $" runqsize="
GLOBL	srunqsize<>(SB), RODATA, $10
#define srunqsize_n 10
DATA	sgfree<>+0(SB)/10, $" gfreecnt="
GLOBL	sgfree<>(SB), RODATA, $10
#define sgfree_n 10
DATA	stimers<>+0(SB)/11, $" timerslen="
GLOBL	stimers<>(SB), RODATA, $11
#define stimers_n 11
DATA	sM<>+0(SB)/3, $"  M"
GLOBL	sM<>(SB), RODATA, $3
#define sM_n 3
DATA	sp<>+0(SB)/4, $": p="
GLOBL	sp<>(SB), RODATA, $4
#define sp_n 4
DATA	scurg<>+0(SB)/6, $" curg="
GLOBL	scurg<>(SB), RODATA, $6
#define scurg_n 6
DATA	smallocing<>+0(SB)/11, $" mallocing="
GLOBL	smallocing<>(SB), RODATA, $11
#define smallocing_n 11
DATA	sthrowing<>+0(SB)/10, $" throwing="
GLOBL	sthrowing<>(SB), RODATA, $10
#define sthrowing_n 10
DATA	spreemptoff<>+0(SB)/19, $" preemptoff= locks="
GLOBL	spreemptoff<>(SB), RODATA, $19
#define spreemptoff_n 19
DATA	sdying<>+0(SB)/7, $" dying="
GLOBL	sdying<>(SB), RODATA, $7
#define sdying_n 7
DATA	sspinning<>+0(SB)/10, $" spinning="
GLOBL	sspinning<>(SB), RODATA, $10
#define sspinning_n 10
DATA	sblocked<>+0(SB)/9, $" blocked="
GLOBL	sblocked<>(SB), RODATA, $9
#define sblocked_n 9
DATA	slockedg<>+0(SB)/9, $" lockedg="
GLOBL	slockedg<>(SB), RODATA, $9
#define slockedg_n 9
DATA	sG<>+0(SB)/3, $"  G"
GLOBL	sG<>(SB), RODATA, $3
#define sG_n 3
DATA	sparen<>+0(SB)/1, $"("
GLOBL	sparen<>(SB), RODATA, $1
#define sparen_n 1
DATA	sgm<>+0(SB)/4, $") m="
GLOBL	sgm<>(SB), RODATA, $4
#define sgm_n 4
DATA	slockedm<>+0(SB)/9, $" lockedm="
GLOBL	slockedm<>(SB), RODATA, $9
#define slockedm_n 9
DATA	slbr<>+0(SB)/1, $"["
GLOBL	slbr<>(SB), RODATA, $1
#define slbr_n 1
DATA	srbr<>+0(SB)/2, $"]\n"
GLOBL	srbr<>(SB), RODATA, $2
#define srbr_n 2
DATA	ssp<>+0(SB)/1, $" "
GLOBL	ssp<>(SB), RODATA, $1
#define ssp_n 1
DATA	sGODEBUG<>+0(SB)/7, $"GODEBUG"
GLOBL	sGODEBUG<>(SB), RODATA, $7
#define sGODEBUG_n 7
DATA	sschedtraceeq<>+0(SB)/11, $"schedtrace="
GLOBL	sschedtraceeq<>(SB), RODATA, $11
#define sschedtraceeq_n 11
DATA	sscheddetaileq<>+0(SB)/12, $"scheddetail="
GLOBL	sscheddetaileq<>(SB), RODATA, $12
#define sscheddetaileq_n 12
DATA	sasyncpreemptoffeq<>+0(SB)/16, $"asyncpreemptoff="
GLOBL	sasyncpreemptoffeq<>(SB), RODATA, $16
#define sasyncpreemptoffeq_n 16

// PL(sym, n) prints the n-byte literal at sym. Clobbers AX and what
// printstring clobbers.
#define PL(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

// PI(x) prints the int64 x.
#define PI(x) \
	MOVQ	x, AX; \
	MOVQ	AX, 0(SP); \
	CALL	runtime·printint(SB)

// ---- the runtime's globals ----
GLOBL	runtime·allm(SB), NOPTR, $8
GLOBL	runtime·debug_schedtrace(SB), NOPTR, $8
GLOBL	runtime·debug_scheddetail(SB), NOPTR, $8
GLOBL	runtime·debug_asyncpreemptoff(SB), NOPTR, $8
GLOBL	runtime·runtimeInitTime(SB), NOPTR, $8
GLOBL	runtime·lasttrace(SB), NOPTR, $8
GLOBL	runtime·m0(SB), NOPTR, $m__size
GLOBL	runtime·g0(SB), NOPTR, $g__size
GLOBL	runtime·sched(SB), NOPTR, $schedt__size
GLOBL	runtime·allp(SB), NOPTR, $(_MaxGomaxprocs*8)
GLOBL	runtime·gomaxprocs(SB), NOPTR, $8
GLOBL	runtime·ncpu(SB), NOPTR, $8
GLOBL	runtime·allgs(SB), NOPTR, $8
GLOBL	runtime·allglen(SB), NOPTR, $8
GLOBL	runtime·allgcap(SB), NOPTR, $8
GLOBL	runtime·allglock(SB), NOPTR, $8
GLOBL	runtime·mainStarted(SB), NOPTR, $8
GLOBL	runtime·argc(SB), NOPTR, $8
GLOBL	runtime·argv(SB), NOPTR, $8
GLOBL	runtime·fastrandstate(SB), NOPTR, $8

// args(c int32, v **byte): remembers argc and argv (the environment follows argv's nil).
TEXT runtime·args(SB), $0-16
	MOVLQSX	c+0(FP), AX
	MOVQ	AX, runtime·argc(SB)
	MOVQ	v+8(FP), AX
	MOVQ	AX, runtime·argv(SB)
	RET

// osinit(): ncpu = the number of CPUs in this thread's affinity mask (sched_getaffinity).
TEXT runtime·osinit(SB), $176-0
	MOVQ	$0, 0(SP)
	MOVQ	$128, 8(SP)
	LEAQ	40(SP), AX                // the mask: 128 bytes at 40(SP)
	MOVQ	AX, 16(SP)
	CALL	runtime·sched_getaffinity(SB)
	MOVLQSX	24(SP), CX                // bytes written
	XORQ	AX, AX
	CMPQ	CX, $0
	JLE	done
	LEAQ	40(SP), SI
count:
	MOVBQZX	(SI), DX
	POPCNTQ	DX, DX
	ADDQ	DX, AX
	INCQ	SI
	DECQ	CX
	JNZ	count
done:
	CMPQ	AX, $0
	JNE	2(PC)
	MOVQ	$1, AX
	MOVQ	AX, runtime·ncpu(SB)
	RET

// gogetenv(name *byte, n int) *byte: the value of environment variable name (NUL-terminated),
// or nil. Clobbers AX BX CX DX SI DI.
TEXT runtime·gogetenv(SB), $0-24
	MOVQ	runtime·argc(SB), AX
	MOVQ	runtime·argv(SB), BX
	LEAQ	8(BX)(AX*8), BX           // envp
next:
	MOVQ	(BX), SI
	CMPQ	SI, $0
	JEQ	none
	ADDQ	$8, BX
	MOVQ	name+0(FP), DI
	MOVQ	n+8(FP), CX
cmp:
	MOVB	(SI), AL
	CMPB	AL, (DI)
	JNE	next
	INCQ	SI
	INCQ	DI
	DECQ	CX
	JNZ	cmp
	CMPB	(SI), $'='
	JNE	next
	INCQ	SI
	MOVQ	SI, ret+16(FP)
	RET
none:
	MOVQ	$0, ret+16(FP)
	RET

// atoi(s *byte) int: the decimal number at s (up to the first non-digit); -1 if none.
// Clobbers AX BX CX SI.
TEXT runtime·atoi(SB), $0-16
	MOVQ	s+0(FP), SI
	MOVQ	$-1, AX
	CMPQ	SI, $0
	JEQ	done
	XORQ	CX, CX
	MOVQ	$0, AX
	MOVQ	$-1, BX                   // becomes 0 after a digit
digit:
	MOVBQZX	(SI), CX
	SUBQ	$'0', CX
	CMPQ	CX, $9
	JHI	end
	IMULQ	$10, AX
	ADDQ	CX, AX
	MOVQ	$0, BX
	INCQ	SI
	JMP	digit
end:
	CMPQ	BX, $0
	JEQ	done
	MOVQ	$-1, AX
done:
	MOVQ	AX, ret+8(FP)
	RET

// schedinit(): the scheduler's bootstrap on m0: mcommoninit(m0), then GOMAXPROCS from the
// environment (default ncpu, at most _MaxGomaxprocs) and procresize.
TEXT runtime·schedinit(SB), $32-0
	MOVL	$maxmcount, runtime·sched+schedt_maxmcount(SB)
	LEAQ	runtime·m0(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcommoninit(SB)
	CALL	runtime·parsedebugvars(SB)
	LEAQ	envGOMAXPROCS<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$10, 8(SP)
	CALL	runtime·gogetenv(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·atoi(SB)
	MOVQ	8(SP), AX
	CMPQ	AX, $0
	JGT	2(PC)
	MOVQ	runtime·ncpu(SB), AX
	CMPQ	AX, $_MaxGomaxprocs
	JLE	2(PC)
	MOVQ	$_MaxGomaxprocs, AX
	MOVL	AX, 0(SP)
	CALL	runtime·procresize(SB)
	RET

DATA	envGOMAXPROCS<>+0(SB)/10, $"GOMAXPROCS"
GLOBL	envGOMAXPROCS<>(SB), RODATA, $10

// parsedebugvars(): reads the GODEBUG settings the scheduler knows: schedtrace=N (print a
// SCHED line every N ms of virtual time), scheddetail=1 (add P, M and G lines) and
// asyncpreemptoff=1 (preempt only at function prologues: no SIGURG).
TEXT runtime·parsedebugvars(SB), $24-0
	LEAQ	sasyncpreemptoffeq<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$sasyncpreemptoffeq_n, 8(SP)
	CALL	runtime·godebugint(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, runtime·debug_asyncpreemptoff(SB)
	LEAQ	sschedtraceeq<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$sschedtraceeq_n, 8(SP)
	CALL	runtime·godebugint(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, runtime·debug_schedtrace(SB)
	LEAQ	sscheddetaileq<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$sscheddetaileq_n, 8(SP)
	CALL	runtime·godebugint(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, runtime·debug_scheddetail(SB)
	RET

// godebugint(key *byte, n int) int: the number after key (which ends in '=') in the
// comma-separated GODEBUG variable, or -1.
TEXT runtime·godebugint(SB), $24-24
	LEAQ	sGODEBUG<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$sGODEBUG_n, 8(SP)
	CALL	runtime·gogetenv(SB)
	MOVQ	16(SP), SI
	CMPQ	SI, $0
	JEQ	none
item:
	MOVQ	key+0(FP), DI
	MOVQ	n+8(FP), CX
	MOVQ	SI, BX
cmp:
	MOVB	(BX), AL
	CMPB	AL, (DI)
	JNE	skip
	INCQ	BX
	INCQ	DI
	DECQ	CX
	JNZ	cmp
	MOVQ	BX, 0(SP)                 // key matched: the number follows
	CALL	runtime·atoi(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, ret+16(FP)
	RET
skip:
	MOVB	(SI), AL
	CMPB	AL, $0
	JEQ	none
	INCQ	SI
	CMPB	AL, $','
	JEQ	item
	JMP	skip
none:
	MOVQ	$-1, ret+16(FP)
	RET

// mcommoninit(mp *m): gives mp its id (sched.mnext++) and a fastrand seed.
TEXT runtime·mcommoninit(SB), $16-8
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	mp+0(FP), BX
	MOVQ	runtime·sched+schedt_mnext(SB), AX
	MOVQ	AX, m_id(BX)
	INCQ	runtime·sched+schedt_mnext(SB)
	MOVQ	$0x9E3779B97F4A7C15, DX
	IMULQ	DX, AX
	ADDQ	$1, AX
	MOVQ	AX, m_fastrand(BX)
	MOVQ	runtime·allm(SB), AX      // allm: newest first
	MOVQ	AX, m_alllink(BX)
	MOVQ	BX, runtime·allm(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	mp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mpreinit(SB)
	RET

// mpreinit(mp *m): gives mp its signal-handling goroutine gsignal with a 32 KiB stack.
TEXT runtime·mpreinit(SB), $16-8
	MOVL	$gsignalStackSize, 0(SP)
	CALL	runtime·malg(SB)
	MOVQ	8(SP), AX
	MOVQ	mp+0(FP), BX
	MOVQ	AX, m_gsignal(BX)
	MOVQ	BX, g_m(AX)
	RET

// fastrand() uint32: the M's xorshift random number generator. Clobbers AX BX CX DX.
TEXT runtime·fastrand(SB), NOSPLIT, $0-4
	MYM(BX)
	MOVQ	m_fastrand(BX), AX
	MOVQ	AX, DX
	SHLQ	$13, DX
	XORQ	DX, AX
	MOVQ	AX, DX
	SHRQ	$7, DX
	XORQ	DX, AX
	MOVQ	AX, DX
	SHLQ	$17, DX
	XORQ	DX, AX
	MOVQ	AX, m_fastrand(BX)
	MOVL	AX, ret+0(FP)
	RET

// procresize(nprocs int32) *p: makes the number of Ps nprocs, as Go's procresize (at start-up
// from schedinit, later from startTheWorldWithSema with the world stopped and sched.lock
// held): Ps allp[old..nprocs) are made (or remade) in _Pgcstop; the caller keeps its P if it
// survives, else takes allp[0]; Ps allp[nprocs..old) are destroyed (pdestroy); of the others,
// the idle-P list gets those with empty run queues (highest id first, so pidleget hands out
// the lowest), and the rest are returned, linked through p.link, for the caller to start.
TEXT runtime·procresize(SB), $40-16
	MOVQ	runtime·gomaxprocs(SB), AX
	MOVQ	AX, 32(SP)                // old
	MOVQ	AX, 24(SP)                // i
make:
	MOVQ	24(SP), BX
	MOVLQSX	nprocs+0(FP), CX
	CMPQ	BX, CX
	JGE	made
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	CMPQ	AX, $0
	JNE	init
	MOVQ	$p__size, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	24(SP), BX
	LEAQ	runtime·allp(SB), CX
	MOVQ	AX, (CX)(BX*8)
init:
	MOVL	BX, p_id(AX)
	MOVL	$_Pgcstop, p_status(AX)
	MOVQ	$0, p_m(AX)
	INCQ	24(SP)
	JMP	make
made:
	MYM(BX)
	MOVQ	m_p(BX), AX
	CMPQ	AX, $0
	JEQ	take0
	MOVL	p_id(AX), CX
	CMPL	CX, nprocs+0(FP)
	JGE	leave
	MOVL	$_Prunning, p_status(AX)  // keep using the current P
	JMP	destroy
leave:
	MOVQ	$0, p_m(AX)
	MOVQ	$0, m_p(BX)
take0:
	MOVQ	runtime·allp(SB), AX      // allp[0]
	MOVQ	$0, p_m(AX)
	MOVL	$_Pidle, p_status(AX)
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
destroy:
	MOVLQSX	nprocs+0(FP), AX
	MOVQ	AX, 24(SP)
each:
	MOVQ	24(SP), BX
	CMPQ	BX, 32(SP)
	JGE	destroyed
	INCQ	24(SP)
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·pdestroy(SB)
	JMP	each
destroyed:
	MOVQ	$0, 16(SP)                // runnablePs
	MOVLQSX	nprocs+0(FP), AX
	MOVQ	AX, 24(SP)
rest:
	DECQ	24(SP)
	MOVQ	24(SP), BX
	CMPQ	BX, $0
	JLT	done
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	MYM(DX)
	CMPQ	AX, m_p(DX)
	JEQ	rest
	MOVL	$_Pidle, p_status(AX)
	MOVQ	AX, 8(SP)
	MOVQ	AX, 0(SP)
	CALL	runtime·runqempty(SB)
	MOVQ	8(SP), AX
	CMPB	8(SP), $0
	JEQ	work
	MOVQ	24(SP), BX
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·pidleput(SB)
	JMP	rest
work:
	MOVQ	24(SP), BX
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	16(SP), CX
	MOVQ	CX, p_link(AX)
	MOVQ	AX, 16(SP)
	JMP	rest
done:
	MOVLQSX	nprocs+0(FP), AX
	MOVQ	AX, runtime·gomaxprocs(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, ret+8(FP)
	RET

// pdestroy(pp *p): frees what procresize takes away with pp, as Go's (*p).destroy (world
// stopped, sched.lock held): its run queue and runnext go to the head of the global queue (in
// order), its timers to the caller's P (moveTimers, both timersLocks held), its free gs,
// sudogs and defer records to the global lists; pp becomes _Pdead.
TEXT runtime·pdestroy(SB), $40-8
runq:
	MOVQ	pp+0(FP), BX
	MOVL	p_runqtail(BX), CX
	CMPL	CX, p_runqhead(BX)
	JEQ	runnext
	DECL	CX
	MOVL	CX, p_runqtail(BX)
	ANDL	$runqMask, CX
	MOVQ	p_runq(BX)(CX*8), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·globrunqputhead(SB)
	JMP	runq
runnext:
	MOVQ	pp+0(FP), BX
	MOVQ	p_runnext(BX), AX
	CMPQ	AX, $0
	JEQ	timers
	MOVQ	$0, p_runnext(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·globrunqputhead(SB)
timers:
	MOVQ	pp+0(FP), BX
	CMPQ	p_timers_len(BX), $0
	JEQ	gfree
	MYM(AX)
	MOVQ	m_p(AX), AX
	MOVQ	AX, 32(SP)                // plocal
	LEAQ	p_timersLock(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), BX
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	32(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	pp+0(FP), BX
	MOVQ	p_timers(BX), AX
	MOVQ	AX, 8(SP)
	MOVQ	p_timers_len(BX), AX
	MOVQ	AX, 16(SP)
	MOVQ	p_timers_cap(BX), AX
	MOVQ	AX, 24(SP)
	CALL	runtime·moveTimers(SB)
	MOVQ	pp+0(FP), BX
	MOVQ	$0, p_timers_len(BX)
	MOVL	$0, p_numTimers(BX)
	MOVL	$0, p_deletedTimers(BX)
	MOVQ	$0, p_timer0When(BX)
	LEAQ	p_timersLock(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	32(SP), AX
	LEAQ	p_timersLock(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
gfree:
	// gfpurge: every free g to sched.gFree
	LEAQ	runtime·sched+schedt_gFree_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), BX
g:
	CMPQ	p_gFree_head(BX), $0
	JEQ	gdone
	GFREE_TO_SCHED(BX)
	JMP	g
gdone:
	LEAQ	runtime·sched+schedt_gFree_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	LEAQ	runtime·sched+schedt_sudoglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), BX
sudog:
	MOVQ	p_sudogcache(BX), AX
	CMPQ	AX, $0
	JEQ	sdone
	MOVQ	sudog_next(AX), CX
	MOVQ	CX, p_sudogcache(BX)
	DECQ	p_nsudog(BX)
	MOVQ	runtime·sched+schedt_sudogcache(SB), CX
	MOVQ	CX, sudog_next(AX)
	MOVQ	AX, runtime·sched+schedt_sudogcache(SB)
	JMP	sudog
sdone:
	LEAQ	runtime·sched+schedt_sudoglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	LEAQ	runtime·sched+schedt_deferlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), BX
defer:
	MOVQ	p_deferpool(BX), AX
	CMPQ	AX, $0
	JEQ	ddone
	MOVQ	_defer_link(AX), CX
	MOVQ	CX, p_deferpool(BX)
	DECQ	p_deferpoolLen(BX)
	MOVQ	runtime·sched+schedt_deferpool(SB), CX
	MOVQ	CX, _defer_link(AX)
	MOVQ	AX, runtime·sched+schedt_deferpool(SB)
	JMP	defer
ddone:
	LEAQ	runtime·sched+schedt_deferlock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	pp+0(FP), BX
	MOVL	$_Pdead, p_status(BX)
	RET

// globrunqputhead(gp *g): puts gp at the head of the global run queue. sched.lock must be
// held. Clobbers AX BX.
TEXT runtime·globrunqputhead(SB), NOSPLIT, $0-8
	MOVQ	gp+0(FP), AX
	MOVQ	runtime·sched+schedt_runq_head(SB), BX
	MOVQ	BX, g_schedlink(AX)
	MOVQ	AX, runtime·sched+schedt_runq_head(SB)
	CMPQ	BX, $0
	JNE	2(PC)
	MOVQ	AX, runtime·sched+schedt_runq_tail(SB)
	INCL	runtime·sched+schedt_runqsize(SB)
	RET

// acquirep(pp *p): associates pp with the current M; pp must be idle. Clobbers AX BX CX.
TEXT runtime·acquirep(SB), NOSPLIT, $16-8
	MYM(BX)
	MOVQ	pp+0(FP), AX
	CMPQ	m_p(BX), $0
	JNE	bad
	CMPQ	p_m(AX), $0
	JNE	bad
	CMPL	p_status(AX), $_Pidle
	JNE	bad
	MOVQ	AX, m_p(BX)
	MOVQ	BX, p_m(AX)
	MOVL	$_Prunning, p_status(AX)
	RET
bad:
	THROW(msgacquirep<>, 25)
	RET

DATA	msgacquirep<>+0(SB)/25, $"acquirep: invalid p state"
GLOBL	msgacquirep<>(SB), RODATA, $25

// releasep() *p: disassociates the current M from its P and returns it (now _Pidle).
// Clobbers AX BX CX.
TEXT runtime·releasep(SB), NOSPLIT, $16-8
	MYM(BX)
	MOVQ	m_p(BX), AX
	CMPQ	AX, $0
	JEQ	bad
	CMPL	p_status(AX), $_Prunning
	JNE	bad
	MOVQ	$0, m_p(BX)
	MOVQ	$0, p_m(AX)
	MOVL	$_Pidle, p_status(AX)
	MOVQ	AX, ret+0(FP)
	RET
bad:
	THROW(msgreleasep<>, 25)
	RET

DATA	msgreleasep<>+0(SB)/25, $"releasep: invalid p state"
GLOBL	msgreleasep<>(SB), RODATA, $25

// pidleput(pp *p): puts pp on the idle-P list. sched.lock must be held. Clobbers AX BX.
TEXT runtime·pidleput(SB), NOSPLIT, $0-8
	MOVQ	pp+0(FP), AX
	MOVQ	runtime·sched+schedt_pidle(SB), BX
	MOVQ	BX, p_link(AX)
	MOVQ	AX, runtime·sched+schedt_pidle(SB)
	INCL	runtime·sched+schedt_npidle(SB)
	RET

// pidleget() *p: takes a P off the idle-P list, or nil, and wakes sysmon if it sleeps for want
// of a busy P (sysmonwake). sched.lock must be held. Clobbers AX BX, and CX DX SI DI when it
// wakes sysmon.
TEXT runtime·pidleget(SB), NOSPLIT, $0-8
	MOVQ	runtime·sched+schedt_pidle(SB), AX
	CMPQ	AX, $0
	JEQ	done
	MOVQ	p_link(AX), BX
	MOVQ	BX, runtime·sched+schedt_pidle(SB)
	MOVQ	$0, p_link(AX)
	DECL	runtime·sched+schedt_npidle(SB)
	CMPL	runtime·sched+schedt_sysmonwait(SB), $0
	JEQ	done
	MOVQ	AX, ret+0(FP)
	CALL	runtime·sysmonwake(SB)
	MOVQ	ret+0(FP), AX
done:
	MOVQ	AX, ret+0(FP)
	RET

// sysmonwake(): a P leaves the idle list while sysmon sleeps with nothing to watch: wake it.
// sched.lock must be held.
TEXT runtime·sysmonwake(SB), NOSPLIT, $8-0
	MOVL	$0, runtime·sched+schedt_sysmonwait(SB)
	LEAQ	runtime·sched+schedt_sysmonnote(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notewakeup(SB)
	RET

// mput(mp *m): puts mp on the idle-M list and checks for deadlock. sched.lock must be held.
TEXT runtime·mput(SB), NOSPLIT, $8-8
	MOVQ	mp+0(FP), AX
	MOVQ	runtime·sched+schedt_midle(SB), BX
	MOVQ	BX, m_schedlink(AX)
	MOVQ	AX, runtime·sched+schedt_midle(SB)
	INCL	runtime·sched+schedt_nmidle(SB)
	CALL	runtime·checkdead(SB)
	RET

// mget() *m: takes an M off the idle-M list, or nil. sched.lock must be held. Clobbers AX BX.
TEXT runtime·mget(SB), NOSPLIT, $0-8
	MOVQ	runtime·sched+schedt_midle(SB), AX
	CMPQ	AX, $0
	JEQ	done
	MOVQ	m_schedlink(AX), BX
	MOVQ	BX, runtime·sched+schedt_midle(SB)
	DECL	runtime·sched+schedt_nmidle(SB)
done:
	MOVQ	AX, ret+0(FP)
	RET

// checkdead(): called with sched.lock held when an M goes idle. If no M is running Go code
// any more and no P has a timer that could wake a goroutine, every goroutine is blocked for
// good: fatal "all goroutines are asleep - deadlock!" (or the Goexit variant when there are no
// goroutines at all). System goroutines (isSystemGoroutine) are not counted.
TEXT runtime·checkdead(SB), $48-0
	MOVQ	runtime·sched+schedt_mnext(SB), AX
	SUBQ	runtime·sched+schedt_nmfreed(SB), AX
	MOVLQSX	runtime·sched+schedt_nmidle(SB), BX
	SUBQ	BX, AX
	MOVLQSX	runtime·sched+schedt_nmidlelocked(SB), BX
	SUBQ	BX, AX
	MOVLQSX	runtime·sched+schedt_nmsys(SB), BX
	SUBQ	BX, AX
	CMPQ	AX, $0
	JLE	2(PC)
	RET                               // some M is still running
	JEQ	counted
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	THROW(msginconsistent<>, 30)
counted:
	MOVQ	$0, 32(SP)                // grunning
	MOVQ	$0, 40(SP)                // i
loop:
	MOVQ	40(SP), BX
	CMPQ	BX, runtime·allglen(SB)
	JGE	looked
	INCQ	40(SP)
	MOVQ	runtime·allgs(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	AX, 24(SP)
	MOVQ	AX, 0(SP)
	CALL	runtime·isSystemGoroutine(SB)
	CMPB	8(SP), $0
	JNE	loop                      // system goroutines do not keep a program alive
	MOVQ	24(SP), AX
	MOVL	g_atomicstatus(AX), CX
	CMPL	CX, $_Gwaiting
	JEQ	waiting
	CMPL	CX, $_Gpreempted
	JEQ	waiting
	CMPL	CX, $_Grunnable
	JEQ	runnable
	CMPL	CX, $_Grunning
	JEQ	runnable
	CMPL	CX, $_Gsyscall
	JEQ	runnable
	JMP	loop
waiting:
	INCQ	32(SP)
	JMP	loop
runnable:
	MOVQ	AX, 24(SP)
	CALL	runtime·printlock(SB)
	LEAQ	msgfindg<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$27, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	24(SP), AX
	MOVQ	g_goid(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	LEAQ	msginstatus<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$11, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	24(SP), AX
	MOVL	g_atomicstatus(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printuint(SB)
	CALL	runtime·printnl(SB)
	CALL	runtime·printunlock(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	THROW(msgrunnableg<>, 21)
looked:
	CMPQ	32(SP), $0
	JEQ	fatal
	XORL	BX, BX                    // goroutines asleep: a timer may still wake one
timers:
	CMPQ	BX, runtime·gomaxprocs(SB)
	JGE	fatal
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	INCQ	BX
	CMPQ	p_timers_len(AX), $0
	JEQ	timers
	RET
fatal:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CMPQ	32(SP), $0
	JNE	asleep
	LEAQ	msgnogoroutines<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$54, 8(SP)
	CALL	runtime·fatal(SB)
asleep:
	LEAQ	msgdeadlock<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$37, 8(SP)
	CALL	runtime·fatal(SB)
	RET

DATA	msginconsistent<>+0(SB)/30, $"checkdead: inconsistent counts"
GLOBL	msginconsistent<>(SB), RODATA, $30
DATA	msgfindg<>+0(SB)/27, $"runtime: checkdead: find g "
GLOBL	msgfindg<>(SB), RODATA, $27
DATA	msginstatus<>+0(SB)/11, $" in status "
GLOBL	msginstatus<>(SB), RODATA, $11
DATA	msgrunnableg<>+0(SB)/21, $"checkdead: runnable g"
GLOBL	msgrunnableg<>(SB), RODATA, $21
DATA	msgnogoroutines<>+0(SB)/54, $"no goroutines (main called runtime.Goexit) - deadlock!"
GLOBL	msgnogoroutines<>(SB), RODATA, $54
DATA	msgdeadlock<>+0(SB)/37, $"all goroutines are asleep - deadlock!"
GLOBL	msgdeadlock<>(SB), RODATA, $37

// mstart(): the entry of every M (m0 from rt0_go, others from clone) on its g0 stack.
// Never returns.
TEXT runtime·mstart(SB), NOSPLIT|TOPFRAME, $0
	CALL	runtime·mstart0(SB)
	RET                               // not reached

// mstart0(): sets g0's stack guards and runs mstart1. Never returns.
TEXT runtime·mstart0(SB), NOSPLIT, $0-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	(g_stack+stack_lo)(AX), BX
	ADDQ	$_StackGuard, BX
	MOVQ	BX, g_stackguard0(AX)
	MOVQ	BX, g_stackguard1(AX)
	CALL	runtime·mstart1(SB)
	CALL	runtime·abort(SB)
	RET

// mstart1(): records where g0's stack starts (g0.sched: every mcall and systemstack begins
// there), runs minit and the M's start function, takes m.nextp (except m0, which has its P)
// and enters schedule. Never returns.
TEXT runtime·mstart1(SB), $16-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), BX
	CMPQ	m_g0(BX), AX
	JEQ	ok
	THROW(msgbadmstart<>, 19)
ok:
	MOVQ	AX, (g_sched+gobuf_g)(AX)
	MOVQ	8(BP), CX                 // getcallerpc()
	MOVQ	CX, (g_sched+gobuf_pc)(AX)
	LEAQ	16(BP), CX                // getcallersp()
	MOVQ	CX, (g_sched+gobuf_sp)(AX)
	CALL	runtime·minit(SB)
	MYM(BX)
	LEAQ	runtime·m0(SB), AX        // m0 installs the signal handlers (Go's mstartm0)
	CMPQ	BX, AX
	JNE	2(PC)
	CALL	runtime·initsig(SB)
	MYM(BX)
	MOVQ	m_mstartfn(BX), AX
	CMPQ	AX, $0
	JEQ	nofn
	CALL	AX
nofn:
	MYM(BX)
	LEAQ	runtime·m0(SB), AX
	CMPQ	BX, AX
	JEQ	sched
	MOVQ	m_nextp(BX), AX
	MOVQ	$0, m_nextp(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
sched:
	CALL	runtime·schedule(SB)
	RET

DATA	msgbadmstart<>+0(SB)/19, $"bad runtime·mstart"
GLOBL	msgbadmstart<>(SB), RODATA, $19

// minit(): per-thread setup on the new M: records its thread id (gettid) and installs
// gsignal's stack as the thread's alternate signal stack (sigaltstack), where signal handlers
// will run.
TEXT runtime·minit(SB), $40-0
	CALL	runtime·gettid(SB)
	MOVL	0(SP), AX
	MYM(BX)
	MOVQ	AX, m_procid(BX)
	MOVQ	m_gsignal(BX), AX
	MOVQ	(g_stack+stack_lo)(AX), CX
	MOVQ	CX, 16(SP)                // stackt.ss_sp
	MOVL	$0, 24(SP)                // stackt.ss_flags
	MOVQ	(g_stack+stack_hi)(AX), DX
	SUBQ	CX, DX
	MOVQ	DX, 32(SP)                // stackt.ss_size
	LEAQ	16(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·sigaltstack(SB)
	RET

// main(): goroutine 1, as Go's runtime.main: notes the start time, starts sysmon on its own
// M, and, wired to this M (lockOSThread) as Go's runtime initialisation is, runs the
// runtime's init (forcegchelper's goroutine) and gcenable (the background sweeper and
// scavenger goroutines, which park). So by the time the program's main·main runs, the
// scheduler has already switched goroutines as Go's has (p.schedtick is not 0; an M besides
// m0 and sysmon's exists). With GODEBUG=schedtrace set, the first SCHED line is printed here,
// before main·main, where Go's sysmon prints it at its first tick. Exits 0 when main·main
// returns, whatever other goroutines are doing.
TEXT runtime·main(SB), $16-0
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, runtime·runtimeInitTime(SB)
	MOVQ	$1, runtime·mainStarted(SB)
	LEAQ	sysmonPC<>(SB), AX        // systemstack(newm(sysmon, nil))
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	CALL	runtime·lockOSThread(SB)
	CALL	runtime·init(SB)
	CALL	runtime·gcenable(SB)
	CALL	runtime·unlockOSThread(SB)
	CMPQ	runtime·debug_schedtrace(SB), $0
	JLE	run
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, runtime·lasttrace(SB)
	MOVQ	runtime·debug_scheddetail(SB), AX
	CMPQ	AX, $0
	SETGT	AL
	MOVB	AL, 0(SP)
	CALL	runtime·schedtrace(SB)
run:
	CALL	main·main(SB)
	MOVL	$0, 0(SP)
	CALL	runtime·exit(SB)
	CALL	runtime·abort(SB)        // not reached
	RET

// init(): the runtime's package initialisation, as Go's proc.go init: starts the goroutine
// forcegchelper, a system goroutine.
TEXT runtime·init(SB), NOSPLIT, $16-0
	MOVL	$0, 0(SP)
	LEAQ	forcegchelperPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
	RET

DATA	forcegchelperPC<>+0(SB)/8, $runtime·forcegchelper(SB)
GLOBL	forcegchelperPC<>(SB), RODATA, $8

// forcegchelper(): Go's goroutine that runs a garbage collection when sysmon finds none for
// two minutes. gmpvm has no collector: it parks for good, waiting as "force gc (idle)".
TEXT runtime·forcegchelper(SB), NOSPLIT, $24-0
park:
	MOVQ	$0, 0(SP)
	MOVQ	$0, 8(SP)
	MOVB	$waitReasonForceGCIdle, 16(SP)
	CALL	runtime·gopark(SB)
	JMP	park

// isSystemGoroutine(gp *g) bool: gp started in a runtime function other than runtime·main
// (forcegchelper, bgsweep, bgscavenge), as Go decides: such goroutines are not counted by
// NumGoroutine or checkdead and are left out of tracebacks unless GOTRACEBACK=system.
// Clobbers AX CX.
TEXT runtime·isSystemGoroutine(SB), NOSPLIT, $0-9
	MOVQ	gp+0(FP), AX
	MOVQ	g_startpc(AX), AX
	MOVB	$0, ret+8(FP)
	LEAQ	runtime·main(SB), CX
	CMPQ	AX, CX
	JEQ	no
	LEAQ	runtime·text(SB), CX
	CMPQ	AX, CX
	JCS	no
	LEAQ	runtime·etext(SB), CX
	CMPQ	AX, CX
	JCC	no
	MOVB	$1, ret+8(FP)
no:
	RET

// newproc(siz int32, fn *funcval, args...): starts a goroutine running fn with the siz bytes
// of arguments that follow fn in this call's frame (the compiler's old lowering of a go
// statement). Switches to g0 (systemstack) to run newproc1 and queue the new g in runnext.
TEXT runtime·newproc(SB), $56-16
	// a closure for systemstack at 8(SP): fn code, fn, argp, siz, callergp, callerpc
	LEAQ	runtime·newproc_func1(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	fn+8(FP), AX
	MOVQ	AX, 16(SP)
	LEAQ	fn+8(FP), AX
	ADDQ	$8, AX                    // argp: the arguments after fn
	MOVQ	AX, 24(SP)
	MOVLQSX	siz+0(FP), AX
	MOVQ	AX, 32(SP)
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	AX, 40(SP)
	MOVQ	8(BP), AX                 // getcallerpc()
	MOVQ	AX, 48(SP)
	LEAQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	RET

// newproc_func1(): the closure newproc runs on g0 (DX points at it): newproc1, then
// runqput(pp, newg, next=true) and, once main has started, wakep.
TEXT runtime·newproc_func1(SB), $48-0
	MOVQ	8(DX), AX
	MOVQ	AX, 0(SP)                 // fn
	MOVQ	16(DX), AX
	MOVQ	AX, 8(SP)                 // argp
	MOVQ	24(DX), AX
	MOVL	AX, 16(SP)                // siz
	MOVQ	32(DX), AX
	MOVQ	AX, 24(SP)                // callergp
	MOVQ	40(DX), AX
	MOVQ	AX, 32(SP)                // callerpc
	CALL	runtime·newproc1(SB)
	MOVQ	40(SP), AX                // newg
	MOVQ	AX, 8(SP)
	MYM(BX)
	MOVQ	m_p(BX), BX
	MOVQ	BX, 0(SP)
	MOVB	$1, 16(SP)
	CALL	runtime·runqput(SB)
	CMPQ	runtime·mainStarted(SB), $0
	JEQ	2(PC)
	CALL	runtime·wakep(SB)
	RET

// newproc1(fn *funcval, argp unsafe.Pointer, narg int32, callergp *g, callerpc uintptr) *g:
// makes a runnable g (reused from the free list or fresh from malg) whose stack holds the
// copied arguments with goexit+1 as the return address, so returning from fn ends the
// goroutine; the goid comes from the P's cache, refilled 16 at a time.
TEXT runtime·newproc1(SB), $48-48
	MOVQ	fn+0(FP), AX
	CMPQ	AX, $0
	JNE	fnok
	MYM(BX)
	MOVL	$-1, m_throwing(BX)       // do not dump full stacks
	THROW(msgnilfunc<>, 20)
fnok:
	MYM(BX)
	INCL	m_locks(BX)               // acquirem
	MOVLQSX	narg+16(FP), AX
	ADDQ	$7, AX
	ANDQ	$~7, AX
	CMPQ	AX, $(_StackMin-4*8-8)
	JLT	sizok
	THROW(msgargs<>, 55)
sizok:
	MOVQ	m_p(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·gfget(SB)
	MOVQ	8(SP), AX
	CMPQ	AX, $0
	JNE	gotg
	MOVL	$_StackMin, 0(SP)
	CALL	runtime·malg(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 40(SP)
	MOVQ	AX, 0(SP)
	MOVL	$_Gidle, 8(SP)
	MOVL	$_Gdead, 12(SP)
	CALL	runtime·casgstatus(SB)
	MOVQ	40(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·allgadd(SB)
	MOVQ	40(SP), AX
gotg:
	MOVQ	AX, 40(SP)                // newg
	// sp = stack.hi - totalSize, totalSize = 4*8 + siz rounded up to 16
	MOVLQSX	narg+16(FP), CX
	ADDQ	$(4*8+15), CX
	ANDQ	$~15, CX
	MOVQ	(g_stack+stack_hi)(AX), DX
	SUBQ	CX, DX
	MOVQ	DX, 32(SP)                // sp
	MOVLQSX	narg+16(FP), CX
	CMPQ	CX, $0
	JEQ	noargs
	MOVQ	DX, 0(SP)
	MOVQ	argp+8(FP), BX
	MOVQ	BX, 8(SP)
	MOVQ	CX, 16(SP)
	CALL	runtime·memmove(SB)
noargs:
	MOVQ	40(SP), AX
	MOVQ	32(SP), DX
	MOVQ	$0, (g_sched+gobuf_ret)(AX)
	MOVQ	$0, (g_sched+gobuf_lr)(AX)
	MOVQ	$0, (g_sched+gobuf_bp)(AX)
	MOVQ	DX, g_stktopsp(AX)
	MOVQ	AX, (g_sched+gobuf_g)(AX)
	// gostartcallfn: push goexit+1 as fn's return address, then pc = fn.fn, ctxt = fn
	LEAQ	runtime·goexit(SB), CX
	INCQ	CX                        // +PCQuantum: inside goexit
	SUBQ	$8, DX
	MOVQ	CX, (DX)
	MOVQ	DX, (g_sched+gobuf_sp)(AX)
	MOVQ	fn+0(FP), BX
	MOVQ	funcval_fn(BX), CX
	MOVQ	CX, (g_sched+gobuf_pc)(AX)
	MOVQ	BX, (g_sched+gobuf_ctxt)(AX)
	MOVQ	CX, g_startpc(AX)
	MOVQ	callerpc+32(FP), CX
	MOVQ	CX, g_gopc(AX)
	MOVQ	AX, 0(SP)
	CALL	runtime·isSystemGoroutine(SB)
	CMPB	8(SP), $0
	JEQ	notsys
	LOCK
	INCL	runtime·sched+schedt_ngsys(SB)
notsys:
	MOVQ	40(SP), AX
	MOVQ	AX, 0(SP)
	MOVL	$_Gdead, 8(SP)
	MOVL	$_Grunnable, 12(SP)
	CALL	runtime·casgstatus(SB)
	// goid from the P's cache, refilled _GoidCacheBatch at a time from sched.goidgen
	MYM(BX)
	MOVQ	m_p(BX), BX
	MOVQ	p_goidcache(BX), AX
	CMPQ	AX, p_goidcacheend(BX)
	JNE	havegoid
	MOVQ	$_GoidCacheBatch, AX
	LOCK
	XADDQ	AX, runtime·sched+schedt_goidgen(SB)
	ADDQ	$_GoidCacheBatch, AX      // the new goidgen
	SUBQ	$(_GoidCacheBatch-1), AX
	MOVQ	AX, p_goidcache(BX)
	LEAQ	_GoidCacheBatch(AX), CX
	MOVQ	CX, p_goidcacheend(BX)
havegoid:
	MOVQ	40(SP), CX
	MOVQ	AX, g_goid(CX)
	INCQ	p_goidcache(BX)
	MYM(BX)
	DECL	m_locks(BX)               // releasem
	MOVQ	40(SP), AX
	MOVQ	AX, ret+40(FP)
	RET

DATA	msgnilfunc<>+0(SB)/20, $"go of nil func value"
GLOBL	msgnilfunc<>(SB), RODATA, $20
DATA	msgargs<>+0(SB)/55, $"newproc: function arguments too large for new goroutine"
GLOBL	msgargs<>(SB), RODATA, $55

// malg(stacksize int32) *g: a new g with a stack of stacksize bytes (none if negative).
TEXT runtime·malg(SB), $32-16
	MOVQ	$g__size, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 24(SP)
	MOVL	stacksize+0(FP), CX
	CMPL	CX, $0
	JLT	done
	MOVL	CX, 0(SP)
	CALL	runtime·stackalloc(SB)
	MOVQ	24(SP), AX
	MOVQ	8(SP), BX
	MOVQ	BX, (g_stack+stack_lo)(AX)
	MOVQ	16(SP), CX
	MOVQ	CX, (g_stack+stack_hi)(AX)
	ADDQ	$_StackGuard, BX
	MOVQ	BX, g_stackguard0(AX)
	MOVQ	$-1, g_stackguard1(AX)
done:
	MOVQ	24(SP), AX
	MOVQ	AX, ret+8(FP)
	RET

// allgadd(gp *g): appends gp to allgs (growing it by doubling) under allglock.
TEXT runtime·allgadd(SB), $40-8
	LEAQ	runtime·allglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	runtime·allglen(SB), AX
	CMPQ	AX, runtime·allgcap(SB)
	JLT	room
	SHLQ	$1, AX
	CMPQ	AX, $64
	JGE	2(PC)
	MOVQ	$64, AX
	MOVQ	AX, 32(SP)                // new capacity
	SHLQ	$3, AX
	MOVQ	AX, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 24(SP)
	MOVQ	AX, 0(SP)
	MOVQ	runtime·allgs(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	runtime·allglen(SB), AX
	SHLQ	$3, AX
	MOVQ	AX, 16(SP)
	CALL	runtime·memmove(SB)
	MOVQ	24(SP), AX
	MOVQ	AX, runtime·allgs(SB)
	MOVQ	32(SP), AX
	MOVQ	AX, runtime·allgcap(SB)
room:
	MOVQ	runtime·allgs(SB), AX
	MOVQ	runtime·allglen(SB), BX
	MOVQ	gp+0(FP), CX
	MOVQ	CX, (AX)(BX*8)
	INCQ	runtime·allglen(SB)
	LEAQ	runtime·allglock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET

// casgstatus(gp *g, oldval, newval uint32): atomically moves gp from oldval to newval;
// gp not being in oldval is a fatal error. Clobbers AX BX CX.
TEXT runtime·casgstatus(SB), NOSPLIT|NOFRAME, $0-16
	MOVQ	gp+0(FP), BX
	MOVL	oldval+8(FP), AX
	MOVL	newval+12(FP), CX
	CMPL	AX, CX
	JEQ	bad
	LOCK
	CMPXCHGL	CX, g_atomicstatus(BX)
	JNE	bad
	RET
bad:
	JMP	runtime·badcasgstatus(SB)

// badcasgstatus(): casgstatus's fatal error.
TEXT runtime·badcasgstatus(SB), NOSPLIT, $16-0
	THROW(msgcasg<>, 31)
	RET

DATA	msgcasg<>+0(SB)/31, $"casgstatus: bad incoming values"
GLOBL	msgcasg<>(SB), RODATA, $31

// gfput(pp *p, gp *g): puts the dead gp on pp's free list; when that holds 64, moves half of
// them to the global free list. A stack that has grown past _FixedStack goes back to the
// stack pool first (lo = hi = stackguard0 = 0), so the g starts again on 2 KiB when reused.
TEXT runtime·gfput(SB), $16-16
	MOVQ	gp+8(FP), AX
	MOVQ	(g_stack+stack_hi)(AX), CX
	SUBQ	(g_stack+stack_lo)(AX), CX
	CMPQ	CX, $_FixedStack
	JEQ	keep
	MOVQ	(g_stack+stack_lo)(AX), CX
	MOVQ	CX, 0(SP)
	MOVQ	(g_stack+stack_hi)(AX), CX
	MOVQ	CX, 8(SP)
	CALL	runtime·stackfree(SB)
	MOVQ	gp+8(FP), AX
	MOVQ	$0, (g_stack+stack_lo)(AX)
	MOVQ	$0, (g_stack+stack_hi)(AX)
	MOVQ	$0, g_stackguard0(AX)
keep:
	MOVQ	pp+0(FP), BX
	MOVQ	gp+8(FP), AX
	MOVQ	p_gFree_head(BX), CX
	MOVQ	CX, g_schedlink(AX)
	MOVQ	AX, p_gFree_head(BX)
	INCL	p_gFree_n(BX)
	CMPL	p_gFree_n(BX), $64
	JLT	done
	LEAQ	runtime·sched+schedt_gFree_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), BX
move:
	CMPL	p_gFree_n(BX), $32
	JLT	moved
	GFREE_TO_SCHED(BX)
	JMP	move
moved:
	LEAQ	runtime·sched+schedt_gFree_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
done:
	RET

// gfget(pp *p) *g: a dead g from pp's free list (refilled with up to 32 from the global
// list when empty), or nil. A g whose grown stack gfput freed gets a new _FixedStack one
// (gmpvm keeps such gs on the same lists as the others; Go separates gFree.noStack).
// Runs on g0.
TEXT runtime·gfget(SB), $24-16
	MOVQ	pp+0(FP), BX
	CMPQ	p_gFree_head(BX), $0
	JNE	take
	CMPQ	runtime·sched+schedt_gFree_stack(SB), $0
	JEQ	take
	LEAQ	runtime·sched+schedt_gFree_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), BX
refill:
	CMPL	p_gFree_n(BX), $32
	JGE	refilled
	MOVQ	runtime·sched+schedt_gFree_stack(SB), AX
	CMPQ	AX, $0
	JEQ	refilled
	MOVQ	g_schedlink(AX), CX
	MOVQ	CX, runtime·sched+schedt_gFree_stack(SB)
	DECL	runtime·sched+schedt_gFree_n(SB)
	MOVQ	p_gFree_head(BX), CX
	MOVQ	CX, g_schedlink(AX)
	MOVQ	AX, p_gFree_head(BX)
	INCL	p_gFree_n(BX)
	JMP	refill
refilled:
	LEAQ	runtime·sched+schedt_gFree_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	pp+0(FP), BX
take:
	MOVQ	p_gFree_head(BX), AX
	CMPQ	AX, $0
	JEQ	done
	MOVQ	g_schedlink(AX), CX
	MOVQ	CX, p_gFree_head(BX)
	DECL	p_gFree_n(BX)
	MOVQ	$0, g_schedlink(AX)
	CMPQ	(g_stack+stack_lo)(AX), $0
	JNE	done
	MOVQ	AX, ret+8(FP)
	MOVL	$_FixedStack, 0(SP)
	CALL	runtime·stackalloc(SB)
	MOVQ	ret+8(FP), AX
	MOVQ	8(SP), BX
	MOVQ	BX, (g_stack+stack_lo)(AX)
	ADDQ	$_StackGuard, BX
	MOVQ	BX, g_stackguard0(AX)
	MOVQ	16(SP), BX
	MOVQ	BX, (g_stack+stack_hi)(AX)
done:
	MOVQ	AX, ret+8(FP)
	RET

// runqput(pp *p, gp *g, next bool): puts gp on pp's local run queue. With next, gp goes into
// runnext and the g it displaces goes to the tail. A full queue moves half of itself and gp
// to the global queue (runqputslow). Runs on g0.
TEXT runtime·runqput(SB), NOSPLIT|NOFRAME, $48-17
	MOVQ	pp+0(FP), BX
	MOVQ	gp+8(FP), DX
	CMPB	next+16(FP), $0
	JEQ	retry
kick:
	MOVQ	p_runnext(BX), AX
	LOCK
	CMPXCHGQ	DX, p_runnext(BX)
	JNE	kick
	CMPQ	AX, $0
	JEQ	done
	MOVQ	AX, DX                    // kick the old runnext to the regular queue
	MOVQ	DX, gp+8(FP)
retry:
	MOVL	p_runqhead(BX), AX        // load-acquire, synchronize with consumers
	MOVL	p_runqtail(BX), CX
	MOVL	CX, SI
	SUBL	AX, SI
	CMPL	SI, $runqSize
	JAE	slow
	MOVL	CX, SI
	ANDL	$runqMask, SI
	MOVQ	DX, p_runq(BX)(SI*8)
	INCL	CX
	MOVL	CX, p_runqtail(BX)        // store-release, makes the item available
done:
	RET
slow:
	MOVQ	BX, 0(SP)
	MOVQ	DX, 8(SP)
	MOVL	AX, 16(SP)
	MOVL	CX, 20(SP)
	CALL	runtime·runqputslow(SB)
	CMPB	24(SP), $0
	JNE	done
	MOVQ	pp+0(FP), BX
	MOVQ	gp+8(FP), DX
	JMP	retry

// runqputslow(pp *p, gp *g, h, t uint32) bool: moves gp and half of pp's queue (taken from
// its head) to the global run queue in one batch. False if a thief got there first. Runs on
// g0; splittable, as in Go: its 1 KiB batch array is more than a NOSPLIT chain may hold.
TEXT runtime·runqputslow(SB), $1080-25
	// batch: n = (t-h)/2 gs at 40(SP), then gp
	MOVQ	pp+0(FP), BX
	MOVL	h+16(FP), AX
	MOVL	t+20(FP), CX
	SUBL	AX, CX
	SHRL	$1, CX                    // n
	CMPL	CX, $(runqSize/2)
	JEQ	2(PC)
	CALL	runtime·abort(SB)         // "runqputslow: queue is not full"
	XORQ	DI, DI
copy:
	CMPL	DI, CX
	JGE	copied
	MOVL	AX, SI
	ADDL	DI, SI
	ANDL	$runqMask, SI
	MOVQ	p_runq(BX)(SI*8), DX
	MOVQ	DX, 40(SP)(DI*8)
	INCQ	DI
	JMP	copy
copied:
	MOVL	AX, DX                    // cas runqhead h -> h+n
	ADDL	CX, DX
	LOCK
	CMPXCHGL	DX, p_runqhead(BX)
	JEQ	took
	MOVB	$0, ret+24(FP)
	RET
took:
	MOVQ	gp+8(FP), DX
	MOVQ	DX, 40(SP)(CX*8)
	// link the batch through schedlink
	XORQ	DI, DI
link:
	CMPL	DI, CX
	JGE	linked
	MOVQ	40(SP)(DI*8), AX
	MOVQ	48(SP)(DI*8), DX
	MOVQ	DX, g_schedlink(AX)
	INCQ	DI
	JMP	link
linked:
	MOVQ	40(SP)(CX*8), AX
	MOVQ	$0, g_schedlink(AX)
	MOVL	CX, 32(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVL	32(SP), CX
	MOVQ	40(SP), AX                // head
	MOVQ	40(SP)(CX*8), DX          // tail
	INCL	CX                        // n+1 gs
	MOVQ	AX, 0(SP)
	MOVQ	DX, 8(SP)
	MOVL	CX, 16(SP)
	CALL	runtime·globrunqputbatch(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVB	$1, ret+24(FP)
	RET

// runqget(pp *p) (gp *g, inheritTime bool): the next g of pp's local queue: runnext first
// (which inherits the time slice), then the head. nil when empty.
TEXT runtime·runqget(SB), NOSPLIT, $0-24
	MOVQ	pp+0(FP), BX
	MOVQ	p_runnext(BX), AX
	CMPQ	AX, $0
	JEQ	queue
	XORQ	DX, DX
	LOCK
	CMPXCHGQ	DX, p_runnext(BX)
	JNE	queue
	MOVQ	AX, gp+8(FP)
	MOVB	$1, inheritTime+16(FP)
	RET
queue:
	MOVL	p_runqhead(BX), AX        // load-acquire, synchronize with other consumers
	MOVL	p_runqtail(BX), CX
	CMPL	AX, CX
	JEQ	empty
	MOVL	AX, SI
	ANDL	$runqMask, SI
	MOVQ	p_runq(BX)(SI*8), DX
	MOVL	AX, CX
	INCL	CX
	LOCK
	CMPXCHGL	CX, p_runqhead(BX)     // cas-release, commits consume
	JNE	queue
	MOVQ	DX, gp+8(FP)
	MOVB	$0, inheritTime+16(FP)
	RET
empty:
	MOVQ	$0, gp+8(FP)
	MOVB	$0, inheritTime+16(FP)
	RET

// globrunqput(gp *g): puts gp at the tail of the global run queue. sched.lock must be held.
// Clobbers AX BX.
TEXT runtime·globrunqput(SB), NOSPLIT, $0-8
	MOVQ	gp+0(FP), AX
	GLOBRUNQPUT(AX, BX)
	RET

// globrunqputbatch(head, tail *g, n int32): appends a linked batch of n gs to the global run
// queue. sched.lock must be held. Clobbers AX BX CX.
TEXT runtime·globrunqputbatch(SB), NOSPLIT, $0-20
	MOVQ	head+0(FP), AX
	MOVQ	tail+8(FP), CX
	MOVQ	runtime·sched+schedt_runq_tail(SB), BX
	CMPQ	BX, $0
	JEQ	empty
	MOVQ	AX, g_schedlink(BX)
	JMP	2(PC)
empty:
	MOVQ	AX, runtime·sched+schedt_runq_head(SB)
	MOVQ	CX, runtime·sched+schedt_runq_tail(SB)
	MOVL	n+16(FP), AX
	ADDL	AX, runtime·sched+schedt_runqsize(SB)
	RET

// globrunqget(pp *p, max int32) *g: takes a fair share of the global run queue
// (runqsize/gomaxprocs+1, at most max if max > 0, at most half a local queue): returns the
// first and puts the rest on pp's local queue. sched.lock must be held.
TEXT runtime·globrunqget(SB), NOSPLIT|NOFRAME, $40-24
	MOVLQSX	runtime·sched+schedt_runqsize(SB), CX
	CMPQ	CX, $0
	JNE	some
	MOVQ	$0, ret+16(FP)
	RET
some:
	MOVQ	CX, AX
	XORQ	DX, DX
	DIVQ	runtime·gomaxprocs(SB)
	INCQ	AX                        // n
	CMPQ	AX, CX
	JLE	2(PC)
	MOVQ	CX, AX
	MOVLQSX	max+8(FP), DX
	CMPQ	DX, $0
	JLE	nomax
	CMPQ	AX, DX
	JLE	nomax
	MOVQ	DX, AX
nomax:
	CMPQ	AX, $(runqSize/2)
	JLE	2(PC)
	MOVQ	$(runqSize/2), AX
	SUBL	AX, runtime·sched+schedt_runqsize(SB)
	MOVQ	AX, 32(SP)                // n
	MOVQ	runtime·sched+schedt_runq_head(SB), AX // the first: pop inline
	MOVQ	g_schedlink(AX), BX
	MOVQ	BX, runtime·sched+schedt_runq_head(SB)
	CMPQ	BX, $0
	JNE	2(PC)
	MOVQ	$0, runtime·sched+schedt_runq_tail(SB)
	MOVQ	$0, g_schedlink(AX)
	MOVQ	AX, ret+16(FP)
more:
	DECQ	32(SP)
	JLE	done
	CALL	runtime·globrunqpop(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 8(SP)
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVB	$0, 16(SP)
	CALL	runtime·runqput(SB)
	JMP	more
done:
	RET

// globrunqpop() *g: unlinks the head of the global run queue (the caller counts). Clobbers AX BX.
TEXT runtime·globrunqpop(SB), NOSPLIT, $0-8
	MOVQ	runtime·sched+schedt_runq_head(SB), AX
	MOVQ	g_schedlink(AX), BX
	MOVQ	BX, runtime·sched+schedt_runq_head(SB)
	CMPQ	BX, $0
	JNE	2(PC)
	MOVQ	$0, runtime·sched+schedt_runq_tail(SB)
	MOVQ	$0, g_schedlink(AX)
	MOVQ	AX, ret+0(FP)
	RET

// schedule(): one round of the scheduler on g0: find a runnable g (findRunnable, which may
// block) and run it. An M locked to a g runs only that g: it sleeps in stoplockedm until the
// g is ready; a locked g found by another M is handed over with startlockedm. Never returns.
TEXT runtime·schedule(SB), NOSPLIT|NOFRAME, $40-0
	MYM(BX)
	MOVQ	BX, 32(SP)
	CMPL	m_locks(BX), $0
	JNE	holding
	CMPQ	m_lockedg(BX), $0
	JNE	lockedm
top:
	CALL	runtime·findRunnable(SB)  // BX = m; blocks until work is available
	MOVQ	32(SP), BX                // findRunnable's results are execute's arguments
	CMPB	m_spinning(BX), $0
	JNE	spinning
run:
	MOVQ	0(SP), AX
	CMPQ	g_lockedm(AX), $0
	JNE	startlocked
	CALL	runtime·execute(SB)
	RET
spinning:
	MOVQ	0(SP), AX                 // keep execute's arguments across resetspinning
	MOVQ	AX, 16(SP)
	MOVB	8(SP), AX
	MOVB	AX, 24(SP)
	CALL	runtime·resetspinning(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, 0(SP)
	MOVB	24(SP), AX
	MOVB	AX, 8(SP)
	JMP	run
startlocked:
	// gp may run only on its own M: hand it our P, wait for another, look again
	CALL	runtime·startlockedm(SB)
	MOVQ	32(SP), BX
	JMP	top
lockedm:
	// this M may run only its locked g: give the P away until that g is ready again
	CALL	runtime·stoplockedm(SB)
	MOVQ	32(SP), BX
	MOVQ	m_lockedg(BX), AX
	MOVQ	AX, 0(SP)
	MOVB	$0, 8(SP)
	CALL	runtime·execute(SB)
	RET
holding:
	THROW(msgholding<>, 23)
	RET

DATA	msgholding<>+0(SB)/23, $"schedule: holding locks"
GLOBL	msgholding<>(SB), RODATA, $23

// findRunnable() (gp *g, inheritTime bool): finds a runnable goroutine: first, when the world
// is stopping (sched.gcwaiting), gives the P up (gcstopm), and runs this P's due timers
// (checkTimers); then every 61st schedtick the global queue first (for fairness), the local
// queue, the global queue, then (spinning, while spinning Ms are at most half the busy Ps)
// steals from other Ps (and runs their due timers); failing all that, gives up the P, checks
// every queue once more and parks the M (stopmTimers: until the next timer if it is the last)
// until it is handed work. Its one caller, schedule, passes its m in BX (saving the TLS
// load on every round).
TEXT runtime·findRunnable(SB), NOSPLIT|NOFRAME, $40-16
top:
	MOVQ	m_p(BX), BX
	MOVQ	BX, 24(SP)
	// the world stopping, or timers on this P: three instructions when neither
	MOVL	runtime·sched+schedt_gcwaiting(SB), AX
	ORQ	p_timer0When(BX), AX
	JNE	gcortimers
fair:
	CMPL	runtime·sched+schedt_runqsize(SB), $0
	JEQ	local
	MOVL	p_schedtick(BX), AX
	XORL	DX, DX
	MOVL	$globalRunqTick, CX
	DIVL	CX
	CMPL	DX, $0
	JNE	local
	LOCKFAST(runtime·sched+schedt_lock(SB))
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	MOVL	$1, 8(SP)
	CALL	runtime·globrunqget(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, gp+0(FP)
	MOVB	$0, inheritTime+8(FP)
	UNLOCKFAST(runtime·sched+schedt_lock(SB))
	CMPQ	gp+0(FP), $0
	JEQ	local
	RET
local:
	MOVQ	24(SP), BX
	MOVQ	BX, 0(SP)
	CALL	runtime·runqget(SB)
	MOVQ	8(SP), AX
	CMPQ	AX, $0
	JEQ	global
	MOVQ	AX, gp+0(FP)
	MOVB	16(SP), AX
	MOVB	AX, inheritTime+8(FP)
	RET
global:
	CMPL	runtime·sched+schedt_runqsize(SB), $0
	JEQ	steal
	LOCKFAST(runtime·sched+schedt_lock(SB))
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	MOVL	$0, 8(SP)
	CALL	runtime·globrunqget(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, gp+0(FP)
	MOVB	$0, inheritTime+8(FP)
	UNLOCKFAST(runtime·sched+schedt_lock(SB))
	CMPQ	gp+0(FP), $0
	JEQ	steal
	RET
steal:
	// spinning Ms are limited to half the busy Ps
	MYM(BX)
	CMPB	m_spinning(BX), $0
	JNE	spinning
	MOVL	runtime·sched+schedt_nmspinning(SB), AX
	SHLL	$1, AX
	MOVQ	runtime·gomaxprocs(SB), CX
	SUBL	runtime·sched+schedt_npidle(SB), CX
	CMPL	AX, CX
	JGE	stop
	MOVB	$1, m_spinning(BX)
	LOCK
	INCL	runtime·sched+schedt_nmspinning(SB)
spinning:
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·stealWork(SB)
	MOVQ	8(SP), AX
	CMPQ	AX, $0
	JEQ	stop
	MOVQ	AX, gp+0(FP)
	MOVB	$0, inheritTime+8(FP)
	RET
stop:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CMPL	runtime·sched+schedt_gcwaiting(SB), $0
	JEQ	nostw
	LEAQ	runtime·sched+schedt_lock(SB), AX   // the world is stopping: gcstopm at top
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	JMP	retry
nostw:
	CMPL	runtime·sched+schedt_runqsize(SB), $0
	JEQ	release
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	MOVL	$0, 8(SP)
	CALL	runtime·globrunqget(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, gp+0(FP)
	MOVB	$0, inheritTime+8(FP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET
release:
	CALL	runtime·releasep(SB)
	CALL	runtime·pidleput(SB)      // releasep's result is pidleput's argument
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	// no longer spinning: check every P's queue once more, so no work is stranded
	MYM(BX)
	CMPB	m_spinning(BX), $0
	JEQ	park
	MOVB	$0, m_spinning(BX)
	LOCK
	DECL	runtime·sched+schedt_nmspinning(SB)
	MOVQ	$0, 32(SP)
recheck:
	MOVQ	32(SP), BX
	CMPQ	BX, runtime·gomaxprocs(SB)
	JGE	park
	INCQ	32(SP)
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·runqempty(SB)
	CMPB	8(SP), $0
	JNE	recheck
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CALL	runtime·pidleget(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 32(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	32(SP), AX
	CMPQ	AX, $0
	JEQ	park
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	MYM(BX)
	MOVB	$1, m_spinning(BX)
	LOCK
	INCL	runtime·sched+schedt_nmspinning(SB)
	JMP	retry
park:
	CALL	runtime·stopmTimers(SB)
	JMP	retry
gcortimers:
	CMPL	runtime·sched+schedt_gcwaiting(SB), $0
	JEQ	timers
	CALL	runtime·gcstopm(SB)
	JMP	retry
timers:
	MOVQ	BX, 0(SP)                 // checkTimers(pp, 0): run what is due
	MOVQ	$0, 8(SP)
	CALL	runtime·checkTimers(SB)
	MYM(BX)
	MOVQ	m_p(BX), BX
	MOVQ	BX, 24(SP)
	JMP	fair
retry:
	// looking again after a stop, a park or a wait for a P: m from TLS, as on entry
	MYM(BX)
	JMP	top

// stopm(): parks the M on the idle list until startm hands it a P (in m.nextp).
TEXT runtime·stopm(SB), NOSPLIT, $16-0
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MYM(BX)
	MOVQ	BX, 0(SP)
	CALL	runtime·mput(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CALL	runtime·mPark(SB)
	MYM(BX)
	MOVQ	m_nextp(BX), AX
	MOVQ	$0, m_nextp(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	RET

// mPark(): parks the calling M on its m.park note until someone wakes it (startm with a P in
// m.nextp, or a timed sleeper's own timeout), then clears the note for the next time (Go's
// mPark).
TEXT runtime·mPark(SB), NOSPLIT, $8-0
	MYM(BX)
	LEAQ	m_park(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notesleep(SB)
	MYM(BX)
	LEAQ	m_park(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·noteclear(SB)
	RET

// stopmTimers(): findRunnable's stopm. The M that parks while every P is idle, with timers
// pending on some P, must wake for them (where Go blocks in netpoll(delay)): it sleeps on its
// m.park with notetsleep until the earliest timer is due (timeSleepUntil), published in
// sched.pollUntil for wakeNetPoller. Timed out and still on the idle list (nobody handed it a
// P meanwhile), it takes itself off (mremove) with an idle P and returns, so that findRunnable
// runs the timer (stealWork runs other Ps' timers); with no idle P it parks as stopm does (a
// busy P's M will see the timer). Any other M parks as stopm does.
TEXT runtime·stopmTimers(SB), $32-0
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MYM(BX)
	MOVQ	BX, 0(SP)
	CALL	runtime·mput(SB)
	MOVLQSX	runtime·sched+schedt_npidle(SB), AX
	CMPQ	AX, runtime·gomaxprocs(SB)
	JNE	untimed
	CALL	runtime·timeSleepUntil(SB)
	MOVQ	0(SP), AX
	MOVQ	$maxWhen, CX
	CMPQ	AX, CX
	JEQ	untimed
	MOVQ	AX, 24(SP)                // deadline
	MOVQ	runtime·sched+schedt_pollUntil(SB), CX
	CMPQ	CX, $0
	JEQ	3(PC)
	CMPQ	AX, CX
	JGE	2(PC)
	MOVQ	AX, runtime·sched+schedt_pollUntil(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CALL	runtime·nanotime1(SB)
	MOVQ	24(SP), AX
	SUBQ	0(SP), AX
	JGE	2(PC)
	XORL	AX, AX
	MYM(BX)
	LEAQ	m_park(BX), CX
	MOVQ	CX, 0(SP)
	MOVQ	AX, 8(SP)
	CALL	runtime·notetsleep(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	24(SP), AX
	CMPQ	runtime·sched+schedt_pollUntil(SB), AX
	JNE	2(PC)
	MOVQ	$0, runtime·sched+schedt_pollUntil(SB)
	CMPB	16(SP), $0
	JNE	handed                    // woken: startm handed us a P
	MYM(BX)
	MOVQ	BX, 0(SP)
	CALL	runtime·mremove(SB)
	CMPB	8(SP), $0
	JEQ	handed                    // taken off the list already: its wakeup is coming
	CALL	runtime·pidleget(SB)
	MOVQ	0(SP), AX
	CMPQ	AX, $0
	JNE	gotp
	MYM(BX)
	MOVQ	BX, 0(SP)
	CALL	runtime·mput(SB)
untimed:
handed:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CALL	runtime·mPark(SB)
	MYM(BX)
	MOVQ	m_nextp(BX), AX
	MOVQ	$0, m_nextp(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	RET
gotp:
	MOVQ	AX, 24(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	24(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	RET

// mremove(mp *m) bool: takes mp off the idle-M list if it is there (a timed sleeper whose
// time came before anyone woke it). sched.lock must be held. Clobbers AX BX CX.
TEXT runtime·mremove(SB), NOSPLIT, $0-9
	MOVQ	mp+0(FP), AX
	LEAQ	runtime·sched+schedt_midle(SB), BX
look:
	MOVQ	(BX), CX
	CMPQ	CX, $0
	JEQ	absent
	CMPQ	CX, AX
	JEQ	found
	LEAQ	m_schedlink(CX), BX
	JMP	look
found:
	MOVQ	m_schedlink(AX), CX
	MOVQ	CX, (BX)
	MOVQ	$0, m_schedlink(AX)
	DECL	runtime·sched+schedt_nmidle(SB)
	MOVB	$1, ret+8(FP)
	RET
absent:
	MOVB	$0, ret+8(FP)
	RET

// lockOSThread(): wires the calling goroutine to its M, as Go's internal lockOSThread does for
// runtime·main while the runtime initialises: the M runs no other goroutine, and while this one
// waits, the M hands its P to another M and sleeps (stoplockedm). Clobbers AX BX CX.
TEXT runtime·lockOSThread(SB), NOSPLIT, $0-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), BX
	MOVQ	AX, m_lockedg(BX)
	MOVQ	BX, g_lockedm(AX)
	RET

// unlockOSThread(): undoes lockOSThread: the goroutine and its M are free again. Clobbers AX BX CX.
TEXT runtime·unlockOSThread(SB), NOSPLIT, $0-0
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), BX
	MOVQ	$0, m_lockedg(BX)
	MOVQ	$0, g_lockedm(AX)
	RET

// incidlelocked(v int32): adds v to the count of Ms sleeping until their locked g is ready
// (sched.nmidlelocked); such Ms run no Go code, so a rise is a moment to checkdead.
TEXT runtime·incidlelocked(SB), NOSPLIT, $8-4
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVL	v+0(FP), AX
	ADDL	AX, runtime·sched+schedt_nmidlelocked(SB)
	CMPL	AX, $0
	JLE	2(PC)
	CALL	runtime·checkdead(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET

// stoplockedm(): on g0 of an M whose locked g cannot run now: hands the M's P to another M
// (handoffp), counts the M as idle-locked and sleeps on m.park until startlockedm passes it
// a P (in m.nextp) with the locked g runnable; then takes that P. schedule executes the g.
TEXT runtime·stoplockedm(SB), NOSPLIT, $16-0
	MYM(BX)
	MOVQ	m_lockedg(BX), AX
	CMPQ	AX, $0
	JEQ	inconsistent
	CMPQ	g_lockedm(AX), BX
	JNE	inconsistent
	CMPQ	m_p(BX), $0
	JEQ	sleep
	CALL	runtime·releasep(SB)
	CALL	runtime·handoffp(SB)      // releasep's result is handoffp's argument
sleep:
	MOVL	$1, 0(SP)
	CALL	runtime·incidlelocked(SB)
	MYM(BX)
	LEAQ	m_park(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notesleep(SB)
	MYM(BX)
	LEAQ	m_park(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·noteclear(SB)
	MYM(BX)
	MOVQ	m_lockedg(BX), AX
	CMPL	g_atomicstatus(AX), $_Grunnable
	JNE	notrunnable
	MOVQ	m_nextp(BX), AX
	MOVQ	$0, m_nextp(BX)
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	RET
inconsistent:
	THROW(msgstoplockedm<>, 33)
	RET
notrunnable:
	THROW(msgnotrunnable<>, 37)
	RET

DATA	msgstoplockedm<>+0(SB)/33, $"stoplockedm: inconsistent locking"
GLOBL	msgstoplockedm<>(SB), RODATA, $33
DATA	msgnotrunnable<>+0(SB)/37, $"stoplockedm: locked g is not runnable"
GLOBL	msgnotrunnable<>(SB), RODATA, $37

// startlockedm(gp *g): gp, just found runnable, is locked to another M: hand that M our P
// (m.nextp, notewakeup of its m.park) and park this M until it is handed work (stopm).
TEXT runtime·startlockedm(SB), NOSPLIT, $16-8
	MOVQ	gp+0(FP), AX
	MOVQ	g_lockedm(AX), AX
	MYM(BX)
	CMPQ	AX, BX
	JEQ	tome
	CMPQ	m_nextp(AX), $0
	JNE	hasp
	MOVL	$-1, 0(SP)
	CALL	runtime·incidlelocked(SB)
	CALL	runtime·releasep(SB)
	MOVQ	0(SP), CX                 // our P
	MOVQ	gp+0(FP), AX
	MOVQ	g_lockedm(AX), AX
	MOVQ	CX, m_nextp(AX)
	LEAQ	m_park(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notewakeup(SB)
	CALL	runtime·stopm(SB)
	RET
tome:
	THROW(msglockedtome<>, 26)
	RET
hasp:
	THROW(msgmhasp<>, 21)
	RET

DATA	msglockedtome<>+0(SB)/26, $"startlockedm: locked to me"
GLOBL	msglockedtome<>(SB), RODATA, $26
DATA	msgmhasp<>+0(SB)/21, $"startlockedm: m has p"
GLOBL	msgmhasp<>(SB), RODATA, $21

// wakep(): starts a spinning M to look for the work just made, if a P is idle and no M
// is spinning already (at most one M becomes spinning here, as in Go).
TEXT runtime·wakep(SB), NOSPLIT, $16-0
	CMPL	runtime·sched+schedt_npidle(SB), $0
	JEQ	done
	CMPL	runtime·sched+schedt_nmspinning(SB), $0
	JNE	done
	XORL	AX, AX
	MOVL	$1, CX
	LOCK
	CMPXCHGL	CX, runtime·sched+schedt_nmspinning(SB)
	JNE	done
	MOVQ	$0, 0(SP)
	MOVB	$1, 8(SP)
	CALL	runtime·startm(SB)
done:
	RET

// startm(pp *p, spinning bool): runs some M with pp (or an idle P when pp is nil): wakes an
// idle M (mget) with pp in m.nextp, or makes a new one (newm). Without an idle P it only
// undoes the spinning count the caller took.
TEXT runtime·startm(SB), $32-9
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	pp+0(FP), AX
	CMPQ	AX, $0
	JNE	havep
	CALL	runtime·pidleget(SB)
	MOVQ	0(SP), AX
	CMPQ	AX, $0
	JNE	havep
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CMPB	spinning+8(FP), $0
	JEQ	nop
	LOCK
	DECL	runtime·sched+schedt_nmspinning(SB)
nop:
	RET
havep:
	MOVQ	AX, 24(SP)                // pp
	CALL	runtime·mget(SB)
	MOVQ	0(SP), BX
	CMPQ	BX, $0
	JNE	wake
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	$0, 0(SP)                 // newm(fn, pp)
	CMPB	spinning+8(FP), $0
	JEQ	2(PC)
	LEAQ	runtime·mspinning(SB), AX
	JEQ	2(PC)
	MOVQ	AX, 0(SP)
	MOVQ	24(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newm(SB)
	RET
wake:
	MOVQ	BX, 16(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	16(SP), BX
	MOVB	spinning+8(FP), AX
	MOVB	AX, m_spinning(BX)
	MOVQ	24(SP), AX
	MOVQ	AX, m_nextp(BX)
	LEAQ	m_park(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notewakeup(SB)
	RET

// handoffp(pp *p): hands off pp from an M that is about to block (part 2: syscalls and
// retake call it): starts an M for it when there is local or global work, or a spinning M
// when nobody spins or idles; while the world stops, pp stops (_Pgcstop, counted off
// sched.stopwait); otherwise pp goes on the idle list (and wakeNetPoller if it has timers).
TEXT runtime·handoffp(SB), $24-8
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·runqempty(SB)
	CMPB	8(SP), $0
	JEQ	work
	CMPL	runtime·sched+schedt_runqsize(SB), $0
	JNE	work
	MOVL	runtime·sched+schedt_nmspinning(SB), AX
	ADDL	runtime·sched+schedt_npidle(SB), AX
	JNE	idle
	XORL	AX, AX
	MOVL	$1, CX
	LOCK
	CMPXCHGL	CX, runtime·sched+schedt_nmspinning(SB)
	JNE	idle
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVB	$1, 8(SP)
	CALL	runtime·startm(SB)
	RET
idle:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CMPL	runtime·sched+schedt_gcwaiting(SB), $0
	JEQ	nostw
	MOVQ	pp+0(FP), AX              // the world is stopping: pp stops here
	MOVL	$_Pgcstop, p_status(AX)
	DECL	runtime·sched+schedt_stopwait(SB)
	JNE	unlock
	LEAQ	runtime·sched+schedt_stopnote(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notewakeup(SB)
unlock:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET
nostw:
	CMPL	runtime·sched+schedt_runqsize(SB), $0
	JEQ	park
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	JMP	work
park:
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·pidleput(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	pp+0(FP), AX              // its timers need an M now (nobarrierWakeTime)
	MOVQ	p_timer0When(AX), AX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	AX, 0(SP)
	JEQ	2(PC)
	CALL	runtime·wakeNetPoller(SB)
	RET
work:
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVB	$0, 8(SP)
	CALL	runtime·startm(SB)
	RET

// mspinning(): the start function of an M made spinning: marks it so.
TEXT runtime·mspinning(SB), NOSPLIT, $0-0
	MYM(BX)
	MOVB	$1, m_spinning(BX)
	RET

// newm(fn func(), pp *p): makes an M that will run fn and then schedule with pp, on a new
// thread (newosproc).
TEXT runtime·newm(SB), $24-16
	MOVQ	pp+8(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	fn+0(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·allocm(SB)
	MOVQ	16(SP), AX
	MOVQ	pp+8(FP), BX
	MOVQ	BX, m_nextp(AX)
	MOVQ	AX, 0(SP)
	CALL	runtime·newosproc(SB)
	RET

// allocm(pp *p, fn func()) *m: a new M with its g0 (16 KiB stack); mcommoninit gives it its
// gsignal (32 KiB).
TEXT runtime·allocm(SB), $24-24
	MOVQ	$m__size, 0(SP)
	CALL	runtime·persistentalloc(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 16(SP)
	MOVQ	fn+8(FP), BX
	MOVQ	BX, m_mstartfn(AX)
	MOVQ	AX, 0(SP)
	CALL	runtime·mcommoninit(SB)
	MOVL	$g0StackSize, 0(SP)
	CALL	runtime·malg(SB)
	MOVQ	8(SP), AX
	MOVQ	16(SP), BX
	MOVQ	AX, m_g0(BX)
	MOVQ	BX, g_m(AX)
	MOVQ	16(SP), BX
	MOVQ	BX, ret+16(FP)
	RET

// newosproc(mp *m): starts mp's thread: clone with Go's cloneFlags onto the top of mp.g0's
// stack; the child sets its TLS, installs g0 and runs mstart.
TEXT runtime·newosproc(SB), NOSPLIT, $48-8
	MOVL	$cloneFlags, 0(SP)
	MOVQ	mp+0(FP), AX
	MOVQ	m_g0(AX), BX
	MOVQ	(g_stack+stack_hi)(BX), CX
	MOVQ	CX, 8(SP)                 // stk
	MOVQ	AX, 16(SP)                // mp
	MOVQ	BX, 24(SP)                // gp
	LEAQ	runtime·mstart(SB), CX
	MOVQ	CX, 32(SP)                // fn
	CALL	runtime·clone(SB)
	MOVL	40(SP), AX
	CMPL	AX, $0
	JGE	ok
	THROW(msgnewosproc<>, 9)
ok:
	RET

DATA	msgnewosproc<>+0(SB)/9, $"newosproc"
GLOBL	msgnewosproc<>(SB), RODATA, $9

// runqempty(pp *p) bool: pp has neither runnext nor queued gs. Clobbers AX BX.
TEXT runtime·runqempty(SB), NOSPLIT, $0-9
	MOVQ	pp+0(FP), BX
	MOVB	$0, ret+8(FP)
	MOVL	p_runqhead(BX), AX
	CMPL	AX, p_runqtail(BX)
	JNE	no
	CMPQ	p_runnext(BX), $0
	JNE	no
	MOVB	$1, ret+8(FP)
no:
	RET

// runqgrab(pp *p, batch *[256]guintptr, batchHead uint32, stealRunNextG bool) uint32: takes
// half of pp's queue (rounded up) into batch from batchHead on, or, when the queue is empty
// and stealRunNextG, pp's runnext (after letting pp's M have a moment to run it).
TEXT runtime·runqgrab(SB), NOSPLIT, $16-28
again:
	MOVQ	pp+0(FP), BX
	MOVL	p_runqhead(BX), AX        // load-acquire
	MOVL	p_runqtail(BX), CX        // load-acquire
	SUBL	AX, CX
	MOVL	CX, DX
	SHRL	$1, DX
	SUBL	DX, CX                    // n = n - n/2
	JNE	some
	CMPB	stealRunNextG+20(FP), $0
	JEQ	none
	MOVQ	p_runnext(BX), AX
	CMPQ	AX, $0
	JEQ	none
	CMPL	p_status(BX), $_Prunning
	JNE	take
	MOVL	$3, 0(SP)                 // usleep(3): let pp's M schedule its runnext first
	CALL	runtime·usleep(SB)
	MOVQ	pp+0(FP), BX
	MOVQ	p_runnext(BX), AX
	CMPQ	AX, $0
	JEQ	none
take:
	XORQ	CX, CX
	MOVQ	AX, DX
	LOCK
	CMPXCHGQ	CX, p_runnext(BX)
	JNE	again
	MOVQ	batch+8(FP), DI
	MOVL	batchHead+16(FP), SI
	ANDL	$runqMask, SI
	MOVQ	DX, (DI)(SI*8)
	MOVL	$1, ret+24(FP)
	RET
none:
	MOVL	$0, ret+24(FP)
	RET
some:
	CMPL	CX, $(runqSize/2)
	JHI	again                     // read inconsistent h and t
	MOVQ	batch+8(FP), DI
	XORL	R8, R8
copy:
	MOVL	AX, SI
	ADDL	R8, SI
	ANDL	$runqMask, SI
	MOVQ	p_runq(BX)(SI*8), DX
	MOVL	batchHead+16(FP), SI
	ADDL	R8, SI
	ANDL	$runqMask, SI
	MOVQ	DX, (DI)(SI*8)
	INCL	R8
	CMPL	R8, CX
	JLT	copy
	MOVL	AX, DX
	ADDL	CX, DX
	LOCK
	CMPXCHGL	DX, p_runqhead(BX)     // cas-release, commits consume
	JNE	again
	MOVL	CX, ret+24(FP)
	RET

// runqsteal(pp, p2 *p, stealRunNextG bool) *g: steals half of p2's queue into pp's and
// returns one of the stolen gs (nil if there was nothing).
TEXT runtime·runqsteal(SB), NOSPLIT, $40-32
	MOVQ	pp+0(FP), BX
	MOVL	p_runqtail(BX), AX
	MOVL	AX, 32(SP)                // t
	MOVQ	p2+8(FP), CX
	MOVQ	CX, 0(SP)
	LEAQ	p_runq(BX), CX
	MOVQ	CX, 8(SP)
	MOVL	AX, 16(SP)
	MOVB	stealRunNextG+16(FP), AX
	MOVB	AX, 20(SP)
	CALL	runtime·runqgrab(SB)
	MOVL	24(SP), CX                // n
	CMPL	CX, $0
	JNE	got
	MOVQ	$0, ret+24(FP)
	RET
got:
	DECL	CX
	MOVQ	pp+0(FP), BX
	MOVL	32(SP), AX
	ADDL	CX, AX                    // t+n
	MOVL	AX, SI
	ANDL	$runqMask, SI
	MOVQ	p_runq(BX)(SI*8), DX
	MOVQ	DX, ret+24(FP)
	CMPL	CX, $0
	JEQ	done
	MOVL	AX, p_runqtail(BX)        // store-release, makes the item available
done:
	RET

// stealWork(pp *p) *g: four rounds over the other Ps, each from a random starting P (Go also
// randomises the stride; gmpvm walks with stride 1), stealing half of the first non-empty run
// queue found; the last round also runs the victims' due timers (checkTimers: the goroutines
// they ready land on pp, and the first is returned) and may take a victim's runnext. Gives up
// (nil) as soon as the world is stopping (sched.gcwaiting).
TEXT runtime·stealWork(SB), NOSPLIT, $72-16
	MOVQ	$0, 56(SP)                // round
round:
	CALL	runtime·fastrand(SB)
	MOVL	0(SP), AX
	XORL	DX, DX
	MOVQ	runtime·gomaxprocs(SB), CX
	DIVL	CX
	MOVQ	DX, 48(SP)                // position
	MOVQ	$0, 40(SP)                // visited
next:
	CMPL	runtime·sched+schedt_gcwaiting(SB), $0
	JNE	none
	MOVQ	40(SP), AX
	CMPQ	AX, runtime·gomaxprocs(SB)
	JGE	endround
	INCQ	40(SP)
	MOVQ	48(SP), BX
	INCQ	48(SP)
	MOVQ	48(SP), AX
	CMPQ	AX, runtime·gomaxprocs(SB)
	JLT	2(PC)
	MOVQ	$0, 48(SP)
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), CX
	CMPQ	CX, pp+0(FP)
	JEQ	next
	MOVQ	CX, 64(SP)                // p2
	CMPQ	56(SP), $(stealTries-1)
	JNE	steal
	CMPQ	p_timer0When(CX), $0
	JEQ	steal
	MOVQ	CX, 0(SP)                 // checkTimers(p2, 0)
	MOVQ	$0, 8(SP)
	CALL	runtime·checkTimers(SB)
	CMPB	32(SP), $0
	JEQ	steal
	MOVQ	pp+0(FP), AX              // a timer ran: what it readied is on pp
	MOVQ	AX, 0(SP)
	CALL	runtime·runqget(SB)
	MOVQ	8(SP), AX
	CMPQ	AX, $0
	JEQ	steal
	MOVQ	AX, ret+8(FP)
	RET
steal:
	MOVQ	pp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	64(SP), CX
	MOVQ	CX, 8(SP)
	XORL	AX, AX
	CMPQ	56(SP), $(stealTries-1)
	SETEQ	AX
	MOVB	AX, 16(SP)
	CALL	runtime·runqsteal(SB)
	MOVQ	24(SP), AX
	CMPQ	AX, $0
	JEQ	next
	MOVQ	AX, ret+8(FP)
	RET
endround:
	INCQ	56(SP)
	CMPQ	56(SP), $stealTries
	JLT	round
none:
	MOVQ	$0, ret+8(FP)
	RET

// resetspinning(): the M found work while spinning: it stops spinning, and if it was the
// last spinning M, wakes another (there may be more work).
TEXT runtime·resetspinning(SB), NOSPLIT, $0-0
	MYM(BX)
	MOVB	$0, m_spinning(BX)
	MOVL	$-1, AX
	LOCK
	XADDL	AX, runtime·sched+schedt_nmspinning(SB)
	CMPL	AX, $1
	JNE	done
	CALL	runtime·wakep(SB)
done:
	RET

// execute(gp *g, inheritTime bool): runs gp on the current M: status runnable -> running,
// stack guard and preemption requests (gp.preempt, pp.preempt) reset, schedtick counted
// unless gp inherits the time slice, then gogo. Never returns.
TEXT runtime·execute(SB), NOSPLIT|NOFRAME, $16-9
	MYM(DX)                           // m, kept in DX (casgstatus leaves it)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, m_curg(DX)
	MOVQ	DX, g_m(AX)
	MOVQ	AX, 0(SP)
	MOVL	$_Grunnable, 8(SP)
	MOVL	$_Grunning, 12(SP)
	CALL	runtime·casgstatus(SB)
	MOVQ	gp+0(FP), AX
	MOVQ	$0, g_waitsince(AX)
	MOVB	$0, g_preempt(AX)
	MOVQ	(g_stack+stack_lo)(AX), CX
	ADDQ	$_StackGuard, CX
	MOVQ	CX, g_stackguard0(AX)
	MOVQ	m_p(DX), BX
	MOVB	$0, p_preempt(BX)         // Go's schedule: pp.preempt = false
	CMPB	inheritTime+8(FP), $0
	JNE	go
	INCL	p_schedtick(BX)
go:
	LEAQ	g_sched(AX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·gogo(SB)
	RET

// dropg(): breaks the link between the M and its current g. Clobbers AX BX CX.
TEXT runtime·dropg(SB), NOSPLIT, $0-0
	MYM(BX)
	DROPG(BX, AX)
	RET

// Gosched(): yields the processor: the goroutine goes to the global run queue and the M
// schedules another (gosched_m on g0).
TEXT runtime·Gosched(SB), $8-0
	LEAQ	gosched_mPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcall(SB)
	RET

// gosched_m(gp *g): on g0: gp becomes runnable on the global queue; schedule.
TEXT runtime·gosched_m(SB), NOSPLIT|NOFRAME, $16-8
	MOVQ	gp+0(FP), AX
	MOVQ	g_m(AX), DX               // this M, kept in DX (casgstatus leaves it)
	MOVQ	AX, 0(SP)
	MOVL	$_Grunning, 8(SP)
	MOVL	$_Grunnable, 12(SP)
	CALL	runtime·casgstatus(SB)
	DROPG(DX, AX)
	LOCKFAST(runtime·sched+schedt_lock(SB))
	MOVQ	gp+0(FP), AX
	GLOBRUNQPUT(AX, BX)
	UNLOCKFAST(runtime·sched+schedt_lock(SB))
	CALL	runtime·schedule(SB)
	RET

// gopreempt_m(gp *g): on g0: the end of a preemption (newstack's cooperative one, or
// asyncPreempt2's): gp goes to the global run queue as if it had called Gosched (Go's
// gopreempt_m is goschedImpl, as gosched_m is).
TEXT runtime·gopreempt_m(SB), NOSPLIT|NOFRAME, $0-8
	JMP	runtime·gosched_m(SB)

// preemptPark(gp *g): on g0: parks the preempted gp in _Gpreempted (Go's preemptPark, asked
// for by gp.preemptStop) and schedules; whoever asked (Go's suspendG) makes it runnable again.
// gmpvm has no garbage collector, the one caller of suspendG in Go, so nothing sets
// preemptStop yet. Never returns.
TEXT runtime·preemptPark(SB), NOSPLIT|NOFRAME, $16-8
	MOVQ	gp+0(FP), AX
	MOVQ	g_m(AX), DX               // this M, kept in DX (casgstatus leaves it)
	MOVQ	AX, 0(SP)
	MOVL	$_Grunning, 8(SP)
	MOVL	$_Gpreempted, 12(SP)
	CALL	runtime·casgstatus(SB)
	DROPG(DX, AX)
	CALL	runtime·schedule(SB)
	RET

// gopark(unlockf func(gp *g, lock unsafe.Pointer) bool, lock unsafe.Pointer, reason uint8):
// puts the current goroutine to sleep (park_m on g0). If unlockf (a code pointer, called
// ABI0 with gp, lock and a bool result) returns false, the goroutine resumes at once.
TEXT runtime·gopark(SB), NOSPLIT, $8-17
	MYM(BX)
	MOVQ	unlockf+0(FP), AX
	MOVQ	AX, m_waitunlockf(BX)
	MOVQ	lock+8(FP), AX
	MOVQ	AX, m_waitlock(BX)
	MOVQ	m_curg(BX), AX
	MOVB	reason+16(FP), CX
	MOVB	CX, g_waitreason(AX)
	LEAQ	park_mPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcall(SB)
	RET

// park_m(gp *g): on g0: gp becomes waiting, the wait's unlock function runs, schedule.
TEXT runtime·park_m(SB), NOSPLIT|NOFRAME, $24-8
	MOVQ	gp+0(FP), AX
	MOVQ	g_m(AX), DX               // this M, kept in DX (casgstatus leaves it)
	MOVQ	AX, 0(SP)
	MOVL	$_Grunning, 8(SP)
	MOVL	$_Gwaiting, 12(SP)
	CALL	runtime·casgstatus(SB)
	DROPG(DX, AX)
	MOVQ	DX, BX
	MOVQ	m_waitunlockf(BX), AX
	CMPQ	AX, $0
	JEQ	sched
	MOVQ	gp+0(FP), CX
	MOVQ	CX, 0(SP)
	MOVQ	m_waitlock(BX), CX
	MOVQ	CX, 8(SP)
	MOVQ	$0, m_waitunlockf(BX)
	MOVQ	$0, m_waitlock(BX)
	CALL	AX
	CMPB	16(SP), $0
	JNE	sched
	MOVQ	gp+0(FP), AX              // not parked after all: run it again
	MOVQ	AX, 0(SP)
	MOVL	$_Gwaiting, 8(SP)
	MOVL	$_Grunnable, 12(SP)
	CALL	runtime·casgstatus(SB)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVB	$1, 8(SP)
	CALL	runtime·execute(SB)
sched:
	CALL	runtime·schedule(SB)
	RET

// goready(gp *g): makes the parked gp runnable, next in line on this P (ready on g0).
TEXT runtime·goready(SB), NOSPLIT, $24-8
	LEAQ	runtime·goready_func1(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 16(SP)
	LEAQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	RET

// goready_func1(): goready's closure (DX): ready(gp, next=true).
TEXT runtime·goready_func1(SB), NOSPLIT|NOFRAME, $16-0
	MOVQ	8(DX), AX
	MOVQ	AX, 0(SP)
	MOVB	$1, 8(SP)
	CALL	runtime·ready(SB)
	RET

// ready(gp *g, next bool): gp waiting -> runnable, onto this P's queue (runnext if next);
// wakep. Runs on g0.
TEXT runtime·ready(SB), NOSPLIT|NOFRAME, $24-9
	MYM(DX)                           // kept in DX (casgstatus leaves it)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVL	$_Gwaiting, 8(SP)
	MOVL	$_Grunnable, 12(SP)
	CALL	runtime·casgstatus(SB)
	MOVQ	m_p(DX), BX
	MOVQ	BX, 0(SP)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 8(SP)
	MOVB	next+8(FP), AX
	MOVB	AX, 16(SP)
	CALL	runtime·runqput(SB)
	CALL	runtime·wakep(SB)
	RET

// goexit1(): finishes the current goroutine (goexit0 on g0). Never returns.
TEXT runtime·goexit1(SB), $8-0
	LEAQ	goexit0PC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcall(SB)
	RET

// goexit0(gp *g): on g0: gp running -> dead, its fields cleared, onto the P's free list
// with its stack for reuse; schedule.
TEXT runtime·goexit0(SB), $16-8
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVL	$_Grunning, 8(SP)
	MOVL	$_Gdead, 12(SP)
	CALL	runtime·casgstatus(SB)
	CALL	runtime·dropg(SB)
	MOVQ	gp+0(FP), AX
	MOVQ	$0, g_m(AX)
	MOVQ	$0, g_lockedm(AX)
	MOVB	$0, g_preempt(AX)
	MOVB	$0, g_waitreason(AX)
	MOVQ	$0, g_param(AX)
	MYM(BX)
	MOVQ	m_p(BX), BX
	MOVQ	BX, 0(SP)
	MOVQ	AX, 8(SP)
	CALL	runtime·gfput(SB)
	CALL	runtime·schedule(SB)
	RET

// NumGoroutine() int64: how many goroutines exist (not dead), system goroutines
// (isSystemGoroutine, counted in sched.ngsys) left out, as Go counts them.
TEXT runtime·NumGoroutine(SB), NOSPLIT, $0-8
	XORQ	AX, AX
	XORQ	BX, BX
	MOVQ	runtime·allgs(SB), SI
loop:
	CMPQ	BX, runtime·allglen(SB)
	JGE	done
	MOVQ	(SI)(BX*8), CX
	INCQ	BX
	CMPL	g_atomicstatus(CX), $_Gdead
	JEQ	loop
	INCQ	AX
	JMP	loop
done:
	MOVL	runtime·sched+schedt_ngsys(SB), CX
	SUBQ	CX, AX
	MOVQ	AX, ret+0(FP)
	RET

// GOMAXPROCS(n int64) int64: returns the number of Ps; n > 0 (at most _MaxGomaxprocs, where
// Go grows allp without a limit) and different makes it the new number, as Go's GOMAXPROCS:
// stopTheWorld, newprocs = n, startTheWorld (whose procresize makes the change).
TEXT runtime·GOMAXPROCS(SB), $8-16
	MOVQ	runtime·gomaxprocs(SB), AX
	MOVQ	AX, ret+8(FP)
	MOVQ	n+0(FP), CX
	CMPQ	CX, $0
	JLE	done
	CMPQ	CX, $_MaxGomaxprocs
	JLE	2(PC)
	MOVQ	$_MaxGomaxprocs, CX
	CMPQ	CX, AX
	JEQ	done
	MOVQ	CX, n+0(FP)
	CALL	runtime·stopTheWorld(SB)
	MOVQ	n+0(FP), CX
	MOVQ	CX, runtime·newprocs(SB)
	CALL	runtime·startTheWorld(SB)
done:
	RET

GLOBL	runtime·newprocs(SB), NOPTR, $8
DATA	runtime·worldsema+0(SB)/4, $1
GLOBL	runtime·worldsema(SB), NOPTR, $8

// stopTheWorld(): stops every P but the caller's (stopTheWorldWithSema on g0), holding
// worldsema until startTheWorld, so that one goroutine at a time stops the world.
TEXT runtime·stopTheWorld(SB), $8-0
	LEAQ	runtime·worldsema(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·semacquire(SB)
	LEAQ	stopTheWorldWithSemaPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	RET

// startTheWorld(): startTheWorldWithSema on g0, then lets the next stopper in (worldsema).
TEXT runtime·startTheWorld(SB), $8-0
	LEAQ	startTheWorldWithSemaPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	LEAQ	runtime·worldsema(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·semrelease(SB)
	RET

DATA	stopTheWorldWithSemaPC<>+0(SB)/8, $runtime·stopTheWorldWithSema(SB)
GLOBL	stopTheWorldWithSemaPC<>(SB), RODATA, $8
DATA	startTheWorldWithSemaPC<>+0(SB)/8, $runtime·startTheWorldWithSema(SB)
GLOBL	startTheWorldWithSemaPC<>(SB), RODATA, $8

// stopTheWorldWithSema(): on g0, as Go's: under sched.lock, sched.stopwait = gomaxprocs and
// sched.gcwaiting = 1, preemptall, then the caller's P, every P in a system call (_Psyscall,
// taken with a CAS) and every idle P go to _Pgcstop, each counted off stopwait. The Ps still
// running stop themselves (gcstopm, from findRunnable, once their goroutine is preempted or
// blocks), the last waking sched.stopnote; the caller sleeps on it 100 us at a time,
// preempting again between sleeps. Throws if a P is not stopped at the end.
TEXT runtime·stopTheWorldWithSema(SB), $24-0
	MYM(BX)
	CMPL	m_locks(BX), $0
	JEQ	5(PC)
	THROW(msgstwlocks<>, 27)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	runtime·gomaxprocs(SB), AX
	MOVL	AX, runtime·sched+schedt_stopwait(SB)
	MOVL	$1, AX
	XCHGL	AX, runtime·sched+schedt_gcwaiting(SB)
	CALL	runtime·preemptall(SB)
	MYM(BX)
	MOVQ	m_p(BX), AX
	MOVL	$_Pgcstop, p_status(AX)   // the caller's P
	DECL	runtime·sched+schedt_stopwait(SB)
	MOVQ	$0, 16(SP)
syscalls:
	MOVQ	16(SP), BX
	CMPQ	BX, runtime·gomaxprocs(SB)
	JGE	idle
	INCQ	16(SP)
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), DX
	MOVL	$_Psyscall, AX
	MOVL	$_Pgcstop, CX
	LOCK
	CMPXCHGL	CX, p_status(DX)
	JNE	syscalls
	INCL	p_syscalltick(DX)
	DECL	runtime·sched+schedt_stopwait(SB)
	JMP	syscalls
idle:
	CALL	runtime·pidleget(SB)
	MOVQ	0(SP), AX
	CMPQ	AX, $0
	JEQ	idled
	MOVL	$_Pgcstop, p_status(AX)
	DECL	runtime·sched+schedt_stopwait(SB)
	JMP	idle
idled:
	MOVL	runtime·sched+schedt_stopwait(SB), AX
	MOVL	AX, 16(SP)                // wait
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CMPL	16(SP), $0
	JLE	check
wait:
	LEAQ	runtime·sched+schedt_stopnote(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$100000, 8(SP)
	CALL	runtime·notetsleep(SB)
	CMPB	16(SP), $0
	JNE	stopped
	CALL	runtime·preemptall(SB)
	JMP	wait
stopped:
	LEAQ	runtime·sched+schedt_stopnote(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·noteclear(SB)
check:
	CMPL	runtime·sched+schedt_stopwait(SB), $0
	JEQ	5(PC)
	THROW(msgstopwait<>, 41)
	XORL	BX, BX
status:
	CMPQ	BX, runtime·gomaxprocs(SB)
	JGE	done
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	INCQ	BX
	CMPL	p_status(AX), $_Pgcstop
	JEQ	status
	THROW(msgnotstopped<>, 46)
done:
	RET

DATA	msgstwlocks<>+0(SB)/27, $"stopTheWorld: holding locks"
GLOBL	msgstwlocks<>(SB), RODATA, $27
DATA	msgstopwait<>+0(SB)/41, $"stopTheWorld: not stopped (stopwait != 0)"
GLOBL	msgstopwait<>(SB), RODATA, $41
DATA	msgnotstopped<>+0(SB)/46, $"stopTheWorld: not stopped (status != _Pgcstop)"
GLOBL	msgnotstopped<>(SB), RODATA, $46

// startTheWorldWithSema(): on g0, as Go's: under sched.lock, procresize to newprocs (if
// set), sched.gcwaiting = 0 and sysmon woken if it sleeps; then each P that procresize
// found with work gets an M (startm; Go makes a new one with newm), and wakep starts a
// spinning M in case there is more.
TEXT runtime·startTheWorldWithSema(SB), $24-0
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	runtime·gomaxprocs(SB), AX
	MOVQ	runtime·newprocs(SB), CX
	CMPQ	CX, $0
	JEQ	2(PC)
	MOVQ	CX, AX
	MOVQ	$0, runtime·newprocs(SB)
	MOVL	AX, 0(SP)
	CALL	runtime·procresize(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 16(SP)                // p1: the Ps with work
	MOVL	$0, AX
	XCHGL	AX, runtime·sched+schedt_gcwaiting(SB)
	CMPL	runtime·sched+schedt_sysmonwait(SB), $0
	JEQ	2(PC)
	CALL	runtime·sysmonwake(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
start:
	MOVQ	16(SP), AX
	CMPQ	AX, $0
	JEQ	started
	MOVQ	p_link(AX), CX
	MOVQ	CX, 16(SP)
	MOVQ	$0, p_link(AX)
	MOVQ	AX, 0(SP)
	MOVB	$0, 8(SP)
	CALL	runtime·startm(SB)
	JMP	start
started:
	CALL	runtime·wakep(SB)
	RET

// gcstopm(): on g0 in findRunnable while the world stops (sched.gcwaiting): the M stops
// spinning, its P goes to _Pgcstop and is counted off sched.stopwait (the last one wakes the
// stopper on sched.stopnote), and the M parks (stopm) until startTheWorld hands it a P.
TEXT runtime·gcstopm(SB), $16-0
	CMPL	runtime·sched+schedt_gcwaiting(SB), $0
	JNE	5(PC)
	THROW(msgnotwaiting<>, 27)
	MYM(BX)
	CMPB	m_spinning(BX), $0
	JEQ	release
	MOVB	$0, m_spinning(BX)
	LOCK
	DECL	runtime·sched+schedt_nmspinning(SB)
release:
	CALL	runtime·releasep(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 8(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVQ	8(SP), AX
	MOVL	$_Pgcstop, p_status(AX)
	DECL	runtime·sched+schedt_stopwait(SB)
	JNE	unlock
	LEAQ	runtime·sched+schedt_stopnote(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notewakeup(SB)
unlock:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	CALL	runtime·stopm(SB)
	RET

DATA	msgnotwaiting<>+0(SB)/27, $"gcstopm: not waiting for gc"
GLOBL	msgnotwaiting<>(SB), RODATA, $27

DATA	gosched_mPC<>+0(SB)/8, $runtime·gosched_m(SB)
GLOBL	gosched_mPC<>(SB), RODATA, $8
DATA	park_mPC<>+0(SB)/8, $runtime·park_m(SB)
GLOBL	park_mPC<>(SB), RODATA, $8
DATA	goexit0PC<>+0(SB)/8, $runtime·goexit0(SB)
GLOBL	goexit0PC<>(SB), RODATA, $8

// entersyscall(): the goroutine is about to make a system call that may block (Go's
// entersyscall / reentersyscall), called by syscall·Syscall right before its SYSCALL. Saves
// the caller's pc and sp in g.sched and g.syscallpc/syscallsp (where a traceback of the
// blocked goroutine starts), sets stackguard0 = stackPreempt and g.throwsplit (nothing may
// grow the stack now), g: _Grunning -> _Gsyscall, wakes sysmon if it sleeps for want of a
// busy P (Go's sysmonwait handling: someone must watch this P), records p.syscalltick in
// m.syscalltick, and leaves the P in _Psyscall, detached from the M (m.oldp remembers it):
// sysmon's retake may hand it to another M while the call blocks. m.locks is held meanwhile.
// NOFRAME: the caller's frame is the one saved. Clobbers AX BX CX DX SI.
TEXT runtime·entersyscall(SB), NOSPLIT|NOFRAME, $0-0
	get_tls(CX)
	MOVQ	g(CX), SI                 // gp
	MOVQ	g_m(SI), BX               // mp
	INCL	m_locks(BX)
	MOVQ	$stackPreempt, CX
	MOVQ	CX, g_stackguard0(SI)
	MOVB	$1, g_throwsplit(SI)
	// save(pc, sp)
	MOVQ	0(SP), CX                 // getcallerpc()
	MOVQ	CX, (g_sched+gobuf_pc)(SI)
	MOVQ	CX, g_syscallpc(SI)
	LEAQ	8(SP), CX                 // getcallersp()
	MOVQ	CX, (g_sched+gobuf_sp)(SI)
	MOVQ	CX, g_syscallsp(SI)
	MOVQ	BP, (g_sched+gobuf_bp)(SI)
	MOVL	$_Grunning, AX            // casgstatus(gp, _Grunning, _Gsyscall)
	MOVL	$_Gsyscall, CX
	LOCK
	CMPXCHGL	CX, g_atomicstatus(SI)
	JNE	bad
	CMPL	runtime·sched+schedt_sysmonwait(SB), $0
	JNE	wakesysmon
release:
	MOVQ	m_p(BX), CX               // pp
	MOVL	p_syscalltick(CX), DX
	MOVL	DX, m_syscalltick(BX)
	MOVQ	$0, p_m(CX)
	MOVQ	CX, m_oldp(BX)
	MOVQ	$0, m_p(BX)
	MOVL	$_Psyscall, DX
	XCHGL	DX, p_status(CX)          // atomic.Store(&pp.status, _Psyscall)
	DECL	m_locks(BX)
	RET
wakesysmon:
	LEAQ	entersyscall_sysmonPC<>(SB), AX
	PUSHQ	AX
	CALL	runtime·systemstack(SB)
	POPQ	AX
	get_tls(CX)
	MOVQ	g(CX), SI
	MOVQ	g_m(SI), BX
	MOVQ	0(SP), CX                 // save(pc, sp) again: systemstack used g.sched
	MOVQ	CX, (g_sched+gobuf_pc)(SI)
	LEAQ	8(SP), CX
	MOVQ	CX, (g_sched+gobuf_sp)(SI)
	MOVQ	BP, (g_sched+gobuf_bp)(SI)
	JMP	release
bad:
	JMP	runtime·badcasgstatus(SB)

// entersyscall_sysmon(): on g0: wakes sysmon if it sleeps on sched.sysmonnote.
TEXT runtime·entersyscall_sysmon(SB), $8-0
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CMPL	runtime·sched+schedt_sysmonwait(SB), $0
	JEQ	2(PC)
	CALL	runtime·sysmonwake(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET

// entersyscallblock(): entersyscall for a call known to block (Go's entersyscallblock):
// the same bookkeeping (p.syscalltick counted at once), but the P is handed off right away
// (entersyscallblock_handoff: handoffp(releasep()) on g0) instead of waiting for sysmon.
// exitsyscall then finds no old P and looks for an idle one. Clobbers everything.
TEXT runtime·entersyscallblock(SB), NOSPLIT, $8-0
	get_tls(CX)
	MOVQ	g(CX), SI                 // gp
	MOVQ	g_m(SI), BX               // mp
	INCL	m_locks(BX)
	MOVB	$1, g_throwsplit(SI)
	MOVQ	$stackPreempt, CX
	MOVQ	CX, g_stackguard0(SI)
	MOVQ	m_p(BX), CX
	MOVL	p_syscalltick(CX), DX
	MOVL	DX, m_syscalltick(BX)
	INCL	p_syscalltick(CX)
	MOVQ	8(BP), CX                 // save(getcallerpc(), getcallersp())
	MOVQ	CX, (g_sched+gobuf_pc)(SI)
	MOVQ	CX, g_syscallpc(SI)
	LEAQ	16(BP), CX
	MOVQ	CX, (g_sched+gobuf_sp)(SI)
	MOVQ	CX, g_syscallsp(SI)
	MOVQ	0(BP), CX
	MOVQ	CX, (g_sched+gobuf_bp)(SI)
	MOVL	$_Grunning, AX            // casgstatus(gp, _Grunning, _Gsyscall)
	MOVL	$_Gsyscall, CX
	LOCK
	CMPXCHGL	CX, g_atomicstatus(SI)
	JNE	bad
	LEAQ	entersyscallblock_handoffPC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	get_tls(CX)
	MOVQ	g(CX), SI
	MOVQ	g_m(SI), BX
	MOVQ	8(BP), CX                 // save again: systemstack used g.sched
	MOVQ	CX, (g_sched+gobuf_pc)(SI)
	LEAQ	16(BP), CX
	MOVQ	CX, (g_sched+gobuf_sp)(SI)
	MOVQ	0(BP), CX
	MOVQ	CX, (g_sched+gobuf_bp)(SI)
	DECL	m_locks(BX)
	RET
bad:
	JMP	runtime·badcasgstatus(SB)

// entersyscallblock_handoff(): on g0: handoffp(releasep()).
TEXT runtime·entersyscallblock_handoff(SB), $8-0
	CALL	runtime·releasep(SB)
	CALL	runtime·handoffp(SB)      // releasep's result is handoffp's argument
	RET

// exitsyscall(): the system call has returned (Go's exitsyscall); the goroutine needs a P to
// go on. Fast path (exitsyscallfast): the old P is still in _Psyscall (sysmon did not retake
// it): CAS it back to _Pidle and wire it to this M again (wirep: _Prunning); p.syscalltick is
// counted, g goes back to _Grunning with its stack guard (stackPreempt again if a preemption
// was asked for meanwhile) and the call returns. Otherwise exitsyscall_slow. NOFRAME, so the
// fast path pays for no frame. Clobbers AX BX CX DX SI (and everything on the slow paths).
TEXT runtime·exitsyscall(SB), NOSPLIT|NOFRAME, $0-0
	get_tls(CX)
	MOVQ	g(CX), SI                 // gp
	MOVQ	g_m(SI), BX               // mp
	INCL	m_locks(BX)
	MOVQ	m_oldp(BX), CX            // oldp
	MOVQ	$0, m_oldp(BX)
	// exitsyscallfast: try to re-acquire the last P
	TESTQ	CX, CX
	JEQ	slow
	MOVL	$_Psyscall, AX
	MOVL	$_Pidle, DX
	LOCK
	CMPXCHGL	DX, p_status(CX)
	JNE	slow
	MOVQ	CX, m_p(BX)               // wirep(oldp)
	MOVQ	BX, p_m(CX)
	MOVL	$_Prunning, p_status(CX)
	JMP	runtime·exitsyscall_run(SB)
slow:
	JMP	runtime·exitsyscall_slow(SB)

// exitsyscall_run(): the end of exitsyscall once this M (BX) has a P (CX) for gp (SI): there's
// a cpu for us, so we can run. Reached by a jump, on the caller's frame. Clobbers AX DX.
TEXT runtime·exitsyscall_run(SB), NOSPLIT|NOFRAME, $0-0
	INCL	p_syscalltick(CX)
	MOVL	$_Gsyscall, AX            // casgstatus(gp, _Gsyscall, _Grunning)
	MOVL	$_Grunning, DX
	LOCK
	CMPXCHGL	DX, g_atomicstatus(SI)
	JNE	bad
	MOVQ	$0, g_syscallsp(SI)
	DECL	m_locks(BX)
	MOVQ	(g_stack+stack_lo)(SI), AX
	ADDQ	$_StackGuard, AX
	CMPB	g_preempt(SI), $0
	JEQ	2(PC)
	MOVQ	$stackPreempt, AX         // restore the preemption request if it was cleared
	MOVQ	AX, g_stackguard0(SI)
	MOVB	$0, g_throwsplit(SI)
	RET
bad:
	JMP	runtime·badcasgstatus(SB)

// exitsyscall_slow(): exitsyscall without its old P (reached by a jump, m.locks held): takes
// any idle P (exitsyscallfast_pidle, on g0) and runs on; else mcall(exitsyscall0) parks the
// goroutine on the global run queue and stops the M, and the goroutine returns from here when
// it is scheduled again. Clobbers everything.
TEXT runtime·exitsyscall_slow(SB), NOSPLIT, $24-0
	CMPQ	runtime·sched+schedt_pidle(SB), $0
	JEQ	park
	LEAQ	runtime·exitsyscallfast_pidle(SB), AX
	MOVQ	AX, 8(SP)                 // a closure {fn, ok} on this stack
	MOVB	$0, 16(SP)
	LEAQ	8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·systemstack(SB)
	get_tls(CX)
	MOVQ	g(CX), SI
	MOVQ	g_m(SI), BX
	CMPB	16(SP), $0
	JEQ	park
	MOVQ	m_p(BX), CX
	CALL	runtime·exitsyscall_run(SB)
	RET
park:
	get_tls(CX)
	MOVQ	g(CX), SI
	MOVQ	g_m(SI), BX
	DECL	m_locks(BX)
	LEAQ	exitsyscall0PC<>(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·mcall(SB)
	// Scheduler returned, so we're allowed to run now.
	get_tls(CX)
	MOVQ	g(CX), SI
	MOVQ	g_m(SI), BX
	MOVQ	$0, g_syscallsp(SI)
	MOVQ	m_p(BX), CX
	INCL	p_syscalltick(CX)
	MOVB	$0, g_throwsplit(SI)
	RET

// exitsyscallfast_pidle(): on g0, as exitsyscall's closure (DX: {fn, ok bool}): takes an idle
// P for this M (pidleget, which wakes a sleeping sysmon) and sets ok if it got one.
TEXT runtime·exitsyscallfast_pidle(SB), $24-0
	MOVQ	DX, 16(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CALL	runtime·pidleget(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 8(SP)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	8(SP), AX
	TESTQ	AX, AX
	JEQ	none
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	MOVQ	16(SP), DX
	MOVB	$1, 8(DX)
none:
	RET

// exitsyscall0(gp *g): on g0: exitsyscall's slow path (Go's exitsyscall0): gp becomes
// runnable; with an idle P this M takes it and runs gp at once; otherwise gp goes on the
// global run queue and the M stops (stopm) until it is handed a P, then schedules. (A gp
// locked to this M waits for it in stoplockedm.) Never returns.
TEXT runtime·exitsyscall0(SB), $24-8
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVL	$_Gsyscall, 8(SP)
	MOVL	$_Grunnable, 12(SP)
	CALL	runtime·casgstatus(SB)
	CALL	runtime·dropg(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CALL	runtime·pidleget(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, pp-8(SP)
	TESTQ	AX, AX
	JNE	unlock
	MOVQ	gp+0(FP), AX
	GLOBRUNQPUT(AX, BX)
unlock:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	pp-8(SP), AX
	TESTQ	AX, AX
	JEQ	stop
	MOVQ	AX, 0(SP)
	CALL	runtime·acquirep(SB)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVB	$0, 8(SP)
	CALL	runtime·execute(SB)       // never returns
stop:
	MOVQ	gp+0(FP), AX
	CMPQ	g_lockedm(AX), $0
	JEQ	nolock
	CALL	runtime·stoplockedm(SB)
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVB	$0, 8(SP)
	CALL	runtime·execute(SB)       // never returns
nolock:
	CALL	runtime·stopm(SB)
	CALL	runtime·schedule(SB)      // never returns
	RET

DATA	entersyscall_sysmonPC<>+0(SB)/8, $runtime·entersyscall_sysmon(SB)
GLOBL	entersyscall_sysmonPC<>(SB), RODATA, $8
DATA	entersyscallblock_handoffPC<>+0(SB)/8, $runtime·entersyscallblock_handoff(SB)
GLOBL	entersyscallblock_handoffPC<>(SB), RODATA, $8
DATA	exitsyscall0PC<>+0(SB)/8, $runtime·exitsyscall0(SB)
GLOBL	exitsyscall0PC<>(SB), RODATA, $8

// newsysmon(): on g0: newm(sysmon, nil): sysmon runs on its own M without a P.
TEXT runtime·newsysmon(SB), $16-0
	LEAQ	runtime·sysmon(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$0, 8(SP)
	CALL	runtime·newm(SB)
	RET

DATA	sysmonPC<>+0(SB)/8, $runtime·newsysmon(SB)
GLOBL	sysmonPC<>(SB), RODATA, $8

// sysmon(): the system monitor, on its own M without a P (counted in sched.nmsys so that
// checkdead ignores it), as Go's: sleeps 20 us of virtual time while it keeps finding work,
// doubling after 50 idle rounds up to 10 ms. Each round it starts an M for timers that are
// overdue with nobody running them (startm(nil, false)), retakes Ps blocked in system calls
// and preempts goroutines that ran for forcePreemptNS (retake: a round that retook a P is not
// idle), and prints the schedtrace every debug.schedtrace ms after the last one
// (runtime·lasttrace). When every P is idle and no schedtrace is wanted there is nothing to
// watch: it sleeps on sched.sysmonnote (sched.sysmonwait set) until pidleget takes a P off the
// idle list, a goroutine enters a system call, or the next timer is due (notetsleep; Go also
// wakes for a forced GC, which gmpvm does not have). Never returns.
TEXT runtime·sysmon(SB), $40-0
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	INCL	runtime·sched+schedt_nmsys(SB)
	CALL	runtime·checkdead(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	MOVQ	$0, 16(SP)                // delay (us)
	MOVQ	$0, 24(SP)                // idle: rounds in succession that woke nobody
	MOVQ	runtime·lasttrace(SB), AX
	CMPQ	AX, $0
	JNE	loop
	MOVQ	runtime·runtimeInitTime(SB), AX
	MOVQ	AX, runtime·lasttrace(SB)
loop:
	CMPQ	24(SP), $0                // idle == 0: start with 20 us
	JNE	2(PC)
	MOVQ	$sysmonMinDelayUS, 16(SP)
	CMPQ	24(SP), $sysmonIdleRounds // idle > 50: double
	JLE	2(PC)
	SHLQ	$1, 16(SP)
	CMPQ	16(SP), $sysmonMaxDelayUS // up to 10 ms
	JLE	2(PC)
	MOVQ	$sysmonMaxDelayUS, 16(SP)
	MOVL	16(SP), AX
	MOVL	AX, 0(SP)
	CALL	runtime·usleep(SB)
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, 32(SP)                // now
idlecheck:
	CMPQ	runtime·debug_schedtrace(SB), $0
	JGT	timers
	MOVLQSX	runtime·sched+schedt_npidle(SB), AX
	CMPQ	AX, runtime·gomaxprocs(SB)
	JNE	timers
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVLQSX	runtime·sched+schedt_npidle(SB), AX
	CMPQ	AX, runtime·gomaxprocs(SB)
	JNE	unlocked
	CALL	runtime·timeSleepUntil(SB)  // nothing to watch until the next timer
	MOVQ	0(SP), AX
	MOVQ	AX, 8(SP)
	SUBQ	32(SP), AX                // next - now
	JLE	unlocked                  // due already: see timers below
	MOVQ	$maxWhen, CX
	CMPQ	8(SP), CX
	JNE	2(PC)
	MOVQ	$-1, AX                   // no timers: until a P is taken
	MOVQ	AX, 8(SP)
	MOVL	$1, runtime·sched+schedt_sysmonwait(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	LEAQ	runtime·sched+schedt_sysmonnote(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·notetsleep(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	MOVL	$0, runtime·sched+schedt_sysmonwait(SB)
	LEAQ	runtime·sched+schedt_sysmonnote(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·noteclear(SB)
	MOVQ	$0, 24(SP)
	MOVQ	$sysmonMinDelayUS, 16(SP)
	CALL	runtime·nanotime1(SB)     // it slept: now is later
	MOVQ	0(SP), AX
	MOVQ	AX, 32(SP)
unlocked:
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
timers:
	// timers overdue and nobody running them (every M busy elsewhere or asleep): start an M
	CALL	runtime·timeSleepUntil(SB)
	MOVQ	0(SP), AX
	CMPQ	AX, 32(SP)
	JGE	retake
	MOVQ	$0, 0(SP)
	MOVB	$0, 8(SP)
	CALL	runtime·startm(SB)
retake:
	// retake Ps blocked in system calls and preempt long-running goroutines
	MOVQ	32(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·retake(SB)
	CMPL	8(SP), $0
	JEQ	3(PC)
	MOVQ	$0, 24(SP)                // idle = 0
	JMP	2(PC)
	INCQ	24(SP)                    // idle++
traced:
	CMPQ	runtime·debug_schedtrace(SB), $0
	JLE	loop
	MOVQ	32(SP), AX
	MOVQ	runtime·debug_schedtrace(SB), CX
	IMULQ	$1000000, CX
	ADDQ	runtime·lasttrace(SB), CX
	CMPQ	AX, CX
	JLT	loop
	MOVQ	AX, runtime·lasttrace(SB)
	MOVQ	runtime·debug_scheddetail(SB), AX
	CMPQ	AX, $0
	SETGT	AL
	MOVB	AL, 0(SP)
	CALL	runtime·schedtrace(SB)
	JMP	loop

// retake(now int64) uint32: sysmon's look at every P (Go's retake). A P that has run the same
// goroutine slice (p.schedtick unchanged, including a P in a system call) since sysmon first
// saw it, forcePreemptNS ago, gets preemptone. A P in _Psyscall whose p.syscalltick has not
// moved for a whole sysmon round is retaken (CAS to _Pidle, syscalltick++, handoffp) when
// there is other work: its run queue is not empty, or no M spins and no P idles, or it has
// been blocked for more than 10 ms. Returns how many Ps it retook. No allpLock: gmpvm's allp
// is a fixed array whose Ps are never freed, and a P that procresize destroyed while sysmon
// looks is _Pdead, which retake passes over.
TEXT runtime·retake(SB), $48-12
	MOVL	$0, n-8(SP)
	MOVQ	$0, i-16(SP)
next:
	MOVQ	i-16(SP), CX
	CMPQ	CX, runtime·gomaxprocs(SB)
	JGE	done
	INCQ	i-16(SP)
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(CX*8), SI            // pp
	TESTQ	SI, SI
	JEQ	next
	MOVQ	SI, pp-24(SP)
	MOVB	$0, sysretake-32(SP)
	MOVL	p_status(SI), DX          // s
	CMPL	DX, $_Prunning
	JEQ	running
	CMPL	DX, $_Psyscall
	JNE	next
running:
	// preempt the goroutine if it has been running for too long
	MOVL	p_schedtick(SI), AX
	CMPL	(p_sysmontick+sysmontick_schedtick)(SI), AX
	JEQ	same
	MOVL	AX, (p_sysmontick+sysmontick_schedtick)(SI)
	MOVQ	now+0(FP), AX
	MOVQ	AX, (p_sysmontick+sysmontick_schedwhen)(SI)
	JMP	syscall
same:
	MOVQ	(p_sysmontick+sysmontick_schedwhen)(SI), AX
	ADDQ	$forcePreemptNS, AX
	CMPQ	AX, now+0(FP)
	JGT	syscall
	MOVQ	SI, 0(SP)
	CALL	runtime·preemptone(SB)
	MOVB	$1, sysretake-32(SP)      // in a system call preemptone cannot work: no M on the P
	MOVQ	pp-24(SP), SI
syscall:
	CMPL	p_status(SI), $_Psyscall
	JNE	next
	// retake the P from a system call if it has been there for more than one sysmon tick
	MOVL	p_syscalltick(SI), AX
	CMPB	sysretake-32(SP), $0
	JNE	check
	CMPL	(p_sysmontick+sysmontick_syscalltick)(SI), AX
	JEQ	check
	MOVL	AX, (p_sysmontick+sysmontick_syscalltick)(SI)
	MOVQ	now+0(FP), AX
	MOVQ	AX, (p_sysmontick+sysmontick_syscallwhen)(SI)
	JMP	next
check:
	// no other work and a short wait: leave it (a retake later keeps sysmon from deep sleep)
	MOVQ	SI, 0(SP)
	CALL	runtime·runqempty(SB)
	MOVQ	pp-24(SP), SI
	CMPB	8(SP), $0
	JEQ	take
	MOVL	runtime·sched+schedt_nmspinning(SB), AX
	ADDL	runtime·sched+schedt_npidle(SB), AX
	JEQ	take
	MOVQ	(p_sysmontick+sysmontick_syscallwhen)(SI), AX
	ADDQ	$10000000, AX
	CMPQ	AX, now+0(FP)
	JGT	next
take:
	MOVL	$-1, 0(SP)
	CALL	runtime·incidlelocked(SB)
	MOVQ	pp-24(SP), SI
	MOVL	$_Psyscall, AX
	MOVL	$_Pidle, CX
	LOCK
	CMPXCHGL	CX, p_status(SI)
	JNE	lost
	INCL	n-8(SP)
	INCL	p_syscalltick(SI)
	MOVQ	SI, 0(SP)
	CALL	runtime·handoffp(SB)
lost:
	MOVL	$1, 0(SP)
	CALL	runtime·incidlelocked(SB)
	JMP	next
done:
	MOVL	n-8(SP), AX
	MOVL	AX, ret+8(FP)
	RET

// preemptone(pp *p) bool: asks the goroutine running on pp to stop (Go's preemptone): sets
// gp.preempt and gp.stackguard0 = stackPreempt, so that its next function prologue lands in
// newstack (cooperative); unless GODEBUG=asyncpreemptoff=1, also sets pp.preempt and signals
// the M (preemptM), for code that calls nothing (asynchronous). Only a request: returns
// whether one was made (false when pp has no M, the M is ours, or it runs no user goroutine).
TEXT runtime·preemptone(SB), NOSPLIT, $16-9
	MOVB	$0, ret+8(FP)
	MOVQ	pp+0(FP), SI
	MOVQ	p_m(SI), BX               // mp
	TESTQ	BX, BX
	JEQ	no
	MYM(AX)
	CMPQ	AX, BX
	JEQ	no
	MOVQ	m_curg(BX), AX            // gp
	TESTQ	AX, AX
	JEQ	no
	CMPQ	AX, m_g0(BX)
	JEQ	no
	MOVB	$1, g_preempt(AX)
	MOVQ	$stackPreempt, CX
	MOVQ	CX, g_stackguard0(AX)
	CMPQ	runtime·debug_asyncpreemptoff(SB), $0
	JGT	yes
	MOVB	$1, p_preempt(SI)
	MOVQ	BX, 0(SP)
	CALL	runtime·preemptM(SB)
yes:
	MOVB	$1, ret+8(FP)
no:
	RET

// preemptall() bool: preemptone for every running P (Go's preemptall); whether any request
// was made.
TEXT runtime·preemptall(SB), $24-1
	MOVB	$0, ret+0(FP)
	MOVQ	$0, i-8(SP)
loop:
	MOVQ	i-8(SP), CX
	CMPQ	CX, runtime·gomaxprocs(SB)
	JGE	done
	INCQ	i-8(SP)
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(CX*8), SI
	CMPL	p_status(SI), $_Prunning
	JNE	loop
	MOVQ	SI, 0(SP)
	CALL	runtime·preemptone(SB)
	CMPB	8(SP), $0
	JEQ	loop
	MOVB	$1, ret+0(FP)
	JMP	loop
done:
	RET

// schedtrace(detailed bool): prints Go's GODEBUG=schedtrace line ("SCHED Nms: gomaxprocs=…
// [run queue lengths]") and, when detailed, a line per P, M and G, under sched.lock.
TEXT runtime·schedtrace(SB), $40-1
	CALL	runtime·nanotime1(SB)
	MOVQ	0(SP), AX
	SUBQ	runtime·runtimeInitTime(SB), AX
	XORQ	DX, DX
	MOVQ	$1000000, CX
	DIVQ	CX
	MOVQ	AX, 32(SP)                // ms
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·lock(SB)
	CALL	runtime·printlock(SB)
	PL(sSCHED<>, sSCHED_n)
	PI(32(SP))
	PL(sms<>, sms_n)
	PI(runtime·gomaxprocs(SB))
	PL(sidle<>, sidle_n)
	MOVL	runtime·sched+schedt_npidle(SB), AX
	PI(AX)
	PL(sthreads<>, sthreads_n)
	MOVQ	runtime·sched+schedt_mnext(SB), AX
	SUBQ	runtime·sched+schedt_nmfreed(SB), AX
	PI(AX)
	PL(sspin<>, sspin_n)
	MOVL	runtime·sched+schedt_nmspinning(SB), AX
	PI(AX)
	PL(sneed<>, sneed_n)
	MOVL	runtime·sched+schedt_needspinning(SB), AX
	PI(AX)
	PL(sidlet<>, sidlet_n)
	MOVLQSX	runtime·sched+schedt_nmidle(SB), AX
	PI(AX)
	PL(srunq<>, srunq_n)
	MOVLQSX	runtime·sched+schedt_runqsize(SB), AX
	PI(AX)
	CMPB	detailed+0(FP), $0
	JEQ	ps
	PL(sdetail<>, sdetail_n)
	CMPL	runtime·sched+schedt_gcwaiting(SB), $0
	SETNE	AX
	MOVB	AX, 0(SP)
	CALL	runtime·printbool(SB)
	PL(snmidlelocked<>, snmidlelocked_n)
	MOVLQSX	runtime·sched+schedt_nmidlelocked(SB), AX
	PI(AX)
	PL(sstopwait<>, sstopwait_n)
	MOVLQSX	runtime·sched+schedt_stopwait(SB), AX
	PI(AX)
	PL(ssysmonwait<>, ssysmonwait_n)
ps:
	MOVQ	$0, 24(SP)                // i
ploop:
	MOVQ	24(SP), BX
	CMPQ	BX, runtime·gomaxprocs(SB)
	JGE	pdone
	LEAQ	runtime·allp(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	AX, 16(SP)                // pp
	CMPB	detailed+0(FP), $0
	JNE	pdetail
	PL(ssp<>, ssp_n)
	CMPQ	24(SP), $0
	JNE	2(PC)
	PL(slbr<>, slbr_n)
	MOVQ	16(SP), BX
	MOVL	p_runqtail(BX), AX
	SUBL	p_runqhead(BX), AX
	PI(AX)
	MOVQ	24(SP), AX
	INCQ	AX
	CMPQ	AX, runtime·gomaxprocs(SB)
	JNE	pnext
	PL(srbr<>, srbr_n)
	JMP	pnext
pdetail:
	PL(sP<>, sP_n)
	PI(24(SP))
	PL(sstatus<>, sstatus_n)
	MOVQ	16(SP), BX
	MOVL	p_status(BX), AX
	PI(AX)
	PL(sschedtick<>, sschedtick_n)
	MOVQ	16(SP), BX
	MOVL	p_schedtick(BX), AX
	PI(AX)
	PL(ssyscalltick<>, ssyscalltick_n)
	MOVQ	16(SP), BX
	MOVL	p_syscalltick(BX), AX
	PI(AX)
	PL(sm<>, sm_n)
	MOVQ	16(SP), BX
	MOVQ	p_m(BX), AX
	MOVQ	$-1, CX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	m_id(AX), CX
	PI(CX)
	PL(srunqsize<>, srunqsize_n)
	MOVQ	16(SP), BX
	MOVL	p_runqtail(BX), AX
	SUBL	p_runqhead(BX), AX
	PI(AX)
	PL(sgfree<>, sgfree_n)
	MOVQ	16(SP), BX
	MOVLQSX	p_gFree_n(BX), AX
	PI(AX)
	PL(stimers<>, stimers_n)
	MOVQ	16(SP), BX
	MOVQ	p_timers_len(BX), AX
	PI(AX)
	CALL	runtime·printnl(SB)
pnext:
	INCQ	24(SP)
	JMP	ploop
pdone:
	CMPB	detailed+0(FP), $0
	JEQ	done
	MOVQ	runtime·allm(SB), AX
	MOVQ	AX, 16(SP)                // mp
mloop:
	MOVQ	16(SP), AX
	CMPQ	AX, $0
	JEQ	gs
	PL(sM<>, sM_n)
	MOVQ	16(SP), BX
	PI(m_id(BX))
	PL(sp<>, sp_n)
	MOVQ	16(SP), BX
	MOVQ	m_p(BX), AX
	MOVQ	$-1, CX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVLQSX	p_id(AX), CX
	PI(CX)
	PL(scurg<>, scurg_n)
	MOVQ	16(SP), BX
	MOVQ	m_curg(BX), AX
	MOVQ	$-1, CX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	g_goid(AX), CX
	PI(CX)
	PL(smallocing<>, smallocing_n)
	MOVQ	16(SP), BX
	MOVLQSX	m_mallocing(BX), AX
	PI(AX)
	PL(sthrowing<>, sthrowing_n)
	MOVQ	16(SP), BX
	MOVLQSX	m_throwing(BX), AX
	PI(AX)
	PL(spreemptoff<>, spreemptoff_n)
	MOVQ	16(SP), BX
	MOVLQSX	m_locks(BX), AX
	PI(AX)
	PL(sdying<>, sdying_n)
	MOVQ	16(SP), BX
	MOVLQSX	m_dying(BX), AX
	PI(AX)
	PL(sspinning<>, sspinning_n)
	MOVQ	16(SP), BX
	MOVB	m_spinning(BX), AX
	MOVB	AX, 0(SP)
	CALL	runtime·printbool(SB)
	PL(sblocked<>, sblocked_n)
	MOVQ	16(SP), BX
	MOVB	m_blocked(BX), AX
	MOVB	AX, 0(SP)
	CALL	runtime·printbool(SB)
	PL(slockedg<>, slockedg_n)
	MOVQ	16(SP), BX
	MOVQ	m_lockedg(BX), AX
	MOVQ	$-1, CX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	g_goid(AX), CX
	PI(CX)
	CALL	runtime·printnl(SB)
	MOVQ	16(SP), BX
	MOVQ	m_alllink(BX), AX
	MOVQ	AX, 16(SP)
	JMP	mloop
gs:
	MOVQ	$0, 24(SP)
gloop:
	MOVQ	24(SP), BX
	CMPQ	BX, runtime·allglen(SB)
	JGE	done
	MOVQ	runtime·allgs(SB), AX
	MOVQ	(AX)(BX*8), AX
	MOVQ	AX, 16(SP)
	INCQ	24(SP)
	PL(sG<>, sG_n)
	MOVQ	16(SP), BX
	PI(g_goid(BX))
	PL(sstatus<>, sstatus_n)
	MOVQ	16(SP), BX
	MOVL	g_atomicstatus(BX), AX
	PI(AX)
	PL(sparen<>, sparen_n)
	MOVQ	16(SP), BX
	MOVBQZX	g_waitreason(BX), CX
	SHLQ	$4, CX
	LEAQ	runtime·waitReasonStrings(SB), DX
	MOVQ	(DX)(CX*1), AX
	MOVQ	AX, 0(SP)
	MOVQ	8(DX)(CX*1), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	PL(sgm<>, sgm_n)
	MOVQ	16(SP), BX
	MOVQ	g_m(BX), AX
	MOVQ	$-1, CX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	m_id(AX), CX
	PI(CX)
	PL(slockedm<>, slockedm_n)
	MOVQ	16(SP), BX
	MOVQ	g_lockedm(BX), AX
	MOVQ	$-1, CX
	CMPQ	AX, $0
	JEQ	2(PC)
	MOVQ	m_id(AX), CX
	PI(CX)
	CALL	runtime·printnl(SB)
	JMP	gloop
done:
	CALL	runtime·printunlock(SB)
	LEAQ	runtime·sched+schedt_lock(SB), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·unlock(SB)
	RET
