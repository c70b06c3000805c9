package gmpvm.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        String version = exec(List.of("go", "version"), Path.of("."));
        assertTrue(version.startsWith("go version go1.19"), "the corpus is compared with Go 1.19; found: " + version);
        Path mod = WORK.resolve("src");
        Files.createDirectories(mod);
        Files.createDirectories(BIN);
        Files.writeString(mod.resolve("go.mod"), "module conformance\n\ngo 1.19\n");
        try (var old = Files.list(mod)) { // programs no longer in the corpus
            for (Path p : old.filter(Files::isDirectory).filter(p -> !names.contains(p.getFileName().toString())).toList()) {
                Files.deleteIfExists(p.resolve("main.go"));
                Files.deleteIfExists(p);
            }
        }
        for (String n : names) {
            Path pkg = Files.createDirectories(mod.resolve(n));
            Path main = pkg.resolve("main.go");
            String src = Files.readString(dir.resolve(n + ".go"));
            if (!Files.exists(main) || !Files.readString(main).equals(src)) {
                Files.writeString(main, src);
            }
        }
        exec(List.of("go", "build", "-o", BIN + File.separator, "./..."), mod);
        return BIN;
    }

    /** Runs a go command in dir with cgo off, no GOFLAGS, GOOS or GOARCH from outside (and a
     *  build cache under target/ when the environment names none); returns its output, or
     *  fails saying what went wrong. */
    private static String exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("CGO_ENABLED", "0");
        pb.environment().put("GOFLAGS", "");
        pb.environment().remove("GOOS");
        pb.environment().remove("GOARCH");
        if (!pb.environment().containsKey("GOCACHE") && !pb.environment().containsKey("HOME")
                && !pb.environment().containsKey("XDG_CACHE_HOME")) {
            pb.environment().put("GOCACHE", WORK.resolve("gocache").toString()); // go needs a cache
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", cmd) + " timed out");
        }
        assertTrue(p.exitValue() == 0, String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    /**
     * Whether programs can run with a real-time priority ({@code chrt -f 1}, which needs root or
     * CAP_SYS_NICE). A Go program whose thread the host deschedules for 10 ms looks to Go's
     * sysmon like a goroutine running too long, which it preempts: on a loaded machine that
     * changes the schedule now and then. A real-time thread is not descheduled for ordinary
     * processes, so the runs see Go's schedule only.
     */
    static boolean realTime() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chrt", "-f", "1", "true").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Runs a built program natively with GOMAXPROCS=1, at a real-time priority when
     *  realTime (stdout and stderr to files, so that no pipe can block it). */
    static Run run(String name, boolean realTime) throws IOException, InterruptedException {
        Path out = Files.createTempFile(WORK, name, ".out");
        Path err = Files.createTempFile(WORK, name, ".err");
        try {
            List<String> cmd = new ArrayList<>();
            if (realTime) {
                cmd.addAll(List.of("chrt", "-f", "1"));
            }
            cmd.add(BIN.resolve(name).toString());
            ProcessBuilder pb = new ProcessBuilder(cmd)
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
