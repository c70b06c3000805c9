// traceback.s: stack traces in Go's format, as in Go's src/runtime/traceback.go and
// symtab.go. The linker's runtime·pclntab (docs/runtime.md) gives each TEXT symbol's entry,
// end, name, argument size, frame size, flags and pc → file:line rows. A frame is unwound by
// its frame pointer when its prologue saved BP (BP → saved BP, return address above it,
// arguments above that), and by its frame size from SP otherwise (NOFRAME and frameless
// leaves: the return address lies at SP + frame). Routines take their arguments on the stack
// (ABI0) and may clobber every register but SP and BP.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

#define PRINTS(sym, n) \
	LEAQ	sym(SB), AX; \
	MOVQ	AX, 0(SP); \
	MOVQ	$n, 8(SP); \
	CALL	runtime·printstring(SB)

// findfunc(pc uintptr) *_func: the pclntab entry of the function holding pc (binary search
// over the entries, sorted by address), or nil. Clobbers AX BX CX DX SI DI R8.
TEXT runtime·findfunc(SB), NOSPLIT, $0-16
	MOVQ	pc+0(FP), AX
	LEAQ	runtime·pclntab(SB), SI
	MOVL	pcln_nfunc(SI), CX        // hi
	MOVL	pcln_functab(SI), DX
	ADDQ	SI, DX                    // functab
	XORQ	BX, BX                    // lo
loop:
	CMPQ	BX, CX
	JGE	found
	LEAQ	(BX)(CX*1), DI
	SHRQ	$1, DI                    // mid
	LEAQ	(DI)(DI*2), R8
	SHLQ	$4, R8                    // mid * _func__size (48)
	CMPQ	_func_entry(DX)(R8*1), AX
	JHI	lower
	LEAQ	1(DI), BX                 // entry <= pc: lo = mid+1
	JMP	loop
lower:
	MOVQ	DI, CX                    // entry > pc: hi = mid
	JMP	loop
found:
	TESTQ	BX, BX                    // lo-1 is the last entry <= pc
	JEQ	none
	DECQ	BX
	LEAQ	(BX)(BX*2), R8
	SHLQ	$4, R8
	ADDQ	DX, R8
	CMPQ	AX, _func_end(R8)
	JCC	none
	MOVQ	R8, ret+8(FP)
	RET
none:
	MOVQ	$0, ret+8(FP)
	RET

// funcname(f *_func) string: the function's name, e.g. main.f or runtime.gopanic.
// Clobbers AX BX SI.
TEXT runtime·funcname(SB), NOSPLIT, $0-24
	MOVQ	f+0(FP), BX
	LEAQ	runtime·pclntab(SB), SI
	MOVL	pcln_strings(SI), AX
	ADDQ	SI, AX
	MOVL	_func_nameoff(BX), SI
	ADDQ	SI, AX
	MOVQ	AX, ret_base+8(FP)
	MOVL	_func_namelen(BX), AX
	MOVQ	AX, ret_len+16(FP)
	RET

// funcline(f *_func, targetpc uintptr) (file string, line int): the source position of
// targetpc: the last line row at or before it. Clobbers AX BX CX DX SI DI R8.
TEXT runtime·funcline(SB), NOSPLIT, $0-40
	MOVQ	f+0(FP), DX
	MOVQ	targetpc+8(FP), AX
	SUBQ	_func_entry(DX), AX       // offset in the function
	LEAQ	runtime·pclntab(SB), SI
	MOVL	_func_rowoff(DX), DI
	ADDQ	SI, DI                    // first row
	MOVL	_func_nrows(DX), CX
	XORQ	R8, R8                    // best row so far
loop:
	TESTQ	CX, CX
	JEQ	done
	MOVL	pcrow_pcoff(DI), BX
	CMPQ	BX, AX
	JHI	done
	MOVQ	DI, R8
	ADDQ	$pcrow__size, DI
	DECQ	CX
	JMP	loop
done:
	TESTQ	R8, R8
	JEQ	unknown
	MOVL	pcrow_line(R8), AX
	MOVQ	AX, line+32(FP)
	MOVL	pcrow_file(R8), BX
	MOVL	pcln_files(SI), CX
	ADDQ	SI, CX                    // files
	MOVL	pcln_strings(SI), DI
	ADDQ	SI, DI                    // strings
	MOVL	0(CX)(BX*8), AX
	ADDQ	DI, AX
	MOVQ	AX, file_base+16(FP)
	MOVL	4(CX)(BX*8), AX
	MOVQ	AX, file_len+24(FP)
	RET
unknown:
	LEAQ	question<>(SB), AX
	MOVQ	AX, file_base+16(FP)
	MOVQ	$1, file_len+24(FP)
	MOVQ	$0, line+32(FP)
	RET

// gotraceback() (level int, all bool): Go's gotraceback: GOTRACEBACK none (0), single (the
// default, 1), all (1, every goroutine), system (2: runtime frames too, and each frame's
// fp/sp/pc), crash (as system) or a number. Every goroutine is shown for a fatal error
// (m.throwing >= throwTypeUser), and runtime frames for a runtime throw.
TEXT runtime·gotraceback(SB), $24-16
	MOVQ	$1, level+0(FP)
	MOVB	$0, all+8(FP)
	LEAQ	envGOTRACEBACK<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$11, 8(SP)
	CALL	runtime·gogetenv(SB)
	MOVQ	16(SP), SI
	TESTQ	SI, SI
	JEQ	throwing
	MOVBQZX	0(SI), AX
	CMPB	AL, $'n'                  // none
	JEQ	none
	CMPB	AL, $'0'
	JEQ	none
	CMPB	AL, $'a'                  // all
	JEQ	all
	CMPB	AL, $'1'
	JEQ	all
	CMPB	AL, $'s'                  // system, or single
	JNE	notsys
	CMPB	1(SI), $'y'
	JEQ	system
	JMP	throwing
notsys:
	CMPB	AL, $'c'                  // crash
	JEQ	system
	CMPB	AL, $'2'
	JEQ	system
	JMP	throwing
none:
	MOVQ	$0, level+0(FP)
	JMP	throwing
all:
	MOVB	$1, all+8(FP)
	JMP	throwing
system:
	MOVQ	$2, level+0(FP)
	MOVB	$1, all+8(FP)
throwing:
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVL	m_throwing(AX), BX
	CMPL	BX, $throwTypeUser
	JLT	done
	MOVB	$1, all+8(FP)
	CMPL	BX, $throwTypeRuntime
	JLT	done
	MOVQ	$2, level+0(FP)
done:
	RET

// showframe(f *_func, level int, first bool) bool: Go's showframe: every frame at level 2;
// otherwise not runtime.* ones, except exported runtime functions (runtime.Goexit) and
// runtime.gopanic when it is not the first frame printed.
TEXT runtime·showframe(SB), $24-25
	MOVB	$1, ret+24(FP)
	CMPQ	level+8(FP), $2
	JGE	done
	MOVQ	f+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·funcname(SB)
	MOVQ	8(SP), SI
	MOVQ	16(SP), CX
	CMPQ	CX, $8
	JLE	done
	MOVQ	0(SI), AX
	MOVQ	$0x2e656d69746e7572, BX   // "runtime."
	CMPQ	AX, BX
	JNE	done
	MOVBQZX	8(SI), AX
	CMPB	AL, $'A'
	JCS	hidden
	CMPB	AL, $'Z'
	JLS	done                      // exported
	CMPQ	CX, $15
	JNE	hidden
	CMPL	8(SI), $0x61706f67        // "gopa"
	JNE	hidden
	CMPW	12(SI), $0x696e           // "ni"
	JNE	hidden
	CMPB	14(SI), $'c'
	JNE	hidden
	CMPB	first+16(FP), $0
	JEQ	done                      // gopanic below another printed frame
hidden:
	MOVB	$0, ret+24(FP)
done:
	RET

// traceback1(pc, sp, bp uintptr, gp *g, level int): prints gp's frames from the one at pc
// (whose SP is sp and frame pointer bp) outwards, as Go does: for each shown frame
// "name(0x1, 0x2)" (its argument words, at most 10, then "...") and a tab, "file:line
// +0xOFF" (no +0xOFF at the entry itself; the line of pc-1 for a return address, of pc
// itself for the frame that faulted, below sigpanic), with " fp=… sp=… pc=…" at level 2.
// Stops at a TOPFRAME function, at systemstack or mcall (the top of g0's stack), at an
// unknown pc or after 100 frames; then "created by" and where, for a goroutine other than 1.
// trap: pc is where a signal stopped the thread (Go's tracebacktrap): its line is pc's own.
TEXT runtime·traceback1(SB), $176-41
	MOVQ	pc+0(FP), AX
	MOVQ	AX, curpc-8(SP)
	MOVQ	sp+8(FP), AX
	MOVQ	AX, cursp-16(SP)
	MOVQ	bp+16(FP), AX
	MOVQ	AX, curbp-24(SP)
	MOVQ	$0, nprint-48(SP)
	MOVQ	$0, n-56(SP)
	MOVBQZX	trap+40(FP), AX           // the first pc is where a signal stopped it: exact
	MOVQ	AX, aftersig-64(SP)
frame:
	MOVQ	curpc-8(SP), AX
	TESTQ	AX, AX
	JEQ	created
	MOVQ	AX, 0(SP)
	CALL	runtime·findfunc(SB)
	MOVQ	8(SP), AX
	TESTQ	AX, AX
	JEQ	created
	MOVQ	AX, f-32(SP)
	// unwind first: where this frame's caller stands and where our arguments are
	MOVQ	curpc-8(SP), CX
	CMPQ	CX, _func_entry(AX)
	JEQ	byframe                   // at the entry: no frame built yet
	MOVL	_func_flags(AX), BX
	TESTL	$funcFlagBP, BX
	JEQ	byframe
	MOVQ	curbp-24(SP), DX
	TESTQ	DX, DX
	JEQ	created
	MOVQ	8(DX), CX
	MOVQ	CX, nextpc-72(SP)
	LEAQ	16(DX), CX
	MOVQ	CX, nextsp-80(SP)
	MOVQ	0(DX), CX
	MOVQ	CX, nextbp-88(SP)
	JMP	show
byframe:
	MOVQ	cursp-16(SP), DX
	MOVL	_func_frame(AX), BX
	CMPQ	CX, _func_entry(AX)
	JNE	2(PC)
	XORL	BX, BX
	ADDQ	BX, DX                    // the return address
	MOVQ	0(DX), CX
	MOVQ	CX, nextpc-72(SP)
	LEAQ	8(DX), CX
	MOVQ	CX, nextsp-80(SP)
	MOVQ	curbp-24(SP), CX
	MOVQ	CX, nextbp-88(SP)
show:
	MOVQ	f-32(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	level+32(FP), AX
	MOVQ	AX, 8(SP)
	CMPQ	nprint-48(SP), $0
	SETEQ	16(SP)
	CALL	runtime·showframe(SB)
	CMPB	24(SP), $0
	JEQ	next
	INCQ	nprint-48(SP)
	// name: runtime.gopanic prints as "panic" with its eface argument in braces
	MOVQ	f-32(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·funcname(SB)
	MOVQ	16(SP), CX
	CMPQ	CX, $15
	JNE	plainname
	MOVQ	8(SP), SI
	CMPL	8(SI), $0x61706f67        // "runtime.gopanic"
	JNE	plainname
	CMPW	12(SI), $0x696e
	JNE	plainname
	CMPB	14(SI), $'c'
	JNE	plainname
	PRINTS(panicname<>, 7)
	MOVQ	nextsp-80(SP), SI
	MOVQ	0(SI), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(commasp<>, 2)
	MOVQ	nextsp-80(SP), SI
	MOVQ	8(SI), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(closepanic<>, 3)
	JMP	where
plainname:
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	CX, 8(SP)
	CALL	runtime·printstring(SB)
	PRINTS(lparen<>, 1)
	// the argument words
	MOVQ	f-32(SP), AX
	MOVL	_func_args(AX), AX
	ADDQ	$7, AX
	SHRQ	$3, AX
	MOVQ	AX, nargs-96(SP)
	MOVQ	$0, i-104(SP)
arg:
	MOVQ	i-104(SP), BX
	CMPQ	BX, nargs-96(SP)
	JGE	argsdone
	TESTQ	BX, BX
	JEQ	first
	PRINTS(commasp<>, 2)
	MOVQ	i-104(SP), BX
first:
	CMPQ	BX, $tracebackMaxArgs
	JLT	word
	PRINTS(dots<>, 3)
	JMP	argsdone
word:
	MOVQ	nextsp-80(SP), SI
	MOVQ	(SI)(BX*8), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	INCQ	i-104(SP)
	JMP	arg
argsdone:
	PRINTS(rparen<>, 2)
where:
	// "\tfile:line +0xOFF"
	MOVQ	curpc-8(SP), AX
	MOVQ	f-32(SP), BX
	CMPQ	aftersig-64(SP), $0
	JNE	exact
	CMPQ	AX, _func_entry(BX)
	JLS	exact
	DECQ	AX                        // a return address: the line of the CALL
exact:
	MOVQ	BX, 0(SP)
	MOVQ	AX, 8(SP)
	CALL	runtime·printfileline(SB)
	MOVQ	curpc-8(SP), AX           // " +0xOFF" only past the entry, as Go
	MOVQ	f-32(SP), BX
	CMPQ	AX, _func_entry(BX)
	JLS	nooff
	PRINTS(plus<>, 2)
	MOVQ	curpc-8(SP), AX
	MOVQ	f-32(SP), BX
	SUBQ	_func_entry(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
nooff:
	CMPQ	level+32(FP), $2
	JLT	eol
	PRINTS(fpeq<>, 4)
	MOVQ	nextsp-80(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(speq<>, 4)
	MOVQ	cursp-16(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	PRINTS(pceq<>, 4)
	MOVQ	curpc-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
eol:
	CALL	runtime·printnl(SB)
next:
	// step to the caller
	MOVQ	f-32(SP), AX
	MOVL	_func_flags(AX), BX
	TESTL	$funcFlagTopframe, BX
	JNE	created
	MOVQ	_func_entry(AX), BX       // systemstack and mcall: the top of g0's stack
	LEAQ	runtime·systemstack(SB), CX
	CMPQ	BX, CX
	JEQ	created
	LEAQ	runtime·mcall(SB), CX
	CMPQ	BX, CX
	JEQ	created
	MOVQ	$0, aftersig-64(SP)
	MOVQ	_func_entry(AX), BX
	LEAQ	runtime·sigpanic(SB), CX
	CMPQ	BX, CX
	JNE	2(PC)
	MOVQ	$1, aftersig-64(SP)
	MOVQ	nextpc-72(SP), AX
	MOVQ	AX, curpc-8(SP)
	MOVQ	nextsp-80(SP), AX
	MOVQ	AX, cursp-16(SP)
	MOVQ	nextbp-88(SP), AX
	MOVQ	AX, curbp-24(SP)
	INCQ	n-56(SP)
	CMPQ	n-56(SP), $tracebackMaxFrames
	JLT	frame
created:
	// "created by F" and where, for goroutines started by a go statement (not goroutine 1)
	MOVQ	gp+24(FP), AX
	TESTQ	AX, AX
	JEQ	done
	CMPQ	g_goid(AX), $1
	JEQ	done
	MOVQ	g_gopc(AX), AX
	TESTQ	AX, AX
	JEQ	done
	MOVQ	AX, 0(SP)
	CALL	runtime·findfunc(SB)
	MOVQ	8(SP), AX
	TESTQ	AX, AX
	JEQ	done
	MOVQ	AX, f-32(SP)
	MOVQ	AX, 0(SP)
	MOVQ	level+32(FP), AX
	MOVQ	AX, 8(SP)
	MOVB	$0, 16(SP)
	CALL	runtime·showframe(SB)
	CMPB	24(SP), $0
	JEQ	done
	PRINTS(createdby<>, 11)
	MOVQ	f-32(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·funcname(SB)
	MOVQ	8(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	16(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	MOVQ	gp+24(FP), AX
	MOVQ	g_gopc(AX), AX
	MOVQ	AX, curpc-8(SP)
	MOVQ	f-32(SP), BX
	CMPQ	AX, _func_entry(BX)
	JLS	2(PC)
	DECQ	AX
	MOVQ	BX, 0(SP)
	MOVQ	AX, 8(SP)
	CALL	runtime·printfileline(SB)
	PRINTS(plus<>, 2)
	MOVQ	curpc-8(SP), AX
	MOVQ	f-32(SP), BX
	SUBQ	_func_entry(BX), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printhex(SB)
	CALL	runtime·printnl(SB)
done:
	RET

// printfileline(f *_func, pc uintptr): prints "\tFILE:LINE" for pc in f, from the line rows
// of runtime·pclntab (funcline): the position line of a traceback frame or of "created by".
TEXT runtime·printfileline(SB), $64-16
	MOVQ	f+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	pc+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·funcline(SB)
	MOVQ	16(SP), AX
	MOVQ	AX, file-8(SP)
	MOVQ	24(SP), AX
	MOVQ	AX, filelen-16(SP)
	MOVQ	32(SP), AX
	MOVQ	AX, line-24(SP)
	PRINTS(tab<>, 1)
	MOVQ	file-8(SP), AX
	MOVQ	AX, 0(SP)
	MOVQ	filelen-16(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	PRINTS(colon<>, 1)
	MOVQ	line-24(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	RET

// tracebackall(pc, sp, bp uintptr, gp *g, trap bool): the goroutine part of a fatal error or panic, at
// the level gotraceback gives (Go's dopanic_m): gp, the g that failed, standing at pc/sp/bp:
// a user goroutine gets its header and frames; g0 (a failure on the system stack) gets
// "runtime stack:" and its frames when runtime frames are shown, and then the M's user
// goroutine comes first among the others. Every other goroutine is shown with all (or when
// gp is not the M's user goroutine).
TEXT runtime·tracebackall(SB), $72-33
	CALL	runtime·gotraceback(SB)
	MOVQ	0(SP), AX
	MOVQ	AX, level-8(SP)
	MOVBQZX	8(SP), AX
	MOVQ	AX, all-16(SP)
	CMPQ	level-8(SP), $0
	JEQ	done
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVQ	gp+24(FP), BX
	CMPQ	m_curg(AX), BX
	JEQ	2(PC)
	MOVQ	$1, all-16(SP)            // not the user goroutine: show them all
	CMPQ	m_g0(AX), BX
	JEQ	ong0
	MOVQ	BX, 0(SP)
	CALL	runtime·goroutineheader(SB)
	JMP	trace
ong0:
	CMPQ	level-8(SP), $2
	JLT	others
	PRINTS(runtimestack<>, 16)
trace:
	MOVQ	pc+0(FP), BX
	MOVQ	BX, 0(SP)
	MOVQ	sp+8(FP), BX
	MOVQ	BX, 8(SP)
	MOVQ	bp+16(FP), BX
	MOVQ	BX, 16(SP)
	MOVQ	gp+24(FP), AX
	MOVQ	AX, 24(SP)
	MOVQ	level-8(SP), AX
	MOVQ	AX, 32(SP)
	MOVB	trap+32(FP), AX
	MOVB	AX, 40(SP)
	CALL	runtime·traceback1(SB)
others:
	CMPQ	all-16(SP), $0
	JEQ	done
	MOVQ	gp+24(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	level-8(SP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·tracebackothers(SB)
done:
	RET

// tracebackothers(me *g, level int): Go's tracebackothers: the M's user goroutine first (if
// it is not me), then every goroutine but me and it that is neither dead nor idle, in allgs
// order; each one's header and frames from the context it saved when it stopped (g.sched).
// System goroutines (isSystemGoroutine) are left out below GOTRACEBACK=system, as in Go.
TEXT runtime·tracebackothers(SB), $64-16
	get_tls(CX)
	MOVQ	g(CX), AX
	MOVQ	g_m(AX), AX
	MOVQ	m_curg(AX), AX
	MOVQ	AX, cur-24(SP)
	TESTQ	AX, AX
	JEQ	all
	CMPQ	AX, me+0(FP)
	JEQ	all
	MOVQ	AX, 0(SP)
	MOVQ	level+8(FP), BX
	MOVQ	BX, 8(SP)
	CALL	runtime·tracebacksaved(SB)
all:
	MOVQ	$0, i-8(SP)
loop:
	MOVQ	i-8(SP), BX
	CMPQ	BX, runtime·allglen(SB)
	JGE	done
	MOVQ	runtime·allgs(SB), AX
	MOVQ	(AX)(BX*8), AX
	INCQ	i-8(SP)
	CMPQ	AX, me+0(FP)
	JEQ	loop
	CMPQ	AX, cur-24(SP)
	JEQ	loop
	CMPL	g_atomicstatus(AX), $_Gdead
	JEQ	loop
	CMPL	g_atomicstatus(AX), $_Gidle
	JEQ	loop
	CMPQ	level+8(FP), $2
	JGE	show                      // GOTRACEBACK=system shows the runtime's own goroutines
	MOVQ	AX, 0(SP)
	CALL	runtime·isSystemGoroutine(SB)
	CMPB	8(SP), $0
	JNE	loop
	MOVQ	0(SP), AX
show:
	MOVQ	AX, 0(SP)
	MOVQ	level+8(FP), BX
	MOVQ	BX, 8(SP)
	CALL	runtime·tracebacksaved(SB)
	JMP	loop
done:
	RET

// tracebacksaved(gp *g, level int): gp's header and its frames from gp.sched.
TEXT runtime·tracebacksaved(SB), $48-16
	MOVQ	gp+0(FP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·goroutineheader(SB)
	MOVQ	gp+0(FP), AX
	MOVQ	(g_sched+gobuf_pc)(AX), BX
	MOVQ	BX, 0(SP)
	MOVQ	(g_sched+gobuf_sp)(AX), BX
	MOVQ	BX, 8(SP)
	MOVQ	(g_sched+gobuf_bp)(AX), BX
	MOVQ	BX, 16(SP)
	MOVQ	AX, 24(SP)
	MOVQ	level+8(FP), AX
	MOVQ	AX, 32(SP)
	MOVB	$0, 40(SP)
	CALL	runtime·traceback1(SB)
	RET

DATA	runtimestack<>+0(SB)/16, $"\nruntime stack:\n"
GLOBL	runtimestack<>(SB), RODATA, $16
DATA	envGOTRACEBACK<>+0(SB)/11, $"GOTRACEBACK"
GLOBL	envGOTRACEBACK<>(SB), RODATA, $11
DATA	question<>+0(SB)/1, $"?"
GLOBL	question<>(SB), RODATA, $1
DATA	panicname<>+0(SB)/7, $"panic({"
GLOBL	panicname<>(SB), RODATA, $7
DATA	closepanic<>+0(SB)/3, $"})\n"
GLOBL	closepanic<>(SB), RODATA, $3
DATA	commasp<>+0(SB)/2, $", "
GLOBL	commasp<>(SB), RODATA, $2
DATA	dots<>+0(SB)/3, $"..."
GLOBL	dots<>(SB), RODATA, $3
DATA	lparen<>+0(SB)/1, $"("
GLOBL	lparen<>(SB), RODATA, $1
DATA	rparen<>+0(SB)/2, $")\n"
GLOBL	rparen<>(SB), RODATA, $2
DATA	tab<>+0(SB)/1, $"\t"
GLOBL	tab<>(SB), RODATA, $1
DATA	colon<>+0(SB)/1, $":"
GLOBL	colon<>(SB), RODATA, $1
DATA	plus<>+0(SB)/2, $" +"
GLOBL	plus<>(SB), RODATA, $2
DATA	fpeq<>+0(SB)/4, $" fp="
GLOBL	fpeq<>(SB), RODATA, $4
DATA	speq<>+0(SB)/4, $" sp="
GLOBL	speq<>(SB), RODATA, $4
DATA	pceq<>+0(SB)/4, $" pc="
GLOBL	pceq<>(SB), RODATA, $4
DATA	createdby<>+0(SB)/11, $"created by "
GLOBL	createdby<>(SB), RODATA, $11
