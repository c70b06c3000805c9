package gmpvm.loader.asm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bytes of one emitted instruction (or data directive) and the fixups inside them. */
final class Code {
    byte[] b = new byte[16];
    int n;
    final List<Fixup> fixups = new ArrayList<>(1);

    void u8(int v) {
        if (n == b.length) {
            b = Arrays.copyOf(b, n * 2);
        }
        b[n++] = (byte) v;
    }

    void le(long v, int size) {
        for (int i = 0; i < size; i++) {
            u8((int) (v >>> (8 * i)));
        }
    }

    void bytes(byte[] src) {
        for (byte x : src) {
            u8(x);
        }
    }

    /** A fixup for the field about to be written at the current end; its end is set by {@link #done}. */
    void fix(Fixup.Kind kind, String sym, long addend, Pos pos) {
        fixups.add(new Fixup(n, -1, kind, sym, addend, pos));
    }

    /** Closes the instruction: PC-relative fixups measure from its end. */
    Code done() {
        for (int i = 0; i < fixups.size(); i++) {
            Fixup f = fixups.get(i);
            if (f.end() < 0) {
                fixups.set(i, new Fixup(f.at(), n, f.kind(), f.sym(), f.addend(), f.pos()));
            }
        }
        return this;
    }

    byte[] toArray() {
        return Arrays.copyOf(b, n);
    }
}
