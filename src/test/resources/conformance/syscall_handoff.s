// syscall_handoff: a goroutine sleeps 20 ms in nanosleep through syscall.Syscall. Its P waits
// in _Psyscall; sysmon sees main waiting for a P and hands the sleeper's P to another thread,
// so main runs while the sleeper is still in the call. A failing call returns r1 = -1 and the
// errno (EFAULT for a bad address).
#include "go_asm.h"
#include "conformance.h"

GLOBL	insyscall<>(SB), NOPTR, $8
GLOBL	done<>(SB), NOPTR, $8
DATA	ts<>+0(SB)/8, $0
DATA	ts<>+8(SB)/8, $20000000
GLOBL	ts<>(SB), NOPTR, $16

TEXT main·sleeper(SB), $72-0
	MOVQ	$1, insyscall<>(SB)
	MOVQ	$SYS_nanosleep, 0(SP)
	LEAQ	ts<>(SB), AX
	MOVQ	AX, 8(SP)
	MOVQ	$0, 16(SP)
	MOVQ	$0, 24(SP)
	CALL	syscall·Syscall(SB)
	MOVQ	$0, insyscall<>(SB)
	MOVQ	32(SP), AX
	MOVQ	AX, r1-8(SP)
	PRINTS(msgslept<>, 30)
	PRINTSP
	PRINTI(r1-8(SP))
	PRINTNL
	MOVQ	$SYS_nanosleep, 0(SP)
	MOVQ	$1, 8(SP)
	MOVQ	$0, 16(SP)
	MOVQ	$0, 24(SP)
	CALL	syscall·Syscall(SB)
	MOVQ	32(SP), AX
	MOVQ	AX, r1-8(SP)
	MOVQ	48(SP), AX
	MOVQ	AX, e-16(SP)
	PRINTS(msgbad<>, 18)
	PRINTSP
	PRINTI(r1-8(SP))
	PRINTSP
	PRINTS(msgerr<>, 3)
	PRINTSP
	PRINTI(e-16(SP))
	PRINTNL
	MOVQ	$1, done<>(SB)
	RET

TEXT main·main(SB), $16-0
	GO(sleeperPC<>)
wait:
	GOSCHED
	CMPQ	insyscall<>(SB), $0
	JEQ	wait
	PRINTS(msgmain<>, 41)
	PRINTNL
join:
	GOSCHED
	CMPQ	done<>(SB), $0
	JEQ	join
	PRINTS(msgdone<>, 10)
	PRINTNL
	RET

FUNCVAL(sleeperPC<>, main·sleeper)
STR(msgslept<>, 30, "sleeper: nanosleep(20 ms) = r1")
STR(msgbad<>, 18, "sleeper: bad call:")
STR(msgerr<>, 3, "err")
STR(msgmain<>, 41, "main: running while the sleeper is asleep")
STR(msgdone<>, 10, "main: done")
