package gmpvm.loader.asm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The assembler and linker as one call: Go-dialect {@code .s} sources in, a static ELF64 out.
 * User files are in package {@code main} ({@code ·name} is {@code main.name}); unless
 * {@code noRuntime}, the runtime's files listed in {@code runtime-asm/runtime.files} (package
 * {@code runtime}) are assembled and linked too.
 */
public final class Asm {
    public static final String DEFAULT_ENTRY = "_rt0_amd64_linux";

    /** How to build: include directories, whether to link the runtime, the entry symbol. */
    public record Options(List<Path> includeDirs, boolean noRuntime, String entry) {
        public Options {
            includeDirs = List.copyOf(includeDirs);
            if (entry == null || entry.isEmpty()) {
                entry = DEFAULT_ENTRY;
            }
            entry = entry.replace('·', '.');
        }
    }

    /** The ELF image (null when there were errors) and every error found. */
    public record Result(byte[] elf, Diagnostics diagnostics) {
        public boolean ok() {
            return elf != null && !diagnostics.hasErrors();
        }
    }

    private Asm() {
    }

    /**
     * Reads a source file; the name errors show is the path as given, and files it includes are
     * named relative to it the same way ({@code dir/x.s} includes {@code dir/x.h}).
     */
    public static SourceText read(Path p) throws IOException {
        Path dir = p.getParent() != null ? p.getParent() : Path.of("");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes(MAX_SOURCE);
            if (in.read() >= 0) {
                throw new IOException("file too large (more than " + (MAX_SOURCE >> 20) + " MiB): not a source file");
            }
        }
        return new SourceText(p.toString(), SourceText.decode(bytes), dir);
    }

    /** The largest source file read (an endless device such as /dev/zero is refused at this size). */
    public static final int MAX_SOURCE = 16 << 20;

    /** The runtime sources shipped in runtime-asm/ (empty until the runtime exists). */
    static List<SourceText> runtimeSources() {
        List<SourceText> out = new ArrayList<>();
        try (InputStream in = Asm.class.getResourceAsStream("/runtime-asm/runtime.files")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                String text = Preprocessor.builtin(name);
                if (text != null) {
                    out.add(new SourceText("runtime-asm/" + name, text, null));
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Assembles every source and links them. Never throws for bad input: errors are in the result. */
    public static Result build(List<SourceText> sources, Options opts) {
        return build(sources, opts.noRuntime() ? List.of() : runtimeSources(), opts);
    }

    /**
     * Assembles {@code runtime} (package runtime, linked first, inside runtime.text..etext) and
     * {@code sources} (package main) and links them.
     */
    public static Result build(List<SourceText> sources, List<SourceText> runtime, Options opts) {
        Diagnostics diags = new Diagnostics();
        List<ObjFile> objs = new ArrayList<>();
        Assembler asm = new Assembler(opts.includeDirs(), diags);
        for (SourceText rt : runtime) {
            objs.add(asm.assemble(rt, "runtime", true));
        }
        for (SourceText s : sources) {
            objs.add(asm.assemble(s, "main", false));
        }
        if (diags.hasErrors()) {
            return new Result(null, diags);
        }
        byte[] elf;
        try {
            elf = new Linker(diags, System.getProperty("user.dir", "/")).link(objs, opts.entry());
        } catch (AsmError e) {
            diags.add(e);
            elf = null;
        }
        return new Result(diags.hasErrors() ? null : elf, diags);
    }
}
