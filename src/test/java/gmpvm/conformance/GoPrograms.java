package gmpvm.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Go side of the conformance corpus: builds every NAME.go with the Go toolchain into
 * target/conformance/bin/NAME (one module, one {@code go build} for all, Go's build cache
 * doing the rest) and runs a binary natively at GOMAXPROCS=1.
 */
final class GoPrograms {
    static final Path WORK = Path.of("target", "conformance").toAbsolutePath();
    static final Path BIN = WORK.resolve("bin");
    static final long TIMEOUT_SECONDS = 10;

    /** What a native run printed, stdout then stderr, and its exit status. */
    record Run(String output, int status) {
    }

    private GoPrograms() {
    }

    /** Builds the named programs (sources in dir) and returns where their binaries are. */
    static Path buildAll(Path dir, List<String> names) throws IOException, InterruptedException {
        Path mod = WORK.resolve("src");
        Files.createDirectories(mod);
        Files.createDirectories(BIN);
        Files.writeString(mod.resolve("go.mod"), "module conformance\n\ngo 1.19\n");
        for (String n : names) {
            Path pkg = Files.createDirectories(mod.resolve(n));
            Path main = pkg.resolve("main.go");
            String src = Files.readString(dir.resolve(n + ".go"));
            if (!Files.exists(main) || !Files.readString(main).equals(src)) {
                Files.writeString(main, src);
            }
        }
        ProcessBuilder pb = new ProcessBuilder("go", "build", "-o", BIN + File.separator, "./...")
                .directory(mod.toFile()).redirectErrorStream(true);
        pb.environment().put("CGO_ENABLED", "0");
        pb.environment().put("GOFLAGS", "");
        pb.environment().remove("GOOS");
        pb.environment().remove("GOARCH");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "go build timed out");
        assertTrue(p.exitValue() == 0, "go build failed:\n" + out);
        return BIN;
    }

    /** Runs a built program natively with GOMAXPROCS=1 (stdout and stderr to files, so that
     *  no pipe can block it). */
    static Run run(String name) throws IOException, InterruptedException {
        Path out = Files.createTempFile(WORK, name, ".out");
        Path err = Files.createTempFile(WORK, name, ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(BIN.resolve(name).toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("GOMAXPROCS", "1");
            env.remove("GODEBUG");
            env.remove("GOGC");
            env.remove("GOTRACEBACK");
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(name + ": the Go binary did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(Files.readString(out) + Files.readString(err), p.exitValue());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
