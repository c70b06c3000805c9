package gmpvm.loader.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.runtime.RuntimeLayout;
import gmpvm.run.TestPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DwarfTypes against references outside it: the layout a C compiler chose (printed by the
 * program natively with offsetof and sizeof) for gcc's DWARF 5 and 4, compressed both ways; and
 * readelf's own decoding of a Go binary's runtime structs.
 */
class DwarfTypesTest {
    static final Path LAYOUTS = Path.of("src/test/resources/programs/dwarf/layouts.c");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-gdwarf-5", "-gdwarf-4", "-gdwarf-5 -gz=zlib", "-gdwarf-4 zlib-gnu", "-gdwarf-5 -O2"})
    void cStructsAsTheCompilerLaidThemOut(String flags) throws Exception {
        Path bin = tmp.resolve("layouts");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-static", "-o", bin.toString(), LAYOUTS.toString()));
        boolean gnuZ = flags.endsWith("zlib-gnu");
        for (String f : flags.split(" ")) {
            if (!f.equals("zlib-gnu")) {
                cmd.add(f);
            }
        }
        exec(cmd);
        if (gnuZ) {
            exec(List.of("objcopy", "--compress-debug-sections=zlib-gnu", bin.toString()));
        }
        ElfFile elf = ElfFile.parse(Files.readAllBytes(bin));
        if (gnuZ) {
            assertTrue(elf.sections().stream().anyMatch(s -> s.name().equals(".zdebug_info")), "objcopy wrote .zdebug_info");
        } else if (flags.contains("-gz")) {
            assertTrue(elf.sections().stream().anyMatch(s -> s.name().equals(".debug_info") && (s.flags() & 0x800) != 0),
                    "gcc wrote a SHF_COMPRESSED .debug_info");
        }
        Map<String, Long> nat = parse(exec(List.of(bin.toString())));
        DwarfTypes t = DwarfTypes.read(elf);
        assertEquals(nat.get("outer"), t.named("outer").orElseThrow().byteSize());
        assertEquals(nat.get("inner"), t.named("inner").orElseThrow().byteSize());
        for (Map.Entry<String, Long> e : nat.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot < 0) {
                continue;
            }
            DwarfTypes.Type s = t.named(e.getKey().substring(0, dot)).orElseThrow();
            assertEquals(e.getValue(), s.member(e.getKey().substring(dot + 1)).orElseThrow().offset(), e.getKey() + " " + flags);
        }
        DwarfTypes.Type outer = t.named("outer").orElseThrow();
        assertEquals(56, t.sizeOf(outer.member("arr").orElseThrow().type()), "long[7]");
        assertEquals(15, t.sizeOf(outer.member("grid").orElseThrow().type()), "char[3][5]");
        assertEquals(8, t.sizeOf(outer.member("p").orElseThrow().type()), "a pointer");
        assertEquals(2, t.sizeOf(outer.member("cv").orElseThrow().type()), "const volatile unsigned short");
        assertEquals(16, t.sizeOf(outer.member("in").orElseThrow().type()), "a typedef'd struct");
        DwarfTypes.Type in = t.resolve(outer.member("in").orElseThrow().type()).orElseThrow();
        assertEquals("inner", in.name(), "the typedef looked through");
        assertEquals("outer", t.variableType("g_outer").orElseThrow().name());
        assertTrue(t.producers().stream().anyMatch(p -> p.startsWith("GNU C")), t.producers().toString());
    }

    @Test
    void goRuntimeStructsAsReadelfDecodesThem() throws Exception {
        Path bin = TestPrograms.buildGo(Path.of("examples/go"), "gostart");
        DwarfTypes t = DwarfTypes.read(ElfFile.parse(Files.readAllBytes(bin)));
        String dump = exec(List.of("readelf", "--debug-dump=info", bin.toString()));
        for (String type : List.of("runtime.g", "runtime.m", "runtime.p", "runtime.schedt", "runtime.hchan", "runtime._defer")) {
            Map<String, Long> ref = readelfMembers(dump, type);
            assertTrue(ref.size() > 5, type + " in readelf's output");
            Map<String, Long> ours = new LinkedHashMap<>();
            for (DwarfTypes.Member m : t.named(type).orElseThrow().members()) {
                ours.put(m.name(), m.offset());
            }
            assertEquals(ref, ours, type);
        }
        assertEquals(2, t.constant("runtime._Grunning").orElseThrow());
        assertEquals("[]*runtime.p", t.variableType("runtime.allp").orElseThrow().name());
        assertEquals(256, t.resolve(t.named("runtime.p").orElseThrow().member("runq").orElseThrow().type()).orElseThrow().count());
        assertTrue(t.producers().stream().allMatch(p -> p.startsWith("Go cmd/compile go1.19")), t.producers().toString());

        RuntimeLayout l = RuntimeLayout.forProgram(ElfFile.parse(Files.readAllBytes(bin)));
        assertTrue(l.goToolchain());
        assertTrue(l.registerAbi());
        assertEquals(t.named("runtime.g").orElseThrow().member("goid").orElseThrow().offset(), l.get("g_goid"));
        long stack = t.named("runtime.g").orElseThrow().member("stack").orElseThrow().offset();
        assertEquals(stack + 8, l.get("g_stack_hi"), "a nested struct's member, spelled as go_asm.h does");
        assertEquals(4, l.size("p_gFree_n").orElseThrow(), "Go's gFree.n is an int32");
        assertEquals(256, l.get("runqSize"));
        for (String name : List.of("g_sched", "gobuf_sp", "gobuf_pc", "gobuf_bp", "g_atomicstatus", "g_waitreason", "g_m",
                "g_startpc", "g_gopc", "g_preempt", "g_schedlink", "m_id", "m_procid", "m_g0", "m_gsignal", "m_curg", "m_p",
                "m_spinning", "m_alllink", "m_schedlink", "p_id", "p_status", "p_runqhead", "p_runqtail", "p_runq",
                "p_runnext", "p_link", "schedt_midle", "schedt_pidle", "schedt_runq_head", "schedt_npidle",
                "schedt_nmspinning", "schedt_runqsize", "schedt_gFree_n", "hchan_qcount", "hchan_recvq", "waitq_first",
                "sudog_g", "sudog_next", "sudog_elem", "_defer_fn", "_defer_link", "_panic_arg_type", "_panic_link",
                "_Gidle", "_Grunnable", "_Grunning", "_Gsyscall", "_Gwaiting", "_Gdead", "_Gcopystack", "_Gpreempted",
                "_Pidle", "_Prunning", "waitReasonChanReceive", "waitReasonSleep")) {
            assertTrue(l.find(name).isPresent(), name + " in the layout read from the DWARF");
        }
    }

    @Test
    void gmpvmsOwnProgramsKeepGoAsmH() throws Exception {
        // gmpvm's assembler writes DWARF lines but no types: its programs are read with go_asm.h
        byte[] elf = gmpvm.loader.asm.Asm.build(List.of(gmpvm.loader.asm.Asm.read(Path.of("runtime-asm/examples/gostart.s"))),
                new gmpvm.loader.asm.Asm.Options(List.of(), false, null)).elf();
        RuntimeLayout mini = RuntimeLayout.forProgram(ElfFile.parse(elf));
        assertEquals("go_asm.h", mini.source());
        assertEquals(RuntimeLayout.load().all(), mini.all());
        assertTrue(!mini.registerAbi() && !mini.goToolchain());
    }

    /**
     * Damaged DWARF (the inflated sections of a Go binary, bytes flipped) is refused with a
     * DwarfException, never another exception or a hang.
     */
    @Test
    void damagedDwarfIsRefusedCleanly() throws Exception {
        Path bin = TestPrograms.buildGo(Path.of("examples/go"), "gostart");
        DwarfSections sections = new DwarfSections(ElfFile.parse(Files.readAllBytes(bin)));
        byte[] info = sections.get(".debug_info").orElseThrow();
        byte[] abbrev = sections.get(".debug_abbrev").orElseThrow();
        DwarfTypes.read(new DieReader(info, abbrev, null, null)).named("runtime.g").orElseThrow();
        Random rnd = new Random(14);
        int refused = 0;
        for (int k = 0; k < 300; k++) {
            byte[] i = info.clone();
            byte[] a = abbrev.clone();
            byte[] hit = k % 3 == 0 ? a : i;
            int flips = 1 + rnd.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = rnd.nextInt(hit.length);
                hit[at] = (byte) (k % 2 == 0 ? rnd.nextInt(256) : hit[at] ^ (1 << rnd.nextInt(8)));
            }
            if (k % 5 == 4) {
                i = java.util.Arrays.copyOf(i, rnd.nextInt(i.length));
            }
            try {
                DwarfTypes.read(new DieReader(i, a, null, null));
            } catch (DwarfException expected) {
                refused++;
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            }
        }
        assertTrue(refused > 30, "damage was noticed: " + refused);
    }

    private static Map<String, Long> parse(String out) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : out.lines().toList()) {
            String[] w = line.split(" ");
            m.put(w[0], Long.parseLong(w[1]));
        }
        return m;
    }

    /** The members of the depth-1 struct named type, as readelf prints them: name → data_member_location. */
    static Map<String, Long> readelfMembers(String dump, String type) {
        Map<String, Long> out = new LinkedHashMap<>();
        Pattern die = Pattern.compile(" <(\\d+)><[0-9a-f]+>: Abbrev Number: \\d+ \\((DW_TAG_\\w+)\\)");
        boolean in = false;
        String tag = null;
        String name = null;
        for (String line : dump.lines().toList()) {
            Matcher d = die.matcher(line);
            if (d.lookingAt()) {
                int depth = Integer.parseInt(d.group(1));
                if (in && depth <= 1) {
                    return out;
                }
                tag = d.group(2);
                name = null;
                continue;
            }
            String s = line.strip();
            if (s.contains("DW_AT_name")) {
                name = s.substring(s.indexOf(':', s.indexOf("DW_AT_name")) + 1).strip();
                if ("DW_TAG_structure_type".equals(tag) && name.equals(type) && out.isEmpty()) {
                    in = true;
                }
            } else if (in && s.contains("DW_AT_data_member_location") && "DW_TAG_member".equals(tag)) {
                out.put(name, Long.parseLong(s.substring(s.lastIndexOf(':') + 1).strip()));
            }
        }
        return out;
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd));
        String s = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + s);
        return s;
    }
}
