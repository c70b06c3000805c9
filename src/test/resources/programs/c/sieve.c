/* Sieve of Eratosthenes: prime counts up to 2,000,000 and the last primes. */
#include "sys.h"
#define N 2000000
static u8 composite[N + 1];
int main(int argc, char **argv, char **envp) {
    for (u64 i = 2; i * i <= N; i++)
        if (!composite[i])
            for (u64 j = i * i; j <= N; j += i) composite[j] = 1;
    u64 count = 0, sum = 0;
    for (u64 i = 2; i <= N; i++) {
        if (!composite[i]) { count++; sum += i; }
        if (i == 10 || i == 100 || i == 1000 || i == 10000 || i == 100000 || i == 1000000) { puts_("pi("); putu(i); puts_(") = "); putu(count); nl(); }
    }
    puts_("pi(2000000) = "); putu(count); puts_(" sum "); putu(sum); nl();
    for (u64 i = N, k = 0; k < 5; i--) if (!composite[i]) { putu(i); nl(); k++; }
    return 0;
}
