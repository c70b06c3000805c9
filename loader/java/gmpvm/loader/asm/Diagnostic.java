package gmpvm.loader.asm;

/** One error found in assembly input: where and what, formatted as {@code file:line:col: message}. */
public record Diagnostic(Pos pos, String message) {
    /** The message line, then the source line and a caret under the column (when known). */
    public String format() {
        if (pos == null) {
            return "asm: " + message;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pos).append(": ").append(message);
        String text = pos.text();
        if (text != null) {
            sb.append('\n').append(text).append('\n');
            int upto = Math.min(Math.max(pos.col() - 1, 0), text.length());
            for (int i = 0; i < upto; i++) {
                sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            sb.append('^');
        }
        return sb.toString();
    }
}
