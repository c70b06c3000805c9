package gmpvm.loader.asm;

/**
 * A place in an assembly source: file name, 1-based line and column, and the text of that
 * (logical) line, kept so that an error can show the line with a caret under the column.
 */
public record Pos(String file, int line, int col, String text) {
    /** The {@code file:line} form used by the line table and listings. */
    public String fileLine() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
