/* Bit tricks: popcount, clz/ctz builtins, bswap, rotates, and the POPCNT/LZCNT/TZCNT/BSF/BSR instructions. */
#include "sys.h"
static u64 rol64(u64 x, int n) { return (x << (n & 63)) | (x >> ((-n) & 63)); }
static u32 ror32(u32 x, int n) { return (x >> (n & 31)) | (x << ((-n) & 31)); }
static u16 rol16(u16 x, int n) { return (u16)((x << (n & 15)) | (x >> ((-n) & 15))); }
int main(int argc, char **argv, char **envp) {
    u64 x = 0x9e3779b97f4a7c15ull;
    u64 acc = 0;
    for (int i = 0; i < 64; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        u64 v = x >> (i % 64);
        u32 w = (u32)(x >> 17);
        acc += __builtin_popcountll(v) + __builtin_parityll(v) * 100;
        if (v) acc += __builtin_clzll(v) * 3 + __builtin_ctzll(v) * 5;
        if (w) acc += __builtin_clz(w) * 7 + __builtin_ctz(w) * 11;
        acc ^= __builtin_bswap64(v) ^ __builtin_bswap32(w) ^ __builtin_bswap16((u16)w);
        acc += rol64(v, i) ^ ror32(w, i) ^ rol16((u16)v, i);
        u64 pc, lz, tz, bsf = 0, bsr = 0;
        __asm__("popcnt %1, %0" : "=r"(pc) : "r"(v) : "cc");
        __asm__("lzcnt %1, %0" : "=r"(lz) : "r"(v) : "cc");
        __asm__("tzcnt %1, %0" : "=r"(tz) : "r"(v) : "cc");
        if (v) { __asm__("bsf %1, %0" : "=r"(bsf) : "r"(v) : "cc"); __asm__("bsr %1, %0" : "=r"(bsr) : "r"(v) : "cc"); }
        u32 lz32; __asm__("lzcnt %1, %0" : "=r"(lz32) : "r"(w) : "cc");
        u16 tz16; __asm__("tzcnt %1, %0" : "=r"(tz16) : "r"((u16)w) : "cc");
        putx(v); putc_(' '); putu(pc); putc_(' '); putu(lz); putc_(' '); putu(tz); putc_(' ');
        putu(bsf); putc_(' '); putu(bsr); putc_(' '); putu(lz32); putc_(' '); putu(tz16); nl();
    }
    /* zero inputs: lzcnt/tzcnt give the operand size, CF set */
    { u64 z = 0, r; u8 cf; __asm__("lzcnt %2, %0; setc %1" : "=r"(r), "=q"(cf) : "r"(z) : "cc");
      puts_("lzcnt0 "); putu(r); putc_(' '); putu(cf); nl(); }
    /* bt/bts/btr/btc on registers and memory */
    { u64 m[2] = {0x0f0f, 0}; u8 c1, c2, c3;
      __asm__("btsq $70, %0; setc %1" : "+m"(m), "=q"(c1) :: "cc");
      __asm__("btrq $1, %0; setc %1" : "+m"(m), "=q"(c2) :: "cc");
      __asm__("btcq $4, %0; setc %1" : "+m"(m), "=q"(c3) :: "cc");
      puts_("bt "); putx(m[0]); putc_(' '); putx(m[1]); putc_(' '); putu(c1); putu(c2); putu(c3); nl(); }
    /* rcl/rcr through carry, shld/shrd */
    { u64 a = 0x8000000000000001ull, b = 0x123456789abcdef0ull, r1, r2;
      __asm__("stc; rcl $1, %0" : "=r"(r1) : "0"(a) : "cc");
      __asm__("clc; rcr $3, %0" : "=r"(r2) : "0"(b) : "cc");
      u64 s1 = a, s2 = b;
      __asm__("shld $12, %1, %0" : "+r"(s1) : "r"(b) : "cc");
      __asm__("shrd $20, %1, %0" : "+r"(s2) : "r"(a) : "cc");
      puts_("rc "); putx(r1); putc_(' '); putx(r2); putc_(' '); putx(s1); putc_(' '); putx(s2); nl(); }
    puts_("acc "); putx(acc); nl();
    return 0;
}
