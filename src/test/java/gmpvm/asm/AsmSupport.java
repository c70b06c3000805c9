package gmpvm.asm;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.asm.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helpers: assemble a source string, write ELF files under target/, run GNU objdump. */
final class AsmSupport {
    static final Path OUT = Path.of("target", "asm-tests");

    private AsmSupport() {
    }

    static Asm.Result build(String name, String text, boolean noRuntime, String entry) {
        return Asm.build(List.of(new SourceText(name, text, null)), new Asm.Options(List.of(), noRuntime, entry));
    }

    static byte[] buildOk(String name, String text) {
        Asm.Result r = build(name, text, true, null);
        if (!r.ok()) {
            throw new AssertionError("assembly failed:\n" + r.diagnostics().format());
        }
        return r.elf();
    }

    static Path write(String name, byte[] elf) throws IOException {
        Files.createDirectories(OUT);
        Path p = OUT.resolve(name);
        Files.write(p, elf);
        return p;
    }

    static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timeout: " + String.join(" ", cmd));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Instruction texts of one function, as GNU objdump prints them in Intel syntax. */
    static List<String> objdump(Path elf, String function) throws IOException, InterruptedException {
        List<String> res = new ArrayList<>();
        for (String raw : objdumpRaw(elf, function)) {
            res.add(normalize(raw));
        }
        return res;
    }

    /** Like {@link #objdump} but without normalisation (branch targets keep their symbol). */
    static List<String> objdumpRaw(Path elf, String function) throws IOException, InterruptedException {
        String out = exec("objdump", "-d", "-M", "intel", "--no-show-raw-insn", "--disassemble=" + function,
                elf.toString());
        List<String> res = new ArrayList<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(":\t");
            if (!line.startsWith("  ") || colon < 0) {
                continue;
            }
            res.add(line.substring(colon + 2));
        }
        return res;
    }

    static String normalize(String insn) {
        String s = insn;
        int hash = s.indexOf(" #");
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        s = s.replaceAll("<[^>]*>", "");
        s = s.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("rip\\+0x[0-9a-f]+", "rip+REL");
        s = s.replaceAll("\\+0x4[0-9a-f]{5}\\]", "+ABS]");
        s = s.replaceAll("^(call|jmp|j[a-z]+) [0-9a-f]+$", "$1 ADDR");
        return s;
    }
}
