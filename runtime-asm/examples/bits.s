// bits.s: CMOVQLT, SETcc, BSFQ/BSRQ/POPCNTQ, the 3-operand SHLQ (SHLD) and IMUL3Q.
#include "rawsys.h"

#define PRINT(r) MOVQ r, 0(SP); CALL print·int(SB)

TEXT _rt0_amd64_linux(SB), NOSPLIT, $16
	MOVQ	$17, AX
	MOVQ	$42, BX
	CMPQ	AX, BX
	CMOVQLT	BX, AX            // max
	PRINT(AX)
	MOVQ	$0xF0, AX
	BSFQ	AX, BX
	PRINT(BX)                 // 4
	MOVQ	$0xF0, AX
	POPCNTQ	AX, CX
	PRINT(CX)                 // 4
	MOVQ	$1, AX
	SHLQ	$40, AX
	BSRQ	AX, BX
	PRINT(BX)                 // 40
	MOVQ	$0xF000000000000000, AX
	MOVQ	$1, DX
	SHLQ	$4, AX, DX        // DX = DX<<4 | AX>>60
	MOVQ	DX, R9            // print·int clobbers DX (DIVQ)
	PRINT(DX)                 // 31
	IMUL3Q	$-3, R9, AX
	PRINT(AX)                 // -93
	MOVQ	$5, AX
	CMPQ	AX, $5
	SETEQ	CL
	SETNE	DL
	MOVBQZX	CL, CX
	MOVBQZX	DL, DX
	SHLQ	$1, CX
	ORQ	DX, CX
	PRINT(CX)                 // 2
	EXIT(0)
