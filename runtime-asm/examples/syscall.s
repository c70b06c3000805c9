// syscall.s: a goroutine blocked in a system call gives up its P. The sleeper calls
// nanosleep for 20 ms of virtual time through syscall·Syscall, which tells the scheduler
// (entersyscall: the P goes to _Psyscall). Even at GOMAXPROCS=1, main gets to run while it
// sleeps: sysmon sees the P stuck in the call with work waiting (main, on the run queue) and
// retakes it (handoffp starts an M for it). When nanosleep returns, exitsyscall finds its P
// taken and the goroutine waits on the global run queue for a turn. A second call with a bad
// pointer shows Syscall's results on failure: r1 = -1 and err = errno (EFAULT, 14).
#include "go_asm.h"
#include "textflag.h"

GLOBL	insyscall<>(SB), NOPTR, $8
GLOBL	done<>(SB), NOPTR, $8
DATA	ts<>+0(SB)/8, $0                // struct timespec: 0 s
DATA	ts<>+8(SB)/8, $20000000         // 20,000,000 ns
GLOBL	ts<>(SB), NOPTR, $16

TEXT main·main(SB), $16-0
	MOVL	$0, 0(SP)
	LEAQ	sleeperPC<>(SB), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·newproc(SB)
wait:
	CALL	runtime·Gosched(SB)       // until the sleeper is inside nanosleep
	CMPQ	insyscall<>(SB), $0
	JEQ	wait
	LEAQ	msgmain<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$41, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
join:
	CALL	runtime·Gosched(SB)       // until the sleeper has finished
	CMPQ	done<>(SB), $0
	JEQ	join
	LEAQ	msgdone<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$10, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printnl(SB)
	RET

// sleeper(): nanosleep(&ts, nil) through syscall·Syscall, then one that fails.
TEXT main·sleeper(SB), $72-0
	MOVQ	$1, insyscall<>(SB)
	MOVQ	$SYS_nanosleep, 0(SP)     // trap
	LEAQ	ts<>(SB), AX
	MOVQ	AX, 8(SP)                 // a1: the request
	MOVQ	$0, 16(SP)                // a2: no remainder wanted
	MOVQ	$0, 24(SP)
	CALL	syscall·Syscall(SB)
	MOVQ	$0, insyscall<>(SB)
	MOVQ	32(SP), AX                // r1
	MOVQ	AX, r1-8(SP)
	LEAQ	msgslept<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$30, 8(SP)
	CALL	runtime·printstring(SB)
	CALL	runtime·printsp(SB)
	MOVQ	r1-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	MOVQ	$SYS_nanosleep, 0(SP)     // nanosleep(1, nil): a bad address
	MOVQ	$1, 8(SP)
	MOVQ	$0, 16(SP)
	MOVQ	$0, 24(SP)
	CALL	syscall·Syscall(SB)
	MOVQ	32(SP), AX
	MOVQ	AX, r1-8(SP)
	MOVQ	48(SP), AX
	MOVQ	AX, err-16(SP)
	LEAQ	msgfail<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$19, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	r1-8(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	LEAQ	msgerr<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$5, 8(SP)
	CALL	runtime·printstring(SB)
	MOVQ	err-16(SP), AX
	MOVQ	AX, 0(SP)
	CALL	runtime·printint(SB)
	CALL	runtime·printnl(SB)
	MOVQ	$1, done<>(SB)
	RET

DATA	sleeperPC<>+0(SB)/8, $main·sleeper(SB)
GLOBL	sleeperPC<>(SB), RODATA, $8
DATA	msgmain<>+0(SB)/41, $"main: running while the sleeper is asleep"
GLOBL	msgmain<>(SB), RODATA, $41
DATA	msgslept<>+0(SB)/30, $"sleeper: nanosleep(20 ms) = r1"
GLOBL	msgslept<>(SB), RODATA, $30
DATA	msgfail<>+0(SB)/19, $"sleeper: bad call: "
GLOBL	msgfail<>(SB), RODATA, $19
DATA	msgerr<>+0(SB)/5, $" err "
GLOBL	msgerr<>(SB), RODATA, $5
DATA	msgdone<>+0(SB)/10, $"main: done"
GLOBL	msgdone<>(SB), RODATA, $10
