/* Structs passed and returned by value, function pointers, a linked list on the stack, exit code 42. */
#include "sys.h"
struct vec { i64 x, y, z; };
struct small { i32 a; i16 b; i8 c; };
__attribute__((noinline)) static struct vec add(struct vec a, struct vec b) { return (struct vec){a.x + b.x, a.y + b.y, a.z + b.z}; }
__attribute__((noinline)) static struct small mk(int k) { return (struct small){k * 1000, (i16)(k * -7), (i8)(k * 3)}; }
static i64 sq(i64 v) { return v * v; }
static i64 neg(i64 v) { return -v; }
static i64 half(i64 v) { return v / 2; }
struct node { struct node *next; int v; };
__attribute__((noinline)) static int sum_list(struct node *n) { int s = 0; for (; n; n = n->next) s += n->v; return s; }
int main(int argc, char **argv, char **envp) {
    struct vec v = {1, 2, 3};
    for (int i = 0; i < 10; i++) v = add(v, (struct vec){i, -i, i * i});
    puti(v.x); putc_(' '); puti(v.y); putc_(' '); puti(v.z); nl();
    for (int k = -2; k < 3; k++) { struct small s = mk(k); puti(s.a); putc_(' '); puti(s.b); putc_(' '); puti(s.c); nl(); }
    i64 (*fns[])(i64) = {sq, neg, half};
    i64 acc = 17;
    for (int i = 0; i < 9; i++) { acc = fns[i % 3](acc) + i; puti(acc); nl(); }
    struct node nodes[50]; struct node *head = 0;
    for (int i = 0; i < 50; i++) { nodes[i].v = i * i; nodes[i].next = head; head = &nodes[i]; }
    puts_("list "); puti(sum_list(head)); nl();
    return 42;
}
