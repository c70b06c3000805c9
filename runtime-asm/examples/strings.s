// strings.s: string data, REP; MOVSB into .bss, and a byte loop with unsigned compares.
#include "rawsys.h"

DATA	src<>+0(SB)/8, $"gophers "
DATA	src<>+8(SB)/8, $"run asm\n"
GLOBL	src<>(SB), RODATA, $16
GLOBL	buf<>(SB), NOPTR, $16

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	LEAQ	src<>(SB), SI
	LEAQ	buf<>(SB), DI
	MOVQ	$16, CX
	CLD
	REP;	MOVSB
	LEAQ	buf<>(SB), SI
	MOVQ	$15, CX
loop:
	MOVBLZX	(SI), AX
	CMPB	AL, $'a'
	JCS	next              // below 'a'
	CMPB	AL, $'z'
	JHI	next              // above 'z'
	SUBB	$('a'-'A'), AL
	MOVB	AL, (SI)
next:
	INCQ	SI
	DECQ	CX
	JNE	loop
	LEAQ	buf<>(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$16, 8(SP)
	CALL	print·str(SB)
	EXIT(0)
