package gmpvm.loader.dwarf;

/** DWARF data that cannot be read: truncated, an unknown form, a reference outside its section. */
public final class DwarfException extends RuntimeException {
    public DwarfException(String message) {
        super(message);
    }
}
