/* Jump tables: a dense switch, and a computed-goto bytecode interpreter. */
#include "sys.h"
__attribute__((noinline)) static int dense(int x) {
    switch (x) {
    case 0: return 11; case 1: return 27; case 2: return -5; case 3: return 99;
    case 4: return 1234; case 5: return 7; case 6: return -300; case 7: return 42;
    case 8: return 8; case 9: return 19; case 10: return 77; case 11: return -1;
    case 12: return 555; case 13: return 13; case 14: return 140; case 15: return 3;
    default: return x * 2;
    }
}
enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, PRINT, HALT };
static long run(const int *code) {
    static void *labels[] = {&&push, &&add, &&sub, &&mul, &&dup, &&swap, &&jnz, &&dec, &&print, &&halt};
    long stack[64]; int sp = 0; const int *pc = code; long steps = 0;
#define NEXT do { steps++; goto *labels[*pc++]; } while (0)
    NEXT;
push: stack[sp++] = *pc++; NEXT;
add: sp--; stack[sp - 1] += stack[sp]; NEXT;
sub: sp--; stack[sp - 1] -= stack[sp]; NEXT;
mul: sp--; stack[sp - 1] *= stack[sp]; NEXT;
dup: stack[sp] = stack[sp - 1]; sp++; NEXT;
swap: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } NEXT;
jnz: { int off = *pc++; if (stack[sp - 1]) pc += off; } NEXT;
dec: stack[sp - 1]--; NEXT;
print: puti(stack[sp - 1]); nl(); NEXT;
halt: return steps;
}
int main(int argc, char **argv, char **envp) {
    long sum = 0;
    for (int i = -3; i < 40; i++) { int v = dense(i); sum = sum * 3 + v; puti(v); putc_(i % 10 == 9 ? '\n' : ' '); }
    nl(); puts_("sum "); puti(sum); nl();
    /* factorial of 15 by a loop: acc n -> acc*n, n-1 */
    static const int prog[] = {PUSH, 1, PUSH, 15, /* loop: */ DUP, SWAP, PUSH, 0, ADD, SWAP,
        SWAP, DUP, PUSH, 0, ADD, SWAP, PRINT, DEC, JNZ, -17, HALT};
    (void)prog;
    static const int prog2[] = {PUSH, 7, PUSH, 6, MUL, PRINT, PUSH, 100, SUB, PRINT, PUSH, 5, /* countdown */
        PRINT, DEC, JNZ, -4, HALT};
    puts_("steps "); puti(run(prog2)); nl();
    return 0;
}
