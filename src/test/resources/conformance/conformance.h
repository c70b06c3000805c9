// conformance.h: macros for the conformance programs, one per Go statement they stand for, on
// the runtime's API (arguments at 0(SP), 8(SP), 16(SP) as the ABI0 calls take them). They
// clobber AX; every result is where the runtime leaves it.
#include "textflag.h"

// FUNCVAL(sym, fn): a func value for fn: a read-only word holding its code address.
#define FUNCVAL(sym, fn) DATA sym+0(SB)/8, $fn(SB); GLOBL sym(SB), RODATA, $8
// STR(sym, n, text): an n-byte read-only string.
#define STR(sym, n, text) DATA sym+0(SB)/n, $text; GLOBL sym(SB), RODATA, $n

// go f() and go f(arg), with fv the func value's symbol
#define GO(fv) MOVL $0, 0(SP); LEAQ fv(SB), AX; MOVQ AX, 8(SP); CALL runtime·newproc(SB)
#define GO1(fv, arg) MOVQ arg, AX; MOVQ AX, 16(SP); MOVL $8, 0(SP); LEAQ fv(SB), AX; MOVQ AX, 8(SP); CALL runtime·newproc(SB)
#define GOSCHED CALL runtime·Gosched(SB)

// print's pieces: a string, an int, a bool (from a register or an immediate), a space, a newline
#define PRINTS(sym, n) LEAQ sym(SB), AX; MOVQ AX, 0(SP); MOVQ $n, 8(SP); CALL runtime·printstring(SB)
#define PRINTI(x) MOVQ x, AX; MOVQ AX, 0(SP); CALL runtime·printint(SB)
#define PRINTB(x) MOVQ x, AX; MOVB AX, 0(SP); CALL runtime·printbool(SB)
#define PRINTSP CALL runtime·printsp(SB)
#define PRINTNL CALL runtime·printnl(SB)

// c = make(chan int, size), with dst a memory operand
#define MAKECHAN(size, dst) MOVQ $8, 0(SP); MOVQ $size, 8(SP); CALL runtime·makechan(SB); MOVQ 16(SP), AX; MOVQ AX, dst
// c <- *addr; *addr = <-c; ok := chanrecv2 (ok at 16(SP)); close(c); with c a memory operand
#define SEND(c, addr) MOVQ c, AX; MOVQ AX, 0(SP); LEAQ addr, AX; MOVQ AX, 8(SP); CALL runtime·chansend1(SB)
#define RECV(c, addr) MOVQ c, AX; MOVQ AX, 0(SP); LEAQ addr, AX; MOVQ AX, 8(SP); CALL runtime·chanrecv1(SB)
#define RECV2(c, addr) MOVQ c, AX; MOVQ AX, 0(SP); LEAQ addr, AX; MOVQ AX, 8(SP); CALL runtime·chanrecv2(SB)
#define CLOSE(c) MOVQ c, AX; MOVQ AX, 0(SP); CALL runtime·closechan(SB)
// n := runtime.NumGoroutine(), the result at 0(SP)
#define NUMG CALL runtime·NumGoroutine(SB)
