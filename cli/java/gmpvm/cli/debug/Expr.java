package gmpvm.cli.debug;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.loader.debug.DebugInfo;
import java.util.OptionalLong;

/**
 * The debugger's small expression language, as gdb reads addresses: numbers ({@code 0x408b30},
 * {@code 42}), registers ({@code $rax}, {@code $pc}, {@code $sp}, {@code $fp}, {@code $eflags},
 * {@code $fs_base}, {@code $g} — the g in TLS), symbols ({@code runtime.sched},
 * {@code runtime·sched}, {@code &runtime.sched}: their address), go_asm.h names
 * ({@code schedt_runqsize}: their value), {@code + - *} and parentheses, and {@code *EXPR}
 * (the 8 bytes at EXPR).
 */
final class Expr {
    private final Session s;
    private final String text;
    private int pos;

    private Expr(Session s, String text) {
        this.s = s;
        this.text = text;
    }

    /** Evaluates text; a problem is an IllegalArgumentException with gdb-like wording. */
    static long eval(Session s, String text) {
        Expr e = new Expr(s, text.strip());
        if (e.text.isEmpty()) {
            throw new IllegalArgumentException("Argument required (expression to compute).");
        }
        long v = e.sum();
        e.skip();
        if (e.pos < e.text.length()) {
            throw new IllegalArgumentException("A syntax error in expression, near `" + e.text.substring(e.pos) + "'.");
        }
        return v;
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private long sum() {
        long v = product();
        while (true) {
            skip();
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                char op = text.charAt(pos++);
                long r = product();
                v = op == '+' ? v + r : v - r;
            } else {
                return v;
            }
        }
    }

    private long product() {
        long v = unary();
        while (true) {
            skip();
            if (pos < text.length() && text.charAt(pos) == '*') {
                pos++;
                v *= unary();
            } else {
                return v;
            }
        }
    }

    private long unary() {
        skip();
        if (pos >= text.length()) {
            throw new IllegalArgumentException("A syntax error in expression, near `'.");
        }
        char c = text.charAt(pos);
        if (c == '*') {
            pos++;
            long a = unary();
            return s.read64(a);
        }
        if (c == '-') {
            pos++;
            return -unary();
        }
        if (c == '&') {
            pos++;
            return unary();
        }
        if (c == '(') {
            pos++;
            long v = sum();
            skip();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new IllegalArgumentException("A syntax error in expression: missing ')'.");
            }
            pos++;
            return v;
        }
        int start = pos;
        if (c == '$') {
            pos++;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos)) || pos < text.length() && text.charAt(pos) == '_') {
                pos++;
            }
            return register(text.substring(start + 1, pos));
        }
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "+-*()".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw new IllegalArgumentException("A syntax error in expression, near `" + text.substring(start) + "'.");
        }
        if (Character.isDigit(word.charAt(0))) {
            return DebugInfo.parseNumber(word);
        }
        long a = s.info().symbol(word);
        if (a >= 0) {
            return a;
        }
        if (s.go() != null) {
            OptionalLong v = s.go().layout().find(word);
            if (v.isPresent()) {
                return v.getAsLong();
            }
        }
        throw new IllegalArgumentException("No symbol \"" + word + "\" in current context.");
    }

    /** A register of the selected thread by gdb's name. */
    private long register(String name) {
        CpuState c = s.thread().cpu();
        switch (name) {
            case "pc", "rip":
                return c.rip;
            case "sp":
                return c.r[CpuState.RSP];
            case "fp":
                return c.r[CpuState.RBP];
            case "eflags", "rflags":
                return c.rflags();
            case "fs_base":
                return c.fsBase;
            case "gs_base":
                return c.gsBase;
            case "g":
                return s.go() == null ? 0 : s.go().gOf(s.thread());
            default:
                int r = Session.registerNumber(name);
                if (r < 0) {
                    throw new IllegalArgumentException("Invalid register `" + name + "'.");
                }
                return c.r[r];
        }
    }
}
