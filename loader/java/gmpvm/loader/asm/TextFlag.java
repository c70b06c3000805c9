package gmpvm.loader.asm;

/** The TEXT/GLOBL flag bits, with Go's values (see runtime-asm/textflag.h). */
final class TextFlag {
    static final int NOPROF = 1, DUPOK = 2, NOSPLIT = 4, RODATA = 8, NOPTR = 16, WRAPPER = 32,
            NEEDCTXT = 64, TLSBSS = 256, NOFRAME = 512, REFLECTMETHOD = 1024, TOPFRAME = 2048,
            ABIWRAPPER = 4096;

    /** Go's stack constants the split prologue uses (linux/amd64). */
    static final int STACK_SMALL = 128, STACK_BIG = 4096;

    /** The flag names textflag.h defines; a source that uses one without including it gets a hint. */
    static final java.util.Set<String> NAMES = java.util.Set.of("NOPROF", "DUPOK", "NOSPLIT", "RODATA", "NOPTR",
            "WRAPPER", "NEEDCTXT", "TLSBSS", "NOFRAME", "REFLECTMETHOD", "TOPFRAME", "ABIWRAPPER");

    private TextFlag() {
    }
}
