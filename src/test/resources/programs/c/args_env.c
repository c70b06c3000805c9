/* argc, argv and envp as the initial stack delivers them, plus the auxiliary vector's AT_PAGESZ. */
/* args: one "two words" -3 --flag= */
#include "sys.h"
int main(int argc, char **argv, char **envp) {
    puts_("argc "); puti(argc); nl();
    for (int i = 1; i < argc; i++) { puts_("argv["); puti(i); puts_("] = '"); puts_(argv[i]); puts_("'\n"); }
    int n = 0;
    for (char **e = envp; *e; e++, n++) { puts_("env "); puts_(*e); nl(); }
    char **e = envp; while (*e) e++;
    u64 *aux = (u64 *)(e + 1);
    for (; aux[0]; aux += 2) if (aux[0] == 6) { puts_("pagesz "); putu(aux[1]); nl(); }
    puts_("stack aligned "); puti(((u64)argv & 7) == 0); nl();
    return n;
}
