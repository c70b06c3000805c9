package gmpvm.loader.debug;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.asm.LineTable;
import gmpvm.loader.disasm.Disassembler;
import gmpvm.loader.disasm.ElfListing;
import gmpvm.loader.disasm.Syntax;
import gmpvm.loader.elf.ElfException;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.ElfLoader;
import gmpvm.loader.elf.Symbol;
import gmpvm.loader.elf.SymbolTable;
import gmpvm.loader.runtime.RuntimeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the debugger knows about a program's text: symbols (Go's {@code runtime·gogo} or
 * {@code runtime.gogo}), the line table (the {@code .s} lines of a gmpvm-assembled program, the
 * DWARF {@code .debug_line} of a gcc or Go one), the source files, the disassembler. Turns
 * location specs into addresses and addresses into {@code symbol+off} and {@code FILE:LINE}.
 */
public final class DebugInfo {
    private final SymbolTable symbols;
    /**
     * The parsed file (null if it does not parse), whose line table and runtime layout are read
     * on first use (a Go binary's DWARF lines cost ~0.1 s, its types as much).
     */
    private final ElfFile elf;
    private boolean linesRead;
    private LineTable lines;
    /** What the loader adds to the file's addresses (a static PIE's base); the line table has the file's. */
    private final long lineBias;
    /** Whether the lines are gmpvm's own .s lines, whose runtime files the jar carries. */
    private final boolean ownLines;
    private final Map<String, List<String>> sources = new HashMap<>();
    /** Where else to look for source files, newest first (gdb's {@code directory}). */
    private final List<Path> sourceDirs = new ArrayList<>();
    private final Disassembler go;
    private final Disassembler intel;
    private RuntimeLayout layout;

    public DebugInfo(byte[] elf, SymbolTable symbols) {
        this.symbols = symbols;
        ElfFile f = null;
        long bias = 0;
        boolean own = false;
        try {
            f = ElfFile.parse(elf);
            bias = f.isPie() ? ElfLoader.PIE_BASE : 0;
            own = f.sections().stream().anyMatch(sh -> sh.name().equals(LineTable.SECTION));
        } catch (ElfException e) {
            // no line table: addresses only
        }
        this.elf = f;
        this.lineBias = bias;
        this.ownLines = own;
        this.go = new Disassembler(symbols::describe, Syntax.GO);
        this.intel = new Disassembler(symbols::describe, Syntax.INTEL);
    }

    public SymbolTable symbols() {
        return symbols;
    }

    /** Go's middle dot and a plain dot name the same symbol: {@code runtime·gogo} is {@code runtime.gogo}. */
    public static String symbolName(String spelled) {
        return spelled.replace('·', '.').replace('∕', '/');
    }

    /**
     * The address of a symbol (either spelling), or -1. Go's toolchain names an assembly routine
     * {@code runtime.gogo.abi0} (its stack-based calling convention); {@code runtime.gogo} finds it.
     */
    public long symbol(String name) {
        String n = symbolName(name);
        long a = symbols.address(n);
        return a >= 0 || n.endsWith(ABI0) ? a : symbols.address(n + ABI0);
    }

    /** The suffix Go's linker gives the symbols of assembly (ABI0) routines. */
    static final String ABI0 = ".abi0";

    /**
     * The runtime's layout for this program: read from its DWARF when Go's toolchain built it,
     * else gmpvm's go_asm.h (see {@link RuntimeLayout#forProgram}). Read once, on first use.
     */
    public RuntimeLayout runtimeLayout() {
        if (layout == null) {
            try {
                layout = elf == null ? RuntimeLayout.load() : RuntimeLayout.forProgram(elf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return layout;
    }

    /** {@code name+0x1c} or {@code name}, or the hex address when no symbol covers it. */
    public String describe(long addr) {
        Symbol s = symbolAt(addr);
        if (s == null) {
            // a saved PC just past a short routine's end (Go's systemstack_switch+8) still names it
            s = symbolAt(addr - 1);
        }
        if (s == null) {
            return String.format("0x%x", addr);
        }
        long off = addr - s.value();
        return off == 0 ? s.name() : s.name() + "+0x" + Long.toHexString(off);
    }

    /**
     * The symbol covering addr, or null. A symbol without a size (a section bound such as
     * {@code runtime.ebss}) covers only the page after it, so stack and heap addresses are not
     * named after the last symbol of the image.
     */
    public Symbol symbolAt(long addr) {
        Symbol s = symbols.lookup(addr);
        if (s != null && s.size() == 0 && addr - s.value() >= UNSIZED_REACH) {
            return null;
        }
        return s;
    }

    /** How far past a symbol without a size an address is still named after it. */
    static final long UNSIZED_REACH = 0x1000;

    /** The line table, read on first use; null when the file has none. */
    private synchronized LineTable lines() {
        if (!linesRead && elf != null) {
            lines = ElfListing.lineTable(elf);
        }
        linesRead = true;
        return lines;
    }

    /** The source line of the instruction at pc, or null. */
    public LineTable.Line line(long pc) {
        LineTable t = lines();
        return t == null ? null : t.lookup(pc - lineBias);
    }

    /** {@code proc.s:123} (the file's base name), or null. */
    public String shortLine(long pc) {
        LineTable.Line l = line(pc);
        return l == null ? null : baseName(l.file()) + ":" + l.line();
    }

    static String baseName(String file) {
        int k = file.lastIndexOf('/');
        return k < 0 ? file : file.substring(k + 1);
    }

    /**
     * The lowest address of source line {@code line} in a file named {@code file} (its base
     * name or a path suffix), or -1.
     */
    public long address(String file, int line) {
        LineTable t = lines();
        if (t == null) {
            return -1;
        }
        long best = -1;
        for (long pc : t.rowPcs()) {
            LineTable.Line l = t.lookup(pc);
            if (l != null && l.line() == line && sameFile(l.file(), file) && (best < 0 || pc < best)) {
                best = pc;
            }
        }
        return best < 0 ? -1 : best + lineBias;
    }

    /** Whether some line of the table is in a file named {@code file}. */
    public boolean knowsFile(String file) {
        LineTable t = lines();
        if (t == null) {
            return false;
        }
        for (long pc : t.rowPcs()) {
            LineTable.Line l = t.lookup(pc);
            if (l != null && sameFile(l.file(), file)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFile(String tableName, String given) {
        return tableName.equals(given) || tableName.endsWith("/" + given);
    }

    /**
     * Resolves a location as gdb spells it: {@code *0x401000} or {@code *4198400}, a symbol
     * ({@code runtime.gogo}, {@code runtime·gogo}, optionally {@code +OFF}), or {@code FILE.s:LINE}.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public long resolve(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no location given");
        }
        if (s.startsWith("*")) {
            return parseNumber(s.substring(1).strip());
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.substring(colon + 1).matches("\\d+")) {
            String file = s.substring(0, colon);
            int line = Integer.parseInt(s.substring(colon + 1));
            if (!knowsFile(file)) {
                throw new IllegalArgumentException("No source file named " + file + ".");
            }
            long a = address(file, line);
            if (a < 0) {
                throw new IllegalArgumentException("Line " + line + " of \"" + file + "\" has no code.");
            }
            return a;
        }
        long off = 0;
        int plus = s.indexOf('+');
        String name = s;
        if (plus > 0) {
            name = s.substring(0, plus).strip();
            off = parseNumber(s.substring(plus + 1).strip());
        }
        long a = symbol(name);
        if (a < 0) {
            if (name.matches("0[xX][0-9a-fA-F]+|\\d+")) {
                return parseNumber(name) + off;
            }
            throw new IllegalArgumentException("Function \"" + name + "\" not defined.");
        }
        return a + off;
    }

    /** A number in C's spelling: 0x hex or decimal (negative allowed). */
    public static long parseNumber(String s) {
        String t = s.strip();
        boolean neg = t.startsWith("-");
        if (neg) {
            t = t.substring(1);
        }
        try {
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number \"" + s.strip() + "\".");
        }
    }

    // ------------------------------------------------------------------ instructions

    /** The instruction at addr in guest memory, decoded (null when its bytes cannot be read). */
    public Disassembler.Line instruction(GuestMemory mem, long addr, Syntax syntax) {
        byte[] code = new byte[15];
        int n = 0;
        for (; n < code.length; n++) {
            try {
                code[n] = (byte) mem.read8(addr + n);
            } catch (RuntimeException e) {
                break;
            }
        }
        if (n == 0) {
            return null;
        }
        Disassembler d = syntax == Syntax.GO ? go : intel;
        return d.one(code, 0, n, addr);
    }

    /** The instruction's text in the syntax, or {@code (bad)}. */
    public String text(GuestMemory mem, long addr, Syntax syntax) {
        Disassembler.Line l = instruction(mem, addr, syntax);
        if (l == null) {
            return "(cannot read memory)";
        }
        return syntax == Syntax.GO ? l.go() : l.intel();
    }

    // ------------------------------------------------------------------ sources

    /** The lines of a source file named in the line table (from disk, or the runtime inside the jar), or null. */
    public List<String> source(String file) {
        return sources.computeIfAbsent(file, this::readSource);
    }

    /**
     * Also looks for source files in dir, before the directories added earlier, as gdb's
     * {@code directory} does: a name from the line table is tried there whole, then without its
     * leading directories one by one ({@code example.com/hello/main.go} as {@code hello/main.go},
     * then {@code main.go}), so Go's module-relative and GOROOT-relative names find their files.
     */
    public void addSourceDirectory(Path dir) {
        sourceDirs.remove(dir);
        sourceDirs.add(0, dir);
        sources.clear();
    }

    /** The directories {@link #addSourceDirectory} added, newest first. */
    public List<Path> sourceDirectories() {
        return List.copyOf(sourceDirs);
    }

    /**
     * A source file from disk (as named, then in the source directories); failing that, for
     * gmpvm's own .s lines, the runtime's file inside the jar (never for a gcc or Go program: Go's
     * runtime/asm_amd64.s is not ours).
     */
    private List<String> readSource(String file) {
        List<String> found = readFile(file);
        String[] parts = file.split("/");
        for (Path dir : sourceDirs) {
            for (int k = 0; k < parts.length && found == null; k++) {
                String tail = String.join("/", java.util.Arrays.copyOfRange(parts, k, parts.length));
                if (!tail.isEmpty() && !tail.startsWith("/")) {
                    found = readFile(dir.resolve(tail).toString());
                }
            }
        }
        if (found != null) {
            return found;
        }
        if (!ownLines) {
            return null;
        }
        String res = file.startsWith("runtime-asm/") ? "/" + file : "/runtime-asm/" + baseName(file);
        try (InputStream in = DebugInfo.class.getResourceAsStream(res)) {
            if (in != null) {
                return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static List<String> readFile(String file) {
        try {
            Path p = Path.of(file);
            if (Files.isRegularFile(p)) {
                return Files.readAllLines(p, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not UTF-8: not found
        }
        return null;
    }

    /** The text of the source line at pc (stripped), or null. */
    public String sourceText(long pc) {
        LineTable.Line l = line(pc);
        if (l == null) {
            return null;
        }
        List<String> src = source(l.file());
        if (src == null || l.line() < 1 || l.line() > src.size()) {
            return null;
        }
        return src.get(l.line() - 1).strip();
    }

    /** Every function symbol, by address (for completion and listings). */
    public List<String> functionNames() {
        List<String> names = new ArrayList<>();
        for (Symbol s : symbolsList()) {
            if (s.type() == Symbol.STT_FUNC) {
                names.add(s.name());
            }
        }
        return names;
    }

    private List<Symbol> symbolsList() {
        return symbols.all();
    }
}
