package gmpvm.emulator.cpu;

import gmpvm.emulator.memory.DecodedCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoded instructions of one 4 KiB code page, indexed by page offset. A store to the page
 * (or munmap/mprotect) invalidates it: every instruction is marked stale, so links to them from
 * other pages are not followed, and pages whose last instruction straddles into this one go too.
 */
final class CodePage implements DecodedCode {
    final long base;
    /** The page's bytes (the memory's own buffer: stores show through). */
    final ByteBuffer bytes;
    final Insn[] insns = new Insn[4096];
    boolean valid = true;
    private List<CodePage> dependents;

    CodePage(long base, ByteBuffer bytes) {
        this.base = base;
        this.bytes = bytes;
    }

    void addDependent(CodePage p) {
        if (dependents == null) {
            dependents = new ArrayList<>(2);
        }
        if (!dependents.contains(p)) {
            dependents.add(p);
        }
    }

    @Override
    public void invalidate() {
        if (!valid) {
            return;
        }
        valid = false;
        for (int k = 0; k < insns.length; k++) {
            Insn i = insns[k];
            if (i != null) {
                i.stale = true;
                insns[k] = null;
            }
        }
        if (dependents != null) {
            for (CodePage p : dependents) {
                p.invalidate();
            }
        }
    }
}
