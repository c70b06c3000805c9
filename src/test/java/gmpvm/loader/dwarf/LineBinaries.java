package gmpvm.loader.dwarf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds, at test time, the programs whose DWARF line tables the tests read: lines.c (two units,
 * a header in another directory) with gcc and various -g flags, and Go examples with Go 1.19, into
 * target/test-programs/dwarf-*. Sources are named relative to the project root, as the build
 * scripts name them, so the tables carry directories to join.
 */
public final class LineBinaries {
    static final Path SRC = Paths.get("src/test/resources/programs/dwarf");
    static final Path OUT = Paths.get("target/test-programs");
    public static final Path GO_EXAMPLES = Paths.get("examples/go");

    private LineBinaries() {
    }

    /** lines.c and lib/table.c, static (-static unless the flags say -static-pie), with these flags; the binary is dwarf-NAME. */
    public static synchronized Path gcc(String name, String... flags) throws IOException, InterruptedException {
        Path bin = OUT.resolve("dwarf-" + name).toAbsolutePath();
        Path[] srcs = {SRC.resolve("lines.c"), SRC.resolve("lib/table.c"), SRC.resolve("lib/square.h")};
        if (upToDate(bin, srcs)) {
            return bin;
        }
        Files.createDirectories(OUT);
        List<String> cmd = new ArrayList<>(List.of("gcc"));
        if (!List.of(flags).contains("-static-pie")) {
            cmd.add("-static");
        }
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-o", bin.toString(), srcs[0].toString(), srcs[1].toString()));
        exec(cmd, null);
        return bin;
    }

    /** programs/dwarf/NAME.c alone, static, -O0 -g: dwarf-NAME. */
    public static synchronized Path gccOne(String name) throws IOException, InterruptedException {
        Path src = SRC.resolve(name + ".c");
        Path bin = OUT.resolve("dwarf-" + name).toAbsolutePath();
        if (upToDate(bin, src)) {
            return bin;
        }
        Files.createDirectories(OUT);
        exec(List.of("gcc", "-static", "-O0", "-g", "-o", bin.toString(), src.toString()), null);
        return bin;
    }

    /** Go example NAME built as scripts/build-go-examples.sh does (-trimpath, CGO off): dwarf-go-NAME. */
    public static synchronized Path go(String name) throws IOException, InterruptedException {
        Path bin = OUT.resolve("dwarf-go-" + name).toAbsolutePath();
        if (upToDate(bin, GO_EXAMPLES.resolve(name).resolve("main.go"))) {
            return bin;
        }
        Files.createDirectories(OUT);
        exec(List.of("go", "build", "-trimpath", "-o", bin.toString(), "./" + name), GO_EXAMPLES);
        return bin;
    }

    /** A copy of bin whose .debug_* sections objcopy compressed the old GNU way (.zdebug_*). */
    public static synchronized Path zdebug(Path bin, String name) throws IOException, InterruptedException {
        Path out = OUT.resolve("dwarf-" + name).toAbsolutePath();
        if (upToDate(out, bin)) {
            return out;
        }
        exec(List.of("objcopy", "--compress-debug-sections=zlib-gnu", bin.toString(), out.toString()), null);
        return out;
    }

    /** What a command printed on stdout; it must succeed. */
    public static String output(List<String> cmd) throws IOException, InterruptedException {
        return exec(cmd, null);
    }

    private static boolean upToDate(Path bin, Path... srcs) throws IOException {
        if (!Files.exists(bin)) {
            return false;
        }
        for (Path s : srcs) {
            if (Files.getLastModifiedTime(s).compareTo(Files.getLastModifiedTime(bin)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("CGO_ENABLED", "0");
        pb.environment().put("GOFLAGS", "-mod=mod");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
