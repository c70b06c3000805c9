// rawsys.h: what the self-contained examples share. They run without the runtime, so they
// talk to the kernel with raw SYSCALLs and print through two small functions defined here.
#include "textflag.h"

#define SYS_write	1
#define SYS_exit_group	231
#define SYS_arch_prctl	158
#define ARCH_SET_FS	0x1002

// EXIT(code) ends the process with status code.
#define EXIT(code) \
	MOVQ	$code, DI; \
	MOVQ	$SYS_exit_group, AX; \
	SYSCALL

// print·str(p *byte, n int64) writes n bytes at p to standard output.
TEXT print·str(SB), NOSPLIT, $0-16
	MOVQ	p+0(FP), SI
	MOVQ	n+8(FP), DX
	MOVQ	$1, DI
	MOVQ	$SYS_write, AX
	SYSCALL
	RET

// print·int(v int64) writes v in decimal and a newline. The digits are built right to left in
// a 24-byte local buffer, buf-24(SP) up to buf-1(SP); 0(SP) and 8(SP) are print·str's arguments.
TEXT print·int(SB), NOSPLIT, $40-8
	MOVQ	v+0(FP), AX
	LEAQ	buf-1(SP), DI
	MOVB	$'\n', (DI)
	MOVQ	$1, CX            // bytes so far
	XORQ	R8, R8            // 1 when v < 0
	CMPQ	AX, $0
	JGE	digits
	NEGQ	AX
	MOVQ	$1, R8
digits:
	MOVQ	$10, BX
next:
	XORQ	DX, DX
	DIVQ	BX
	ADDB	$'0', DL
	DECQ	DI
	MOVB	DL, (DI)
	INCQ	CX
	TESTQ	AX, AX
	JNE	next
	TESTQ	R8, R8
	JEQ	4(PC)             // no sign: skip the next three instructions
	DECQ	DI
	MOVB	$'-', (DI)
	INCQ	CX
	MOVQ	DI, 0(SP)
	MOVQ	CX, 8(SP)
	CALL	print·str(SB)
	RET
