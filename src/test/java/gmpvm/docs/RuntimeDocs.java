package gmpvm.docs;

import gmpvm.loader.runtime.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The parts of docs/runtime.md that restate the runtime's sources, rendered from them: the
 * file table (each file's opening sentence), the structures (go_asm.h's offsets) and every
 * routine by file (each TEXT's opening comment).
 */
final class RuntimeDocs {
    static final Path DIR = Path.of("runtime-asm");
    private static final Pattern TEXT = Pattern.compile("^TEXT\\s+(?:runtime·|main·|·)?([A-Za-z0-9_<>·.]+)\\(SB\\)");

    private RuntimeDocs() {
    }

    /** The runtime's .s files in link order (runtime.files). */
    static List<String> sources() throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(DIR.resolve("runtime.files"))) {
            String s = l.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    /** The headers, by name. */
    static List<String> headers() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h")).sorted().toList();
        }
    }

    /** A table row per file: its name and the first sentence of its opening comment. */
    static String fileTable() throws IOException {
        StringBuilder sb = new StringBuilder("| file | what it holds |\n|---|---|\n");
        List<String> all = new ArrayList<>(headers());
        all.addAll(sources());
        for (String f : all) {
            sb.append("| `").append(f).append("` | ").append(firstSentence(f)).append(" |\n");
        }
        return sb.toString();
    }

    static String firstSentence(String file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String l : Files.readAllLines(DIR.resolve(file))) {
            if (!l.startsWith("//")) {
                break;
            }
            text.append(l.substring(2).strip()).append(' ');
        }
        String t = text.toString().strip();
        if (t.startsWith(file + ":")) {
            t = t.substring(file.length() + 1).strip();
        }
        Matcher end = Pattern.compile("\\.(\\s|$)").matcher(t);
        String s = end.find() ? t.substring(0, end.start() + 1) : t;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1).replace("|", "\\|");
    }

    /**
     * One line per struct of go_asm.h (a NAME__size define): its size and its fields' offsets.
     * A struct's fields are the NAME_x defines before its NAME__size (constants that share the
     * prefix, such as mutex_locked, come after it).
     */
    static String structures() throws IOException {
        RuntimeLayout layout = RuntimeLayout.parse(Files.readString(DIR.resolve("go_asm.h")));
        List<Map.Entry<String, Long>> all = new ArrayList<>(layout.all().entrySet());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            Map.Entry<String, Long> e = all.get(i);
            if (!e.getKey().endsWith("__size")) {
                continue;
            }
            String type = e.getKey().substring(0, e.getKey().length() - "__size".length());
            List<String> fields = new ArrayList<>();
            for (Map.Entry<String, Long> f : all.subList(0, i)) {
                String n = f.getKey();
                if (n.startsWith(type + "_") && !n.endsWith("__size")) {
                    fields.add("`" + n.substring(type.length() + 1) + "` @" + f.getValue());
                }
            }
            sb.append("- **").append(type).append("** (").append(e.getValue()).append(" bytes): ")
                    .append(String.join(", ", fields)).append('\n');
        }
        return sb.toString();
    }

    /** "### file" and a bullet per TEXT with its opening comment, for every source in link order. */
    static String routines() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : sources()) {
            sb.append("### ").append(f).append("\n\n");
            for (Map.Entry<String, String> r : routinesOf(f).entrySet()) {
                sb.append("- `").append(r.getKey()).append("` — ").append(r.getValue()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Each TEXT of file and the comment lines right above it, joined (empty when it has none). */
    static Map<String, String> routinesOf(String file) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TEXT.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int j = i;
            while (j > 0 && lines.get(j - 1).startsWith("//")) {
                j--;
            }
            StringBuilder c = new StringBuilder();
            for (int k = j; k < i; k++) {
                c.append(lines.get(k).substring(2).strip()).append(' ');
            }
            out.put(m.group(1), c.toString().strip());
        }
        return out;
    }
}
