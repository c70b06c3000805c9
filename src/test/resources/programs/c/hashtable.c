/* An open-addressing hash table with string keys: insert, update, delete, look up. */
#include "sys.h"
#define CAP 4096
struct ent { char key[16]; u64 val; int used, dead; };
static struct ent tab[CAP];
static u64 hash(const char *s) { u64 h = 14695981039346656037ull; while (*s) h = (h ^ (u8)*s++) * 1099511628211ull; return h; }
static int eq(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }
static void mkkey(char *k, u64 n) { int i = 0; k[i++] = 'k'; do { k[i++] = 'a' + n % 26; n /= 26; } while (n); k[i] = 0; }
static struct ent *find(const char *k, int insert) {
    u64 i = hash(k) & (CAP - 1);
    struct ent *tomb = 0;
    for (;;) {
        struct ent *e = &tab[i];
        if (!e->used) { if (!insert) return 0; if (tomb) e = tomb; memcpy(e->key, k, slen(k) + 1); e->used = 1; e->dead = 0; e->val = 0; return e; }
        if (e->dead) { if (!tomb) tomb = e; }
        else if (eq(e->key, k)) return e;
        i = (i + 1) & (CAP - 1);
    }
}
int main(int argc, char **argv, char **envp) {
    char k[16];
    for (u64 n = 0; n < 3000; n++) { mkkey(k, n * 7919 % 5000); find(k, 1)->val += n; }
    for (u64 n = 0; n < 5000; n += 3) { mkkey(k, n); struct ent *e = find(k, 0); if (e) e->dead = 1; }
    u64 found = 0, sum = 0;
    for (u64 n = 0; n < 5000; n++) { mkkey(k, n); struct ent *e = find(k, 0); if (e && !e->dead) { found++; sum += e->val * (n + 1); } }
    puts_("found "); putu(found); puts_(" sum "); putu(sum); nl();
    for (u64 n = 0; n < 10; n++) { mkkey(k, n * 101); struct ent *e = find(k, 0); puts_(k); putc_('='); if (e && !e->dead) putu(e->val); else puts_("-"); nl(); }
    return 0;
}
