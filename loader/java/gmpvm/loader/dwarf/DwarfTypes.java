package gmpvm.loader.dwarf;

import gmpvm.loader.elf.ElfFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The type information of a program's {@code .debug_info}: its named types with their sizes,
 * struct members with their offsets, array lengths, package-level constants and the types of
 * global variables, and each unit's producer. This is what a debugger needs to read a runtime's
 * structures (Go's {@code runtime.g}, {@code runtime.m}, …) out of memory without knowing their
 * layout in advance. Entries of other kinds (functions, their parameters and locations) are read
 * past and not kept.
 */
public final class DwarfTypes {
    /** A struct or union member: its name, byte offset and type (the type entry's section offset). */
    public record Member(String name, long offset, long type) {
    }

    /**
     * A type entry: tag (DW_TAG_*), name (null if anonymous), byte size (-1 if not given), the
     * referenced type (typedef, pointer, array element; -1 if none), members (structs and unions)
     * and element count (arrays; -1 if not given).
     */
    public record Type(long offset, int tag, String name, long byteSize, long type, List<Member> members, long count) {
        public boolean isStruct() {
            return tag == Dw.TAG_STRUCTURE_TYPE || tag == Dw.TAG_UNION_TYPE;
        }

        public boolean isArray() {
            return tag == Dw.TAG_ARRAY_TYPE;
        }

        /** The member called name, if there is one. */
        public Optional<Member> member(String name) {
            for (Member m : members) {
                if (name.equals(m.name())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** Tags read as types (a DIE of another tag is not kept). */
    private static final Set<Integer> TYPE_TAGS = Set.of(Dw.TAG_ARRAY_TYPE, 0x04, Dw.TAG_POINTER_TYPE, 0x10,
            Dw.TAG_STRUCTURE_TYPE, 0x15, Dw.TAG_TYPEDEF, Dw.TAG_UNION_TYPE, Dw.TAG_BASE_TYPE, 0x26, 0x35, 0x37, 0x42);

    private static final int POINTER_SIZE = 8;

    private final Map<Long, Type> types;
    private final Map<String, Long> byName;
    private final Map<String, Long> constants;
    private final Map<String, Long> variables;
    private final List<String> producers;

    private DwarfTypes(Map<Long, Type> types, Map<String, Long> byName, Map<String, Long> constants,
                       Map<String, Long> variables, List<String> producers) {
        this.types = types;
        this.byName = byName;
        this.constants = Collections.unmodifiableMap(constants);
        this.variables = variables;
        this.producers = Collections.unmodifiableList(producers);
    }

    /** A program without type information. */
    public static DwarfTypes empty() {
        return new DwarfTypes(Map.of(), Map.of(), new LinkedHashMap<>(), Map.of(), new ArrayList<>());
    }

    /** Reads elf's .debug_info (empty if it has none); malformed information is a {@link DwarfException}. */
    public static DwarfTypes read(ElfFile elf) {
        DwarfSections s = new DwarfSections(elf);
        Optional<byte[]> info = s.get(".debug_info");
        Optional<byte[]> abbrev = s.get(".debug_abbrev");
        if (info.isEmpty() || abbrev.isEmpty()) {
            return empty();
        }
        return read(new DieReader(info.get(), abbrev.get(), s.get(".debug_str").orElse(null),
                s.get(".debug_line_str").orElse(null)));
    }

    private static final class Builder {
        final long offset;
        final int tag;
        final String name;
        final long byteSize;
        final long type;
        final List<Member> members = new ArrayList<>();
        long count = -1;

        Builder(long offset, int tag, String name, long byteSize, long type) {
            this.offset = offset;
            this.tag = tag;
            this.name = name;
            this.byteSize = byteSize;
            this.type = type;
        }
    }

    static DwarfTypes read(DieReader r) {
        Map<Long, Builder> built = new HashMap<>();
        Map<String, Long> byName = new HashMap<>();
        Map<String, Long> constants = new LinkedHashMap<>();
        Map<String, Long> variables = new HashMap<>();
        List<String> producers = new ArrayList<>();
        List<Builder> open = new ArrayList<>(); // open[depth]: the type entry at that depth, or null
        r.read((depth, offset, tag, attrs) -> {
            while (open.size() > depth) {
                open.remove(open.size() - 1);
            }
            Builder parent = depth > 0 && open.size() == depth ? open.get(depth - 1) : null;
            String name = attrs.get(Dw.AT_NAME) instanceof String n ? n : null;
            Builder self = null;
            if (tag == Dw.TAG_COMPILE_UNIT && attrs.get(Dw.AT_PRODUCER) instanceof String p) {
                producers.add(p);
            } else if (TYPE_TAGS.contains(tag)) {
                self = new Builder(offset, tag, name, num(attrs, Dw.AT_BYTE_SIZE), num(attrs, Dw.AT_TYPE));
                built.put(offset, self);
                if (name != null && depth == 1) {
                    byName.putIfAbsent(name, offset);
                }
            } else if (tag == Dw.TAG_MEMBER && parent != null) {
                parent.members.add(new Member(name, memberOffset(attrs.get(Dw.AT_DATA_MEMBER_LOCATION)), num(attrs, Dw.AT_TYPE)));
            } else if (tag == Dw.TAG_SUBRANGE_TYPE && parent != null && parent.tag == Dw.TAG_ARRAY_TYPE) {
                long count = num(attrs, Dw.AT_COUNT);
                long upper = num(attrs, Dw.AT_UPPER_BOUND);
                long n = count >= 0 ? count : (upper >= 0 ? upper + 1 : -1);
                parent.count = parent.count < 0 ? n : parent.count * Math.max(n, 0);
            } else if (tag == Dw.TAG_CONSTANT && name != null && attrs.get(Dw.AT_CONST_VALUE) instanceof Long v) {
                constants.putIfAbsent(name, v);
            } else if (tag == Dw.TAG_VARIABLE && name != null && depth == 1 && attrs.get(Dw.AT_TYPE) instanceof Long t) {
                variables.putIfAbsent(name, t);
            }
            open.add(self);
            return true;
        });
        Map<Long, Type> types = new HashMap<>();
        for (Builder b : built.values()) {
            types.put(b.offset, new Type(b.offset, b.tag, b.name, b.byteSize, b.type, List.copyOf(b.members), b.count));
        }
        return new DwarfTypes(types, byName, constants, variables, producers);
    }

    private static long num(Map<Integer, Object> attrs, int at) {
        return attrs.get(at) instanceof Long v ? v : -1;
    }

    /** DW_AT_data_member_location: a constant, or (DWARF 2) DW_OP_plus_uconst N; absent means 0 (union members). */
    private static long memberOffset(Object v) {
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof byte[] b && b.length >= 2 && (b[0] & 0xff) == Dw.OP_PLUS_UCONST) {
            return new Cursor(b, 1).uleb();
        }
        return 0;
    }

    /** The type entry at this section offset, if there is one. */
    public Optional<Type> type(long offset) {
        return Optional.ofNullable(types.get(offset));
    }

    /** The named type (the first unit's, if several name it), e.g. {@code runtime.g}. */
    public Optional<Type> named(String name) {
        Long off = byName.get(name);
        return off == null ? Optional.empty() : type(off);
    }

    /**
     * The size in bytes of the type at offset: its own DW_AT_byte_size, else a pointer's 8, an
     * array's count times its element's size, a typedef's or qualifier's target's size; -1 when
     * nothing says.
     */
    public long sizeOf(long offset) {
        return sizeOf(offset, 0);
    }

    private long sizeOf(long offset, int depth) {
        for (int hops = depth; hops < 64; hops++) {
            Type t = types.get(offset);
            if (t == null) {
                return -1;
            }
            if (t.byteSize() >= 0) {
                return t.byteSize();
            }
            if (t.tag() == Dw.TAG_POINTER_TYPE || t.tag() == 0x10 || t.tag() == 0x42) {
                return POINTER_SIZE;
            }
            if (t.isArray()) {
                long e = sizeOf(t.type(), hops + 1);
                return e < 0 || t.count() < 0 ? -1 : e * t.count();
            }
            offset = t.type();
        }
        return -1;
    }

    /** The type at offset with typedefs and qualifiers (const, volatile, restrict) looked through. */
    public Optional<Type> resolve(long offset) {
        for (int hops = 0; hops < 64; hops++) {
            Type t = types.get(offset);
            if (t == null || (t.tag() != Dw.TAG_TYPEDEF && t.tag() != 0x26 && t.tag() != 0x35 && t.tag() != 0x37)) {
                return Optional.ofNullable(t);
            }
            offset = t.type();
        }
        return Optional.empty();
    }

    /** A package-level constant's value ({@code runtime._Grunning}), if the program describes it. */
    public OptionalLong constant(String name) {
        Long v = constants.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Every constant, in the order the units give them. */
    public Map<String, Long> constants() {
        return constants;
    }

    /** A global variable's type ({@code runtime.allp}'s is {@code []*runtime.p}), if the program describes it. */
    public Optional<Type> variableType(String name) {
        Long t = variables.get(name);
        return t == null ? Optional.empty() : type(t);
    }

    /** Each unit's DW_AT_producer (Go's says {@code Go cmd/compile go1.19.8; regabi}). */
    public List<String> producers() {
        return producers;
    }
}
