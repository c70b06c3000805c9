package gmpvm.loader.elf;

/**
 * A file that is not a static x86-64 ELF64 executable we can run. The message is one plain line
 * meant for the user (the CLI prints it after the file name); there is never a cause to show.
 */
public final class ElfException extends Exception {
    public ElfException(String message) {
        super(message, null, false, false);
    }
}
