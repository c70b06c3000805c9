package gmpvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.LineTable;
import gmpvm.loader.disasm.ElfListing;
import gmpvm.loader.dwarf.LineBinaries;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The debugger and the disassembler name the source lines of real binaries from their DWARF
 * .debug_line: a Go 1.19 binary (its file names as Go wrote them, module-relative with -trimpath)
 * and a gcc -g program (whose sources are on disk, so `list` shows them).
 */
class DwarfLinesDebugTest {
    @Test
    void goBinaryBreakpointsWhereAndNextByLine() throws Exception {
        Path bin = LineBinaries.go("gostart");
        // runtime.schedule's first line, whatever Go 1.19 patch release built the binary
        ElfFile elf = ElfFile.parseForListing(Files.readAllBytes(bin));
        LineTable.Line sched = ElfListing.lineTable(elf).lookup(symbol(elf, "runtime.schedule"));
        assertEquals("runtime/proc.go", sched.file());
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break main.go:13", "-ex", "continue", "-ex", "where",
                "-ex", "list", "-ex", "next", "-ex", "break proc.go:" + sched.line(), "-ex", "info breakpoints",
                "-ex", "list runtime.gogo.abi0", "-ex", "break nosuch.go:3", "-ex", "directory " + LineBinaries.GO_EXAMPLES.toAbsolutePath(),
                "-ex", "list main.start", bin.toString());
        String o = r.out();
        assertEquals(0, r.status(), o);
        assertTrue(o.matches("(?s).*\\(gmpvm\\) break main\\.go:13\nBreakpoint 1 at 0x[0-9a-f]+: main\\.start\\+0x[0-9a-f]+ \\(main\\.go:13\\)\n.*"), o);
        assertTrue(o.matches("(?s).*\nBreakpoint 1, main\\.start\\+0x[0-9a-f]+ at main\\.go:13\n.*"), o);
        // the goroutine's frames: start, the closure main's go statement made, goexit
        assertTrue(o.matches("(?s).*\n#0  0x[0-9a-f]{16} in main\\.start\\+0x[0-9a-f]+ at main\\.go:13\n"
                + "#1  0x[0-9a-f]{16} in main\\.main\\.func1\\+0x[0-9a-f]+ at main\\.go:18\n"
                + "#2  0x[0-9a-f]{16} in runtime\\.goexit\\.abi0\\+0x1 at asm_amd64\\.s:\\d+\n.*"), o);
        // no source text for a module-relative name: said plainly
        assertTrue(o.matches("(?s).*\\(gmpvm\\) list\n[\\w./-]*gostart/main\\.go: No such file or directory\\.\n.*"), o);
        // next runs the println line and stops at the next one
        assertTrue(o.matches("(?s).*\\(gmpvm\\) next\nstart 7 2 5 19\nmain\\.start\\+0x[0-9a-f]+ at main\\.go:14\n.*"), o);
        assertTrue(o.matches("(?s).*\nBreakpoint 2 at 0x[0-9a-f]+: runtime\\.schedule(\\+0x[0-9a-f]+)? \\(proc\\.go:" + sched.line() + "\\)\n.*"), o);
        assertTrue(o.matches("(?s).*\n2 +breakpoint +keep y +0x[0-9a-f]{16} runtime\\.schedule\\S* at proc\\.go:" + sched.line() + "\n.*"), o);
        // Go's runtime/asm_amd64.s is not the mini runtime's file of the same name
        assertTrue(o.contains("(gmpvm) list runtime.gogo.abi0\nruntime/asm_amd64.s: No such file or directory.\n"), o);
        assertTrue(o.contains("(gmpvm) break nosuch.go:3\nNo source file named nosuch.go.\n"), o);
        // with the module's directory to search, gostart/main.go is found under the name's tail
        assertTrue(o.contains("(gmpvm) directory " + LineBinaries.GO_EXAMPLES.toAbsolutePath() + "\nSource directories searched: $cwd:"
                + LineBinaries.GO_EXAMPLES.toAbsolutePath() + "\n"), o);
        assertTrue(o.contains("(gmpvm) list main.start\n7\t\t\"sync/atomic\"\n"), o);
        assertTrue(o.contains("\n12\tfunc start(a, b, c int) {\n13\t\tprintln(\"start\", a, b, c, a*b+c)\n"), o);
    }

    @Test
    void gccProgramStepsIntoFunctionsAndListsItsSource() throws Exception {
        Path bin = LineBinaries.gcc("O0", "-O0", "-g");
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break lines.c:17", "-ex", "continue", "-ex", "list",
                "-ex", "step", "-ex", "step", "-ex", "break square.h:3", "-ex", "continue", "-ex", "where", bin.toString());
        String o = r.out();
        assertEquals(0, r.status(), o);
        assertTrue(o.matches("(?s).*\nBreakpoint 1, main\\+0x[0-9a-f]+ at lines\\.c:17\n\\[thread 1000, insn \\d+\\]\n17\tint s = mix\\(argc \\+ 5, 3\\);\n.*"), o);
        assertTrue(o.contains("(gmpvm) list\n12\t    }\n"), o);
        assertTrue(o.contains("\n17\t    int s = mix(argc + 5, 3);\n"), o);
        assertTrue(o.contains("\n21\t}\n"), o);
        // step enters mix (its opening line, then its first statement)
        assertTrue(o.matches("(?s).*\\(gmpvm\\) step\nmix at lines\\.c:8\n.*\\(gmpvm\\) step\nmix\\+0x[0-9a-f]+ at lines\\.c:9\n.*"), o);
        assertTrue(o.matches("(?s).*\nBreakpoint 2, square\\+0x[0-9a-f]+ at square\\.h:3\n.*"), o);
        assertTrue(o.matches("(?s).*\n#0  0x[0-9a-f]{16} in square\\+0x[0-9a-f]+ at square\\.h:3\n"
                + "#1  0x[0-9a-f]{16} in mix\\+0x[0-9a-f]+ at lines\\.c:11\n"
                + "#2  0x[0-9a-f]{16} in main\\+0x[0-9a-f]+ at lines\\.c:17\n.*"), o);
    }

    /** With GOROOT's src as a source directory, list shows Go's own runtime source at the table's lines. */
    @Test
    void goRuntimeSourceFromGoroot() throws Exception {
        Path bin = LineBinaries.go("gostart");
        ElfFile elf = ElfFile.parseForListing(Files.readAllBytes(bin));
        LineTable.Line sched = ElfListing.lineTable(elf).lookup(symbol(elf, "runtime.schedule"));
        String goroot = LineBinaries.output(List.of("go", "env", "GOROOT")).strip();
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "directory " + goroot + "/src", "-ex", "list runtime.schedule",
                bin.toString());
        assertTrue(r.out().contains("\n" + sched.line() + "\tfunc schedule() {\n"), r.out());
    }

    /** run's fault report names the faulting C line. */
    @Test
    void faultReportNamesTheSourceLine() throws Exception {
        Path bin = LineBinaries.gccOne("nullderef");
        RunCommandTest.Run r = RunCommandTest.run("run", bin.toString());
        assertEquals(139, r.status(), r.err());
        assertTrue(r.err().matches("gmpvm: SIGSEGV \\(address 0x0, SEGV_MAPERR\\) in thread 1000 at rip 0x[0-9a-f]+ <main\\+0x[0-9a-f]+> "
                + "\\(nullderef\\.c:4\\): .*\n"), r.err());
    }

    /** A static PIE runs at the loader's base: its file's line rows are moved with it. */
    @Test
    void staticPieLinesFollowTheLoadBase() throws Exception {
        Path bin = LineBinaries.gcc("pie", "-O0", "-g", "-static-pie");
        RunCommandTest.Run r = RunCommandTest.runMerged("debug", "-ex", "break lines.c:18", "-ex", "continue", "-ex", "where", bin.toString());
        String o = r.out();
        assertEquals(0, r.status(), o);
        assertTrue(o.matches("(?s).*\nBreakpoint 1 at 0x5555[0-9a-f]{8}: main\\+0x[0-9a-f]+ \\(lines\\.c:18\\)\n.*"), o);
        assertTrue(o.matches("(?s).*\nBreakpoint 1, main\\+0x[0-9a-f]+ at lines\\.c:18\n\\[thread 1000, insn \\d+\\]\n18\ts \\+= table\\(argc\\);\n.*"), o);
        assertTrue(o.matches("(?s).*\n#0  0x00005555[0-9a-f]{8} in main\\+0x[0-9a-f]+ at lines\\.c:18\n.*"), o);
    }

    /** gmpvm disasm puts a line before each source line's code exactly where objdump -d -l does. */
    @Test
    void disasmAnnotatesGccCodeAsObjdumpDoes() throws Exception {
        Path bin = LineBinaries.gcc("O2", "-O2", "-g");
        RunCommandTest.Run r = RunCommandTest.run("disasm", bin.toString());
        assertEquals(0, r.status(), r.err());
        String o = r.out();
        int main = o.indexOf(" <main>:\n");
        assertTrue(main > 0, "main in the listing");
        String block = o.substring(main, o.indexOf("\n\n", main));
        String src = Path.of("src/test/resources/programs/dwarf").toAbsolutePath().toString();
        assertTrue(block.startsWith(" <main>:\n" + src + "/lines.c:"), block);
        assertTrue(block.contains("\n" + src + "/lib/square.h:3\n"), "mix and square are inlined into main\n" + block);
        List<String> ours = annotations(o);
        List<String> objdump = annotations(LineBinaries.output(List.of("objdump", "-d", "-l", bin.toString())));
        assertTrue(ours.size() > 15, ours.toString());
        assertEquals(objdump, ours);
    }

    /** "ADDRESS FILE:LINE" for each source line annotation of a listing and the instruction it precedes. */
    private static List<String> annotations(String listing) {
        List<String> out = new ArrayList<>();
        String pending = null;
        Pattern src = Pattern.compile("^(/\\S+:\\d+)( \\(discriminator \\d+\\))?$");
        Pattern insn = Pattern.compile("^ +([0-9a-f]+):\t.*");
        for (String l : listing.split("\n")) {
            Matcher m = src.matcher(l);
            if (m.matches()) {
                pending = m.group(1);
                continue;
            }
            Matcher i = insn.matcher(l);
            if (i.matches() && pending != null) {
                out.add(i.group(1) + " " + pending);
                pending = null;
            }
        }
        return out;
    }

    private static long symbol(ElfFile elf, String name) {
        for (Symbol s : elf.symbols()) {
            if (s.name().equals(name)) {
                return s.value();
            }
        }
        throw new AssertionError(name);
    }
}
