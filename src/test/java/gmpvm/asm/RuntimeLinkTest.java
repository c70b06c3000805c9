package gmpvm.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import gmpvm.loader.elf.ElfFile;
import gmpvm.loader.elf.Symbol;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Linking with a runtime: the runtime's files are package runtime ({@code ·x} is runtime.x),
 * come first and lie between runtime.text and runtime.etext whatever their names; the
 * program's files are package main; the entry point is the runtime's _rt0_amd64_linux.
 */
class RuntimeLinkTest {
    static final String RUNTIME = """
            #include "textflag.h"
            TEXT _rt0_amd64_linux(SB), NOSPLIT, $8
            	CALL	main·main(SB)
            	CALL	·exit(SB)
            TEXT ·exit(SB), NOSPLIT, $0
            	MOVQ	status<>(SB), DI
            	MOVQ	$231, AX
            	SYSCALL
            TEXT helper<>(SB), NOSPLIT, $0
            	RET
            DATA	status<>+0(SB)/8, $42
            GLOBL	status<>(SB), RODATA, $8
            """;
    static final String PROGRAM = """
            #include "textflag.h"
            TEXT ·main(SB), NOSPLIT, $0
            	RET
            TEXT ·helper(SB), NOSPLIT, $0
            	RET
            """;

    @Test
    void runtimeFirstBoundedAndEntered() throws Exception {
        Asm.Result r = Asm.build(List.of(new SourceText("prog.s", PROGRAM, null)),
                List.of(new SourceText("runtime-asm/rt.s", RUNTIME, null)), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        ElfFile elf = ElfFile.parse(r.elf());
        Map<String, Long> a = new TreeMap<>();
        for (Symbol s : elf.symbols()) {
            a.put(s.name(), s.value());
        }
        assertEquals(a.get("_rt0_amd64_linux"), elf.entry());
        assertEquals(a.get("runtime.text"), a.get("_rt0_amd64_linux"));
        for (String rt : List.of("runtime.exit", "helper<>")) {
            assertTrue(a.get(rt) < a.get("runtime.etext"), rt + " inside the runtime's text");
        }
        for (String user : List.of("main.main", "main.helper")) {
            assertTrue(a.get(user) >= a.get("runtime.etext"), user + " after the runtime's text");
        }
        ExamplesRunTest.Run run = ExamplesRunTest.emulate(r.elf(), "rt");
        assertEquals(42, run.status());
    }

    @Test
    void theShippedRuntimeIsLinkedUnlessNoRuntime() throws Exception {
        // runtime-asm/runtime.files lists the runtime: a program with main·main links against it
        Asm.Result r = Asm.build(List.of(new SourceText("prog.s", PROGRAM, null)), new Asm.Options(List.of(), false, null));
        assertTrue(r.ok(), () -> r.diagnostics().format());
        ElfFile elf = ElfFile.parse(r.elf());
        assertTrue(elf.symbols().stream().anyMatch(s -> s.name().equals("runtime.rt0_go")));
        Asm.Result bare = Asm.build(List.of(new SourceText("prog.s", PROGRAM, null)), new Asm.Options(List.of(), true, null));
        assertTrue(bare.diagnostics().format().contains("entry symbol _rt0_amd64_linux is not defined"),
                bare.diagnostics().format());
    }
}
