package gmpvm.loader.runtime;

import gmpvm.loader.dwarf.DwarfTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link RuntimeLayout} for a program built by Go's toolchain from its DWARF type
 * information, under the names go_asm.h gives the same things, so the views written for gmpvm's
 * runtime read Go's: every member of a {@code runtime.T} struct is {@code T_member} (a member of
 * a nested struct {@code T_member_inner}, as {@code g_stack_lo}, {@code schedt_runq_head} and
 * {@code p_gFree_n}), with its size; every {@code runtime.C} constant is {@code C}
 * ({@code _Grunning}, {@code waitReasonChanReceive}). A few go_asm.h names have no DWARF twin
 * spelled the same and are derived: {@code runqSize} (the length of {@code p.runq}) and
 * {@code _panic_arg_type} (the type word of the panic's interface value, which Go's DWARF calls
 * {@code _type}).
 */
final class DwarfLayout {
    /** How deep nested struct members are spelled out ({@code p_gFree_gList_head} is three). */
    private static final int DEPTH = 3;
    private static final String RUNTIME = "runtime.";

    private final DwarfTypes types;
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();

    private DwarfLayout(DwarfTypes types) {
        this.types = types;
    }

    /** The layout, or empty when the program does not describe Go's {@code runtime.g}. */
    static Optional<RuntimeLayout> build(DwarfTypes types, String source) {
        if (types.named(RUNTIME + "g").filter(DwarfTypes.Type::isStruct).isEmpty()) {
            return Optional.empty();
        }
        DwarfLayout l = new DwarfLayout(types);
        l.constants();
        l.structs();
        l.derived();
        Map<String, String> varTypes = new LinkedHashMap<>();
        for (String v : new String[] {"allp", "allgs", "allm", "gomaxprocs", "allglen", "sched"}) {
            types.variableType(RUNTIME + v).ifPresent(t -> varTypes.put(RUNTIME + v, t.name()));
        }
        boolean regabi = types.producers().stream().anyMatch(p -> p.contains("regabi"));
        return Optional.of(new RuntimeLayout(l.values, l.sizes, source, regabi, varTypes));
    }

    private void constants() {
        for (Map.Entry<String, Long> c : types.constants().entrySet()) {
            String n = c.getKey();
            if (n.startsWith(RUNTIME) && n.indexOf('.', RUNTIME.length()) < 0) {
                values.putIfAbsent(n.substring(RUNTIME.length()), c.getValue());
            }
        }
    }

    private void structs() {
        for (String name : runtimeStructNames()) {
            types.named(RUNTIME + name).ifPresent(t -> {
                if (t.isStruct()) {
                    fields(name, t, 0, 0);
                }
            });
        }
    }

    /** The runtime structs go_asm.h spells out, in its order; others are not needed by the views. */
    private static String[] runtimeStructNames() {
        return new String[] {"g", "m", "p", "schedt", "gobuf", "stack", "hchan", "waitq", "sudog", "_defer", "_panic",
            "mutex", "note", "funcval", "timer", "sysmontick", "semaRoot", "sigactiont", "siginfo", "sigcontext", "eface"};
    }

    private void fields(String prefix, DwarfTypes.Type t, long base, int depth) {
        for (DwarfTypes.Member m : t.members()) {
            if (m.name() == null) {
                continue;
            }
            String n = prefix + "_" + m.name();
            values.putIfAbsent(n, base + m.offset());
            long size = types.sizeOf(m.type());
            if (size >= 0) {
                sizes.putIfAbsent(n, size);
            }
            if (depth + 1 < DEPTH) {
                types.resolve(m.type()).filter(DwarfTypes.Type::isStruct)
                        .ifPresent(inner -> fields(n, inner, base + m.offset(), depth + 1));
            }
        }
    }

    private void derived() {
        types.named(RUNTIME + "p").flatMap(p -> p.member("runq")).flatMap(m -> types.resolve(m.type()))
                .filter(DwarfTypes.Type::isArray).ifPresent(a -> values.putIfAbsent("runqSize", a.count()));
        alias("_panic_arg_type", "_panic_arg__type");
    }

    private void alias(String name, String of) {
        if (!values.containsKey(name) && values.containsKey(of)) {
            values.put(name, values.get(of));
            if (sizes.containsKey(of)) {
                sizes.put(name, sizes.get(of));
            }
        }
    }
}
