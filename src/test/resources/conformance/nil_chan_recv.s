// nil_chan_recv: receiving from a nil channel blocks forever; with nothing else to run, it is a
// deadlock whose header names the nil channel.
// Rule: frames dropped.
#include "conformance.h"

GLOBL	c<>(SB), NOPTR, $8

TEXT main·main(SB), $24-0
	PRINTS(msgrecv<>, 18)
	PRINTNL
	RECV(c<>(SB), v-8(SP))
	RET

STR(msgrecv<>, 18, "receiving from nil")
