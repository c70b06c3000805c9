package gmpvm.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/runtime.md's file table, structure offsets and routine list are generated from the
 * runtime's sources (GeneratedDocs regions), so they cannot drift; and every routine says
 * what it does in an opening comment, as Go's asm_amd64.s does.
 */
class RuntimeDocsTest {
    static final Path PAGE = Path.of("docs", "runtime.md");

    @Test
    void fileTableMatchesTheSources() throws Exception {
        assertNull(GeneratedDocs.check(PAGE, "runtime files", RuntimeDocs.fileTable()));
    }

    @Test
    void structuresMatchGoAsmH() throws Exception {
        assertNull(GeneratedDocs.check(PAGE, "structures", RuntimeDocs.structures()));
    }

    @Test
    void routineListMatchesTheRoutinesComments() throws Exception {
        assertNull(GeneratedDocs.check(PAGE, "routines", RuntimeDocs.routines()));
    }

    @Test
    void everyRoutineOpensWithAComment() throws Exception {
        for (String f : RuntimeDocs.sources()) {
            for (Map.Entry<String, String> r : RuntimeDocs.routinesOf(f).entrySet()) {
                assertFalse(r.getValue().isEmpty(), f + ": TEXT " + r.getKey() + " has no opening comment");
            }
        }
    }

    @Test
    void theRoutineListIsReadFromTheSources() throws Exception {
        // a check of the generator itself: a routine it must find, with its comment's first words
        String gogo = RuntimeDocs.routinesOf("asm_amd64.s").get("gogo");
        assertTrue(gogo.startsWith("gogo(buf *gobuf): switches to the context saved in buf"), gogo);
    }
}
