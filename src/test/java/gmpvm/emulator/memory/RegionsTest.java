package gmpvm.emulator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The interval set behind isFree, mappedBytes and mmap's placement, against a page-by-page model. */
class RegionsTest {
    @Test
    void agreesWithAPageModelUnderRandomAddsAndRemoves() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        Regions r = new Regions();
        boolean[] model = new boolean[256];
        for (int step = 0; step < 20_000; step++) {
            int a = rnd.nextInt(256);
            int b = Math.min(256, a + 1 + rnd.nextInt(16));
            boolean add = rnd.nextBoolean();
            if (add) {
                r.add(a * 4096L, b * 4096L);
            } else {
                r.remove(a * 4096L, b * 4096L);
            }
            for (int p = a; p < b; p++) {
                model[p] = add;
            }
            int lo = rnd.nextInt(256);
            int hi = lo + rnd.nextInt(256 - lo + 1);
            long want = 0;
            for (int p = lo; p < hi; p++) {
                want += model[p] ? 4096 : 0;
            }
            assertEquals(want, r.mappedIn(lo * 4096L, hi * 4096L), "step " + step);
            int pages = 1 + rnd.nextInt(8);
            long expect = -1;
            for (int s = 256 - pages; s >= 1; s--) {
                boolean free = true;
                for (int p = s; p < s + pages; p++) {
                    free &= !model[p];
                }
                if (free) {
                    expect = s * 4096L;
                    break;
                }
            }
            assertEquals(expect, r.highestFree(4096, 256 * 4096L, pages * 4096L), "step " + step + " size " + pages);
        }
    }
}
