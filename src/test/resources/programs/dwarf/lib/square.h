/* square.h: an inline function, so its lines appear in both units' tables. */
static inline int square(int x) {
    return x * x;
}
