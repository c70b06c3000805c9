package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.runtime.RuntimeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * go_asm.h, the runtime's one source of layout truth: it parses, Go's mandated offsets and
 * constants hold, structs do not overlap their sizes, and every struct field or constant the
 * runtime's .s files name is defined there.
 */
class RuntimeLayoutTest {
    static final Path RT = Path.of("runtime-asm");

    @Test
    void goMandatedOffsetsAndConstants() throws Exception {
        RuntimeLayout l = RuntimeLayout.load();
        assertEquals(0, l.get("g_stack_lo"));
        assertEquals(8, l.get("g_stack_hi"));
        assertEquals(16, l.get("g_stackguard0"));
        assertTrue(l.get("g_m") < l.get("g_sched"), "g.m before g.sched");
        String[] gobuf = {"sp", "pc", "g", "ctxt", "ret", "lr", "bp"};
        for (int i = 0; i < gobuf.length; i++) {
            assertEquals(8L * i, l.get("gobuf_" + gobuf[i]), "gobuf." + gobuf[i]);
        }
        assertEquals(56, l.get("gobuf__size"));
        assertEquals(l.get("g_sched") + l.get("gobuf__size"), l.get("g_syscallsp"), "g.sched is a whole gobuf");
        assertEquals(2048, l.get("_FixedStack"));
        assertEquals(928, l.get("_StackGuard"));
        assertEquals(0xfffffffffffffadeL, l.get("stackPreempt"));
        assertEquals(256, l.get("runqSize"));
        assertEquals(61, l.get("globalRunqTick"));
        assertEquals(16, l.get("_GoidCacheBatch"));
        assertEquals(16384, l.get("g0StackSize"));
        assertEquals(65536, l.get("m0StackSize"));
        assertEquals(32768, l.get("gsignalStackSize"));
        assertEquals(0x50f00, l.get("cloneFlags"));
        assertEquals(l.get("_CLONE_VM") | l.get("_CLONE_FS") | l.get("_CLONE_FILES") | l.get("_CLONE_SIGHAND")
                | l.get("_CLONE_SYSVSEM") | l.get("_CLONE_THREAD"), l.get("cloneFlags"));
        assertEquals(l.get("p_runq") + 8 * l.get("runqSize"), l.get("p_runnext"), "runq holds 256 gs");
        assertEquals(10_000_000, l.get("forcePreemptNS"));
        assertEquals(0, l.get("funcval_fn"));
        assertEquals(6, l.get("_Gdead"));
        assertEquals(4, l.get("_Gwaiting"));
        assertEquals(14, l.get("waitReasonChanReceive"));
    }

    @Test
    void fieldsLieInsideTheirStruct() throws Exception {
        RuntimeLayout l = RuntimeLayout.load();
        for (String s : List.of("g", "m", "p", "gobuf", "schedt", "sudog", "hchan", "waitq", "stack", "sysmontick")) {
            long size = l.get(s + "__size");
            for (var e : l.all().entrySet()) {
                if (e.getKey().startsWith(s + "_") && !e.getKey().equals(s + "__size")) {
                    assertTrue(e.getValue() >= 0 && e.getValue() < size, e.getKey() + " inside " + s + "__size");
                }
            }
            assertEquals(0, size % 8, s + "__size is a multiple of 8");
        }
    }

    @Test
    void everyLayoutNameTheRuntimeUsesIsDefined() throws Exception {
        RuntimeLayout l = RuntimeLayout.load();
        Pattern name = Pattern.compile("\\b((?:g|m|p|gobuf|schedt|sudog|hchan|waitq|stack|note|mutex|funcval|sysmontick)_\\w+"
                + "|_G\\w+|_P\\w+|waitReason\\w+|SYS_\\w+|_Stack\\w+)\\b");
        Set<String> missing = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(RT)) {
            s.filter(p -> p.toString().endsWith(".s")).forEach(files::add);
        }
        assertTrue(files.size() >= 7, "runtime sources: " + files);
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                int c = line.indexOf("//");
                String code = c >= 0 ? line.substring(0, c) : line;
                if (code.contains("\"")) {
                    continue; // string data
                }
                Matcher m = name.matcher(code);
                while (m.find()) {
                    if (m.group(1).contains("Strings")) {
                        continue; // panic.s's string tables, not layout names
                    }
                    if (l.find(m.group(1)).isEmpty()) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void badHeaderLinesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RuntimeLayout.parse("#define x y\n"));
        assertThrows(IllegalArgumentException.class, () -> RuntimeLayout.parse("#define x 1\n#define x 2\n"));
        assertEquals(0x10, RuntimeLayout.parse("// c\n\n#define x 0x10\n").get("x"));
    }
}
