package gmpvm.loader.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.LineTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Line programs written by hand: the opcodes a compiler rarely uses, and input that lies (lengths
 * past the end, counts of empty entries, 64-bit DWARF, unknown forms and versions). Each gives a
 * table, a partial one or null; none throws or allocates from a count it read.
 */
class LineProgramHostileTest {
    static final LongPredicate ANY = pc -> true;

    @Test
    void everyStandardAndExtendedOpcode() {
        Bytes p = new Bytes();
        p.ext(2).u64(0x401000); // set_address
        p.u8(1); // copy: 0x401000 a.c:1
        p.u8(3).sleb(9); // advance_line 10
        p.u8(2).uleb(4); // advance_pc 4
        p.u8(5).uleb(7).u8(6).u8(7).u8(10).u8(11).u8(12).uleb(0); // column, negate_stmt, basic_block, prologue, epilogue, isa
        p.u8(1); // 0x401004 a.c:10
        p.u8(8); // const_add_pc: (255-13)/14 = 17
        p.u8(9).u16(3); // fixed_advance_pc 3
        p.u8(4).uleb(2); // set_file 2
        p.u8(1); // 0x401018 dir/b.c:10
        p.ext(4).uleb(5); // set_discriminator
        p.ext(3).cstr("c.c").uleb(0).uleb(0).uleb(0); // define_file 3
        p.u8(4).uleb(3);
        p.u8(13 + 2 * 14 + 6); // special: address +2, line +1: 0x40101a c.c:11
        p.ext(0x80).u8(1).u8(2); // an unknown extended opcode, skipped by its length
        p.u8(2).uleb(6).ext(1); // end at 0x401020
        LineTable t = read(unit(4, p.toArray()));
        assertNotNull(t);
        assertEquals(new LineTable.Line("a.c", 1), t.lookup(0x401000));
        assertEquals(new LineTable.Line("a.c", 1), t.lookup(0x401003));
        assertEquals(new LineTable.Line("a.c", 10), t.lookup(0x401004));
        assertEquals(new LineTable.Line("a.c", 10), t.lookup(0x401017));
        assertEquals(new LineTable.Line("dir/b.c", 10), t.lookup(0x401018));
        assertEquals(new LineTable.Line("c.c", 11), t.lookup(0x40101a));
        assertEquals(new LineTable.Line("c.c", 11), t.lookup(0x40101f));
        assertNull(t.lookup(0x401020));
        assertNull(t.lookup(0x400fff));
    }

    @Test
    void lineZeroAndUnknownFilesHaveNoSource() {
        Bytes p = new Bytes();
        p.ext(2).u64(0x1000).u8(1);
        p.u8(3).sleb(-1).u8(2).uleb(2).u8(1); // line 0 at 0x1002
        p.u8(3).sleb(5).u8(4).uleb(9).u8(2).uleb(2).u8(1); // file 9 does not exist, at 0x1004
        p.u8(4).uleb(0).u8(2).uleb(2).u8(1); // file 0 before version 5: none, at 0x1006
        p.u8(2).uleb(2).ext(1);
        LineTable t = read(unit(4, p.toArray()));
        assertEquals(new LineTable.Line("a.c", 1), t.lookup(0x1001));
        assertNull(t.lookup(0x1002));
        assertNull(t.lookup(0x1004));
        assertNull(t.lookup(0x1006));
    }

    @Test
    void sequencesAreSortedAndOverlapsAndOutsideTextDropped() {
        Bytes p = new Bytes();
        p.ext(2).u64(0x2000).u8(1).u8(2).uleb(0x10).ext(1); // [0x2000, 0x2010) a.c:1
        p.ext(2).u64(0x1000).u8(3).sleb(1).u8(1).u8(2).uleb(0x10).ext(1); // [0x1000, 0x1010) a.c:2
        p.ext(2).u64(0x1008).u8(3).sleb(2).u8(1).u8(2).uleb(0x10).ext(1); // overlaps: dropped
        p.ext(2).u64(0).u8(3).sleb(3).u8(1).u8(2).uleb(0x10).ext(1); // a discarded function at 0
        LineTable t = LineProgram.read(unit(4, p.toArray()), null, null, pc -> pc >= 0x1000);
        assertEquals(new LineTable.Line("a.c", 2), t.lookup(0x100f));
        assertNull(t.lookup(0x1010));
        assertEquals(new LineTable.Line("a.c", 1), t.lookup(0x2000));
        assertNull(t.lookup(0x5));
        assertEquals(4, t.size(), "two sequences: a row and an end each");
    }

    @Test
    void version5NamesFromLineStrAndDirectories() {
        byte[] lineStr = "/home/u\0src\0m.c\0".getBytes(StandardCharsets.US_ASCII);
        Bytes h = new Bytes();
        h.u8(1).uleb(1).uleb(0x1f); // directories: path as line_strp
        h.uleb(2).u32(0).u32(8); // "/home/u", "src"
        h.u8(3).uleb(1).uleb(0x1f).uleb(2).uleb(0x0b).uleb(5).uleb(0x1e); // files: path, dir index (data1), MD5 (data16)
        h.uleb(2);
        h.u32(12).u8(0).bytes(new byte[16]); // m.c in /home/u
        h.u32(12).u8(1).bytes(new byte[16]); // m.c in src, relative to /home/u
        Bytes p = new Bytes();
        p.ext(2).u64(0x1000).u8(4).uleb(0).u8(1).u8(4).uleb(1).u8(2).uleb(1).u8(1).u8(2).uleb(1).ext(1);
        LineTable t = LineProgram.read(unit5(h.toArray(), p.toArray()), lineStr, null, ANY);
        assertEquals(new LineTable.Line("/home/u/m.c", 1), t.lookup(0x1000));
        assertEquals(new LineTable.Line("/home/u/src/m.c", 1), t.lookup(0x1001));
        // the same with a .debug_line_str too short: the unit is skipped
        assertNull(LineProgram.read(unit5(h.toArray(), p.toArray()), Arrays.copyOf(lineStr, 10), null, ANY));
        // an unknown form in the formats: the unit is skipped
        byte[] bad = h.toArray();
        bad[2] = 0x25; // DW_FORM_strx1
        assertNull(LineProgram.read(unit5(bad, p.toArray()), lineStr, null, ANY));
    }

    @Test
    void liesAboutSizesAndCounts() {
        Bytes p = new Bytes();
        p.ext(2).u64(0x1000).u8(1).u8(2).uleb(4).ext(1);
        byte[] good = unit(4, p.toArray());
        assertNotNull(read(good));
        // 64-bit DWARF and the reserved lengths are refused
        byte[] dw64 = good.clone();
        dw64[0] = dw64[1] = dw64[2] = dw64[3] = (byte) 0xff;
        assertNull(read(dw64));
        // a length past the end: the unit is read to the end of the section
        byte[] longer = good.clone();
        longer[3] = 0x40;
        assertNotNull(read(longer));
        // versions 1 and 6
        for (int v : new int[] {1, 6}) {
            byte[] u = good.clone();
            u[4] = (byte) v;
            assertNull(read(u), "version " + v);
        }
        // a header length past the unit
        byte[] hdr = good.clone();
        hdr[8] = (byte) 0xff;
        assertNull(read(hdr));
        // a version 5 table of 2^63 entries of no bytes
        Bytes h = new Bytes();
        h.u8(0).uleb(Long.MAX_VALUE);
        assertNull(LineProgram.read(unit5(h.toArray(), p.toArray()), null, null, ANY));
        // line_range 0 would divide by zero
        byte[] range = good.clone();
        range[4 + 2 + 4 + 4] = 0;
        assertNull(read(range));
        // an extended opcode whose length runs past the unit; the sequence before it stays
        Bytes q = new Bytes();
        q.ext(2).u64(0x1000).u8(1).u8(2).uleb(4).ext(1);
        q.u8(0).uleb(1000).u8(1);
        LineTable partial = read(unit(4, q.toArray()));
        assertEquals(new LineTable.Line("a.c", 1), partial.lookup(0x1002));
        // a sequence never ended adds nothing
        Bytes r = new Bytes();
        r.ext(2).u64(0x1000).u8(1).u8(2).uleb(4);
        assertNull(read(unit(4, r.toArray())));
        // an address that goes backwards inside a sequence: that row is dropped, the order kept
        Bytes s = new Bytes();
        s.ext(2).u64(0x1000).u8(1).ext(2).u64(0x900).u8(1).ext(2).u64(0x1010).u8(1).ext(1);
        LineTable back = read(unit(4, s.toArray()));
        assertEquals(new LineTable.Line("a.c", 1), back.lookup(0x1000));
        long[] pcs = back.rowPcs();
        for (int i = 1; i < pcs.length; i++) {
            assertTrue(pcs[i - 1] < pcs[i]);
        }
        // nothing at all, or a few bytes
        assertNull(read(new byte[0]));
        assertNull(read(new byte[] {1, 0, 0}));
    }

    @Test
    void aLongProgramOfSpecialOpcodes() {
        Bytes p = new Bytes();
        p.ext(2).u64(0x1000);
        for (int i = 0; i < 100_000; i++) {
            p.u8(13 + 14 + 6); // special: address +1, line +1
        }
        p.ext(1);
        LineTable t = read(unit(2, p.toArray()));
        // rows at 0x1001 (line 2) to 0x1000+99,999 (line 100,000); the end replaces the row at 0x1000+100,000
        assertEquals(100_000, t.size());
        assertNull(t.lookup(0x1000));
        assertEquals(new LineTable.Line("a.c", 2), t.lookup(0x1001));
        assertEquals(new LineTable.Line("a.c", 100_000), t.lookup(0x1000 + 99_999));
        assertNull(t.lookup(0x1000 + 100_000));
    }

    // ------------------------------------------------------------------ writing units

    static LineTable read(byte[] section) {
        return LineProgram.read(section, null, null, ANY);
    }

    /** A unit of version 2, 3 or 4: line_base -5, line_range 14, opcode_base 13; include dir "dir"; files a.c, dir/b.c. */
    static byte[] unit(int version, byte[] program) {
        Bytes h = new Bytes();
        h.u8(1);
        if (version >= 4) {
            h.u8(1);
        }
        h.u8(1).u8(-5 & 0xff).u8(14).u8(13);
        h.bytes(new byte[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1});
        h.cstr("dir").u8(0);
        h.cstr("a.c").uleb(0).uleb(0).uleb(0).cstr("b.c").uleb(1).uleb(0).uleb(0).u8(0);
        byte[] hdr = h.toArray();
        Bytes u = new Bytes();
        u.u16(version).u32(hdr.length).bytes(hdr).bytes(program);
        byte[] body = u.toArray();
        return new Bytes().u32(body.length).bytes(body).toArray();
    }

    /** A version 5 unit with these directory and file tables (formats and entries). */
    static byte[] unit5(byte[] tables, byte[] program) {
        Bytes h = new Bytes();
        h.u8(1).u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(13);
        h.bytes(new byte[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1});
        h.bytes(tables);
        byte[] hdr = h.toArray();
        Bytes u = new Bytes();
        u.u16(5).u8(8).u8(0).u32(hdr.length).bytes(hdr).bytes(program);
        byte[] body = u.toArray();
        return new Bytes().u32(body.length).bytes(body).toArray();
    }

    /** Little-endian bytes, LEB128 and C strings. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v & 0xff).u8(v >>> 8 & 0xff);
        }

        Bytes u32(int v) {
            return u16(v & 0xffff).u16(v >>> 16);
        }

        Bytes u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        Bytes uleb(long v) {
            do {
                int b = (int) (v & 0x7f);
                v >>>= 7;
                u8(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        Bytes sleb(long v) {
            while (true) {
                int b = (int) (v & 0x7f);
                v >>= 7;
                if (v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0) {
                    return u8(b);
                }
                u8(b | 0x80);
            }
        }

        Bytes cstr(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
        }

        Bytes bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        /** An extended opcode's introduction: 0, then its length (computed by the caller's bytes), then the opcode. */
        Bytes ext(int op) {
            int len = switch (op) {
                case 1 -> 1;
                case 2 -> 9;
                case 4 -> 2;
                case 3 -> 8;
                default -> 3;
            };
            return u8(0).uleb(len).u8(op);
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
