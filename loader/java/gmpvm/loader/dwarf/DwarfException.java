package gmpvm.loader.dwarf;

/**
 * DWARF data that cannot be read: truncated, an unknown form, a reference outside its section.
 * It carries no stack trace: hostile input raises it often, and the message says what was wrong.
 */
public final class DwarfException extends RuntimeException {
    public DwarfException(String message) {
        super(message, null, false, false);
    }
}
