// data_tables.s: DATA and GLOBL: a read-only table, a table of pointers, writable data, .bss,
// and indexed addressing of a symbol, sym(SB)(CX*8).
#include "rawsys.h"

DATA	primes<>+0(SB)/8, $2
DATA	primes<>+8(SB)/8, $3
DATA	primes<>+16(SB)/8, $5
DATA	primes<>+24(SB)/8, $7
DATA	primes<>+32(SB)/8, $11
GLOBL	primes<>(SB), RODATA|NOPTR, $40

DATA	one<>+0(SB)/4, $"one\n"
GLOBL	one<>(SB), RODATA, $4
DATA	two<>+0(SB)/4, $"two\n"
GLOBL	two<>(SB), RODATA, $4
DATA	names<>+0(SB)/8, $one<>(SB)
DATA	names<>+8(SB)/8, $two<>(SB)
GLOBL	names<>(SB), RODATA, $16

DATA	counter+0(SB)/8, $100
GLOBL	counter(SB), NOPTR, $8

DATA	small<>+0(SB)/1, $0x7f
DATA	small<>+1(SB)/1, $1
DATA	small<>+2(SB)/2, $0x1234
DATA	small<>+4(SB)/4, $-2
GLOBL	small<>(SB), RODATA, $8

GLOBL	zeros<>(SB), NOPTR, $64

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	XORQ	AX, AX
	MOVQ	$4, CX
sum:
	ADDQ	primes<>(SB)(CX*8), AX
	DECQ	CX
	JGE	sum
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)         // 28
	MOVQ	names<>+8(SB), AX
	MOVQ	AX, 0(SP)
	MOVQ	$4, 8(SP)
	CALL	print·str(SB)         // two
	MOVQ	names<>+0(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·str(SB)         // one
	ADDQ	$5, counter(SB)
	MOVQ	counter(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)         // 105
	MOVWQZX	small<>+2(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)         // 4660
	MOVLQSX	small<>+4(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)         // -2
	MOVQ	zeros<>+56(SB), AX
	MOVQ	AX, 0(SP)
	CALL	print·int(SB)         // 0
	EXIT(0)
