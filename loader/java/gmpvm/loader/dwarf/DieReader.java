package gmpvm.loader.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * Walks the debugging information entries of {@code .debug_info}, unit by unit (DWARF 2 to 5,
 * 32-bit format; a 64-bit unit is skipped whole), and hands each entry to a visitor with its
 * depth, section offset, tag and attributes. Attribute values are decoded to {@code Long}
 * (constants, addresses, flags, and references made section-absolute), {@code String} (inline,
 * .debug_str and .debug_line_str strings) or {@code byte[]} (blocks and expressions); strings
 * through a string-offsets table (DW_FORM_strx*) and indexed addresses are left out.
 */
final class DieReader {
    /** Receives every entry; return false to skip the rest of the unit. */
    interface Visitor {
        boolean entry(int depth, long offset, int tag, Map<Integer, Object> attrs);
    }

    private final byte[] info;
    private final byte[] abbrev;
    private final byte[] str;
    private final byte[] lineStr;

    DieReader(byte[] info, byte[] abbrev, byte[] str, byte[] lineStr) {
        this.info = info;
        this.abbrev = abbrev;
        this.str = str;
        this.lineStr = lineStr;
    }

    /** Abbreviation tables by offset: Go's units all share the one at 0. */
    private final Map<Long, Abbrevs> tables = new HashMap<>();

    /** Visits every unit's entries in section order. */
    void read(Visitor v) {
        Cursor c = new Cursor(info, 0);
        while (c.length() - c.pos >= 11) {
            int unitStart = c.pos;
            long len = c.u32();
            if (len == 0xffffffffL) {
                return; // 64-bit DWARF: its lengths are 8 bytes; not written by the toolchains read here
            }
            if (len < 7 || len > c.length() - c.pos) {
                throw new DwarfException("unit at 0x" + Integer.toHexString(unitStart) + " has a bad length");
            }
            int end = c.pos + (int) len;
            int version = c.u16();
            long abbrevOff;
            int addrSize;
            if (version >= 5) {
                int unitType = c.u8();
                addrSize = c.u8();
                abbrevOff = c.u32();
                switch (unitType) {
                    case 2, 6 -> c.skip(12); // type signature and type offset
                    case 4, 5 -> c.skip(8); // dwo id
                    default -> { }
                }
            } else if (version >= 2) {
                abbrevOff = c.u32();
                addrSize = c.u8();
            } else {
                throw new DwarfException("unit at 0x" + Integer.toHexString(unitStart) + " has version " + version);
            }
            Abbrevs table = tables.computeIfAbsent(abbrevOff, o -> Abbrevs.parse(abbrev, o));
            entries(new Cursor(info, c.pos, end), unitStart, addrSize, version, table, v);
            c.pos = end;
        }
    }

    private void entries(Cursor c, int unitStart, int addrSize, int version, Abbrevs table, Visitor v) {
        int depth = 0;
        while (!c.atEnd()) {
            long offset = c.pos;
            long code = c.uleb();
            if (code == 0) {
                depth--;
                if (depth < 0) {
                    return;
                }
                continue;
            }
            Abbrevs.Abbrev a = table.get(code);
            Map<Integer, Object> attrs = new HashMap<>();
            for (Abbrevs.Spec s : a.specs()) {
                Object val = value(c, s.form(), s.implicit(), unitStart, addrSize, version);
                if (val != null) {
                    attrs.put(s.attr(), val);
                }
            }
            if (!v.entry(depth, offset, a.tag(), attrs)) {
                return;
            }
            if (a.children()) {
                depth++;
            }
        }
    }

    private Object value(Cursor c, int form, long implicit, int unitStart, int addrSize, int version) {
        return switch (form) {
            case Dw.FORM_ADDR -> c.unsigned(addrSize);
            case Dw.FORM_DATA1, Dw.FORM_FLAG -> (long) c.u8();
            case Dw.FORM_DATA2 -> (long) c.u16();
            case Dw.FORM_DATA4 -> c.u32();
            case Dw.FORM_DATA8, Dw.FORM_REF_SIG8 -> c.u64();
            case Dw.FORM_DATA16 -> c.bytes(16);
            case Dw.FORM_SDATA -> c.sleb();
            case Dw.FORM_UDATA -> c.uleb();
            case Dw.FORM_STRING -> c.cstring();
            case Dw.FORM_STRP -> string(str, c.u32());
            case Dw.FORM_LINE_STRP -> string(lineStr, c.u32());
            case Dw.FORM_REF1 -> unitStart + (long) c.u8();
            case Dw.FORM_REF2 -> unitStart + (long) c.u16();
            case Dw.FORM_REF4 -> unitStart + c.u32();
            case Dw.FORM_REF8 -> unitStart + c.u64();
            case Dw.FORM_REF_UDATA -> unitStart + c.uleb();
            case Dw.FORM_REF_ADDR -> version == 2 ? c.unsigned(addrSize) : c.u32();
            case Dw.FORM_SEC_OFFSET, Dw.FORM_STRP_SUP, Dw.FORM_REF_SUP4 -> c.u32();
            case Dw.FORM_REF_SUP8 -> c.u64();
            case Dw.FORM_FLAG_PRESENT -> 1L;
            case Dw.FORM_IMPLICIT_CONST -> implicit;
            case Dw.FORM_EXPRLOC, Dw.FORM_BLOCK -> c.bytes(c.uleb());
            case Dw.FORM_BLOCK1 -> c.bytes(c.u8());
            case Dw.FORM_BLOCK2 -> c.bytes(c.u16());
            case Dw.FORM_BLOCK4 -> c.bytes(c.u32());
            case Dw.FORM_STRX, Dw.FORM_ADDRX, Dw.FORM_LOCLISTX, Dw.FORM_RNGLISTX -> {
                c.uleb();
                yield null;
            }
            case Dw.FORM_STRX1, Dw.FORM_STRX2, Dw.FORM_STRX3, Dw.FORM_STRX4, Dw.FORM_ADDRX1, Dw.FORM_ADDRX2,
                 Dw.FORM_ADDRX3, Dw.FORM_ADDRX4 -> {
                // an index of 1 to 4 bytes: strx1..strx4 are 0x25..0x28, addrx1..addrx4 0x29..0x2c
                c.skip(form <= Dw.FORM_STRX4 ? form - Dw.FORM_STRX1 + 1 : form - Dw.FORM_ADDRX1 + 1);
                yield null;
            }
            case Dw.FORM_INDIRECT -> value(c, (int) c.uleb(), implicit, unitStart, addrSize, version);
            default -> throw new DwarfException("unknown attribute form 0x" + Integer.toHexString(form));
        };
    }

    private static String string(byte[] section, long off) {
        if (section == null) {
            return null;
        }
        return new Cursor(section, 0).stringAt(off);
    }
}
