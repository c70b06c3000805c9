package gmpvm.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size on the command line: bytes, or a number with a binary suffix (K, M, G, optionally
 * followed by "iB" or "B", any case): {@code 1073741824}, {@code 512M}, {@code 1GiB}, {@code 2g}.
 */
final class MemSize implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        Long v = parse(value);
        if (v == null) {
            throw new TypeConversionException("'" + value + "' is not a size (bytes, or a number with K, M or G)");
        }
        return v;
    }

    /** The size in bytes, or null when text is not one (or overflows). */
    static Long parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k': shift = 10; break;
                case 'm': shift = 20; break;
                case 'g': shift = 30; break;
                default: break;
            }
        }
        if (shift != 0) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long n = Long.parseLong(s);
        if (n > (Long.MAX_VALUE >> shift)) {
            return null;
        }
        return n << shift;
    }
}
