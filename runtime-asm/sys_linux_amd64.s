// sys_linux_amd64.s: the runtime's system calls on linux/amd64, as in Go's
// src/runtime/sys_linux_amd64.s. Arguments on the stack (ABI0); the kernel takes them in
// DI SI DX R10 R8 R9 with the number in AX, and SYSCALL clobbers CX and R11.
// All are NOSPLIT, as Go's: small leaves around one SYSCALL, some called before there is a g.
#include "go_asm.h"
#include "go_tls.h"
#include "textflag.h"

// exit(code int32): ends the whole process (exit_group). Never returns.
TEXT runtime·exit(SB), NOSPLIT, $0-4
	MOVL	code+0(FP), DI
	MOVL	$SYS_exit_group, AX
	SYSCALL
	RET

// exitThread(wait *uint32): ends the calling thread only. Never returns.
TEXT runtime·exitThread(SB), NOSPLIT, $0-8
	MOVQ	wait+0(FP), AX
	MOVL	$0, (AX)                  // tell whoever waits that the stack may be reused
	MOVL	$0, DI
	MOVL	$SYS_exit, AX
	SYSCALL
	INT	$3                        // not reached

// write1(fd uintptr, p unsafe.Pointer, n int32) int32: write(2); returns the count or -errno.
TEXT runtime·write1(SB), NOSPLIT, $0-28
	MOVQ	fd+0(FP), DI
	MOVQ	p+8(FP), SI
	MOVL	n+16(FP), DX
	MOVL	$SYS_write, AX
	SYSCALL
	MOVL	AX, ret+24(FP)
	RET

// usleep(usec uint32): nanosleep for usec microseconds of virtual time. Clobbers AX DX SI DI.
TEXT runtime·usleep(SB), NOSPLIT, $16
	MOVL	$0, DX
	MOVL	usec+0(FP), AX
	MOVL	$1000000, CX
	DIVL	CX
	MOVQ	AX, 0(SP)                 // tv_sec
	MOVL	$1000, AX
	MULL	DX
	MOVQ	AX, 8(SP)                 // tv_nsec
	MOVQ	SP, DI
	MOVL	$0, SI
	MOVL	$SYS_nanosleep, AX
	SYSCALL
	RET

// gettid() uint32: the calling thread's id.
TEXT runtime·gettid(SB), NOSPLIT, $0-4
	MOVL	$SYS_gettid, AX
	SYSCALL
	MOVL	AX, ret+0(FP)
	RET

// getpid() int: the process id.
TEXT runtime·getpid(SB), NOSPLIT, $0-8
	MOVL	$SYS_getpid, AX
	SYSCALL
	MOVQ	AX, ret+0(FP)
	RET

// tgkill(tgid, tid, sig int): sends sig to one thread.
TEXT runtime·tgkill(SB), NOSPLIT, $0
	MOVQ	tgid+0(FP), DI
	MOVQ	tid+8(FP), SI
	MOVQ	sig+16(FP), DX
	MOVL	$SYS_tgkill, AX
	SYSCALL
	RET

// nanotime1() int64: CLOCK_MONOTONIC in nanoseconds (the emulator's virtual clock).
TEXT runtime·nanotime1(SB), NOSPLIT, $16-8
	MOVL	$_CLOCK_MONOTONIC, DI
	MOVQ	SP, SI
	MOVL	$SYS_clock_gettime, AX
	SYSCALL
	MOVQ	0(SP), AX                 // sec
	MOVQ	8(SP), DX                 // nsec
	IMULQ	$1000000000, AX
	ADDQ	DX, AX
	MOVQ	AX, ret+0(FP)
	RET

// mmap(addr unsafe.Pointer, n uintptr, prot, flags, fd int32, off uint32) (p unsafe.Pointer, err int):
// on failure p is nil and err the errno.
TEXT runtime·mmap(SB), NOSPLIT, $0
	MOVQ	addr+0(FP), DI
	MOVQ	n+8(FP), SI
	MOVL	prot+16(FP), DX
	MOVL	flags+20(FP), R10
	MOVL	fd+24(FP), R8
	MOVL	off+28(FP), R9
	MOVL	$SYS_mmap, AX
	SYSCALL
	CMPQ	AX, $0xfffffffffffff001
	JLS	ok
	NEGQ	AX
	MOVQ	$0, p+32(FP)
	MOVQ	AX, err+40(FP)
	RET
ok:
	MOVQ	AX, p+32(FP)
	MOVQ	$0, err+40(FP)
	RET

// futex(addr unsafe.Pointer, op int32, val uint32, ts, addr2 unsafe.Pointer, val3 uint32) int32:
// the raw futex call; returns 0 or -errno.
TEXT runtime·futex(SB), NOSPLIT, $0
	MOVQ	addr+0(FP), DI
	MOVL	op+8(FP), SI
	MOVL	val+12(FP), DX
	MOVQ	ts+16(FP), R10
	MOVQ	addr2+24(FP), R8
	MOVL	val3+32(FP), R9
	MOVL	$SYS_futex, AX
	SYSCALL
	MOVL	AX, ret+40(FP)
	RET

// clone(flags int32, stk, mp, gp, fn unsafe.Pointer) int32: makes a thread. The parent gets the
// child's tid (or -errno). The child starts on stk with every register the parent had: it sets
// its TLS to &mp.tls, installs gp as g, sets gp.m = mp, calls fn and then exits the thread.
TEXT runtime·clone(SB), NOSPLIT, $0
	MOVL	flags+0(FP), DI
	MOVQ	stk+8(FP), SI
	MOVQ	$0, DX
	MOVQ	$0, R10
	MOVQ	$0, R8
	// Copy mp, gp, fn off the parent stack for use by the child.
	MOVQ	mp+16(FP), R13
	MOVQ	gp+24(FP), R9
	MOVQ	fn+32(FP), R12
	MOVL	$SYS_clone, AX
	SYSCALL
	CMPQ	AX, $0
	JEQ	3(PC)
	MOVL	AX, ret+40(FP)            // in the parent: return
	RET
	// In the child, on the new stack.
	MOVQ	SI, SP
	CMPQ	R13, $0                   // m
	JEQ	nog
	CMPQ	R9, $0                    // g
	JEQ	nog
	MOVL	$SYS_gettid, AX
	SYSCALL
	MOVQ	AX, m_procid(R13)
	LEAQ	m_tls(R13), DI            // TLS for the new thread
	CALL	runtime·settls(SB)
	get_tls(CX)
	MOVQ	R13, g_m(R9)
	MOVQ	R9, g(CX)
nog:
	CALL	R12                       // fn: mstart
	MOVL	$111, DI                  // fn must not return: exit the thread
	MOVL	$SYS_exit, AX
	SYSCALL
	JMP	-3(PC)

// settls(DI = &m.tls[0]): sets the FS base so that FS:-8 is m.tls[0], where g lives.
// Clobbers AX CX DX SI DI R11.
TEXT runtime·settls(SB), NOSPLIT, $0
	ADDQ	$8, DI                    // ELF wants FS to point just past the TLS block
	MOVQ	DI, SI
	MOVQ	$ARCH_SET_FS, DI
	MOVQ	$SYS_arch_prctl, AX
	SYSCALL
	CMPQ	AX, $0xfffffffffffff001
	JLS	2(PC)
	CALL	runtime·abort(SB)       // crash: TLS could not be set
	RET

// osyield(): sched_yield.
TEXT runtime·osyield(SB), NOSPLIT, $0
	MOVL	$SYS_sched_yield, AX
	SYSCALL
	RET

// sched_getaffinity(pid, len uintptr, buf *byte) int32: bytes of the CPU mask written, or -errno.
TEXT runtime·sched_getaffinity(SB), NOSPLIT, $0
	MOVQ	pid+0(FP), DI
	MOVQ	len+8(FP), SI
	MOVQ	buf+16(FP), DX
	MOVL	$SYS_sched_getaffinity, AX
	SYSCALL
	MOVL	AX, ret+24(FP)
	RET

// sigaltstack(new, old *stackt): installs an alternate signal stack.
TEXT runtime·sigaltstack(SB), NOSPLIT, $0
	MOVQ	new+0(FP), DI
	MOVQ	old+8(FP), SI
	MOVQ	$SYS_sigaltstack, AX
	SYSCALL
	CMPQ	AX, $0xfffffffffffff001
	JLS	2(PC)
	CALL	runtime·abort(SB)       // crash
	RET

// rt_sigaction(sig uintptr, new, old *sigactiont, size uintptr) int32: the kernel's
// sigaction (struct layout in go_asm.h); returns 0 or -errno.
TEXT runtime·rt_sigaction(SB), NOSPLIT, $0-36
	MOVQ	sig+0(FP), DI
	MOVQ	new+8(FP), SI
	MOVQ	old+16(FP), DX
	MOVQ	size+24(FP), R10
	MOVL	$SYS_rt_sigaction, AX
	SYSCALL
	MOVL	AX, ret+32(FP)
	RET

// sigtramp: the handler the kernel calls for every signal the runtime handles, on the
// M's gsignal stack (SA_ONSTACK), with DI = signo, SI = &siginfo, DX = &ucontext. Calls
// sigtrampgo and returns to the frame's restorer (sigreturn). TOPFRAME: tracebacks stop here.
TEXT runtime·sigtramp(SB), NOSPLIT|TOPFRAME, $24
	MOVL	DI, 0(SP)                 // sig
	MOVQ	SI, 8(SP)                 // info
	MOVQ	DX, 16(SP)                // ctx
	CALL	runtime·sigtrampgo(SB)
	RET

// sigreturn: the signal frame's restorer (SA_RESTORER): rt_sigreturn, which resumes the
// interrupted thread from the (possibly edited) ucontext. Never returns.
TEXT runtime·sigreturn(SB), NOSPLIT|NOFRAME, $0
	MOVQ	$SYS_rt_sigreturn, AX
	SYSCALL
	INT	$3                        // not reached
