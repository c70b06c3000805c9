package gmpvm.run;

import gmpvm.loader.launch.Settings;
import gmpvm.loader.launch.Launcher;
import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.loader.elf.ElfException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the whole-program test inputs at test time (gcc, GNU as + ld) into target/test-programs
 * and runs them natively and under the emulator.
 */
public final class TestPrograms {
    static final Path SRC = Paths.get("src/test/resources/programs");
    static final Path OUT = Paths.get("target/test-programs");
    static final List<String> CFLAGS = List.of("-O2", "-static", "-nostdlib", "-fno-stack-protector",
            "-fno-tree-loop-distribute-patterns", "-fno-pie", "-no-pie");

    /** What one run produced. */
    record Result(byte[] stdout, byte[] stderr, int status) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String err() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    private TestPrograms() {
    }

    /** Compiles programs/c/NAME.c with the common flags plus extra ones; the binary is named NAME+suffix. */
    static synchronized Path buildC(String name, String suffix, List<String> extra) throws IOException, InterruptedException {
        Path src = SRC.resolve("c").resolve(name + ".c");
        Path bin = OUT.resolve(name + suffix).toAbsolutePath();
        if (upToDate(bin, src, SRC.resolve("c/sys.h"))) {
            return bin;
        }
        Files.createDirectories(OUT);
        List<String> cmd = new ArrayList<>(List.of("gcc"));
        cmd.addAll(CFLAGS);
        cmd.addAll(extra);
        cmd.addAll(List.of("-o", bin.toString(), src.toString(), "-lgcc"));
        exec(cmd);
        return bin;
    }

    /** Compiles programs/kernel/NAME.c (threads, futex, signals; its own ksys.h) with the common flags. */
    static synchronized Path buildKernel(String name) throws IOException, InterruptedException {
        Path src = SRC.resolve("kernel").resolve(name + ".c");
        Path bin = OUT.resolve("kernel-" + name).toAbsolutePath();
        if (upToDate(bin, src, SRC.resolve("kernel/ksys.h"))) {
            return bin;
        }
        Files.createDirectories(OUT);
        List<String> cmd = new ArrayList<>(List.of("gcc"));
        cmd.addAll(CFLAGS);
        cmd.addAll(List.of("-o", bin.toString(), src.toString()));
        exec(cmd);
        return bin;
    }

    /**
     * Builds programs/glibc/NAME.c as an ordinary static (or static-pie) glibc program. Vectorisation is off
     * because the emulated SSE subset lacks some of the SSE2 arithmetic gcc's vectoriser emits.
     */
    static synchronized Path buildGlibc(String name, boolean pie) throws IOException, InterruptedException {
        Path src = SRC.resolve("glibc").resolve(name + ".c");
        Path bin = OUT.resolve("glibc-" + name + (pie ? "-pie" : "")).toAbsolutePath();
        if (upToDate(bin, src)) {
            return bin;
        }
        Files.createDirectories(OUT);
        exec(List.of("gcc", "-O2", "-fno-tree-vectorize", pie ? "-static-pie" : "-static", "-o", bin.toString(), src.toString()));
        return bin;
    }

    /**
     * Builds the Go program in package directory NAME of the Go module at moduleDir (Go 1.19 from
     * scripts/install-deps.sh, CGO off, so the binary is static) into target/test-programs/go-NAME.
     */
    public static synchronized Path buildGo(Path moduleDir, String name) throws IOException, InterruptedException {
        return buildGo(moduleDir, name, OUT.resolve("go-" + name).toAbsolutePath());
    }

    /** As {@link #buildGo(Path, String)}, into bin (the docs name target/go-examples/NAME, where scripts/build-go-examples.sh puts it). */
    public static synchronized Path buildGo(Path moduleDir, String name, Path bin) throws IOException, InterruptedException {
        Path src = moduleDir.resolve(name).resolve("main.go");
        bin = bin.toAbsolutePath();
        if (upToDate(bin, src)) {
            return bin;
        }
        Files.createDirectories(bin.getParent());
        ProcessBuilder pb = new ProcessBuilder("go", "build", "-trimpath", "-o", bin.toString(), "./" + name)
                .directory(moduleDir.toFile()).redirectErrorStream(true);
        pb.environment().put("CGO_ENABLED", "0");
        pb.environment().put("GOFLAGS", "-mod=mod");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("go build ./" + name + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return bin;
    }

    /** Assembles programs/gas/NAME.s (with programs/gas on the include path) and links it statically. */
    static synchronized Path buildGas(String name) throws IOException, InterruptedException {
        Path src = SRC.resolve("gas").resolve(name + ".s");
        Path bin = OUT.resolve("gas-" + name).toAbsolutePath();
        if (upToDate(bin, src, SRC.resolve("gas/print.inc"))) {
            return bin;
        }
        Files.createDirectories(OUT);
        Path obj = OUT.resolve("gas-" + name + ".o");
        exec(List.of("as", "-I", SRC.resolve("gas").toString(), "-o", obj.toString(), src.toString()));
        exec(List.of("ld", "-static", "-o", bin.toString(), obj.toString()));
        return bin;
    }

    private static boolean upToDate(Path bin, Path... srcs) throws IOException {
        if (!Files.exists(bin)) {
            return false;
        }
        for (Path s : srcs) {
            if (Files.exists(s) && Files.getLastModifiedTime(s).compareTo(Files.getLastModifiedTime(bin)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }

    /** Runs bin natively with exactly these arguments, environment and stdin. */
    static Result runNative(Path bin, List<String> args, List<String> env, byte[] stdin) throws IOException, InterruptedException {
        // env(1) sets exactly this environment, in this order, then execs the program
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        cmd.addAll(env);
        cmd.add(bin.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        Process p = pb.start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // the process went away
            }
        });
        t.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(bin + " did not finish natively");
        }
        t.join();
        return new Result(out, err.toByteArray(), p.exitValue());
    }

    /** Loads and runs bin in this JVM through the loader and the Machine. */
    static Result runEmulated(Path bin, List<String> args, List<String> env, byte[] stdin, long maxInsns)
            throws IOException, ElfException {
        return runEmulated(bin, args, env, stdin, maxInsns, 0, 1);
    }

    /** As above, with a scheduling seed and a number of simulated CPUs. */
    static Result runEmulated(Path bin, List<String> args, List<String> env, byte[] stdin, long maxInsns,
                              long seed, int cpus) throws IOException, ElfException {
        List<String> argv = new ArrayList<>();
        argv.add(bin.toString());
        argv.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        Settings s = Settings.defaults().withEnv(env).withMaxInstructions(maxInsns).withSeed(seed).withCpus(cpus);
        Machine m = Launcher.load(Files.readAllBytes(bin), argv, s, new Stdio(in, out, err)).machine();
        Outcome o = m.run();
        return new Result(out.toByteArray(), err.toByteArray(), o.status());
    }
}
