/* Partial-register writes: AH/AL/AX merge, 32-bit writes zero the upper half, MOVZX/MOVSX, CBW family. */
#include "sys.h"
int main(int argc, char **argv, char **envp) {
    u64 r;
    __asm__("movabs $0x1122334455667788, %0; movb $0xaa, %%ah" : "=a"(r));
    puts_("ah "); putx(r); nl();
    __asm__("movabs $0x1122334455667788, %0; movb $0xbb, %%al" : "=a"(r));
    puts_("al "); putx(r); nl();
    __asm__("movabs $0x1122334455667788, %0; movw $0xcccc, %%ax" : "=a"(r));
    puts_("ax "); putx(r); nl();
    __asm__("movabs $0x1122334455667788, %0; movl $0xdddd, %%eax" : "=a"(r));
    puts_("eax "); putx(r); nl();
    __asm__("movabs $0x1122334455667788, %0; addl $1, %%eax" : "=a"(r) :: "cc");
    puts_("add32 "); putx(r); nl();
    __asm__("movabs $0x11223344556677ff, %0; incb %%al" : "=a"(r) :: "cc");
    puts_("incb "); putx(r); nl();
    __asm__("movabs $0x1122334455667788, %0; xchgb %%ah, %%al" : "=a"(r));
    puts_("xchg ah,al "); putx(r); nl();
    { u64 b; __asm__("movabs $0x1122334455667788, %%rbx; movabs $0xffffffffffffffff, %%rax; movb %%bh, %%al; mov %%rax, %0" : "=r"(b) :: "rax", "rbx");
      puts_("bh->al "); putx(b); nl(); }
    { u64 rb; __asm__("movabs $0x8877665544332211, %%rsi; movabs $0xffffffffffffffff, %0; movb %%sil, %b0" : "=&r"(rb) :: "rsi");
      puts_("sil "); putx(rb); nl(); }
    { u64 z1, z2, s1, s2;
      __asm__("movl $0x8081, %%ecx; movzbl %%cl, %k0; movzwq %%cx, %1; movsbq %%cl, %2; movswl %%cx, %k3"
              : "=r"(z1), "=r"(z2), "=r"(s1), "=r"(s2) :: "rcx");
      puts_("movzx/sx "); putx(z1); putc_(' '); putx(z2); putc_(' '); putx(s1); putc_(' '); putx(s2); nl(); }
    { u64 a1, a2, a3, a4, d;
      __asm__("movabs $0x1234567890ab80ff, %%rax; cbw; mov %%rax, %0" : "=r"(a1) :: "rax");
      __asm__("movabs $0x1234567890ab80ff, %%rax; cwde; mov %%rax, %0" : "=r"(a2) :: "rax");
      __asm__("movabs $0x12345678900b80ff, %%rax; cdqe; mov %%rax, %0" : "=r"(a3) :: "rax");
      __asm__("movabs $0x8000000000000000, %%rax; cqo; mov %%rdx, %0; mov $0x9000, %%eax; cwd; mov %%rdx, %1" : "=r"(a4), "=r"(d) :: "rax", "rdx");
      puts_("cbw "); putx(a1); putc_(' '); putx(a2); putc_(' '); putx(a3); putc_(' '); putx(a4); putc_(' '); putx(d); nl(); }
    { u64 v = 0xffffffffffffffffull; u32 *lo = (u32 *)&v; u16 *w = (u16 *)&v; u8 *b = (u8 *)&v;
      lo[1] = 0x12345678; w[0] = 0xabcd; b[2] = 0x5a;
      puts_("mem "); putx(v); nl(); }
    { u64 r8; __asm__("movabs $0xffffffffffffffff, %%r8; movl $5, %%r8d; mov %%r8, %0" : "=r"(r8) :: "r8");
      puts_("r8d "); putx(r8); nl();
      __asm__("movabs $0xffffffffffffffff, %%r8; movw $5, %%r8w; movb $6, %%r8b; mov %%r8, %0" : "=r"(r8) :: "r8");
      puts_("r8w/b "); putx(r8); nl(); }
    { u64 c; __asm__("movabs $0xffffffffffffffff, %0; xor %k0, %k0" : "=r"(c) :: "cc"); puts_("xor32 "); putx(c); nl();
      __asm__("movabs $0x1111111111111111, %0; movl $-1, %%edx; cmovnz %%edx, %k0" : "=r"(c) :: "rdx", "cc"); puts_("cmov32 "); putx(c); nl();
      __asm__("movabs $0x1111111111111111, %0; xor %%edx, %%edx; cmovnz %%edx, %k0" : "=r"(c) :: "rdx", "cc"); puts_("cmov32-nt "); putx(c); nl(); }
    return 0;
}
