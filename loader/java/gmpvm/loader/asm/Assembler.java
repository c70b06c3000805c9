package gmpvm.loader.asm;

import gmpvm.loader.asm.Mnemonics.Fam;
import gmpvm.loader.asm.Mnemonics.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles one source file: preprocess, parse, then split it into TEXT blocks (each built by
 * {@link FuncBuilder}) and DATA/GLOBL directives (collected into {@link DataSym}s). Every error
 * of the file goes to the shared {@link Diagnostics}.
 */
final class Assembler {
    private final Diagnostics diags;
    private final List<Path> includeDirs;

    Assembler(List<Path> includeDirs, Diagnostics diags) {
        this.includeDirs = includeDirs;
        this.diags = diags;
    }

    /** A pending DATA initialisation of one symbol. */
    private static final class DataInit {
        final Pos pos;
        /** The DATA statement that reaches furthest (for a size error). */
        Pos furthest;
        byte[] bytes = new byte[0];
        boolean[] set = new boolean[0];
        final List<Fixup> fixups = new ArrayList<>();

        DataInit(Pos pos) {
            this.pos = pos;
        }

        void ensure(int n) {
            if (bytes.length < n) {
                bytes = java.util.Arrays.copyOf(bytes, n);
                set = java.util.Arrays.copyOf(set, n);
            }
        }
    }

    private record Glob(Pos pos, int flags, long size, boolean local) {
    }

    ObjFile assemble(SourceText src, String pkg, boolean runtime) {
        List<List<Token>> toks = new Preprocessor(includeDirs, diags).run(src);
        List<Stmt> stmts = new Parser(diags).parse(toks);
        List<Func> funcs = new ArrayList<>();
        Map<String, DataInit> inits = new LinkedHashMap<>();
        Map<String, Glob> globs = new LinkedHashMap<>();
        Stmt text = null;
        List<Stmt> body = new ArrayList<>();
        for (Stmt s : stmts) {
            Spec spec = s.isLabel() ? null : Mnemonics.lookup(s.op());
            Fam f = spec == null ? null : spec.fam();
            try {
                if (f == Fam.TEXT) {
                    flush(text, body, pkg, funcs);
                    text = s;
                    body = new ArrayList<>();
                } else if (f == Fam.DATA) {
                    data(s, pkg, inits);
                } else if (f == Fam.GLOBL) {
                    globl(s, pkg, globs);
                } else if (text == null) {
                    if (s.isLabel()) {
                        throw new AsmError(s.pos(), "label " + s.label() + " outside of a TEXT block");
                    }
                    throw new AsmError(s.pos(), (spec == null ? "unknown instruction " : "instruction ") + s.op()
                            + " outside of a TEXT block");
                } else {
                    body.add(s);
                }
            } catch (AsmError e) {
                diags.add(e);
            }
        }
        flush(text, body, pkg, funcs);
        List<DataSym> data = new ArrayList<>();
        for (Map.Entry<String, Glob> e : globs.entrySet()) {
            Glob g = e.getValue();
            DataInit in = inits.remove(e.getKey());
            byte[] init = null;
            List<Fixup> fix = List.of();
            if (in != null) {
                if (g.size() > 1 << 24) {
                    diags.error(g.pos(), "initialised data " + e.getKey() + " is larger than 16 MiB");
                    continue;
                }
                if (in.bytes.length > g.size()) {
                    diags.error(in.furthest, "DATA for " + e.getKey() + " goes past its GLOBL size " + g.size());
                    continue;
                }
                init = java.util.Arrays.copyOf(in.bytes, (int) g.size());
                fix = in.fixups;
            }
            if (init == null && (g.flags() & TextFlag.RODATA) != 0 && g.size() > 1 << 24) {
                diags.error(g.pos(), "read-only data " + e.getKey() + " is larger than 16 MiB");
                continue;
            }
            data.add(new DataSym(e.getKey(), g.local(), g.flags(), g.size(), init, fix, g.pos()));
        }
        for (Map.Entry<String, DataInit> e : inits.entrySet()) {
            diags.error(e.getValue().pos, "DATA for " + e.getKey() + " without a GLOBL declaration");
        }
        return new ObjFile(src.name(), runtime, funcs, data);
    }

    private void flush(Stmt text, List<Stmt> body, String pkg, List<Func> funcs) {
        if (text == null) {
            return;
        }
        try {
            Func f = new FuncBuilder(text, body, pkg, diags).build();
            if (f != null) {
                funcs.add(f);
            }
        } catch (AsmError e) {
            diags.add(e);
        }
    }

    private static String symKey(Operand o, String pkg) {
        return Encoder.linkName(o, pkg);
    }

    private void data(Stmt s, String pkg, Map<String, DataInit> inits) {
        List<Operand> a = s.args();
        if (a.size() != 2 || !a.get(0).isMem() || !a.get(0).isSymRef() || a.get(0).index >= 0) {
            throw new AsmError(s.pos(), "DATA wants sym+off(SB)/size, $value");
        }
        Operand d = a.get(0);
        int size = d.dataSize;
        if (size <= 0) {
            throw new AsmError(d.pos, "DATA destination needs a /size, as in sym+0(SB)/8");
        }
        if (d.off < 0 || d.off > 1 << 24) {
            throw new AsmError(d.pos, "DATA offset " + d.off + " out of range");
        }
        Operand v = a.get(1);
        String key = symKey(d, pkg);
        DataInit in = inits.computeIfAbsent(key, k -> new DataInit(s.pos()));
        int off = (int) d.off;
        byte[] val = new byte[size];
        switch (v.kind) {
            case IMM -> {
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    throw new AsmError(d.pos, "DATA size for a constant must be 1, 2, 4 or 8");
                }
                if (!X86.fitsSize(v.off, size)) {
                    throw new AsmError(v.pos, "constant " + v.off + " does not fit in " + size + " bytes");
                }
                for (int i = 0; i < size; i++) {
                    val[i] = (byte) (v.off >>> (8 * i));
                }
            }
            case FLOAT -> {
                if (size != 8 && size != 4) {
                    throw new AsmError(d.pos, "DATA size for a floating-point constant must be 4 or 8");
                }
                long bits = size == 8 ? v.off : Float.floatToIntBits((float) Double.longBitsToDouble(v.off));
                for (int i = 0; i < size; i++) {
                    val[i] = (byte) (bits >>> (8 * i));
                }
            }
            case STR -> {
                byte[] b = v.str.getBytes(StandardCharsets.ISO_8859_1);
                if (b.length > size) {
                    throw new AsmError(v.pos, "string of " + b.length + " bytes does not fit in DATA size " + size);
                }
                System.arraycopy(b, 0, val, 0, b.length);
            }
            case ADDR -> {
                if (!v.isSymRef() || v.index >= 0 || (size != 8 && size != 4)) {
                    throw new AsmError(v.pos, "DATA address must be $sym+off(SB) with size 4 or 8");
                }
                in.fixups.add(new Fixup(off, off + size, size == 8 ? Fixup.Kind.ABS64 : Fixup.Kind.ABS32,
                        symKey(v, pkg), v.off, v.pos));
            }
            default -> throw new AsmError(v.pos, "DATA value must be $constant, $\"string\" or $sym(SB)");
        }
        if (off + size > in.bytes.length) {
            in.furthest = s.pos();
        }
        in.ensure(off + size);
        for (int i = 0; i < size; i++) {
            if (in.set[off + i]) {
                throw new AsmError(d.pos, "DATA for " + key + " overlaps an earlier DATA at offset " + (off + i));
            }
            in.set[off + i] = true;
            in.bytes[off + i] = val[i];
        }
    }

    private void globl(Stmt s, String pkg, Map<String, Glob> globs) {
        List<Operand> a = s.args();
        if (a.size() < 2 || a.size() > 3 || !a.get(0).isMem() || !a.get(0).isSymRef()
                || !a.get(a.size() - 1).isImm() || (a.size() == 3 && !a.get(1).isFlags())) {
            throw new AsmError(s.pos(), "GLOBL wants sym(SB), [flags,] $size");
        }
        Operand d = a.get(0);
        if (d.off != 0 || d.index >= 0) {
            throw new AsmError(d.pos, "GLOBL symbol takes no offset");
        }
        long size = a.get(a.size() - 1).off;
        if (size < 0 || size > 1 << 28) {
            throw new AsmError(a.get(a.size() - 1).pos, "GLOBL size " + size + " out of range");
        }
        int flags = a.size() == 3 ? (int) a.get(1).off : 0;
        String key = symKey(d, pkg);
        Glob prev = globs.putIfAbsent(key, new Glob(s.pos(), flags, size, d.name == Operand.Name.STATIC));
        if (prev != null) {
            throw new AsmError(s.pos(), "GLOBL " + key + " declared twice (first at " + prev.pos() + ")");
        }
    }
}
