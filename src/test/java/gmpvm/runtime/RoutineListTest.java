package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/runtime.md's "Every routine, by file" restates the sources: it must name every TEXT
 * routine of every file in runtime.files, in the file's order, under that file's heading, and
 * nothing else.
 */
class RoutineListTest {
    static final Path RT = Path.of("runtime-asm");
    static final Pattern TEXT = Pattern.compile("^TEXT\\s+(?:runtime)?·(\\w+)\\(SB\\)|^TEXT\\s+(_rt0_amd64_linux)\\(SB\\)",
            Pattern.MULTILINE);
    static final Pattern ITEM = Pattern.compile("^- `(\\w+)`", Pattern.MULTILINE);

    @Test
    void theDocsListEveryRoutineOfEveryRuntimeFile() throws Exception {
        List<String> files = Files.readAllLines(RT.resolve("runtime.files")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String doc = Files.readString(Path.of("docs", "runtime.md"));
        int at = doc.indexOf("## Every routine, by file");
        assertTrue(at >= 0, "docs/runtime.md has the routine list");
        String list = doc.substring(at);
        int next = list.indexOf("\n## ", 3);
        if (next > 0) {
            list = list.substring(0, next);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String[] parts = list.split("\n### ");
        for (int i = 1; i < parts.length; i++) {
            int nl = parts[i].indexOf('\n');
            sections.put(parts[i].substring(0, nl).strip(), parts[i].substring(nl));
        }
        assertEquals(files, new ArrayList<>(sections.keySet()), "one section per runtime file, in link order");
        for (String f : files) {
            List<String> code = new ArrayList<>();
            Matcher m = TEXT.matcher(Files.readString(RT.resolve(f)));
            while (m.find()) {
                code.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            List<String> docs = new ArrayList<>();
            Matcher d = ITEM.matcher(sections.get(f));
            while (d.find()) {
                docs.add(d.group(1));
            }
            assertEquals(code, docs, "routines of " + f + " in docs/runtime.md");
        }
    }
}
