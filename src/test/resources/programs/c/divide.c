/* 8/16/32/64-bit signed and unsigned division and remainder (DIV/IDIV on AH:AL, DX:AX, EDX:EAX, RDX:RAX). */
#include "sys.h"
static void div8(u16 ax, u8 d) { u16 r; __asm__("divb %1" : "=a"(r) : "q"(d), "0"(ax) : "cc"); puts_("div8 "); putx(r); nl(); }
static void idiv8(i16 ax, i8 d) { u16 r; __asm__("idivb %1" : "=a"(r) : "q"(d), "0"(ax) : "cc"); puts_("idiv8 "); putx(r); nl(); }
static void div16(u16 hi, u16 lo, u16 d) { u16 q, r; __asm__("divw %2" : "=a"(q), "=d"(r) : "r"(d), "0"(lo), "1"(hi) : "cc"); puts_("div16 "); putx(q); putc_(' '); putx(r); nl(); }
static void idiv16(i16 v, i16 d) { u16 q, r; __asm__("cwd; idivw %2" : "=a"(q), "=d"(r) : "r"(d), "0"(v) : "cc"); puts_("idiv16 "); putx(q); putc_(' '); putx(r); nl(); }
int main(int argc, char **argv, char **envp) {
    volatile i64 sv[] = {0, 1, -1, 7, -7, 100, -100, 2147483647, -2147483647 - 1, 9223372036854775807ll, -9223372036854775807ll - 1, 123456789012345ll};
    volatile i64 sd[] = {1, -1, 2, -2, 3, 7, -7, 10, 1000000007, -65536};
    for (int i = 0; i < 12; i++) for (int j = 0; j < 10; j++) {
        i64 a = sv[i], d = sd[j];
        if (a == -9223372036854775807ll - 1 && d == -1) continue;
        puti(a / d); putc_(' '); puti(a % d); putc_(' ');
        u64 ua = (u64)a, ud = (u64)d; putu(ua / ud); putc_(' '); putu(ua % ud); putc_(' ');
        i32 a32 = (i32)a, d32 = (i32)d;
        if (!(a32 == -2147483647 - 1 && d32 == -1)) { puti(a32 / d32); putc_(' '); puti(a32 % d32); putc_(' '); }
        u32 ua32 = (u32)a, ud32 = (u32)d; putu(ua32 / ud32); putc_(' '); putu(ua32 % ud32); putc_(' ');
        i16 a16 = (i16)a, d16 = (i16)d; if (d16) { puti(a16 / d16); putc_(' '); puti(a16 % d16); putc_(' '); }
        u8 ua8 = (u8)a, ud8 = (u8)d; if (ud8) { putu(ua8 / ud8); putc_(' '); putu(ua8 % ud8); }
        nl();
    }
    div8(1000, 7); div8(0x1234, 0x80); idiv8(-1000, 9); idiv8(100, -3);
    div16(0x0012, 0x3456, 0x1000); div16(0, 65535, 255); idiv16(-30000, 7); idiv16(32767, -2);
    { u64 q, r; __asm__("divq %2" : "=a"(q), "=d"(r) : "r"(0xfedcba9876543210ull), "0"(0x0123456789abcdefull), "1"(0x0000000000000123ull) : "cc");
      puts_("div128/64 "); putx(q); putc_(' '); putx(r); nl(); }
    { i64 q, r; __asm__("cqo; idivq %2" : "=a"(q), "=d"(r) : "r"(-12345678901ll), "0"(-9223372036854775807ll) : "cc");
      puts_("idiv64 "); puti(q); putc_(' '); puti(r); nl(); }
    /* 1-, 2- and 3-operand multiplies */
    { u64 lo, hi; __asm__("mulq %3" : "=a"(lo), "=d"(hi) : "0"(0xffffffffffffffffull), "r"(0xfffffffffffffffeull) : "cc");
      puts_("mul "); putx(hi); putc_(' '); putx(lo); nl();
      i64 l2, h2; __asm__("imulq %3" : "=a"(l2), "=d"(h2) : "0"(-123456789012345ll), "r"(987654321098ll) : "cc");
      puts_("imul "); puti(h2); putc_(' '); putx(l2); nl();
      i64 p; __asm__("imul $-77, %1, %0" : "=r"(p) : "r"(123456789ll) : "cc"); puts_("imul3 "); puti(p); nl(); }
    return 3;
}
