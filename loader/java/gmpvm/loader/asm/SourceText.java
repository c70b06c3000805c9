package gmpvm.loader.asm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One assembly input: the name errors and the line table show, and its text. {@code dir} is the
 * directory used for {@code #include "x"} relative lookups (null for built-in headers).
 */
public record SourceText(String name, String text, java.nio.file.Path dir) {
    /** Stands where a source's bytes are not UTF-8; the preprocessor reports it with its line and column. */
    static final char NOT_UTF8 = '\uFFFD';

    /** A source file's bytes as text: UTF-8, with each malformed sequence replaced by {@link #NOT_UTF8}. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(NOT_UTF8))
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing decoder failed", e);
        }
    }
}
