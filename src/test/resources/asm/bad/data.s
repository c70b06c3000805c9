#include "textflag.h"
DATA	nodecl<>+0(SB)/8, $1
DATA	x<>+0(SB)/8, $1
DATA	x<>+8(SB)/8, $2
GLOBL	x<>(SB), RODATA, $8
DATA	y<>+0(SB)/3, $1
GLOBL	y<>(SB), $8
DATA	z<>+0(SB)/4, $"toolong"
DATA	z<>+0(SB)/4, $"ab"
GLOBL	z<>(SB), $8
GLOBL	z<>(SB), $8
DATA	w<>(SB), $1
GLOBL	w<>(SB), $8
	MOVQ	AX, BX
