package gmpvm.loader.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/tracing.md's table of watched routines names exactly the routines in {@link Hooks}. */
class HooksDocTest {
    @Test
    void theDocsTableIsTheHooksTable() throws Exception {
        String page = Files.readString(Path.of("docs/tracing.md"));
        int from = page.indexOf("| routine | recorded |");
        int to = page.indexOf("\n\n", from);
        String table = page.substring(from, to);
        Set<String> documented = new TreeSet<>();
        for (String row : table.lines().skip(2).toList()) {
            String first = row.substring(1, row.indexOf(" | "));
            Matcher m = Pattern.compile("`(\\w+)").matcher(first);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        Set<String> hooked = new TreeSet<>();
        for (String s : Hooks.TABLE.keySet()) {
            hooked.add(Hooks.shortName(s));
        }
        Arrays.stream(Hooks.SWITCHERS).map(Hooks::shortName).forEach(hooked::add);
        assertEquals(hooked, documented);
    }
}
