package gmpvm.loader.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same PC → line rows as {@link LineTable}, written as minimal DWARF 4 so that stock tools
 * (gdb, {@code objdump -l}, {@code readelf --debug-dump=decodedline}) show the .s source: one
 * compile unit in {@code .debug_info} (language Mips_Assembler, the generic assembler code,
 * covering the whole text) whose {@code DW_AT_stmt_list} points at a {@code .debug_line}
 * program with one sequence per function.
 */
final class DwarfLines {
    private static final int DW_LANG_MIPS_ASSEMBLER = 0x8001;

    /** One sequence: a function's start, end and rows (address, file, line). */
    record Seq(long start, long end, List<long[]> rows) {
    }

    private final List<Seq> seqs = new ArrayList<>();
    private final Map<String, Integer> files = new LinkedHashMap<>();

    void function(long start, long end, List<Func.LineRow> rows) {
        List<long[]> r = new ArrayList<>();
        for (Func.LineRow row : rows) {
            int f = files.computeIfAbsent(row.pos().file(), k -> files.size() + 1);
            r.add(new long[] {start + row.offset(), f, row.pos().line()});
        }
        seqs.add(new Seq(start, end, r));
    }

    /** .debug_abbrev, .debug_info, .debug_line, in that order. */
    byte[][] sections(long lowPc, long highPc, String name, String compDir) {
        Out abbrev = new Out();
        abbrev.uleb(1).uleb(0x11).u8(0); // abbrev 1: DW_TAG_compile_unit, no children
        abbrev.uleb(0x03).uleb(0x08); // DW_AT_name, DW_FORM_string
        abbrev.uleb(0x1b).uleb(0x08); // DW_AT_comp_dir, DW_FORM_string
        abbrev.uleb(0x25).uleb(0x08); // DW_AT_producer, DW_FORM_string
        abbrev.uleb(0x13).uleb(0x05); // DW_AT_language, DW_FORM_data2
        abbrev.uleb(0x10).uleb(0x17); // DW_AT_stmt_list, DW_FORM_sec_offset
        abbrev.uleb(0x11).uleb(0x01); // DW_AT_low_pc, DW_FORM_addr
        abbrev.uleb(0x12).uleb(0x07); // DW_AT_high_pc, DW_FORM_data8 (length)
        abbrev.u8(0).u8(0).u8(0);

        Out cu = new Out();
        cu.uleb(1).str(name).str(compDir).str("gmpvm asm").u16(DW_LANG_MIPS_ASSEMBLER).u32(0).u64(lowPc)
                .u64(highPc - lowPc);
        Out info = new Out();
        info.u32(2 + 4 + 1 + cu.size()).u16(4).u32(0).u8(8).bytes(cu.toArray());

        Out hdr = new Out();
        hdr.u8(1).u8(1).u8(1); // min_inst_length, max_ops_per_inst, default_is_stmt
        hdr.u8(-5 & 0xff).u8(14).u8(13); // line_base, line_range, opcode_base
        for (int n : new int[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1}) {
            hdr.u8(n);
        }
        hdr.u8(0); // no include directories
        for (String f : files.keySet()) {
            hdr.str(f).uleb(0).uleb(0).uleb(0);
        }
        hdr.u8(0);
        Out prog = new Out();
        for (Seq s : seqs) {
            prog.u8(0).uleb(9).u8(2).u64(s.start()); // DW_LNE_set_address
            long addr = s.start();
            long file = 1;
            long line = 1;
            for (long[] r : s.rows()) {
                if (r[1] != file) {
                    prog.u8(4).uleb(r[1]); // DW_LNS_set_file
                    file = r[1];
                }
                if (r[2] != line) {
                    prog.u8(3).sleb(r[2] - line); // DW_LNS_advance_line
                    line = r[2];
                }
                if (r[0] != addr) {
                    prog.u8(2).uleb(r[0] - addr); // DW_LNS_advance_pc
                    addr = r[0];
                }
                prog.u8(1); // DW_LNS_copy
            }
            if (s.end() != addr) {
                prog.u8(2).uleb(s.end() - addr);
            }
            prog.u8(0).uleb(1).u8(1); // DW_LNE_end_sequence
        }
        Out line = new Out();
        line.u32(2 + 4 + hdr.size() + prog.size()).u16(4).u32(hdr.size()).bytes(hdr.toArray()).bytes(prog.toArray());
        return new byte[][] {abbrev.toArray(), info.toArray(), line.toArray()};
    }

    /** A little-endian byte sink with LEB128. */
    private static final class Out {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Out u8(int v) {
            b.write(v);
            return this;
        }

        Out u16(int v) {
            return u8(v).u8(v >> 8);
        }

        Out u32(long v) {
            for (int i = 0; i < 4; i++) {
                u8((int) (v >>> (8 * i)));
            }
            return this;
        }

        Out u64(long v) {
            return u32(v).u32(v >>> 32);
        }

        Out uleb(long v) {
            do {
                int x = (int) (v & 0x7f);
                v >>>= 7;
                u8(v != 0 ? x | 0x80 : x);
            } while (v != 0);
            return this;
        }

        Out sleb(long v) {
            while (true) {
                int x = (int) (v & 0x7f);
                v >>= 7;
                boolean done = (v == 0 && (x & 0x40) == 0) || (v == -1 && (x & 0x40) != 0);
                u8(done ? x : x | 0x80);
                if (done) {
                    return this;
                }
            }
        }

        Out str(String s) {
            byte[] x = s.getBytes(StandardCharsets.UTF_8);
            b.write(x, 0, x.length);
            return u8(0);
        }

        Out bytes(byte[] x) {
            b.write(x, 0, x.length);
            return this;
        }

        int size() {
            return b.size();
        }

        byte[] toArray() {
            return b.toByteArray();
        }
    }
}
