package gmpvm.loader.runtime;

import gmpvm.loader.dwarf.DwarfException;
import gmpvm.loader.dwarf.DwarfTypes;
import gmpvm.loader.elf.ElfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's struct offsets and constants, by go_asm.h's names. For gmpvm's runtime they are
 * read from {@code runtime-asm/go_asm.h}: the same file the runtime's {@code .s} sources include,
 * so the Java side (tests, debugger views, traces) and the guest code agree on one layout. The
 * header holds only {@code #define NAME NUMBER} lines (decimal or 0x hex), comments and blank
 * lines. For a program built by Go's toolchain they come from the program's own DWARF type
 * information under the same names ({@link #forProgram}), with each field's size, so the same
 * views read Go's runtime.
 */
public final class RuntimeLayout {
    private static final Pattern DEFINE = Pattern.compile("#define\\s+(\\w+)\\s+(0x[0-9a-fA-F]+|-?\\d+)\\s*");

    private final Map<String, Long> values;
    private final Map<String, Long> sizes;
    private final String source;
    private final boolean registerAbi;
    private final Map<String, String> variableTypes;

    RuntimeLayout(Map<String, Long> values, Map<String, Long> sizes, String source, boolean registerAbi,
                  Map<String, String> variableTypes) {
        this.values = Collections.unmodifiableMap(values);
        this.sizes = Collections.unmodifiableMap(sizes);
        this.source = source;
        this.registerAbi = registerAbi;
        this.variableTypes = Collections.unmodifiableMap(variableTypes);
    }

    private RuntimeLayout(Map<String, Long> values) {
        this(values, Map.of(), "go_asm.h", false, Map.of());
    }

    /**
     * The layout for this program: from its DWARF when it describes Go's {@code runtime.g} (a
     * binary built by Go's toolchain), else gmpvm's go_asm.h (a program of gmpvm's runtime, or
     * one without a runtime). DWARF that cannot be read counts as absent.
     */
    public static RuntimeLayout forProgram(ElfFile elf) throws IOException {
        try {
            Optional<RuntimeLayout> l = DwarfLayout.build(DwarfTypes.read(elf), "the program's DWARF");
            if (l.isPresent()) {
                return l.get();
            }
        } catch (DwarfException e) {
            // unreadable type information: the program is read as one of gmpvm's runtime
        }
        return load();
    }

    /** Where the numbers come from: {@code go_asm.h} or {@code the program's DWARF}. */
    public String source() {
        return source;
    }

    /** Whether the numbers describe Go's own runtime (a binary built by Go's toolchain) rather than gmpvm's. */
    public boolean goToolchain() {
        return !source.equals("go_asm.h");
    }

    /**
     * Whether the program's Go code passes arguments in registers (Go's internal ABI: AX, BX, CX,
     * DI, SI, R8…; its DWARF producer says {@code regabi}); gmpvm's runtime passes them on the
     * stack, as Go's assembly (ABI0) does.
     */
    public boolean registerAbi() {
        return registerAbi;
    }

    /** The size in bytes of a struct field, when the source says (DWARF does; go_asm.h does not). */
    public OptionalLong size(String name) {
        Long v = sizes.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** A runtime global's type name ({@code runtime.allp} → {@code []*runtime.p}), when the source says. */
    public Optional<String> variableType(String name) {
        return Optional.ofNullable(variableTypes.get(name));
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
            throw new IllegalArgumentException(source + " defines no " + name);
        }
        return v;
    }

    /** Every name and value, in the header's order. */
    public Map<String, Long> all() {
        return values;
    }
}
