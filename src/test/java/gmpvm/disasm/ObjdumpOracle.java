package gmpvm.disasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs GNU objdump on many instruction slots at once and reports, for each slot, the length
 * and the Intel text of the first instruction objdump decodes there.
 *
 * <p>Each slot becomes its own symbol ({@code f<N>}) in one object file assembled by GNU as;
 * objdump restarts decoding at every symbol and never reads past the next one, so a slot is
 * decoded exactly as if it were alone: no instruction can swallow the next slot's bytes.
 * Slots are laid out back to back from address 0 of {@code .text}.
 */
final class ObjdumpOracle {
    /** objdump's verdict on one slot: the first instruction's length and its text. */
    record Result(int len, String text) {
        /**
         * True when objdump rejects the bytes: its mnemonic, after any prefix names, is
         * {@code (bad)}. (An accepted instruction may still show {@code (bad)} as an operand, as
         * MPX's {@code bndldx} does for bound registers above bnd3.)
         */
        boolean rejected() {
            for (String w : text.trim().split(" +")) {
                if (w.equals("(bad)")) {
                    return true;
                }
                if (!Divergence.isPrefixName(w)) {
                    return false;
                }
            }
            return false;
        }
    }

    private ObjdumpOracle() {
    }

    /** Slot start addresses for the given slots laid out back to back. */
    static long[] starts(List<byte[]> slots) {
        long[] s = new long[slots.size()];
        long a = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = a;
            a += slots.get(i).length;
        }
        return s;
    }

    /** Disassembles every slot; {@code work} is a scratch directory (created if needed). */
    static List<Result> run(List<byte[]> slots, Path work) {
        try {
            work = work.toAbsolutePath();
            Files.createDirectories(work);
            Path src = work.resolve("slots.s");
            Path obj = work.resolve("slots.o");
            StringBuilder sb = new StringBuilder(slots.size() * 80);
            sb.append(".text\n");
            for (int i = 0; i < slots.size(); i++) {
                sb.append('f').append(i).append(": .byte ");
                byte[] b = slots.get(i);
                for (int j = 0; j < b.length; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(b[j] & 0xff);
                }
                sb.append('\n');
            }
            Files.writeString(src, sb.toString());
            exec(work, null, "as", "-o", obj.toString(), src.toString());
            Path out = work.resolve("slots.txt");
            exec(work, out, "objdump", "-d", "-z", "-w", "-M", "intel", obj.toString());
            return parse(Files.readAllLines(out, StandardCharsets.UTF_8), slots.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Result> parse(List<String> lines, int n) {
        List<Result> res = new ArrayList<>(n);
        boolean want = false;
        for (String line : lines) {
            if (line.endsWith(">:") && line.contains(" <f")) {
                want = true;
                continue;
            }
            if (!want) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            if (parts.length < 2 || !parts[0].trim().endsWith(":")) {
                continue;
            }
            String bytes = parts[1].trim();
            int len = bytes.isEmpty() ? 0 : bytes.split(" +").length;
            String text = parts.length > 2 ? parts[2] : "";
            res.add(new Result(len, text));
            want = false;
        }
        if (res.size() != n) {
            throw new IllegalStateException("objdump listed " + res.size() + " slots of " + n);
        }
        return res;
    }

    private static void exec(Path dir, Path stdout, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue());
        }
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len && off + i < b.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b[off + i] & 0xff));
        }
        return sb.toString();
    }
}
