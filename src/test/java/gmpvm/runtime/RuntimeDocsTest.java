package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/runtime.md's "Every routine, by file" restates the runtime's sources: for each file of
 * runtime-asm/runtime.files, in order, each TEXT symbol with its opening comment (the "//"
 * lines right above it, joined). This test rebuilds the section from the sources and wants
 * it verbatim in the page; on a mismatch it writes the expected section to
 * target/runtime-routines.md, ready to paste. Every routine must have an opening comment.
 * Likewise the Structures list restates go_asm.h: one bullet per struct with a NAME__size,
 * in the header's order, its fields (the NAME_field defines between the previous __size and
 * this one) with their offsets.
 */
class RuntimeDocsTest {
    static final Path RT = Path.of("runtime-asm");
    static final String HEADING = "## Every routine, by file\n";

    static String expectedSection() throws Exception {
        StringBuilder sb = new StringBuilder(HEADING);
        for (String f : Files.readAllLines(RT.resolve("runtime.files"))) {
            f = f.strip();
            if (f.isEmpty() || f.startsWith("#")) {
                continue;
            }
            sb.append("\n### ").append(f).append("\n\n");
            List<String> comment = new ArrayList<>();
            for (String line : Files.readAllLines(RT.resolve(f))) {
                if (line.startsWith("//")) {
                    comment.add(line.substring(2).strip());
                    continue;
                }
                if (line.startsWith("TEXT ")) {
                    String sym = line.substring(5, line.indexOf("(SB)")).strip();
                    String name = sym.startsWith("runtime·") ? sym.substring("runtime·".length()) : sym;
                    assertFalse(comment.isEmpty(), f + ": " + sym + " has no opening comment");
                    sb.append("- `").append(name).append("` — ").append(String.join(" ", comment)).append('\n');
                }
                comment.clear();
            }
        }
        return sb.toString();
    }

    @Test
    void theRoutineListIsTheSourcesOpeningComments() throws Exception {
        String want = expectedSection();
        String doc = Files.readString(Path.of("docs", "runtime.md"));
        int at = doc.indexOf(HEADING);
        String have = at < 0 ? "" : doc.substring(at);
        int next = have.indexOf("\n## ", HEADING.length());
        if (next >= 0) {
            have = have.substring(0, next + 1);
        }
        if (!want.equals(have)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "runtime-routines.md"), want);
        }
        assertEquals(want, have, "docs/runtime.md's routine list (expected section in target/runtime-routines.md)");
    }

    static String expectedStructs() throws Exception {
        java.util.LinkedHashMap<String, Long> defs = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(RT.resolve("go_asm.h"))) {
            String[] w = line.strip().split("\\s+");
            if (w.length == 3 && w[0].equals("#define")) {
                defs.put(w[1], w[2].startsWith("0x") ? Long.parseUnsignedLong(w[2].substring(2), 16) : Long.parseLong(w[2]));
            }
        }
        StringBuilder sb = new StringBuilder();
        List<String> pending = new ArrayList<>();
        for (String k : defs.keySet()) {
            if (!k.endsWith("__size")) {
                pending.add(k);
                continue;
            }
            String struct = k.substring(0, k.length() - "__size".length());
            List<String> fields = new ArrayList<>();
            for (String n : pending) {
                if (n.startsWith(struct + "_")) {
                    fields.add("`" + n.substring(struct.length() + 1) + "` @" + defs.get(n));
                }
            }
            pending.clear();
            sb.append("- **").append(struct).append("** (").append(defs.get(k)).append(" bytes): ")
                    .append(String.join(", ", fields)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theStructureListIsGoAsmH() throws Exception {
        String want = expectedStructs();
        String doc = Files.readString(Path.of("docs", "runtime.md"));
        if (!doc.contains("\n\n" + want + "\n")) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "runtime-structs.md"), want);
        }
        assertEquals(true, doc.contains("\n\n" + want + "\n"),
                "docs/runtime.md's structure list (expected bullets in target/runtime-structs.md)");
    }
}
