package gmpvm.loader.elf;

/** One symbol from .symtab: its name, value (address, already relocated for PIE), size and type. */
public record Symbol(String name, long value, long size, int type) {
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;
}
