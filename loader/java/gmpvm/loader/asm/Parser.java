package gmpvm.loader.asm;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns preprocessed token statements into {@link Stmt}s: labels, the op name and the
 * comma-separated operands (see {@link Operand}), with constant expressions evaluated using
 * Go's operator precedence ({@code * / % << >> &} above {@code + - | ^}; unary {@code - + ~ ^}).
 * Errors are located at the offending token; a bad statement is dropped after its error.
 */
final class Parser {
    private final Diagnostics diags;

    Parser(Diagnostics diags) {
        this.diags = diags;
    }

    List<Stmt> parse(List<List<Token>> statements) {
        List<Stmt> out = new ArrayList<>();
        for (List<Token> toks : statements) {
            try {
                statement(toks, out);
            } catch (AsmError e) {
                diags.add(e);
                Token head = firstOp(toks);
                if (head != null && head.text().equals("TEXT")) {
                    out.add(new Stmt(head.pos(), null, "TEXT", null));
                }
            }
        }
        return out;
    }

    /** The op token of a statement (after any labels), or null. */
    private static Token firstOp(List<Token> toks) {
        int i = 0;
        while (i + 1 < toks.size() && toks.get(i).isIdent() && toks.get(i + 1).is(":")) {
            i += 2;
        }
        return i < toks.size() && toks.get(i).isIdent() ? toks.get(i) : null;
    }

    private void statement(List<Token> toks, List<Stmt> out) {
        int i = 0;
        while (i + 1 < toks.size() && toks.get(i).isIdent() && toks.get(i + 1).is(":")) {
            Token l = toks.get(i);
            if (Reg.lookup(l.text()) >= 0) {
                throw new AsmError(l.pos(), "register name " + l.text() + " cannot be a label");
            }
            out.add(new Stmt(l.pos(), l.text(), null, List.of()));
            i += 2;
        }
        if (i >= toks.size()) {
            return;
        }
        Token op = toks.get(i);
        if (!op.isIdent()) {
            throw new AsmError(op.pos(), "expected an instruction or directive, found '" + op + "'");
        }
        i++;
        List<Operand> args = new ArrayList<>();
        String name = op.text();
        int start = i;
        int level = 0;
        List<List<Token>> groups = new ArrayList<>();
        for (int j = i; j <= toks.size(); j++) {
            if (j == toks.size() || (toks.get(j).is(",") && level == 0)) {
                if (j == start && j == toks.size() && groups.isEmpty()) {
                    break;
                }
                if (j == start) {
                    Token where = j < toks.size() ? toks.get(j) : toks.get(j - 1);
                    throw new AsmError(where.pos(), "missing operand");
                }
                groups.add(toks.subList(start, j));
                start = j + 1;
                continue;
            }
            Token t = toks.get(j);
            if (t.is("(")) {
                level++;
            } else if (t.is(")")) {
                level--;
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Token> grp = groups.get(g);
            if ((name.equals("TEXT") || name.equals("GLOBL")) && g == 1 && groups.size() == 3) {
                undefinedFlag(grp);
            }
            boolean textSize = (name.equals("TEXT") && g == groups.size() - 1 && g > 0);
            args.add(textSize ? textSize(grp) : operand(grp, name.equals("DATA") && g == 0));
        }
        out.add(new Stmt(op.pos(), null, name, args));
    }

    /** A flag name left as it is means textflag.h was not included: say so rather than fail to parse. */
    private static void undefinedFlag(List<Token> flags) {
        for (Token t : flags) {
            if (t.isIdent() && TextFlag.NAMES.contains(t.text())) {
                throw new AsmError(t.pos(), t.text() + " is not defined: the TEXT and GLOBL flags come from textflag.h"
                        + " (add #include \"textflag.h\")");
            }
        }
    }

    // ------------------------------------------------------------------ operands

    private Operand textSize(List<Token> t) {
        Cursor c = new Cursor(t);
        Token d = c.next();
        if (!d.is("$")) {
            throw new AsmError(d.pos(), "expected $framesize-argsize");
        }
        Operand o = new Operand(Operand.Kind.TEXTSIZE, d.pos());
        boolean neg = c.accept("-");
        Token f = c.next();
        if (f.kind() != Token.Kind.NUM) {
            throw new AsmError(f.pos(), "frame size must be an integer, as in $16-24");
        }
        o.frame = neg ? -f.value() : f.value();
        if (c.accept("-")) {
            Token a = c.next();
            if (a.kind() != Token.Kind.NUM) {
                throw new AsmError(a.pos(), "argument size must be an integer, as in $16-24");
            }
            o.args = a.value();
            o.hasArgs = true;
        }
        c.end("frame size");
        return o;
    }

    private Operand operand(List<Token> t, boolean dataDest) {
        Cursor c = new Cursor(t);
        Token first = c.peek();
        Operand o;
        if (first.is("$")) {
            c.next();
            Token n = c.peek();
            if (n.kind() == Token.Kind.STR) {
                c.next();
                o = new Operand(Operand.Kind.STR, first.pos());
                o.str = n.text();
            } else if (n.kind() == Token.Kind.FLOAT || (n.is("-") && c.peek(1).kind() == Token.Kind.FLOAT)) {
                boolean neg = c.accept("-");
                Token f = c.next();
                o = new Operand(Operand.Kind.FLOAT, first.pos());
                try {
                    double v = Double.parseDouble(f.text());
                    o.off = Double.doubleToLongBits(neg ? -v : v);
                } catch (NumberFormatException e) {
                    throw new AsmError(f.pos(), "bad floating-point constant " + f.text());
                }
            } else if (looksLikeMemory(c)) {
                o = memory(c, first.pos());
                if (o.kind != Operand.Kind.MEM) {
                    throw new AsmError(first.pos(), "expected $sym(SB), $off(REG) or a constant after $");
                }
                Operand a = new Operand(Operand.Kind.ADDR, first.pos());
                copyMem(o, a);
                o = a;
            } else {
                o = new Operand(Operand.Kind.IMM, first.pos());
                o.off = expr(c);
            }
        } else if (first.isIdent() && Reg.lookup(first.text()) >= 0 && t.size() == 1) {
            c.next();
            int r = Reg.lookup(first.text());
            if (r == Reg.SB || r == Reg.FP || r == Reg.PC) {
                throw new AsmError(first.pos(), "pseudo-register " + first.text() + " is only valid in an address, as in x(" + first.text() + ")");
            }
            o = new Operand(Operand.Kind.REG, first.pos());
            o.reg = r;
        } else {
            o = memory(c, first.pos());
        }
        if (dataDest && c.accept("/")) {
            Token s = c.next();
            if (s.kind() != Token.Kind.NUM) {
                throw new AsmError(s.pos(), "expected the data size after /");
            }
            // a size past 1 MiB (or one that wrapped past 2^63 while it was read) is refused here,
            // before anything is allocated for it
            if (s.value() < 0 || s.value() > 1 << 20) {
                throw new AsmError(s.pos(), "DATA size " + s.text() + " out of range (at most 1048576)");
            }
            o.dataSize = (int) s.value();
        }
        c.end("operand");
        return o;
    }

    private static void copyMem(Operand from, Operand to) {
        to.off = from.off;
        to.sym = from.sym;
        to.name = from.name;
        to.base = from.base;
        to.index = from.index;
        to.scale = from.scale;
    }

    /** After a $: a symbol name or a parenthesised register means an address, not a number. */
    private static boolean looksLikeMemory(Cursor c) {
        for (int k = c.i; k < c.t.size(); k++) {
            Token x = c.t.get(k);
            if (x.isIdent() && Reg.lookup(x.text()) < 0) {
                return true;
            }
            if (x.is("(") && k + 1 < c.t.size() && c.t.get(k + 1).isIdent()
                    && Reg.lookup(c.t.get(k + 1).text()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** sym[<>][±off](BASE)[(IDX*s)] | off(BASE)... | label | n(PC). */
    private Operand memory(Cursor c, Pos pos) {
        String sym = null;
        boolean local = false;
        Token first = c.peek();
        if (first.isIdent() && Reg.lookup(first.text()) < 0) {
            c.next();
            sym = Symbols.goName(first.text());
            if (c.peek().is("<") && c.peek(1).is(">")) {
                c.next();
                c.next();
                local = true;
            } else if (c.peek().is("<") && c.peek(1).isIdent() && c.peek(2).is(">")) {
                // Go's ABI selector, sym<ABIInternal>(SB): every gmpvm function is ABI0
                String abi = c.peek(1).text();
                if (!abi.equals("ABI0") && !abi.equals("ABIInternal")) {
                    throw new AsmError(c.peek(1).pos(), "unknown ABI selector <" + abi + ">, want <ABI0> or <ABIInternal>");
                }
                c.next();
                c.next();
                c.next();
            }
        }
        long off = 0;
        if (!c.atEnd() && !(c.peek().is("(") && isRegParen(c))) {
            if (sym != null && !(c.peek().is("+") || c.peek().is("-"))) {
                throw new AsmError(c.peek().pos(), "expected + or - offset or (register) after " + first.text());
            }
            off = expr(c);
        }
        if (c.atEnd()) {
            if (sym != null && off == 0 && !local) {
                Operand b = new Operand(Operand.Kind.BRANCH, pos);
                b.label = first.text();
                return b;
            }
            if (sym == null) {
                // a bare number: an absolute address, as in Go (TEXT/GLOBL read it as flags)
                Operand k = new Operand(Operand.Kind.MEM, pos);
                k.off = off;
                k.bare = true;
                return k;
            }
            throw new AsmError(pos, "expected an addressing mode such as off(REG), sym(SB) or name+off(FP)");
        }
        Token lp = c.next();
        if (!lp.is("(")) {
            throw new AsmError(lp.pos(), "expected '(' in address");
        }
        Token rt = c.next();
        int r = rt.isIdent() ? Reg.lookup(rt.text()) : -1;
        if (r < 0) {
            throw new AsmError(rt.pos(), "expected a register in address, found '" + rt + "'");
        }
        if (c.peek().is("*")) {
            // off(IDX*s): an index without a base, as Go allows
            if (sym != null || !Reg.isGpr(r) || r == Reg.SP) {
                throw new AsmError(rt.pos(), "expected an index register before '*', found '" + rt + "'");
            }
            c.next();
            Token st = c.next();
            long sc = st.kind() == Token.Kind.NUM ? st.value() : -1;
            if (sc != 1 && sc != 2 && sc != 4 && sc != 8) {
                throw new AsmError(st.pos(), "scale must be 1, 2, 4 or 8");
            }
            c.expect(")");
            Operand o = new Operand(Operand.Kind.MEM, pos);
            o.off = off;
            o.index = r;
            o.scale = (int) sc;
            return o;
        }
        c.expect(")");
        Operand o = new Operand(Operand.Kind.MEM, pos);
        o.off = off;
        o.sym = sym;
        switch (r) {
            case Reg.SB -> {
                if (sym == null) {
                    throw new AsmError(rt.pos(), "SB reference needs a symbol, as in name(SB)");
                }
                o.name = local ? Operand.Name.STATIC : Operand.Name.EXTERN;
            }
            case Reg.FP -> {
                if (sym == null) {
                    throw new AsmError(rt.pos(), "cannot reference FP without a symbol name, as in x+" + off + "(FP)");
                }
                o.name = Operand.Name.PARAM;
                o.base = Reg.SP;
            }
            case Reg.PC -> {
                if (sym != null) {
                    throw new AsmError(first.pos(), "n(PC) takes a number, not a name");
                }
                Operand b = new Operand(Operand.Kind.BRANCH, pos);
                b.pcRel = true;
                b.off = off;
                c.end("n(PC) operand");
                return b;
            }
            case Reg.SP -> {
                o.base = Reg.SP;
                if (sym != null) {
                    o.name = Operand.Name.AUTO;
                }
            }
            case Reg.TLS -> o.base = Reg.TLS;
            default -> {
                if (!Reg.isGpr(r)) {
                    throw new AsmError(rt.pos(), "register " + rt.text() + " cannot be an address base");
                }
                if (sym != null) {
                    throw new AsmError(first.pos(), "symbol " + first.text() + " with register " + rt.text()
                            + ": only SB, FP and SP take a name");
                }
                o.base = r;
            }
        }
        if (local && o.name != Operand.Name.STATIC) {
            throw new AsmError(first.pos(), "name<> is only valid with SB");
        }
        if (!c.atEnd() && c.peek().is("(")) {
            c.next();
            Token it = c.next();
            int x = it.isIdent() ? Reg.lookup(it.text()) : -1;
            if (!(Reg.isGpr(x) || x == Reg.TLS) || x == Reg.SP) {
                throw new AsmError(it.pos(), "expected an index register, found '" + it + "'");
            }
            c.expect("*");
            Token st = c.next();
            long s = st.kind() == Token.Kind.NUM ? st.value() : -1;
            if (s != 1 && s != 2 && s != 4 && s != 8) {
                throw new AsmError(st.pos(), "scale must be 1, 2, 4 or 8");
            }
            c.expect(")");
            o.index = x;
            o.scale = (int) s;
            if (x == Reg.TLS && (o.base < 0 || !Reg.isGpr(o.base) || o.name != Operand.Name.NONE)) {
                throw new AsmError(it.pos(), "TLS index wants a register base, as in 0(CX)(TLS*1)");
            }
        }
        return o;
    }

    private static boolean isRegParen(Cursor c) {
        Token n = c.peek(1);
        return n != null && n.isIdent() && Reg.lookup(n.text()) >= 0;
    }

    // ------------------------------------------------------------------ expressions

    private long expr(Cursor c) {
        long v = term(c);
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.is("+")) {
                c.next();
                v += term(c);
            } else if (t.is("-")) {
                c.next();
                v -= term(c);
            } else if (t.is("|")) {
                c.next();
                v |= term(c);
            } else if (t.is("^")) {
                c.next();
                v ^= term(c);
            } else {
                break;
            }
        }
        return v;
    }

    private long term(Cursor c) {
        long v = unary(c);
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.is("*")) {
                c.next();
                v *= unary(c);
            } else if (t.is("/") || t.is("%")) {
                c.next();
                long d = unary(c);
                if (d == 0) {
                    throw new AsmError(t.pos(), "division by zero in constant expression");
                }
                v = t.is("/") ? v / d : v % d;
            } else if (t.is("<<")) {
                c.next();
                long s = unary(c);
                v = s >= 64 || s < 0 ? 0 : v << s;
            } else if (t.is(">>")) {
                c.next();
                long s = unary(c);
                v = s >= 64 || s < 0 ? 0 : v >>> s;
            } else if (t.is("&")) {
                c.next();
                v &= unary(c);
            } else {
                break;
            }
        }
        return v;
    }

    private long unary(Cursor c) {
        Token t = c.next();
        if (++c.depth > 200) {
            throw new AsmError(t.pos(), "constant expression nested too deeply");
        }
        try {
            return unaryInner(c, t);
        } finally {
            c.depth--;
        }
    }

    private long unaryInner(Cursor c, Token t) {
        if (t.is("-")) {
            return -unary(c);
        }
        if (t.is("+")) {
            return unary(c);
        }
        if (t.is("~") || t.is("^")) {
            return ~unary(c);
        }
        if (t.is("(")) {
            long v = expr(c);
            c.expect(")");
            return v;
        }
        if (t.kind() == Token.Kind.NUM || t.kind() == Token.Kind.CHAR) {
            return t.value();
        }
        if (t.isIdent()) {
            throw new AsmError(t.pos(), "undefined name " + t.text() + " in constant expression");
        }
        throw new AsmError(t.pos(), "expected a constant, found '" + t + "'");
    }

    /** A read position in one operand's tokens. */
    private static final class Cursor {
        final List<Token> t;
        int i;
        /** Nesting of unary operators and parentheses, bounded to keep the parser's stack small. */
        int depth;

        Cursor(List<Token> t) {
            this.t = t;
        }

        boolean atEnd() {
            return i >= t.size();
        }

        Token peek() {
            return peek(0);
        }

        Token peek(int k) {
            if (i + k < t.size()) {
                return t.get(i + k);
            }
            Token last = t.get(t.size() - 1);
            Pos p = last.pos();
            return new Token(Token.Kind.OP, "end of operand", 0,
                    new Pos(p.file(), p.line(), p.col() + last.text().length(), p.text()));
        }

        Token next() {
            Token x = peek();
            i++;
            return x;
        }

        boolean accept(String op) {
            if (!atEnd() && peek().is(op)) {
                i++;
                return true;
            }
            return false;
        }

        void expect(String op) {
            Token x = next();
            if (!x.is(op)) {
                throw new AsmError(x.pos(), "expected '" + op + "', found '" + x + "'");
            }
        }

        void end(String what) {
            if (!atEnd()) {
                throw new AsmError(peek().pos(), "unexpected '" + peek() + "' after " + what);
            }
        }
    }
}
