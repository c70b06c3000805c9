package gmpvm.cpu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test-time native tooling for the differential CPU tests: assembles batches of Intel-syntax
 * instructions into 32-byte slots with GNU as (one run per batch), builds the C harness
 * (src/test/resources/native/cpuharness.c) with gcc into target/, and runs a batch of cases on
 * the host CPU through it. The file formats are described in cpuharness.c.
 */
final class NativeHarness {
    static final int SLOT = 32;
    /** Offset of slot 0 in the image: the first 16 bytes hold the two stub addresses. */
    static final int FIRST_SLOT = 64;

    private static final Path WORK = Paths.get("target", "native");

    private NativeHarness() {
    }

    /** An assembled batch: the image (loaded at {@link X86Gen#CODE}) and each instruction's length. */
    record Image(byte[] bytes, int[] lengths) {
        long slotAddr(int k) {
            return X86Gen.CODE + FIRST_SLOT + (long) SLOT * k;
        }

        /** The fall-through exit of slot k (right after its instruction). */
        long exitAddr(int k) {
            return slotAddr(k) + lengths[k];
        }

        /** The branch-target exit of slot k ({@code @T} in the instruction text). */
        long targetAddr(int k) {
            return exitAddr(k) + 6;
        }

        /** The slot an address lies in, or -1. */
        int slotOf(long addr) {
            long off = addr - X86Gen.CODE - FIRST_SLOT;
            return off < 0 || off / SLOT >= lengths.length ? -1 : (int) (off / SLOT);
        }

        byte[] insnBytes(int k) {
            byte[] b = new byte[lengths[k]];
            System.arraycopy(bytes, FIRST_SLOT + SLOT * k, b, 0, b.length);
            return b;
        }
    }

    /** What the host CPU did for one instruction ({@code xmm}: XMM0-15 low, high, then MXCSR). */
    record Step(long[] regs, long rflags, int signal, int siCode, long siAddr, long rip, long[] xmm) {
    }

    /** What the host CPU did for one case: a step per executed instruction, the final buffer. */
    record Outcome(List<Step> steps, byte[] buffer) {
    }

    /** A batch's outcomes and the 16 bytes the harness wrote at the start of the image. */
    record Result(byte[] imageHeader, List<Outcome> outcomes) {
    }

    // ------------------------------------------------------------------ assembling

    static Image assemble(List<String> insns, String name) {
        StringBuilder sb = new StringBuilder(insns.size() * 64);
        sb.append(".intel_syntax noprefix\n.text\nbase:\n.quad 0\n.set dbuf, base - ")
                .append(X86Gen.CODE - X86Gen.DATA).append("\n.p2align 6, 0xcc\n");
        int firstLine = 7;
        for (int k = 0; k < insns.size(); k++) {
            sb.append('s').append(k).append(": ").append(insns.get(k).replace("@T", "t" + k)).append('\n');
            sb.append('e').append(k).append(": jmp qword ptr [rip + base]\n");
            sb.append('t').append(k).append(": jmp qword ptr [rip + base + 8]\n.p2align 5, 0xcc\n");
            sb.append(".pushsection .lens,\"a\"\n.byte e").append(k).append("-s").append(k).append("\n.popsection\n");
        }
        try {
            Files.createDirectories(WORK);
            Path src = WORK.resolve(name + ".s");
            Path obj = WORK.resolve(name + ".o");
            Path text = WORK.resolve(name + ".text");
            Path lens = WORK.resolve(name + ".lens");
            Files.writeString(src, sb);
            String err = exec(List.of("as", "--64", "-o", obj.toString(), src.toString()));
            if (err != null) {
                throw new AssertionError("as rejected generated instructions:\n" + explain(err, insns, firstLine));
            }
            err = exec(List.of("objcopy", "-O", "binary", "-j", ".text", obj.toString(), text.toString()));
            if (err == null) {
                err = exec(List.of("objcopy", "-O", "binary", "-j", ".lens", obj.toString(), lens.toString()));
            }
            if (err != null) {
                throw new AssertionError("objcopy failed: " + err);
            }
            byte[] bytes = Files.readAllBytes(text);
            byte[] lb = Files.readAllBytes(lens);
            int[] lengths = new int[insns.size()];
            for (int k = 0; k < lengths.length; k++) {
                lengths[k] = lb[k] & 0xff;
            }
            if (bytes.length < FIRST_SLOT + SLOT * insns.size()) {
                throw new AssertionError("an instruction did not fit its 32-byte slot");
            }
            return new Image(bytes, lengths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns "file.s:123: Error: ..." lines into the instruction that caused them. */
    private static String explain(String err, List<String> insns, int firstLine) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String line : err.split("\n")) {
            sb.append(line);
            String[] parts = line.split(":");
            if (parts.length > 2) {
                try {
                    int ln = Integer.parseInt(parts[1].trim());
                    int k = (ln - firstLine) / 7;
                    if (k >= 0 && k < insns.size()) {
                        sb.append("   <- ").append(insns.get(k));
                    }
                } catch (NumberFormatException e) {
                    // not a line-numbered message
                }
            }
            sb.append('\n');
            if (++shown > 40) {
                break;
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the harness

    /** Builds target/native/cpuharness from its C source unless it is up to date, and returns it. */
    static Path harness() {
        try {
            URL url = NativeHarness.class.getResource("/native/cpuharness.c");
            if (url == null) {
                throw new AssertionError("native/cpuharness.c is not on the test classpath");
            }
            Path src = Paths.get(url.toURI());
            Files.createDirectories(WORK);
            Path bin = WORK.resolve("cpuharness");
            if (!Files.exists(bin) || Files.getLastModifiedTime(bin).compareTo(Files.getLastModifiedTime(src)) < 0) {
                String err = exec(List.of("gcc", "-O2", "-Wall", "-o", bin.toString(), src.toString()));
                if (err != null) {
                    throw new AssertionError("gcc failed to build the CPU harness:\n" + err);
                }
            }
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the cases on the host CPU. Each case's slots index into the image. */
    static Result run(Image image, List<long[]> regs, long[] flags, long[] seeds, List<long[]> xmm,
                             List<int[]> slots, String name) {
        boolean withXmm = xmm != null;
        int n = regs.size();
        ByteArrayOutputStream bos = new ByteArrayOutputStream(1 << 20);
        ByteBuffer hdr = le(16 + image.bytes().length);
        hdr.putInt(0x43505548).putInt(withXmm ? 1 : 0).putInt(n).putInt(image.bytes().length).put(image.bytes());
        bos.writeBytes(hdr.array());
        for (int c = 0; c < n; c++) {
            int[] sl = slots.get(c);
            ByteBuffer b = le(8 * 18 + (withXmm ? 264 : 0) + 4 + 4 * sl.length);
            for (long v : regs.get(c)) {
                b.putLong(v);
            }
            b.putLong(flags[c]).putLong(seeds[c]);
            if (withXmm) {
                for (long v : xmm.get(c)) {
                    b.putLong(v);
                }
            }
            b.putInt(sl.length);
            for (int s : sl) {
                b.putInt(FIRST_SLOT + SLOT * s);
            }
            bos.writeBytes(b.array());
        }
        try {
            Path in = WORK.resolve(name + ".in");
            Path outFile = WORK.resolve(name + ".out");
            Files.write(in, bos.toByteArray());
            String err = exec(List.of(harness().toString(), in.toString(), outFile.toString()));
            if (err != null) {
                throw new AssertionError("the CPU harness failed: " + err);
            }
            ByteBuffer o = ByteBuffer.wrap(Files.readAllBytes(outFile)).order(ByteOrder.LITTLE_ENDIAN);
            byte[] header = new byte[16];
            o.get(header);
            List<Outcome> res = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                List<Step> steps = new ArrayList<>();
                int count = slots.get(c).length;
                for (int k = 0; k < count; k++) {
                    long[] r = new long[16];
                    for (int j = 0; j < 16; j++) {
                        r[j] = o.getLong();
                    }
                    long fl = o.getLong();
                    int sig = o.getInt(), code = o.getInt();
                    long addr = o.getLong();
                    long rip = o.getLong();
                    long[] x = null;
                    if (withXmm) {
                        x = new long[33];
                        for (int j = 0; j < 33; j++) {
                            x[j] = o.getLong();
                        }
                    }
                    steps.add(new Step(r, fl, sig, code, addr, rip, x));
                    if (sig != 0) {
                        break;
                    }
                }
                byte[] buf = DataBuffer.fill(seeds[c]);
                int changed = o.getInt();
                for (int j = 0; j < changed; j++) {
                    int w = o.getInt();
                    buf[w >>> 8] = (byte) w;
                }
                res.add(new Outcome(steps, buf));
            }
            return new Result(header, res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Runs a command; returns null on success, else its exit status and output. */
    static String exec(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] outBytes = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return cmd.get(0) + " timed out";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (p.exitValue() != 0) {
            return cmd.get(0) + " exited " + p.exitValue() + ":\n" + new String(outBytes, StandardCharsets.UTF_8);
        }
        return null;
    }
}
