// numgoroutine: runtime.NumGoroutine counts main and the goroutines not yet finished (runnable
// or blocked), but not the runtime's own; it drops as goroutines exit.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·blocked(SB), $24-0
	RECV(c<>(SB), v-8(SP))
	RET

TEXT main·quick(SB), NOSPLIT, $0-0
	RET

// report(p *byte, n int): println(string, runtime.NumGoroutine())
TEXT main·report(SB), $16-16
	MOVQ	p+0(FP), AX
	MOVQ	AX, 0(SP)
	MOVQ	n+8(FP), AX
	MOVQ	AX, 8(SP)
	CALL	runtime·printstring(SB)
	PRINTSP
	NUMG
	PRINTI(0(SP))
	PRINTNL
	RET

#define REPORT(sym, n) LEAQ sym(SB), AX; MOVQ AX, 0(SP); MOVQ $n, 8(SP); CALL main·report(SB)

TEXT main·main(SB), $32-0
	MAKECHAN(0, c<>(SB))
	REPORT(msgstart<>, 5)
	GO(quickPC<>)
	GO(quickPC<>)
	GO(blockedPC<>)
	REPORT(msgmade<>, 6)
	GOSCHED
	REPORT(msgquick<>, 15)
	MOVQ	$1, v-8(SP)
	SEND(c<>(SB), v-8(SP))
	GOSCHED
	REPORT(msgall<>, 8)
	RET

FUNCVAL(quickPC<>, main·quick)
FUNCVAL(blockedPC<>, main·blocked)
STR(msgstart<>, 5, "start")
STR(msgmade<>, 6, "made 3")
STR(msgquick<>, 15, "quick ones done")
STR(msgall<>, 8, "all done")
