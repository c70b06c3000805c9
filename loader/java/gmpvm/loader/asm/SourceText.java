package gmpvm.loader.asm;

/**
 * One assembly input: the name errors and the line table show, and its text. {@code dir} is the
 * directory used for {@code #include "x"} relative lookups (null for built-in headers).
 */
public record SourceText(String name, String text, java.nio.file.Path dir) {
}
