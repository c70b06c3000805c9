package gmpvm.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.cpu.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cpu.md names every SSE/SSE2 and x87-control instruction the CPU executes, and no other. */
class CpuDocsTest {
    @Test
    void sseTableNamesEveryExecutedSseOp() throws Exception {
        String md = Files.readString(Path.of("docs", "cpu.md"));
        int from = md.indexOf("**SSE and SSE2**");
        int to = md.indexOf("**Floating point.**");
        String table = md.substring(from, to);
        EnumSet<Op> ops = EnumSet.range(Op.MOVUPS, Op.CLFLUSH);
        List<String> missing = new ArrayList<>();
        for (Op op : ops) {
            if (!Pattern.compile("\\b" + op.name() + "\\b").matcher(table).find()) {
                missing.add(op.name());
            }
        }
        assertEquals(List.of(), missing, "SSE instructions the CPU executes but docs/cpu.md does not list");
        List<String> extra = new ArrayList<>();
        Matcher m = Pattern.compile("\\b[A-Z][A-Z0-9]{3,}\\b").matcher(table.substring(table.indexOf("|---|")));
        while (m.find()) {
            String w = m.group();
            boolean isOp = false;
            for (Op op : ops) {
                isOp |= op.name().equals(w);
            }
            if (!isOp && !w.equals("UNORD") && !w.equals("MXCSR") && !w.equals("XMM")) {
                extra.add(w);
            }
        }
        assertEquals(List.of(), extra, "names in docs/cpu.md's SSE table that are not executed instructions");
        for (Op op : EnumSet.range(Op.FNSTCW, Op.FWAIT)) {
            if (!md.contains(op.name())) {
                missing.add(op.name());
            }
        }
        assertEquals(List.of(), missing, "x87 control instructions docs/cpu.md does not name");
    }
}
