package gmpvm.loader.asm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The C-like preprocessor of Go's assembler: {@code #include "f"} / {@code <f>} (searched in the
 * including file's directory, then each {@code -I} directory, then the built-in headers shipped
 * in {@code runtime-asm/}), {@code #define} object-like and function-like macros (with
 * {@code \} continuation lines), {@code #undef}, {@code #ifdef}/{@code #ifndef}/{@code #else}/
 * {@code #endif}. Its output is the list of statements: token lists split at {@code ;}.
 * Tokens produced by a macro carry the position of the macro's use.
 */
final class Preprocessor {
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final int MAX_EXPANSION_DEPTH = 64;
    /** Tokens one line may expand to: stops exponential macro definitions. */
    private static final int MAX_LINE_TOKENS = 100_000;
    /**
     * The whole preprocessing's work budget: lines read (every inclusion counts again) plus
     * tokens produced by macro expansion. Exponential macros or #include fan-out exceed it in
     * a fraction of a second instead of running for minutes.
     */
    static final long WORK_BUDGET = 2_000_000;

    /** Thrown when one line expands past MAX_LINE_TOKENS: the line is dropped with one error. */
    private static final class LineTooLarge extends RuntimeException {
        final Pos where;

        LineTooLarge(Pos where) {
            super(null, null, false, false);
            this.where = where;
        }
    }

    /** Thrown when the work budget is spent: preprocessing stops with one error. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    private final List<Path> includeDirs;
    private final Diagnostics diags;
    private final Map<String, Macro> macros = new HashMap<>();
    private final List<List<Token>> out = new ArrayList<>();
    private final List<String> includeStack = new ArrayList<>();
    private long work;
    /** The directory tree #include may read from besides the -I directories (the top source's), or null. */
    private Path root;

    Preprocessor(List<Path> includeDirs, Diagnostics diags) {
        this.includeDirs = includeDirs;
        this.diags = diags;
    }

    /** Preprocesses one top-level source; returns its statements. */
    List<List<Token>> run(SourceText src) {
        root = src.dir() == null ? null : canonical(src.dir());
        try {
            file(src, 0);
        } catch (OverBudget e) {
            // the error is reported where the budget ran out
        }
        return out;
    }

    private void spend(long units, Pos where) {
        work += units;
        if (work > WORK_BUDGET) {
            diags.error(where, "preprocessing takes more than " + WORK_BUDGET + " lines and macro tokens: a macro or"
                    + " #include that expands without bound?");
            throw new OverBudget();
        }
    }

    private static Path canonical(Path p) {
        try {
            return p.toAbsolutePath().normalize().toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Blanks out // and block comments (keeping newlines and columns), respecting literals. */
    static String stripComments(String t) {
        return stripComments(t, new int[1]);
    }

    /**
     * As {@link #stripComments(String)}; unclosed[0] becomes the offset of a block comment that
     * is never closed, or -1.
     */
    static String stripComments(String t, int[] unclosed) {
        unclosed[0] = -1;
        StringBuilder sb = new StringBuilder(t);
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && t.charAt(j) != c && t.charAt(j) != '\n') {
                    if (t.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                i = Math.min(j + 1, n);
            } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
                while (i < n && t.charAt(i) != '\n') {
                    sb.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                int start = i;
                while (i < n && !(t.charAt(i) == '*' && i + 1 < n && t.charAt(i + 1) == '/')) {
                    if (t.charAt(i) != '\n') {
                        sb.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < n) {
                    sb.setCharAt(i, ' ');
                    sb.setCharAt(i + 1, ' ');
                    i += 2;
                } else {
                    unclosed[0] = start;
                }
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    private static final class Cond {
        final boolean outerActive;
        boolean active;
        boolean sawElse;
        final Pos pos;

        Cond(boolean outerActive, boolean active, Pos pos) {
            this.outerActive = outerActive;
            this.active = active;
            this.pos = pos;
        }
    }

    private void file(SourceText src, int depth) {
        String[] raw = src.text().split("\n", -1);
        int[] unclosed = new int[1];
        String[] clean = stripComments(src.text(), unclosed).split("\n", -1);
        if (unclosed[0] >= 0) {
            int line = 1;
            int col = 1;
            for (int k = 0; k < unclosed[0]; k++) {
                if (src.text().charAt(k) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            diags.error(new Pos(src.name(), line, col, stripCr(raw[line - 1])), "/* comment is never closed");
        }
        for (int ln = 0; ln < raw.length; ln++) {
            int bad = raw[ln].indexOf(SourceText.NOT_UTF8);
            if (bad >= 0) {
                diags.error(new Pos(src.name(), ln + 1, bad + 1, stripCr(raw[ln])),
                        "bytes that are not UTF-8 (sources are UTF-8 text)");
            }
        }
        List<Cond> conds = new ArrayList<>();
        for (int ln = 0; ln < clean.length; ln++) {
            int first = ln;
            String text = clean[ln];
            boolean joined = false;
            if (endsWithBackslash(text)) {
                Pos start = new Pos(src.name(), first + 1, 1, stripCr(raw[first]));
                StringBuilder sb = new StringBuilder(text.length() * 2);
                sb.append(text, 0, text.lastIndexOf('\\'));
                while (ln + 1 < clean.length) {
                    String next = clean[++ln];
                    spend(1, start);
                    sb.append(' ');
                    if (!endsWithBackslash(next)) {
                        sb.append(next);
                        break;
                    }
                    sb.append(next, 0, next.lastIndexOf('\\'));
                }
                text = sb.toString();
                joined = true;
            }
            String display = stripCr(joined ? text : raw[first]);
            spend(1, new Pos(src.name(), first + 1, 1, display));
            boolean active = conds.isEmpty() || conds.get(conds.size() - 1).active;
            String trimmed = text.strip();
            if (trimmed.startsWith("#")) {
                directive(src, text, first + 1, display, conds, active, depth);
                continue;
            }
            if (!active || trimmed.isEmpty()) {
                continue;
            }
            int before = diags.count();
            List<Token> toks = Lexer.lex(text, src.name(), first + 1, display, diags);
            List<Token> expanded;
            try {
                expanded = expand(toks, new HashSet<>(), 0);
            } catch (LineTooLarge e) {
                diags.error(e.where, "macro expansion of this line is too large (more than " + MAX_LINE_TOKENS + " tokens)");
                continue;
            }
            if (diags.count() == before) {
                split(expanded); // a line with a lexical or macro error is dropped: no follow-on errors
            }
        }
        for (Cond c : conds) {
            diags.error(c.pos, "#ifdef/#ifndef without #endif");
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean endsWithBackslash(String s) {
        return s.stripTrailing().endsWith("\\");
    }

    private void split(List<Token> toks) {
        List<Token> cur = new ArrayList<>();
        for (Token t : toks) {
            if (t.is(";")) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
    }

    private void directive(SourceText src, String text, int line, String display, List<Cond> conds,
                           boolean active, int depth) {
        List<Token> toks = Lexer.lex(text, src.name(), line, display, active ? diags : new Diagnostics());
        Pos hashPos = new Pos(src.name(), line, text.indexOf('#') + 1, display);
        if (toks.size() < 2 || !toks.get(1).isIdent()) {
            if (active) {
                diags.error(hashPos, "expected a directive name after #");
            }
            return;
        }
        Token name = toks.get(1);
        switch (name.text()) {
            case "ifdef", "ifndef" -> {
                boolean def = false;
                if (toks.size() != 3 || !toks.get(2).isIdent()) {
                    if (active) {
                        diags.error(name.pos(), "#" + name.text() + " wants one macro name");
                    }
                } else {
                    def = macros.containsKey(toks.get(2).text());
                }
                boolean cond = name.text().equals("ifdef") == def;
                conds.add(new Cond(active, active && cond, name.pos()));
                return;
            }
            case "else" -> {
                if (conds.isEmpty()) {
                    diags.error(name.pos(), "#else without #ifdef");
                    return;
                }
                Cond c = conds.get(conds.size() - 1);
                if (c.sawElse) {
                    diags.error(name.pos(), "second #else for the #ifdef at " + c.pos);
                }
                c.sawElse = true;
                c.active = c.outerActive && !c.active;
                return;
            }
            case "endif" -> {
                if (conds.isEmpty()) {
                    diags.error(name.pos(), "#endif without #ifdef");
                } else {
                    conds.remove(conds.size() - 1);
                }
                return;
            }
            default -> {
            }
        }
        if (!active) {
            return;
        }
        switch (name.text()) {
            case "define" -> define(text, toks, name);
            case "undef" -> {
                if (toks.size() != 3 || !toks.get(2).isIdent()) {
                    diags.error(name.pos(), "#undef wants one macro name");
                } else {
                    macros.remove(toks.get(2).text());
                }
            }
            case "include" -> include(src, text, toks, name, depth);
            default -> diags.error(name.pos(), "unknown directive #" + name.text()
                    + " (supported: #include #define #undef #ifdef #ifndef #else #endif)");
        }
    }

    private void define(String text, List<Token> toks, Token directive) {
        if (toks.size() < 3 || !toks.get(2).isIdent()) {
            diags.error(directive.pos(), "#define wants a macro name");
            return;
        }
        Token nameTok = toks.get(2);
        int bodyStart = 3;
        List<String> params = null;
        int afterName = nameTok.pos().col() - 1 + nameTok.text().length();
        if (toks.size() > 3 && toks.get(3).is("(") && toks.get(3).pos().col() - 1 == afterName) {
            params = new ArrayList<>();
            int j = 4;
            boolean ok = false;
            while (j < toks.size()) {
                Token t = toks.get(j);
                if (t.is(")") && params.isEmpty()) {
                    ok = true;
                    j++;
                    break;
                }
                if (!t.isIdent()) {
                    break;
                }
                if (params.contains(t.text())) {
                    diags.error(t.pos(), "duplicate macro parameter " + t.text());
                }
                params.add(t.text());
                j++;
                if (j < toks.size() && toks.get(j).is(",")) {
                    j++;
                    continue;
                }
                if (j < toks.size() && toks.get(j).is(")")) {
                    ok = true;
                    j++;
                }
                break;
            }
            if (!ok) {
                diags.error(toks.get(Math.min(j, toks.size() - 1)).pos(),
                        "bad parameter list in #define " + nameTok.text());
                return;
            }
            bodyStart = j;
        }
        List<Token> body = new ArrayList<>(toks.subList(bodyStart, toks.size()));
        macros.put(nameTok.text(), new Macro(nameTok.text(), params, body, nameTok.pos()));
    }

    private void include(SourceText src, String text, List<Token> toks, Token directive, int depth) {
        String name = null;
        if (toks.size() == 3 && toks.get(2).kind() == Token.Kind.STR) {
            name = toks.get(2).text();
        } else if (toks.size() >= 3 && toks.get(2).is("<")) {
            int a = text.indexOf('<');
            int b = text.indexOf('>', a + 1);
            if (b > a) {
                name = text.substring(a + 1, b).strip();
            }
        }
        if (name == null || name.isEmpty()) {
            diags.error(directive.pos(), "#include wants \"file\" or <file>");
            return;
        }
        if (depth + 1 > MAX_INCLUDE_DEPTH || includeStack.contains(name)) {
            diags.error(directive.pos(), "#include \"" + name + "\" nests too deep (include cycle?)");
            return;
        }
        if (name.indexOf('\0') >= 0) {
            diags.error(directive.pos(), "#include name contains a NUL byte");
            return;
        }
        SourceText inc;
        try {
            inc = find(src, name);
        } catch (OutsideTree e) {
            diags.error(directive.pos(), "#include \"" + name + "\" is outside the source's directory and the -I"
                    + " directories (" + e.getMessage() + ")");
            return;
        } catch (java.nio.file.InvalidPathException e) {
            diags.error(directive.pos(), "#include \"" + name + "\" is not a usable file name");
            return;
        }
        if (inc == null) {
            diags.error(directive.pos(), "cannot find #include file \"" + name + "\" (searched "
                    + (src.dir() != null ? src.dir() + ", " : "") + (includeDirs.isEmpty() ? "" : includeDirs + ", ")
                    + "built-in runtime-asm/)");
            return;
        }
        includeStack.add(name);
        file(inc, depth + 1);
        includeStack.remove(includeStack.size() - 1);
    }

    /** An #include that resolves to a file outside every directory it may read from. */
    private static final class OutsideTree extends RuntimeException {
        OutsideTree(String where) {
            super(where, null, false, false);
        }
    }

    /**
     * The file an #include names: in the including file's directory, then each -I directory,
     * then the built-in headers. A file found in the including file's directory must lie inside
     * the top source's directory tree or an -I directory (no reading /etc/passwd through an
     * #include); one found in an -I directory, inside that directory.
     */
    private SourceText find(SourceText from, String name) {
        if (from.dir() != null) {
            Path p = from.dir().resolve(name);
            if (Files.isRegularFile(p)) {
                Path real = canonical(p);
                boolean inside = root != null && real.startsWith(root);
                for (Path d : includeDirs) {
                    inside |= real.startsWith(canonical(d));
                }
                if (!inside) {
                    throw new OutsideTree(real.toString());
                }
                return read(p);
            }
        }
        for (Path d : includeDirs) {
            Path p = d.resolve(name);
            if (Files.isRegularFile(p)) {
                if (!canonical(p).startsWith(canonical(d))) {
                    throw new OutsideTree(canonical(p).toString());
                }
                return read(p);
            }
        }
        String text = builtin(name);
        return text == null ? null : new SourceText("runtime-asm/" + name, text, null);
    }

    private static SourceText read(Path p) {
        try {
            Path dir = p.getParent() != null ? p.getParent() : Path.of("");
            return new SourceText(p.toString(), SourceText.decode(Files.readAllBytes(p)), dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A header shipped in the jar under runtime-asm/, or null. */
    static String builtin(String name) {
        if (name.contains("..")) {
            return null;
        }
        try (InputStream in = Preprocessor.class.getResourceAsStream("/runtime-asm/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private List<Token> expand(List<Token> toks, Set<String> hidden, int depth) {
        if (depth > MAX_EXPANSION_DEPTH) {
            diags.error(toks.isEmpty() ? null : toks.get(0).pos(), "macro expansion too deep");
            return List.of();
        }
        List<Token> res = new ArrayList<>();
        int n = toks.size();
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            spend(1, t.pos());
            if (res.size() > MAX_LINE_TOKENS) {
                throw new LineTooLarge(t.pos());
            }
            Macro m = t.isIdent() && !hidden.contains(t.text()) ? macros.get(t.text()) : null;
            if (m == null) {
                res.add(t);
                continue;
            }
            // hidden holds the macros being expanded around this token (added for a body's
            // expansion, removed after it), so a macro never expands inside itself
            if (m.params() == null) {
                hidden.add(m.name());
                res.addAll(expand(reposition(m.body(), t.pos()), hidden, depth + 1));
                hidden.remove(m.name());
                continue;
            }
            if (i + 1 >= n || !toks.get(i + 1).is("(")) {
                res.add(t);
                continue;
            }
            List<List<Token>> args = new ArrayList<>();
            List<Token> cur = new ArrayList<>();
            int level = 0;
            int j = i + 2;
            boolean closed = false;
            for (; j < n; j++) {
                Token a = toks.get(j);
                if (a.is("(")) {
                    level++;
                } else if (a.is(")")) {
                    if (level == 0) {
                        closed = true;
                        break;
                    }
                    level--;
                } else if (a.is(",") && level == 0) {
                    args.add(cur);
                    cur = new ArrayList<>();
                    continue;
                }
                cur.add(a);
            }
            if (!closed) {
                diags.error(t.pos(), "unterminated argument list of macro " + m.name());
                return res;
            }
            if (!(args.isEmpty() && cur.isEmpty() && m.params().isEmpty())) {
                args.add(cur);
            }
            if (args.size() != m.params().size()) {
                diags.error(t.pos(), "macro " + m.name() + " wants " + m.params().size()
                        + (m.params().size() == 1 ? " argument" : " arguments") + ", got " + args.size());
                i = j;
                continue;
            }
            Map<String, List<Token>> actual = new HashMap<>();
            for (int k = 0; k < args.size(); k++) {
                actual.put(m.params().get(k), expand(args.get(k), hidden, depth + 1));
            }
            List<Token> subst = new ArrayList<>();
            for (Token b : m.body()) {
                List<Token> a = b.isIdent() ? actual.get(b.text()) : null;
                if (a != null) {
                    subst.addAll(a);
                } else {
                    subst.add(b.at(t.pos()));
                }
            }
            hidden.add(m.name());
            res.addAll(expand(subst, hidden, depth + 1));
            hidden.remove(m.name());
            i = j;
        }
        return res;
    }

    private static List<Token> reposition(List<Token> body, Pos p) {
        List<Token> r = new ArrayList<>(body.size());
        for (Token b : body) {
            r.add(b.at(p));
        }
        return r;
    }
}
