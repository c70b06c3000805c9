package gmpvm.loader.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's struct offsets and constants, read from {@code runtime-asm/go_asm.h}: the same
 * file the runtime's {@code .s} sources include, so the Java side (tests, debugger views) and
 * the guest code agree on one layout. The header holds only {@code #define NAME NUMBER} lines
 * (decimal or 0x hex), comments and blank lines.
 */
public final class RuntimeLayout {
    private static final Pattern DEFINE = Pattern.compile("#define\\s+(\\w+)\\s+(0x[0-9a-fA-F]+|-?\\d+)\\s*");

    private final Map<String, Long> values;

    private RuntimeLayout(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses header text; a line that is neither a comment, blank, nor a numeric define is an error. */
    public static RuntimeLayout parse(String text) {
        Map<String, Long> vals = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            Matcher m = DEFINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("go_asm.h:" + lineNo + ": not a numeric #define: " + line);
            }
            String v = m.group(2);
            long n = v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
            if (vals.put(m.group(1), n) != null) {
                throw new IllegalArgumentException("go_asm.h:" + lineNo + ": " + m.group(1) + " defined twice");
            }
        }
        return new RuntimeLayout(vals);
    }

    /** The layout shipped in the jar (runtime-asm/go_asm.h on the classpath). */
    public static RuntimeLayout load() throws IOException {
        try (InputStream in = RuntimeLayout.class.getResourceAsStream("/runtime-asm/go_asm.h")) {
            if (in == null) {
                throw new IOException("runtime-asm/go_asm.h is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The value of NAME, if defined. */
    public OptionalLong find(String name) {
        Long v = values.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The value of NAME; an unknown name is an error. */
    public long get(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("go_asm.h defines no " + name);
        }
        return v;
    }

    /** Every name and value, in the header's order. */
    public Map<String, Long> all() {
        return values;
    }
}
