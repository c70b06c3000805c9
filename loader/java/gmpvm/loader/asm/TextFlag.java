package gmpvm.loader.asm;

/** The TEXT/GLOBL flag bits, with Go's values (see runtime-asm/textflag.h). */
final class TextFlag {
    static final int NOPROF = 1, DUPOK = 2, NOSPLIT = 4, RODATA = 8, NOPTR = 16, WRAPPER = 32,
            NEEDCTXT = 64, TLSBSS = 256, NOFRAME = 512, REFLECTMETHOD = 1024, TOPFRAME = 2048,
            ABIWRAPPER = 4096;

    /** Go's stack constants the split prologue uses (linux/amd64). */
    static final int STACK_SMALL = 128, STACK_BIG = 4096;

    private TextFlag() {
    }
}
