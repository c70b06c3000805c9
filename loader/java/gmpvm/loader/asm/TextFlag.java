package gmpvm.loader.asm;

/** The TEXT/GLOBL flag bits, with Go's values (see runtime-asm/textflag.h). */
final class TextFlag {
    static final int NOPROF = 1, DUPOK = 2, NOSPLIT = 4, RODATA = 8, NOPTR = 16, WRAPPER = 32,
            NEEDCTXT = 64, TLSBSS = 256, NOFRAME = 512, REFLECTMETHOD = 1024, TOPFRAME = 2048,
            ABIWRAPPER = 4096;

    /** Go's stack constants the split prologue uses (linux/amd64). */
    static final int STACK_SMALL = 128, STACK_BIG = 4096;

    /**
     * The flag names the built-in textflag.h defines (read from it, so the two cannot differ); a
     * source that uses one without including it gets a hint.
     */
    static final java.util.Set<String> NAMES = definedIn(Preprocessor.builtin("textflag.h"));

    private static java.util.Set<String> definedIn(String header) {
        java.util.Set<String> names = new java.util.HashSet<>();
        if (header != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^#define\\s+(\\w+)").matcher(header);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return java.util.Set.copyOf(names);
    }

    private TextFlag() {
    }
}
