/* Recursion: naive fib, Ackermann, and a deep chain of mutually recursive calls. */
#include "sys.h"
__attribute__((noinline)) static u64 fib(u32 n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
__attribute__((noinline)) static u64 ack(u64 m, u64 n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}
static int odd(int n);
__attribute__((noinline)) static int even(int n) { return n == 0 ? 1 : odd(n - 1); }
__attribute__((noinline)) static int odd(int n) { return n == 0 ? 0 : even(n - 1); }
__attribute__((noinline)) static u64 chain(int depth, u64 acc) {
    volatile char pad[40];
    pad[depth % 40] = (char)depth;
    if (depth == 0) return acc;
    return chain(depth - 1, acc * 31 + pad[depth % 40]) + 1;
}
int main(int argc, char **argv, char **envp) {
    for (u32 i = 0; i <= 24; i += 3) { puts_("fib("); putu(i); puts_(") = "); putu(fib(i)); nl(); }
    for (u64 m = 0; m <= 2; m++)
        for (u64 n = 0; n <= 3; n++) { puts_("ack("); putu(m); putc_(','); putu(n); puts_(") = "); putu(ack(m, n)); nl(); }
    puts_("ack(3,5) = "); putu(ack(3, 5)); nl();
    puts_("even(10001) = "); puti(even(10001)); nl();
    puts_("chain = "); putx(chain(20000, 7)); nl();
    return 0;
}
