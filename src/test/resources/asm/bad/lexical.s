TEXT ·f(SB), 4, $0
	MOVQ	$0x1g, AX
	MOVQ	$'ab', AX
	BYTE	$'
	MOVQ	AX, ?BX
	MOVQ	$"unterminated, AX
	RET
