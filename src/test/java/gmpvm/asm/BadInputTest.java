package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken sources in src/test/resources/asm/bad/: each NAME.s must fail with exactly the
 * messages in NAME.err (file:line:col: message, the source line and a caret, every error of
 * the file in source order) and produce no executable.
 */
class BadInputTest {
    static final Path DIR = Path.of("src", "test", "resources", "asm", "bad");

    static Stream<String> cases() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".s")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheExpectedErrors(String name) throws Exception {
        String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        String want = Files.readString(DIR.resolve(name.replace(".s", ".err")), StandardCharsets.UTF_8);
        Asm.Result r = Asm.build(List.of(new SourceText(name, text, null)), new Asm.Options(List.of(), true, null));
        assertFalse(r.ok());
        assertNull(r.elf());
        assertTrue(r.diagnostics().hasErrors());
        assertEquals(want, r.diagnostics().format());
    }
}
