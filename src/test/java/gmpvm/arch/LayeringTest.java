package gmpvm.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers honest: cli → loader → emulator, never upward. A source file in emulator/ may
 * not mention the loader or cli packages; one in loader/ may not mention cli. The check reads the
 * sources (imports and fully qualified references), so it needs no bytecode library.
 */
class LayeringTest {
    private static final Pattern REF = Pattern.compile("\\bgmpvm\\.(emulator|loader|cli)\\b");

    private static List<String> violations(Path root, List<String> forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int n = 0; n < lines.size(); n++) {
                    Matcher m = REF.matcher(lines.get(n));
                    while (m.find()) {
                        if (forbidden.contains(m.group(1))) {
                            out.add(f + ":" + (n + 1) + ": " + lines.get(n).trim());
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void emulatorKnowsNothingOfLoaderOrCli() throws IOException {
        Path root = Path.of("emulator/java");
        assertTrue(Files.isDirectory(root), "run from the project root");
        assertEquals(List.of(), violations(root, List.of("loader", "cli")));
    }

    @Test
    void loaderKnowsNothingOfCli() throws IOException {
        assertEquals(List.of(), violations(Path.of("loader/java"), List.of("cli")));
    }

    @Test
    void theCheckFindsAViolation(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("Bad.java"), "package gmpvm.emulator;\nimport gmpvm.cli.Main;\n");
        assertEquals(1, violations(tmp, List.of("cli")).size());
    }
}
