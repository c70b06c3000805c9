package gmpvm.loader.asm;

/**
 * Symbol spelling: Go's assembler writes {@code runtime·gogo} (middle dot) and
 * {@code runtime∕debug·x} (division slash) where binaries show {@code runtime.gogo} and
 * {@code runtime/debug.x}; {@code ·name} means the current package.
 */
final class Symbols {
    private Symbols() {
    }

    /** The spelling as written, with · and ∕ turned into . and /; a leading dot is kept. */
    static String goName(String s) {
        return s.replace('\u00b7', '.').replace('\u2215', '/');
    }

    /** Resolves a leading "." (from {@code ·name}) to the package. */
    static String qualify(String s, String pkg) {
        return s.startsWith(".") ? pkg + s : s;
    }
}
