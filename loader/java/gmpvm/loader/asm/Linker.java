package gmpvm.loader.asm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links assembled files into one static executable: resolves symbols across files (file-local
 * {@code name<>} first in their own file), reports undefined symbols at every use and
 * duplicates with both places (DUPOK allows duplicates: the first wins), lays out the runtime's
 * text first between {@code runtime.text} and {@code runtime.etext}, then the other text,
 * .rodata, .data and .bss, applies the fixups and writes the ELF with its symbol and line tables.
 */
final class Linker {
    static final int FUNC_ALIGN = 32;

    private final Diagnostics diags;
    /** The directory relative source names are relative to (DWARF's DW_AT_comp_dir). */
    private final String compDir;

    Linker(Diagnostics diags, String compDir) {
        this.diags = diags;
        this.compDir = compDir;
    }

    /** A defined symbol: where it lives once laid out. */
    private static final class Def {
        final String name;
        final Pos pos;
        final Func func;
        final DataSym data;
        final int file;
        long addr;

        Def(String name, Pos pos, Func func, DataSym data, int file) {
            this.name = name;
            this.pos = pos;
            this.func = func;
            this.data = data;
            this.file = file;
        }

        int flags() {
            return func != null ? func.flags() : data.flags();
        }
    }

    /** Links; returns the ELF image, or null after reporting errors. */
    byte[] link(List<ObjFile> objs, String entry) {
        Map<String, Def> globals = new LinkedHashMap<>();
        List<Map<String, Def>> locals = new ArrayList<>();
        List<Def> runtimeText = new ArrayList<>();
        List<Def> userText = new ArrayList<>();
        List<Def> rodata = new ArrayList<>();
        List<Def> data = new ArrayList<>();
        List<Def> bss = new ArrayList<>();
        for (int fi = 0; fi < objs.size(); fi++) {
            ObjFile o = objs.get(fi);
            Map<String, Def> loc = new HashMap<>();
            locals.add(loc);
            for (Func f : o.funcs()) {
                Def d = new Def(f.name(), f.pos(), f, null, fi);
                if (define(d, f.local(), globals, loc)) {
                    boolean rt = o.runtime() || f.name().startsWith("runtime.") || f.name().startsWith("_rt0_");
                    (rt ? runtimeText : userText).add(d);
                }
            }
            for (DataSym s : o.data()) {
                String n = s.local() ? s.name().substring(0, s.name().length() - 2) : s.name();
                Def d = new Def(n, s.pos(), null, s, fi);
                if (define(d, s.local(), globals, loc)) {
                    (s.rodata() ? rodata : s.bss() ? bss : data).add(d);
                }
            }
        }
        List<Def> allText = new ArrayList<>(runtimeText);
        allText.addAll(userText);
        stackCheck(allText, globals, locals);
        // text layout
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        ElfWriter.Layout l0 = ElfWriter.layout(0, 0, 0);
        long textBase = l0.textAddr();
        long[] funcOff = new long[allText.size()];
        long rtEnd = 0;
        for (int i = 0; i < allText.size(); i++) {
            while (text.size() % FUNC_ALIGN != 0) {
                text.write(0xCC);
            }
            if (i == runtimeText.size()) {
                rtEnd = text.size();
            }
            funcOff[i] = text.size();
            byte[] code = allText.get(i).func.code();
            text.write(code, 0, code.length);
        }
        if (runtimeText.size() == allText.size()) {
            rtEnd = text.size();
        }
        byte[] textBytes = text.toByteArray();
        // runtime·pclntab: the PC table the runtime's tracebacks read (only when linking the runtime)
        Def pcln = null;
        boolean withRuntime = objs.stream().anyMatch(ObjFile::runtime);
        if (withRuntime && !globals.containsKey(Pclntab.SYMBOL)) {
            int size = Pclntab.size(allText.stream().map(d -> d.func).toList());
            DataSym ds = new DataSym(Pclntab.SYMBOL, false, TextFlag.RODATA, size, new byte[size], List.of(),
                    allText.isEmpty() ? null : allText.get(0).pos);
            pcln = new Def(Pclntab.SYMBOL, ds.pos(), null, ds, 0);
            globals.put(Pclntab.SYMBOL, pcln);
            rodata.add(pcln);
        }
        byte[] ro = place(rodata);
        byte[] dat = place(data);
        long bssSize = 0;
        for (Def d : bss) {
            bssSize = ElfWriter.align(bssSize, dataAlign(d.data.size()));
            d.addr = bssSize;
            bssSize += d.data.size();
        }
        ElfWriter.Layout l = ElfWriter.layout(textBytes.length, ro.length, dat.length);
        for (int i = 0; i < allText.size(); i++) {
            allText.get(i).addr = l.textAddr() + funcOff[i];
        }
        for (Def d : rodata) {
            d.addr += l.rodataAddr();
        }
        if (pcln != null) {
            byte[] tab = Pclntab.build(allText.stream().map(d -> new Pclntab.Entry(d.addr, d.func)).toList());
            System.arraycopy(tab, 0, ro, (int) (pcln.addr - l.rodataAddr()), tab.length);
        }
        for (Def d : data) {
            d.addr += l.dataAddr();
        }
        for (Def d : bss) {
            d.addr += l.bssAddr();
        }
        Map<String, Long> linkerSyms = new LinkedHashMap<>();
        linkerSyms.put("runtime.text", l.textAddr());
        linkerSyms.put("runtime.etext", l.textAddr() + rtEnd);
        linkerSyms.put("runtime.rodata", l.rodataAddr());
        linkerSyms.put("runtime.erodata", l.rodataAddr() + ro.length);
        linkerSyms.put("runtime.data", l.dataAddr());
        linkerSyms.put("runtime.edata", l.dataAddr() + dat.length);
        linkerSyms.put("runtime.bss", l.bssAddr());
        linkerSyms.put("runtime.ebss", l.bssAddr() + bssSize);
        linkerSyms.put("runtime.end", l.bssAddr() + bssSize);
        for (String n : linkerSyms.keySet()) {
            Def d = globals.get(n);
            if (d != null) {
                diags.error(d.pos, n + " is defined by the linker and cannot be redefined");
            }
        }
        // fixups
        for (int i = 0; i < allText.size(); i++) {
            Def d = allText.get(i);
            apply(textBytes, (int) funcOff[i], d.addr, d.func.fixups(), d.file, globals, locals, linkerSyms);
        }
        for (Def d : rodata) {
            apply(ro, (int) (d.addr - l.rodataAddr()), d.addr, d.data.fixups(), d.file, globals, locals, linkerSyms);
        }
        for (Def d : data) {
            apply(dat, (int) (d.addr - l.dataAddr()), d.addr, d.data.fixups(), d.file, globals, locals, linkerSyms);
        }
        Long entryAddr = null;
        Def e = globals.get(entry);
        if (e != null && e.func != null) {
            entryAddr = e.addr;
        } else if (linkerSyms.containsKey(entry)) {
            entryAddr = linkerSyms.get(entry);
        }
        if (entryAddr == null) {
            diags.error(null, "entry symbol " + entry + " is not defined"
                    + (entry.equals(Asm.DEFAULT_ENTRY) ? " (define TEXT _rt0_amd64_linux(SB) or pass --entry SYM)" : ""));
        }
        if (diags.hasErrors()) {
            return null;
        }
        // symbols and lines
        List<ElfWriter.Sym> syms = new ArrayList<>();
        LineTable.Builder lines = new LineTable.Builder();
        DwarfLines dwarf = new DwarfLines();
        for (Def d : allText) {
            syms.add(new ElfWriter.Sym(d.name + (d.func.local() ? "<>" : ""), d.addr, d.func.code().length,
                    ElfWriter.Sym.FUNC, !d.func.local(), ElfWriter.SH_TEXT));
            for (Func.LineRow r : d.func.lines()) {
                lines.row(d.addr + r.offset(), r.pos().file(), r.pos().line());
            }
            lines.row(d.addr + d.func.code().length, null, 0);
            dwarf.function(d.addr, d.addr + d.func.code().length, d.func.lines());
        }
        addData(syms, rodata, ElfWriter.SH_RODATA);
        addData(syms, data, ElfWriter.SH_DATA);
        addData(syms, bss, ElfWriter.SH_BSS);
        int[] shOf = {ElfWriter.SH_TEXT, ElfWriter.SH_TEXT, ElfWriter.SH_RODATA, ElfWriter.SH_RODATA,
            ElfWriter.SH_DATA, ElfWriter.SH_DATA, ElfWriter.SH_BSS, ElfWriter.SH_BSS, ElfWriter.SH_BSS};
        int k = 0;
        for (Map.Entry<String, Long> ls : linkerSyms.entrySet()) {
            syms.add(new ElfWriter.Sym(ls.getKey(), ls.getValue(), 0, ElfWriter.Sym.NOTYPE, true, shOf[k++]));
        }
        String cuName = objs.isEmpty() ? "gmpvm" : objs.get(objs.size() - 1).source();
        byte[][] dw = dwarf.sections(l.textAddr(), l.textAddr() + textBytes.length, cuName, compDir);
        List<ElfWriter.Extra> extras = List.of(new ElfWriter.Extra(LineTable.SECTION, lines.bytes()),
                new ElfWriter.Extra(".debug_abbrev", dw[0]), new ElfWriter.Extra(".debug_info", dw[1]),
                new ElfWriter.Extra(".debug_line", dw[2]));
        return ElfWriter.write(l, textBytes, ro, dat, bssSize, entryAddr, extras, syms);
    }

    private static void addData(List<ElfWriter.Sym> syms, List<Def> defs, int sh) {
        for (Def d : defs) {
            syms.add(new ElfWriter.Sym(d.name + (d.data.local() ? "<>" : ""), d.addr, d.data.size(),
                    ElfWriter.Sym.OBJECT, !d.data.local(), sh));
        }
    }

    /**
     * Go's linker stack check over every function (see {@link StackCheck}), when the program
     * has split stacks at all: a program without runtime.morestack (linked without the
     * runtime) has no stack guard to keep, so the check does not apply to it.
     */
    private void stackCheck(List<Def> allText, Map<String, Def> globals, List<Map<String, Def>> locals) {
        if (!globals.containsKey(StackCheck.MORESTACK)) {
            return;
        }
        Map<Def, StackCheck.Entry> entries = new java.util.IdentityHashMap<>();
        List<StackCheck.Entry> list = new ArrayList<>();
        for (Def d : allText) {
            StackCheck.Entry e = new StackCheck.Entry(d.func, d.file);
            entries.put(d, e);
            list.add(e);
        }
        new StackCheck((sym, file) -> {
            Def d = sym.endsWith("<>") ? locals.get(file).get(sym) : globals.get(sym);
            return d == null ? null : entries.get(d);
        }).check(list, diags);
    }

    private boolean define(Def d, boolean local, Map<String, Def> globals, Map<String, Def> loc) {
        Map<String, Def> m = local ? loc : globals;
        String key = local ? d.name + "<>" : d.name;
        Def prev = m.get(key);
        if (prev != null) {
            if ((prev.flags() & TextFlag.DUPOK) != 0 && (d.flags() & TextFlag.DUPOK) != 0) {
                return false;
            }
            diags.error(d.pos, "duplicate symbol " + key + " (first defined at " + prev.pos + ")");
            return false;
        }
        m.put(key, d);
        return true;
    }

    /** As Go's linker: the largest power of two not above the size, at most 32 (so MOVO works on 16-byte data). */
    private static long dataAlign(long size) {
        long a = 1;
        while (a * 2 <= size && a < 32) {
            a *= 2;
        }
        return a;
    }

    /** Lays out data symbols contiguously; sets each Def's section-relative address. */
    private static byte[] place(List<Def> defs) {
        long size = 0;
        for (Def d : defs) {
            size = ElfWriter.align(size, dataAlign(d.data.size()));
            d.addr = size;
            size += d.data.size();
        }
        byte[] out = new byte[(int) size];
        for (Def d : defs) {
            if (d.data.init() != null) {
                System.arraycopy(d.data.init(), 0, out, (int) d.addr, (int) d.data.size());
            }
        }
        return out;
    }

    private void apply(byte[] buf, int base, long addr, List<Fixup> fixups, int file, Map<String, Def> globals,
                       List<Map<String, Def>> locals, Map<String, Long> linkerSyms) {
        for (Fixup f : fixups) {
            Long s;
            Def d = f.sym().endsWith("<>") ? locals.get(file).get(f.sym()) : globals.get(f.sym());
            if (d != null) {
                s = d.addr;
            } else {
                s = linkerSyms.get(f.sym());
            }
            if (s == null) {
                if (f.sym().equals("main.main")) {
                    diags.error(null, "the program defines no main·main: the runtime runs TEXT main·main(SB) on"
                            + " goroutine 1 (or use --no-runtime for a program with its own entry point)");
                    continue;
                }
                boolean ms = f.sym().equals("runtime.morestack_noctxt") || f.sym().equals("runtime.morestack");
                diags.error(f.pos(), "undefined: " + f.sym() + (ms
                        ? " (called by the stack-split prologue: link the runtime, define it, or mark the function NOSPLIT)"
                        : ""));
                continue;
            }
            long v = s + f.addend();
            switch (f.kind()) {
                case PC32 -> {
                    v -= addr + f.end();
                    if (v != (int) v) {
                        diags.error(f.pos(), "relocation to " + f.sym() + " out of 32-bit PC range");
                        continue;
                    }
                }
                case ABS32S -> {
                    if (v != (int) v) {
                        diags.error(f.pos(), "address of " + f.sym() + " does not fit a sign-extended 32-bit field");
                        continue;
                    }
                }
                case ABS32 -> {
                    if (v < 0 || v > 0xFFFFFFFFL) {
                        diags.error(f.pos(), "address of " + f.sym() + " does not fit 32 bits");
                        continue;
                    }
                }
                default -> {
                }
            }
            int at = base + f.at();
            for (int i = 0; i < f.width(); i++) {
                buf[at + i] = (byte) (v >>> (8 * i));
            }
        }
    }
}
