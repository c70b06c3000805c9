/* String instructions with REP prefixes, walking up (DF=0) and down (DF=1). */
#include "sys.h"
static u8 src[300], dst[300];
static void dump(const u8 *p, int n) { u32 h = 2166136261u; for (int i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u; putx(h); nl(); }
int main(int argc, char **argv, char **envp) {
    for (int i = 0; i < 300; i++) src[i] = (u8)(i * 7 + 3);
    /* rep movsb forward */
    { void *d = dst, *s = src; long c = 257; __asm__ volatile("cld; rep movsb" : "+D"(d), "+S"(s), "+c"(c) :: "memory");
      puts_("movsb "); putx((u64)((u8 *)d - dst)); putc_(' '); putx(c); putc_(' '); dump(dst, 300); }
    /* rep movsq backward */
    { void *d = dst + 280, *s = src + 200; long c = 20; __asm__ volatile("std; rep movsq; cld" : "+D"(d), "+S"(s), "+c"(c) :: "memory");
      puts_("movsq std "); puti((u8 *)d - dst); putc_(' '); dump(dst, 300); }
    /* rep stosl forward and stosw backward */
    { void *d = dst + 4; long c = 30; __asm__ volatile("cld; rep stosl" : "+D"(d), "+c"(c) : "a"(0xdeadbeef) : "memory");
      puts_("stosl "); dump(dst, 300); }
    { void *d = dst + 298; long c = 40; __asm__ volatile("std; rep stosw; cld" : "+D"(d), "+c"(c) : "a"(0x1234) : "memory");
      puts_("stosw std "); puti((u8 *)d - dst); putc_(' '); dump(dst, 300); }
    /* repne scasb: find a byte */
    { const char *text = "the quick brown fox jumps over the lazy dog";
      void *d = (void *)text; long c = 100; u8 zf;
      __asm__ volatile("cld; repne scasb; sete %2" : "+D"(d), "+c"(c), "=q"(zf) : "a"('j') : "memory", "cc");
      puts_("scasb "); puti((const char *)d - text); putc_(' '); puti(c); putc_(' '); puti(zf); nl(); }
    { const char *text = "aaaaaaaaab"; void *d = (void *)(text + 9); long c = 10; u8 zf;
      __asm__ volatile("std; repe scasb; cld; sete %2" : "+D"(d), "+c"(c), "=q"(zf) : "a"('b') : "memory", "cc");
      puts_("scasb std "); puti((const char *)d - text); putc_(' '); puti(c); putc_(' '); puti(zf); nl(); }
    /* repe cmpsb forward and backward; cmpsq */
    { const char *a = "compare these strings!", *b = "compare those strings!";
      void *x = (void *)a, *y = (void *)b; long c = 22; u8 zf, cf;
      __asm__ volatile("cld; repe cmpsb; sete %3; setb %4" : "+S"(x), "+D"(y), "+c"(c), "=q"(zf), "=q"(cf) :: "memory", "cc");
      puts_("cmpsb "); puti((const char *)x - a); putc_(' '); puti(c); putc_(' '); puti(zf); puti(cf); nl();
      x = (void *)(a + 21); y = (void *)(b + 21); c = 22;
      __asm__ volatile("std; repe cmpsb; cld; sete %3; seta %4" : "+S"(x), "+D"(y), "+c"(c), "=q"(zf), "=q"(cf) :: "memory", "cc");
      puts_("cmpsb std "); puti((const char *)x - a); putc_(' '); puti(c); putc_(' '); puti(zf); puti(cf); nl(); }
    { u64 p[4] = {1, 2, 3, 4}, q[4] = {1, 2, 9, 4}; void *x = p, *y = q; long c = 4; u8 zf;
      __asm__ volatile("cld; repe cmpsq; sete %3" : "+S"(x), "+D"(y), "+c"(c), "=q"(zf) :: "memory", "cc");
      puts_("cmpsq "); puti((u64 *)x - p); putc_(' '); puti(c); putc_(' '); puti(zf); nl(); }
    /* lodsb loop summing, and a zero count that must do nothing */
    { void *s = src; long c = 0; u64 acc = 0;
      for (int i = 0; i < 50; i++) { u64 al; __asm__ volatile("lodsb" : "=a"(al), "+S"(s) :: "memory"); acc += al & 0xff; }
      void *d = dst; __asm__ volatile("rep stosb" : "+D"(d), "+c"(c) : "a"(0) : "memory");
      puts_("lods "); putu(acc); putc_(' '); puti((u8 *)d - dst); nl(); }
    return 0;
}
