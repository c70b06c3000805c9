/* nullderef.c: a fault on a known line, for the run report's FILE:LINE from .debug_line. */
int main(void) {
    volatile int *p = 0;
    return *p;
}
