package gmpvm.loader.asm;

/**
 * One lexical token of an assembly line. {@code text} is the spelling (for strings: the decoded
 * contents), {@code value} the numeric value of numbers and character literals.
 */
record Token(Kind kind, String text, long value, Pos pos) {
    enum Kind { IDENT, NUM, CHAR, STR, FLOAT, OP }

    boolean is(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    Token at(Pos p) {
        return new Token(kind, text, value, p);
    }

    @Override
    public String toString() {
        return kind == Kind.STR ? "\"" + text + "\"" : text;
    }
}
