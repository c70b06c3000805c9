package gmpvm.loader.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * One unit's abbreviation table from {@code .debug_abbrev}: for each code, the DIE's tag,
 * whether it has children, and its attributes with their forms (and DW_FORM_implicit_const's
 * value, which lives here rather than in the DIE).
 */
final class Abbrevs {
    /** An attribute specification: DW_AT_*, DW_FORM_*, and the implicit constant if that is the form. */
    record Spec(int attr, int form, long implicit) {
    }

    /** An abbreviation: tag, children flag, attribute specifications in order. */
    record Abbrev(int tag, boolean children, Spec[] specs) {
    }

    private final Map<Long, Abbrev> byCode = new HashMap<>();

    /** Parses the table at offset off of the .debug_abbrev bytes. */
    static Abbrevs parse(byte[] section, long off) {
        if (off < 0 || off >= section.length) {
            throw new DwarfException("abbreviation offset 0x" + Long.toHexString(off) + " outside .debug_abbrev");
        }
        Abbrevs t = new Abbrevs();
        Cursor c = new Cursor(section, (int) off);
        while (true) {
            long code = c.uleb();
            if (code == 0) {
                return t;
            }
            int tag = (int) c.uleb();
            boolean children = c.u8() != 0;
            java.util.List<Spec> specs = new java.util.ArrayList<>();
            while (true) {
                int attr = (int) c.uleb();
                int form = (int) c.uleb();
                if (attr == 0 && form == 0) {
                    break;
                }
                long implicit = form == Dw.FORM_IMPLICIT_CONST ? c.sleb() : 0;
                specs.add(new Spec(attr, form, implicit));
            }
            t.byCode.put(code, new Abbrev(tag, children, specs.toArray(new Spec[0])));
        }
    }

    Abbrev get(long code) {
        Abbrev a = byCode.get(code);
        if (a == null) {
            throw new DwarfException("unknown abbreviation code " + code);
        }
        return a;
    }
}
