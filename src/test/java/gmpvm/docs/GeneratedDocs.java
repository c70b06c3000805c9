package gmpvm.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docs/ page with generated regions: the text between
 * {@code <!-- generated: NAME -->} and {@code <!-- end generated: NAME -->} is produced from
 * the code. {@link #check} compares a region with what the code says now; with
 * {@code -Dgmpvm.docs.write=true} it rewrites the region instead.
 */
final class GeneratedDocs {
    static final boolean WRITE = Boolean.getBoolean("gmpvm.docs.write");

    private GeneratedDocs() {
    }

    /** The current text of region name in page, or an error naming the missing markers. */
    static String region(String page, String name) {
        Matcher m = pattern(name).matcher(page);
        if (!m.find()) {
            throw new AssertionError("no generated region '" + name + "' (markers <!-- generated: " + name
                    + " --> ... <!-- end generated: " + name + " -->)");
        }
        return m.group(2);
    }

    /**
     * Returns null when region name of file equals want (after rewriting it, under
     * -Dgmpvm.docs.write=true); otherwise a message saying how to regenerate.
     */
    static String check(Path file, String name, String want) throws IOException {
        String page = Files.readString(file);
        String have = region(page, name);
        if (have.equals(want)) {
            return null;
        }
        if (WRITE) {
            Matcher m = pattern(name).matcher(page);
            m.find();
            Files.writeString(file, page.substring(0, m.start(2)) + want + page.substring(m.end(2)));
            return null;
        }
        return file + ": the generated region '" + name + "' is out of date; regenerate it with\n"
                + "  mvn -o -q test -Dtest=" + caller() + " -Dgmpvm.docs.write=true\n"
                + "--- expected ---\n" + want + "--- found ---\n" + have;
    }

    /** The docs test class that called check, for the regeneration hint. */
    private static String caller() {
        return StackWalker.getInstance().walk(s -> s.map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.endsWith("DocsTest")).findFirst()
                .map(c -> c.substring(c.lastIndexOf('.') + 1)).orElse("RuntimeDocsTest"));
    }

    private static Pattern pattern(String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("(<!-- generated: " + n + " -->\n)(.*?)(<!-- end generated: " + n + " -->)", Pattern.DOTALL);
    }
}
