package gmpvm.loader.dwarf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of {@code objdump -w --dwarf=decodedline}, grouped into sequences. objdump names a
 * row's file by its base name and prints the full name on a line of its own ({@code NAME:}, or
 * {@code CU: NAME:} at a unit's start) whenever it changes; each row keeps the last such name.
 * A sequence ends with objdump's {@code -} row (its end address).
 */
record DecodedLines(List<Sequence> sequences) {
    /** One row: the full name objdump printed last, the row's base name, line, address. */
    record Row(String fullName, String baseName, int line, long address) {
    }

    /** A sequence's rows and its end address. */
    record Sequence(List<Row> rows, long end) {
        long start() {
            return rows.get(0).address();
        }
    }

    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+(\\d+|-)\\s+(0x[0-9a-f]+)(?:\\s+\\d+)?(?:\\s+x)?\\s*$");
    private static final Pattern NAME = Pattern.compile("^(?:CU: )?(\\S.*):$");

    static DecodedLines parse(String objdump) {
        List<Sequence> seqs = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String full = null;
        for (String l : objdump.split("\n")) {
            Matcher m = ROW.matcher(l);
            if (m.matches()) {
                long addr = Long.parseUnsignedLong(m.group(3).substring(2), 16);
                if (m.group(2).equals("-")) {
                    if (!rows.isEmpty()) {
                        seqs.add(new Sequence(rows, addr));
                    }
                    rows = new ArrayList<>();
                } else {
                    rows.add(new Row(full, m.group(1), Integer.parseInt(m.group(2)), addr));
                }
                continue;
            }
            Matcher n = NAME.matcher(l);
            if (n.matches() && !l.startsWith("Contents of") && !l.contains("file format")) {
                full = n.group(1);
            }
        }
        return new DecodedLines(seqs);
    }
}
