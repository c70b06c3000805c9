package gmpvm.loader.asm;

import java.util.List;

/**
 * One GLOBL symbol: its size, flags, and either initial contents (DATA seen: .data or .rodata)
 * or none (.bss), plus the address fixups inside its contents.
 */
record DataSym(String name, boolean local, int flags, long size, byte[] init, List<Fixup> fixups, Pos pos) {
    boolean rodata() {
        return (flags & TextFlag.RODATA) != 0;
    }

    boolean bss() {
        return init == null;
    }
}
