package gmpvm.docs;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/conformance.md's list of programs is generated from the corpus itself (each NAME.go's
 * opening comment, its rule, and whether a NAME.gmpvm records a known difference), so it
 * cannot drift: {@code -Dgmpvm.docs.write=true} rewrites it.
 */
class ConformanceDocsTest {
    static final Path PAGE = Path.of("docs", "conformance.md");
    static final Path DIR = Path.of("src", "test", "resources", "conformance");

    @Test
    void theProgramTableIsTheCorpus() throws Exception {
        assertNull(GeneratedDocs.check(PAGE, "programs", programs()));
    }

    static String programs() throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(DIR)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".go"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
        StringBuilder sb = new StringBuilder("| program | what it shows | compared | result |\n|---|---|---|---|\n");
        for (String n : names) {
            List<String> comment = new ArrayList<>();
            boolean framesDropped = false;
            for (String line : Files.readAllLines(DIR.resolve(n + ".go"))) {
                if (!line.startsWith("//")) {
                    break;
                }
                String text = line.substring(2).strip();
                if (line.equals("// Rule: frames dropped.")) {
                    framesDropped = true;
                } else {
                    comment.add(text);
                }
            }
            String what = String.join(" ", comment).replaceFirst("^" + n + ": ", "").replace("|", "\\|");
            boolean differs = Files.exists(DIR.resolve(n + ".gmpvm"));
            sb.append("| `").append(n).append("` | ").append(what).append(" | ")
                    .append(framesDropped ? "frames dropped" : "exactly").append(" | ")
                    .append(differs ? "known difference" : "same as Go").append(" |\n");
        }
        return sb.toString();
    }
}
