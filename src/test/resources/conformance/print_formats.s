// print_formats: the print builtins' formats, which the other programs rely on: println puts
// spaces between operands and a newline after them, print puts neither; ints in decimal with
// their sign (the extremes too), unsigned ints, bools, empty strings.
#include "conformance.h"

TEXT main·main(SB), $16-0
	MOVQ	$0x8000000000000000, AX     // println(min, max, -1, 0)
	PRINTI(AX)
	PRINTSP
	MOVQ	$0x7fffffffffffffff, AX
	PRINTI(AX)
	PRINTSP
	PRINTI($-1)
	PRINTSP
	PRINTI($0)
	PRINTNL
	MOVQ	$-1, AX                     // println(umax, true, false)
	MOVQ	AX, 0(SP)
	CALL	runtime·printuint(SB)
	PRINTSP
	PRINTB($1)
	PRINTSP
	PRINTB($0)
	PRINTNL
	PRINTS(msga<>, 1)                // print("a", 1, "b", false, "\n")
	PRINTI($1)
	PRINTS(msgb<>, 1)
	PRINTB($0)
	PRINTS(msgnl<>, 1)
	PRINTS(msga<>, 0)                // println("", "x", "")
	PRINTSP
	PRINTS(msgx<>, 1)
	PRINTSP
	PRINTS(msga<>, 0)
	PRINTNL
	PRINTNL                          // println()
	RET

STR(msga<>, 1, "a")
STR(msgb<>, 1, "b")
STR(msgx<>, 1, "x")
STR(msgnl<>, 1, "\n")
