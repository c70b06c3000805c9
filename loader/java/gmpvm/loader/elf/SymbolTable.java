package gmpvm.loader.elf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Addresses to names for reports and listings: {@code name+0xoff}. Functions win over other
 * symbols at the same address. A sized symbol covers [value, value+size); an unsized one (an
 * assembly label) covers everything up to the next symbol.
 */
public final class SymbolTable {
    private final TreeMap<Long, Symbol> byAddr = new TreeMap<>(Long::compareUnsigned);

    public SymbolTable(List<Symbol> symbols, long bias) {
        for (Symbol s : symbols) {
            if (s.type() != Symbol.STT_FUNC && s.type() != Symbol.STT_NOTYPE && s.type() != Symbol.STT_OBJECT) {
                continue;
            }
            Symbol r = new Symbol(s.name(), s.value() + bias, s.size(), s.type());
            Symbol old = byAddr.get(r.value());
            if (old == null || rank(r) > rank(old)) {
                byAddr.put(r.value(), r);
            }
        }
    }

    public static SymbolTable empty() {
        return new SymbolTable(List.of(), 0);
    }

    private static int rank(Symbol s) {
        return (s.type() == Symbol.STT_FUNC ? 4 : 0) + (s.size() > 0 ? 2 : 0) + (s.name().startsWith(".") ? 0 : 1);
    }

    /** The symbol covering addr, or null. */
    public Symbol lookup(long addr) {
        Map.Entry<Long, Symbol> e = byAddr.floorEntry(addr);
        if (e == null) {
            return null;
        }
        Symbol s = e.getValue();
        if (s.size() > 0 && Long.compareUnsigned(addr - s.value(), s.size()) >= 0) {
            return null;
        }
        return s;
    }

    /** Every symbol kept (one per address), in address order. */
    public java.util.List<Symbol> all() {
        return java.util.List.copyOf(byAddr.values());
    }

    /** The address of the named symbol, or -1. */
    public long address(String name) {
        for (Symbol s : byAddr.values()) {
            if (s.name().equals(name)) {
                return s.value();
            }
        }
        return -1;
    }

    /** {@code name} or {@code name+0xoff}, or null when no symbol covers addr. */
    public String describe(long addr) {
        Symbol s = lookup(addr);
        if (s == null) {
            return null;
        }
        long off = addr - s.value();
        return off == 0 ? s.name() : s.name() + "+0x" + Long.toHexString(off);
    }
}
