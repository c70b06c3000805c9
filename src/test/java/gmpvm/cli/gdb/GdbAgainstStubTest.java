package gmpvm.cli.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.loader.asm.Asm;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import gmpvm.loader.runtime.RuntimeLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stock gdb (batch mode) against the stub on a free loopback port, and raw sockets sending what
 * gdb never would. Every wait is bounded: socket timeouts, a timeout on the gdb process, and on
 * the stub's thread.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GdbAgainstStubTest {
    static final Settings TWO = Settings.defaults().withCpus(2).withEnv(List.of("GOMAXPROCS=2"));

    /** A stub serving pingpong on a background thread, with what it printed. */
    static final class Stub implements AutoCloseable {
        final Thread thread;
        final CompletableFuture<InetSocketAddress> address = new CompletableFuture<>();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        volatile Throwable failure;
        volatile int status = -1;
        private GdbServer server;

        Stub(String listen) throws IOException {
            this(listen, pingpong());
        }

        private static byte[] pingpong() throws IOException {
            Asm.Result r = Launcher.assemble(List.of(Asm.read(Path.of("runtime-asm/examples/pingpong.s"))), List.of(),
                    false, null);
            assertTrue(r.ok(), () -> r.diagnostics().format());
            return r.elf();
        }

        /** A stub serving the program elf. */
        Stub(String listen, byte[] elf) throws IOException {
            GdbMode mode = new GdbMode(listen, elf, null, List.of("pingpong"), TWO);
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> {
                try {
                    status = mode.serve(new ByteArrayInputStream(new byte[0]), o, e, s -> {
                        server = s;
                        address.complete(s.address());
                    });
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    address.complete(null);
                }
            }, "gdb-stub-under-test");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws Exception {
            InetSocketAddress a = address.get(30, TimeUnit.SECONDS);
            assertTrue(a != null, () -> "the stub did not start: " + err + failure);
            return a;
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
            thread.join(30_000);
            assertTrue(!thread.isAlive(), "the stub thread ended");
        }
    }

    static String gdb(InetSocketAddress a, List<String> commands) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-batch", "-ex", "set pagination off", "-ex",
                "set confirm off", "-ex", "set width 0", "-ex", "target remote 127.0.0.1:" + a.getPort()));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String text = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(done, "gdb finished in time:\n" + text);
        return text;
    }

    static List<String> all(String regex, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            out.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return out;
    }

    @Test
    void gdbBreaksStepsReadsWatchesAndStepsBack() throws Exception {
        RuntimeLayout layout = RuntimeLayout.load();
        long runnext = layout.get("p_runnext");
        // the line in ponger's loop after it received a value (found in the source, not hand-numbered)
        List<String> src = java.nio.file.Files.readAllLines(Path.of("runtime-asm/examples/pingpong.s"));
        int incLine = src.indexOf("\tINCQ\tv-8(SP)") + 1;
        assertTrue(incLine > 0);
        try (Stub stub = new Stub("127.0.0.1:0")) {
            InetSocketAddress a = stub.address();
            String out = gdb(a, List.of(
                    "break runtime.gogo",
                    "continue", "continue", "continue",
                    "echo PC-BEFORE-STEP\\n", "p/x $pc",
                    "stepi",
                    "echo PC-AFTER-STEP\\n", "p/x $pc",
                    "x/4gx $sp",
                    "bt 1",
                    "reverse-stepi",
                    "echo PC-AFTER-REVERSE\\n", "p/x $pc",
                    "delete",
                    "break pingpong.s:" + incLine,
                    "continue",
                    "info threads",
                    "delete",
                    "watch -location *(long*)(*(long*)&'runtime.allp' + " + runnext + ")",
                    "continue",
                    "continue",
                    "reverse-continue",
                    "echo DONE\\n",
                    "kill"));
            // the breakpoint, on the .s line of gogo (DWARF lines from the assembler)
            assertTrue(Pattern.compile("Breakpoint 1 at 0x[0-9a-f]+: file runtime-asm/asm_amd64.s, line \\d+").matcher(out).find(), out);
            assertTrue(all("^(?:Thread \\d+ hit )?Breakpoint 1, .*gogo.* at runtime-asm/asm_amd64\\.s:\\d+$", out).size() >= 4, out);
            // info threads: every M with what runs on it, at least two of them
            List<String> threads = all("^[* ] +\\d+ +Thread (\\d+ \\(.*?\\)) ", out);
            assertTrue(threads.size() >= 2, out);
            for (String t : threads) {
                assertTrue(t.matches("\\d+ \\((M\\d+: (g0|G\\d+ [\\w.]+)|new thread \\(TLS not set yet\\))\\)"), t);
            }
            assertTrue(threads.stream().anyMatch(t -> t.matches(".*: G\\d+ main\\.ponger\\)")), "an M runs ponger: " + out);
            assertTrue(out.contains("Breakpoint 2, ") && out.contains("at runtime-asm/examples/pingpong.s:" + incLine), out);
            // stepi moved, reverse-stepi came back to the same pc
            String before = after("PC-BEFORE-STEP", out);
            String stepped = after("PC-AFTER-STEP", out);
            String back = after("PC-AFTER-REVERSE", out);
            assertNotEquals(before, stepped, out);
            assertEquals(before, back, out);
            // x/4gx $sp: one line of two 64-bit words, then another
            assertEquals(2, all("^0x[0-9a-f]+:\\s+0x[0-9a-f]{16}\\s+0x[0-9a-f]{16}$", out).size(), out);
            assertTrue(Pattern.compile("^#0 .*gogo", Pattern.MULTILINE).matcher(out).find(), out);
            // the watchpoint on allp[0].runnext fires on the forward run, and backwards
            List<String> hits = all("^(?:Thread \\d+ hit )?(?:Hardware )?[Ww]atchpoint 3: (.*)$", out);
            assertTrue(hits.size() >= 3, out);
            List<String> news = all("^New value = (\\d+)$", out);
            assertTrue(news.size() >= 3, out);
            assertEquals(news.get(0), news.get(2), "reverse-continue returns to the first change:\n" + out);
            assertTrue(out.contains("DONE"), out);
        }
    }

    /** A binary built by Go's toolchain: gdb reads its DWARF, the stub names each thread's M and goroutine through it. */
    @Test
    void threadsOfAGoBinaryAreNamedByGosRuntime() throws Exception {
        byte[] elf = java.nio.file.Files.readAllBytes(gmpvm.run.TestPrograms.buildGo(Path.of("examples/go"), "pingpong"));
        try (Stub stub = new Stub("127.0.0.1:0", elf)) {
            String out = gdb(stub.address(), List.of("break main.main.func1", "continue", "info threads", "kill"));
            assertTrue(Pattern.compile("Breakpoint 1, main\\.main\\.func1 \\(\\) at .*pingpong/main\\.go:\\d+").matcher(out).find(), out);
            List<String> threads = all("^[* ] +\\d+ +Thread (\\d+ \\(.*?\\)) ", out);
            assertTrue(threads.size() >= 2, out);
            assertTrue(threads.stream().anyMatch(t -> t.matches("\\d+ \\(M\\d+: G\\d+ main\\.main\\.func1\\)")), out);
            for (String t : threads) {
                assertTrue(t.matches("\\d+ \\((M\\d+: (g0|G\\d+ [\\w.]+)|new thread \\(TLS not set yet\\))\\)"), t);
            }
        }
    }

    @Test
    void ctrlCStopsAContinue() throws Exception {
        // a program that never ends: only an interrupt can stop the continue
        Asm.Result r = Launcher.assemble(List.of(new gmpvm.loader.asm.SourceText("spin.s",
                "TEXT _rt0_amd64_linux(SB), 4, $0\nloop:\n\tINCQ\tAX\n\tJMP\tloop\n", Path.of("."))),
                List.of(), true, null);
        assertTrue(r.ok(), () -> r.diagnostics().format());
        CompletableFuture<InetSocketAddress> addr = new CompletableFuture<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                new GdbMode("127.0.0.1:0", r.elf(), null, List.of("spin"), Settings.defaults())
                        .serve(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
                                new PrintStream(err, true, StandardCharsets.UTF_8), s -> addr.complete(s.address()));
            } catch (IOException e) {
                addr.completeExceptionally(e);
            }
        }, "spin-stub");
        t.setDaemon(true);
        t.start();
        try (Socket s = new Socket()) {
            s.connect(addr.get(30, TimeUnit.SECONDS), 10_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(PacketWriter.frame("QStartNoAckMode".getBytes(StandardCharsets.ISO_8859_1)));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            assertEquals('+', in.read());
            PacketReader reader = new PacketReader(in, 4096);
            assertEquals("OK", reader.next().text());
            s.getOutputStream().write(PacketWriter.frame("vCont;c".getBytes(StandardCharsets.ISO_8859_1)));
            s.getOutputStream().flush();
            Thread.sleep(300);
            s.getOutputStream().write(0x03);
            s.getOutputStream().flush();
            Incoming stop = reader.next();
            assertEquals("T02thread:3e8;", stop.text());
            // still alive and stopped: it answers, and its counter register moved
            s.getOutputStream().write(PacketWriter.frame("p0".getBytes(StandardCharsets.ISO_8859_1)));
            s.getOutputStream().flush();
            String rax = reader.next().text();
            assertTrue(!rax.equals("0000000000000000") && rax.length() == 16, rax);
            s.getOutputStream().write(PacketWriter.frame("k".getBytes(StandardCharsets.ISO_8859_1)));
            s.getOutputStream().flush();
        }
        t.join(30_000);
        assertTrue(!t.isAlive(), "the stub ended after kill");
    }

    @Test
    void afterDetachTheProgramRunsToItsEnd() throws Exception {
        try (Stub stub = new Stub("127.0.0.1:0")) {
            String out = gdb(stub.address(), List.of("break runtime.gogo", "continue", "reverse-stepi", "detach"));
            assertTrue(out.contains("Detaching from program") || out.contains("detached"), out);
            stub.thread.join(60_000);
            assertEquals(0, stub.status, stub.err.toString());
            // the guest's output (Go's print writes to stderr), once, although part of the run was replayed
            String err = stub.err.toString(StandardCharsets.UTF_8);
            assertEquals(2, err.split("round trips 10000 sum 50005000\n", -1).length, err);
        }
    }

    static String after(String marker, String out) {
        int i = out.indexOf(marker + "\n");
        assertTrue(i >= 0, marker + " in\n" + out);
        Matcher m = Pattern.compile("\\$\\d+ = (0x[0-9a-f]+)").matcher(out.substring(i));
        assertTrue(m.find(), out);
        return m.group(1);
    }

    /** Sends raw bytes and reads what comes back until the reply to qC (the probe that ends each round). */
    static String raw(Socket s, byte[] send) throws IOException {
        s.getOutputStream().write(send);
        s.getOutputStream().write(PacketWriter.frame("qC".getBytes(StandardCharsets.ISO_8859_1)));
        s.getOutputStream().flush();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        while (!got.toString(StandardCharsets.ISO_8859_1).contains("$QC")) {
            int b = in.read();
            assertTrue(b >= 0, "the stub closed the connection after " + got);
            got.write(b);
        }
        // the checksum after QC...#
        while (!got.toString(StandardCharsets.ISO_8859_1).matches("(?s).*\\$QC[0-9a-f]+#[0-9a-f]{2}")) {
            got.write(in.read());
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void malformedAndOversizedPacketsGetErrorsAndProbesAreIgnored() throws Exception {
        try (Stub stub = new Stub("127.0.0.1:0")) {
            InetSocketAddress a = stub.address();
            assertTrue(a.getAddress().isLoopbackAddress());
            // a port probe: connect and close without a packet; the stub keeps listening
            try (Socket probe = new Socket()) {
                probe.connect(a, 10_000);
            }
            try (Socket s = new Socket()) {
                s.connect(a, 10_000);
                s.setSoTimeout(20_000);
                String r1 = raw(s, "$g#00".getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(r1.startsWith("-"), r1); // bad checksum: NAK
                byte[] big = PacketWriter.frame(("M400000,10000:" + "00".repeat(0x10000)).getBytes(StandardCharsets.ISO_8859_1));
                String r2 = raw(s, big);
                assertTrue(r2.contains("$E01#"), r2);
                String r3 = raw(s, PacketWriter.frame("mzz,4".getBytes(StandardCharsets.ISO_8859_1)));
                assertTrue(r3.contains("$E01#"), r3);
                String r4 = raw(s, PacketWriter.frame("m0,8".getBytes(StandardCharsets.ISO_8859_1)));
                assertTrue(r4.contains("$E14#"), r4);
                String r5 = raw(s, "garbage\u0000\u00ff}}}".getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(r5.contains("$QC"), r5);
                String r6 = raw(s, PacketWriter.frame("vCont;s:zz".getBytes(StandardCharsets.ISO_8859_1)));
                assertTrue(r6.contains("$E01#"), r6);
                s.getOutputStream().write(PacketWriter.frame("k".getBytes(StandardCharsets.ISO_8859_1)));
                s.getOutputStream().flush();
            }
            stub.thread.join(30_000);
            assertEquals(0, stub.status, stub.err.toString());
            assertTrue(stub.failure == null, String.valueOf(stub.failure));
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GdbServer.bind("0.0.0.0:0"));
        assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GdbServer.bind("1234"));
        assertThrows(IllegalArgumentException.class, () -> GdbServer.bind("127.0.0.1:99999"));
        try (GdbServer s = GdbServer.bind("127.0.0.1:0")) {
            InetSocketAddress a = s.address();
            assertTrue(a.getAddress().isLoopbackAddress());
            assertTrue(a.getPort() > 0);
            // from every non-loopback address of this host, the port is closed
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress ia : Collections.list(ni.getInetAddresses())) {
                    if (ia.isLoopbackAddress() || ia.isLinkLocalAddress()) {
                        continue;
                    }
                    try (Socket c = new Socket()) {
                        assertThrows(IOException.class, () -> c.connect(new InetSocketAddress(ia, a.getPort()), 2000),
                                "reachable on " + ia);
                    }
                }
            }
        }
    }

    @Test
    void aNonLoopbackAddressIsRefusedWithAClearMessage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Asm.Result r = Launcher.assemble(List.of(Asm.read(Path.of("runtime-asm/examples/hello.s"))), List.of(), false, null);
        int status = new GdbMode("0.0.0.0:0", r.elf(), null, List.of("hello"), Settings.defaults())
                .serve(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8), s -> { });
        assertEquals(2, status);
        assertEquals("gmpvm: --gdb: refusing to listen on 0.0.0.0, which is not a loopback address: anyone who "
                + "connects controls the guest; use 127.0.0.1\n", err.toString(StandardCharsets.UTF_8));
    }
}
