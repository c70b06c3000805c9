package gmpvm.loader.disasm;

/**
 * Names addresses for a listing: given an address, the symbol it lies in and the offset, as
 * {@code "name"} or {@code "name+0x10"}, or null when no symbol covers it.
 */
@FunctionalInterface
public interface SymbolResolver {
    /** A resolver that knows no symbols. */
    SymbolResolver NONE = addr -> null;

    String symbolize(long addr);
}
