/* Structs of every shape DwarfTypes reads (nested, typedef'd, arrays, unions, pointers), and
 * their layout as the compiler chose it, printed as "name size" and "struct.member offset"
 * lines for the test to compare with what the DWARF says. */
#include <stddef.h>
#include <stdio.h>

struct inner {
    char c;
    double d;
};
typedef struct inner inner_t;

struct outer {
    int a;
    inner_t in;
    long arr[7];
    union {
        short s;
        long long l;
    } u;
    struct inner *p;
    const volatile unsigned short cv;
    char grid[3][5];
    char tail;
};

struct outer g_outer;

#define OFF(s, m) printf(#s "." #m " %zu\n", offsetof(struct s, m))

int main(void) {
    printf("outer %zu\n", sizeof(struct outer));
    printf("inner %zu\n", sizeof(struct inner));
    OFF(inner, c);
    OFF(inner, d);
    OFF(outer, a);
    OFF(outer, in);
    OFF(outer, arr);
    OFF(outer, u);
    OFF(outer, p);
    OFF(outer, cv);
    OFF(outer, grid);
    OFF(outer, tail);
    return g_outer.a;
}
