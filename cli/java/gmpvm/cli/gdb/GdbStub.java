package gmpvm.cli.gdb;

import gmpvm.emulator.cpu.CpuState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One gdb session over the Remote Serial Protocol: reads packets, answers each, and drives the
 * {@link GdbTarget}. All-stop mode, no multiprocess extensions: thread ids are the emulated
 * threads' Linux tids. A packet gdb may send that the stub does not support gets the empty
 * reply, as the protocol asks; a supported packet with bad arguments gets {@code E01};
 * unmapped memory gets {@code E14} (EFAULT); a damaged packet is NAKed (or, after
 * {@code QStartNoAckMode}, answered with {@code E02}); an oversized one with {@code E01}.
 */
final class GdbStub {
    /** The largest packet payload accepted (advertised as PacketSize). */
    static final int PACKET_SIZE = 0x4000;

    private final GdbTarget target;
    private final Amd64Registers regs = new Amd64Registers();
    private final byte[] targetXml;
    private InputStream in;
    private PacketWriter writer;
    private boolean ack = true;
    private boolean sawPacket;
    private boolean done;
    private boolean detached;
    /** Thread for g/p/G/P/m (Hg), and the one stepped by legacy s (Hc). */
    private int gThread;
    private int cThread;

    GdbStub(GdbTarget target) {
        this.target = target;
        this.targetXml = TargetDescription.xml(regs).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serves one connection until gdb detaches, kills, or closes it.
     *
     * @return whether gdb sent at least one packet (a connection that sends none is not a session)
     */
    boolean serve(InputStream input, OutputStream output) throws IOException {
        this.in = input.markSupported() ? input : new java.io.BufferedInputStream(input);
        input = this.in;
        this.writer = new PacketWriter(output);
        PacketReader reader = new PacketReader(input, PACKET_SIZE);
        ack = true;
        sawPacket = false;
        done = false;
        detached = false;
        gThread = cThread = target.lastStop().tid();
        while (!done) {
            Incoming m = reader.next();
            switch (m.kind()) {
                case EOF:
                    return sawPacket;
                case NAK:
                    writer.resend();
                    break;
                case INTERRUPT:
                    break; // nothing runs while gdb talks to us
                case BAD_CHECKSUM:
                    sawPacket = true;
                    if (ack) {
                        writer.ack(false);
                    } else {
                        writer.send("E02");
                    }
                    break;
                case OVERSIZED:
                    sawPacket = true;
                    if (ack) {
                        writer.ack(true);
                    }
                    writer.send("E01");
                    break;
                default:
                    sawPacket = true;
                    if (ack) {
                        writer.ack(true);
                    }
                    String reply;
                    try {
                        reply = handle(m.text());
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        reply = "E01";
                    }
                    if (reply != null) {
                        writer.send(reply);
                    }
            }
        }
        if (detached) {
            target.detach();
        }
        return true;
    }

    /** The reply to one packet (null for none). */
    String handle(String p) throws IOException {
        if (p.isEmpty()) {
            return "";
        }
        char c = p.charAt(0);
        switch (c) {
            case '?':
                return target.lastStop().reply();
            case 'g':
                return registers();
            case 'G':
                return writeRegisters(p.substring(1));
            case 'p':
                return register(p.substring(1));
            case 'P':
                return writeRegister(p.substring(1));
            case 'm':
                return readMemory(p.substring(1));
            case 'M':
                return writeMemoryHex(p.substring(1));
            case 'X':
                return writeMemoryBinary(p.substring(1));
            case 'H':
                return setThread(p);
            case 'T':
                return target.cpu(threadId(p.substring(1))) != null ? "OK" : "E01";
            case 'Z':
            case 'z':
                return breakpoint(p);
            case 'c':
            case 's':
                if (p.length() > 1) {
                    return "E01"; // resuming at another address would change the run
                }
                return resume(GdbTarget.Direction.FORWARD, c == 's', cThread);
            case 'b':
                if (p.equals("bs") || p.equals("bc")) {
                    return resume(GdbTarget.Direction.REVERSE, p.equals("bs"), cThread);
                }
                return "";
            case 'v':
                return vPacket(p);
            case 'q':
            case 'Q':
                return query(p);
            case 'D':
                done = true;
                detached = true;
                return "OK";
            case 'k':
                target.kill();
                done = true;
                return null;
            default:
                return "";
        }
    }

    // ------------------------------------------------------------------ registers

    private CpuState regThread() {
        CpuState cpu = target.cpu(gThread);
        if (cpu == null && !target.threads().isEmpty()) {
            cpu = target.cpu(target.threads().get(0));
        }
        return cpu;
    }

    private String registers() {
        CpuState cpu = regThread();
        return cpu == null ? "E01" : Hex.encode(regs.readAll(cpu));
    }

    private String writeRegisters(String hex) {
        CpuState cpu = regThread();
        byte[] b = Hex.decode(hex);
        if (cpu == null || b == null || b.length != regs.totalBytes()) {
            return "E01";
        }
        regs.writeAll(cpu, b);
        return "OK";
    }

    private String register(String arg) {
        CpuState cpu = regThread();
        long n = Hex.number(arg);
        if (cpu == null || n < 0 || n >= regs.count()) {
            return "E01";
        }
        return Hex.encode(regs.read(cpu, (int) n));
    }

    private String writeRegister(String arg) {
        int eq = arg.indexOf('=');
        CpuState cpu = regThread();
        if (eq < 0 || cpu == null) {
            return "E01";
        }
        long n = Hex.number(arg.substring(0, eq));
        byte[] b = Hex.decode(arg.substring(eq + 1));
        if (n < 0 || n >= regs.count() || b == null || b.length != regs.all().get((int) n).bytes()) {
            return "E01";
        }
        regs.write(cpu, (int) n, b, 0);
        return "OK";
    }

    // ------------------------------------------------------------------ memory

    private String readMemory(String arg) {
        int comma = arg.indexOf(',');
        long addr = Hex.number(arg.substring(0, comma));
        long len = Hex.number(arg.substring(comma + 1));
        if (len > PACKET_SIZE / 2) {
            len = PACKET_SIZE / 2; // a short read: gdb asks for the rest
        }
        byte[] b = target.readMemory(addr, (int) len);
        return b == null ? "E14" : Hex.encode(b);
    }

    private String writeMemoryHex(String arg) {
        int comma = arg.indexOf(',');
        int colon = arg.indexOf(':');
        long addr = Hex.number(arg.substring(0, comma));
        long len = Hex.number(arg.substring(comma + 1, colon));
        byte[] b = Hex.decode(arg.substring(colon + 1));
        if (b == null || b.length != len) {
            return "E01";
        }
        return target.writeMemory(addr, b) ? "OK" : "E14";
    }

    private String writeMemoryBinary(String arg) {
        int comma = arg.indexOf(',');
        int colon = arg.indexOf(':');
        long addr = Hex.number(arg.substring(0, comma));
        long len = Hex.number(arg.substring(comma + 1, colon));
        byte[] b = arg.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != len) {
            return "E01";
        }
        if (len == 0) {
            return "OK"; // gdb probes for X support with an empty write
        }
        return target.writeMemory(addr, b) ? "OK" : "E14";
    }

    // ------------------------------------------------------------------ threads

    /** A thread id in the protocol: hex, -1 for all, 0 for any. */
    private static int threadId(String s) {
        if (s.equals("-1")) {
            return -1;
        }
        long v = Hex.number(s);
        if (v > Integer.MAX_VALUE) {
            throw new NumberFormatException("bad thread id");
        }
        return (int) v;
    }

    private String setThread(String p) {
        if (p.length() < 3) {
            return "E01";
        }
        int tid = threadId(p.substring(2));
        if (tid > 0 && target.cpu(tid) == null) {
            return "E01";
        }
        if (tid <= 0) {
            tid = target.lastStop().tid();
        }
        if (p.charAt(1) == 'g') {
            gThread = tid;
        } else if (p.charAt(1) == 'c') {
            cThread = tid;
        } else {
            return "E01";
        }
        return "OK";
    }

    // ------------------------------------------------------------------ breakpoints

    private String breakpoint(String p) {
        boolean on = p.charAt(0) == 'Z';
        String[] f = p.substring(1).split(",");
        if (f.length < 3) {
            return "E01";
        }
        int type = (int) Hex.number(f[0]);
        long addr = Hex.number(f[1]);
        long kind = Hex.number(f[2].contains(";") ? f[2].substring(0, f[2].indexOf(';')) : f[2]);
        switch (type) {
            case 0:
                return target.setBreakpoint(addr, on) ? "OK" : "E01";
            case 2:
                if (kind < 1 || kind > 8) {
                    return "E01";
                }
                return target.setWatchpoint(addr, (int) kind, on) ? "OK" : "E01";
            default:
                return ""; // hardware breakpoints, read and access watchpoints are not offered
        }
    }

    // ------------------------------------------------------------------ execution

    private String resume(GdbTarget.Direction dir, boolean step, int tid) throws IOException {
        if (target.threads().isEmpty()) {
            return target.lastStop().reply();
        }
        if (target.cpu(tid) == null) {
            tid = target.threads().get(0);
        }
        StopReply e;
        if (step || dir == GdbTarget.Direction.REVERSE) {
            e = target.resume(dir, step, tid);
        } else {
            e = continueWatchingForInterrupt(tid);
        }
        if (!e.processEnded()) {
            gThread = cThread = e.tid();
        }
        return e.reply();
    }

    /**
     * A forward continue, with a helper thread reading the connection meanwhile: gdb's Ctrl-C
     * (byte 0x03) interrupts the target; any other byte is left for the packet loop (gdb sends
     * nothing else while the target runs, in all-stop mode). The helper ends before this returns.
     */
    private StopReply continueWatchingForInterrupt(int tid) throws IOException {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            try {
                while (running.get()) {
                    if (in.available() > 0) {
                        in.mark(1);
                        int b = in.read();
                        if (b == 0x03) {
                            target.interrupt();
                        } else {
                            // not ours: leave it for the packet loop and stop looking
                            in.reset();
                            return;
                        }
                    } else {
                        Thread.sleep(5);
                    }
                }
            } catch (IOException | InterruptedException e) {
                target.interrupt();
            }
        }, "gdb-interrupt");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return target.resume(GdbTarget.Direction.FORWARD, false, tid);
        } finally {
            running.set(false);
            try {
                watcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the interrupt watcher");
            }
        }
    }

    private String vPacket(String p) throws IOException {
        if (p.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        if (p.startsWith("vCont;")) {
            return vCont(p.substring(6));
        }
        if (p.startsWith("vKill")) {
            target.kill();
            done = true;
            return "OK";
        }
        return ""; // vMustReplyEmpty, vFile, vRun, vAttach...
    }

    /**
     * vCont: the first action that names a thread (or applies to all) decides; a step of one
     * thread with the others continuing is a step of that thread, as the machine runs the
     * others in between exactly as it would without the debugger. Signals given with C/S are
     * not delivered.
     */
    private String vCont(String actions) throws IOException {
        boolean step = false;
        int tid = cThread;
        boolean any = false;
        for (String a : actions.split(";")) {
            if (a.isEmpty()) {
                continue;
            }
            char k = a.charAt(0);
            if (k != 'c' && k != 's' && k != 'C' && k != 'S') {
                return "E01";
            }
            int colon = a.indexOf(':');
            int t = colon < 0 ? -1 : threadId(a.substring(colon + 1));
            if (k == 's' || k == 'S') {
                if (!step) {
                    step = true;
                    tid = t > 0 ? t : cThread;
                }
            }
            any = true;
        }
        if (!any) {
            return "E01";
        }
        return resume(GdbTarget.Direction.FORWARD, step, tid);
    }

    // ------------------------------------------------------------------ queries

    private String query(String p) {
        if (p.startsWith("qSupported")) {
            return "PacketSize=" + Hex.number(PACKET_SIZE) + ";QStartNoAckMode+;qXfer:features:read+;"
                    + "qXfer:exec-file:read+;swbreak+;ReverseStep+;ReverseContinue+";
        }
        if (p.equals("QStartNoAckMode")) {
            // the OK still travels acknowledged; from the next packet on, no acks either way
            ack = false;
            return "OK";
        }
        if (p.equals("qfThreadInfo")) {
            List<Integer> ts = target.threads();
            if (ts.isEmpty()) {
                return "l";
            }
            StringBuilder sb = new StringBuilder("m");
            for (int i = 0; i < ts.size(); i++) {
                sb.append(i > 0 ? "," : "").append(Hex.number(ts.get(i)));
            }
            return sb.toString();
        }
        if (p.equals("qsThreadInfo")) {
            return "l";
        }
        if (p.equals("qC")) {
            int t = target.lastStop().tid();
            return t > 0 ? "QC" + Hex.number(t) : "E01";
        }
        if (p.equals("qAttached")) {
            return "0"; // the stub started the process: quitting gdb kills it
        }
        if (p.startsWith("qThreadExtraInfo,")) {
            int tid = threadId(p.substring("qThreadExtraInfo,".length()));
            return target.cpu(tid) == null ? "E01" : Hex.encodeText(target.describe(tid));
        }
        if (p.startsWith("qXfer:features:read:")) {
            return xfer(p.substring("qXfer:features:read:".length()), "target.xml", targetXml);
        }
        if (p.startsWith("qXfer:exec-file:read:")) {
            String path = target.execFile();
            if (path == null) {
                return "E01";
            }
            String rest = p.substring("qXfer:exec-file:read:".length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return "E01";
            }
            return xfer("x" + rest.substring(colon), "x", path.getBytes(StandardCharsets.UTF_8));
        }
        if (p.equals("qSymbol::")) {
            return "OK";
        }
        return "";
    }

    /** A qXfer read reply: annex:offset,length → m (more follows) or l (last) and the bytes. */
    private static String xfer(String args, String annex, byte[] data) {
        int colon = args.indexOf(':');
        if (colon < 0 || !args.substring(0, colon).equals(annex)) {
            return "E00";
        }
        String[] ol = args.substring(colon + 1).split(",");
        if (ol.length != 2) {
            return "E01";
        }
        long off = Hex.number(ol[0]);
        long len = Math.min(Hex.number(ol[1]), PACKET_SIZE / 2);
        if (off >= data.length) {
            return "l";
        }
        int end = (int) Math.min(data.length, off + len);
        String chunk = new String(data, (int) off, end - (int) off, StandardCharsets.ISO_8859_1);
        return (end < data.length ? "m" : "l") + chunk;
    }
}
