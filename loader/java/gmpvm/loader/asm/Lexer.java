package gmpvm.loader.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one logical source line (comments already blanked out) into tokens. Identifiers may
 * contain Go's middle dot {@code ·}, the division slash {@code ∕} and (after the first
 * character) digits and dots, so {@code runtime·gogo} and {@code runtime.gogo} are one token each.
 */
final class Lexer {
    private final String s;
    private final String file;
    private final int line;
    private final String display;
    private final Diagnostics diags;
    private int i;

    private Lexer(String s, String file, int line, String display, Diagnostics diags) {
        this.s = s;
        this.file = file;
        this.line = line;
        this.display = display;
        this.diags = diags;
    }

    /** Tokens of {@code text}; errors go to {@code diags} and the bad character is skipped. */
    static List<Token> lex(String text, String file, int line, String display, Diagnostics diags) {
        return new Lexer(text, file, line, display, diags).run();
    }

    static boolean identStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '\u00b7' || c == '\u2215';
    }

    static boolean identPart(char c) {
        return identStart(c) || Character.isDigit(c) || c == '.';
    }

    private Pos pos(int at) {
        return new Pos(file, line, at + 1, display);
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            int start = i;
            if (identStart(c)) {
                while (i < n && identPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, s.substring(start, i), 0, pos(start)));
            } else if (Character.isDigit(c)) {
                out.add(number(start));
            } else if (c == '\'') {
                Token t = charLit(start);
                if (t != null) {
                    out.add(t);
                }
            } else if (c == '"') {
                Token t = stringLit(start);
                if (t != null) {
                    out.add(t);
                }
            } else if ((c == '<' || c == '>') && i + 1 < n && s.charAt(i + 1) == c) {
                i += 2;
                out.add(new Token(Token.Kind.OP, s.substring(start, i), 0, pos(start)));
            } else if ("()[],$+-*/%&|^~:;#!<>=@".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Token.Kind.OP, String.valueOf(c), 0, pos(start)));
            } else {
                diags.error(pos(start), "unexpected character '" + printable(c) + "'");
                i++;
            }
        }
        return out;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }

    private Token number(int start) {
        int n = s.length();
        int radix = 10;
        if (s.charAt(i) == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            radix = 16;
            i += 2;
        } else if (s.charAt(i) == '0' && i + 1 < n && (s.charAt(i + 1) == 'b' || s.charAt(i + 1) == 'B')) {
            radix = 2;
            i += 2;
        } else if (s.charAt(i) == '0' && i + 1 < n && (s.charAt(i + 1) == 'o' || s.charAt(i + 1) == 'O')) {
            radix = 8;
            i += 2;
        }
        int digits = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String text = s.substring(start, i);
        String body = s.substring(digits, i).replace("_", "");
        if (radix == 10 && i < n && s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
            i++;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
            }
            return new Token(Token.Kind.FLOAT, s.substring(start, i), 0, pos(start));
        }
        if (radix == 10 && body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            body = body.substring(1);
        }
        try {
            if (body.isEmpty()) {
                throw new NumberFormatException();
            }
            long v = Long.parseUnsignedLong(body, radix);
            return new Token(Token.Kind.NUM, text, v, pos(start));
        } catch (NumberFormatException e) {
            diags.error(pos(start), "bad number '" + text + "'");
            return new Token(Token.Kind.NUM, text, 0, pos(start));
        }
    }

    /** Reads one possibly escaped character at i (inside a literal); -1 on error. */
    private int escaped(int litStart) {
        char c = s.charAt(i++);
        if (c != '\\') {
            return c;
        }
        if (i >= s.length()) {
            diags.error(pos(litStart), "unterminated escape");
            return -1;
        }
        char e = s.charAt(i++);
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'v': return 11;
            case '\\': return '\\';
            case '\'': return '\'';
            case '"': return '"';
            case 'x': {
                int v = 0;
                for (int k = 0; k < 2; k++) {
                    int d = i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
                    if (d < 0) {
                        diags.error(pos(i - 1), "bad \\x escape");
                        return -1;
                    }
                    v = v * 16 + d;
                    i++;
                }
                return v;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        v = v * 8 + (s.charAt(i++) - '0');
                    }
                    return v & 0xff;
                }
                diags.error(pos(i - 2), "unknown escape \\" + e);
                return -1;
        }
    }

    private Token charLit(int start) {
        i++;
        if (i >= s.length() || s.charAt(i) == '\'') {
            diags.error(pos(start), "empty or unterminated character literal");
            i = Math.min(i + 1, s.length());
            return null;
        }
        int v = escaped(start);
        if (i >= s.length() || s.charAt(i) != '\'') {
            diags.error(pos(start), "unterminated character literal");
            i = s.length();
            return null;
        }
        i++;
        return v < 0 ? null : new Token(Token.Kind.CHAR, s.substring(start, i), v, pos(start));
    }

    private Token stringLit(int start) {
        i++;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok = true;
        while (true) {
            if (i >= s.length()) {
                diags.error(pos(start), "unterminated string literal");
                return null;
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                break;
            }
            if (c == '\\') {
                int v = escaped(start);
                if (v < 0) {
                    ok = false;
                } else {
                    bytes.write(v);
                }
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i++;
            }
        }
        if (!ok) {
            return null;
        }
        return new Token(Token.Kind.STR, bytes.toString(StandardCharsets.ISO_8859_1), 0, pos(start));
    }
}
