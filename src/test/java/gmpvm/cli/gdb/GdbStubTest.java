package gmpvm.cli.gdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import gmpvm.emulator.memory.Prot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The stub's packet handling against a scripted target: registers, memory, threads, queries, bad input. */
class GdbStubTest {
    static final long PAGE = 0x10000;

    /** Two threads with fixed registers, one page of memory, and a log of what was asked. */
    static final class FakeTarget implements GdbTarget {
        final GuestMemory mem = new GuestMemory();
        final CpuState a = new CpuState();
        final CpuState b = new CpuState();
        final List<String> log = new ArrayList<>();

        FakeTarget() {
            mem.map(PAGE, 4096, Prot.READ);
            for (int i = 0; i < 16; i++) {
                a.r[i] = 0x1111111100000000L + i;
                b.r[i] = 0x2222222200000000L + i;
            }
            a.rip = 0x401000;
            b.rip = 0x402000;
            a.xmmLo[3] = 0x0102030405060708L;
            a.xmmHi[3] = 0x1112131415161718L;
            a.fsBase = 0x7000;
        }

        @Override
        public List<Integer> threads() {
            return List.of(1000, 1001);
        }

        @Override
        public CpuState cpu(int tid) {
            return tid == 1000 ? a : tid == 1001 ? b : null;
        }

        @Override
        public String describe(int tid) {
            return tid == 1000 ? "M0: G1 main.main" : "M1: g0";
        }

        @Override
        public byte[] readMemory(long addr, int len) {
            try {
                return mem.peek(addr, len);
            } catch (MemoryFault f) {
                return null;
            }
        }

        @Override
        public boolean writeMemory(long addr, byte[] data) {
            try {
                mem.peek(addr, data.length);
                mem.poke(addr, data, 0, data.length);
                return true;
            } catch (MemoryFault f) {
                return false;
            }
        }

        @Override
        public boolean setBreakpoint(long addr, boolean on) {
            log.add((on ? "break " : "unbreak ") + Long.toHexString(addr));
            return true;
        }

        @Override
        public boolean setWatchpoint(long addr, int len, boolean on) {
            log.add((on ? "watch " : "unwatch ") + Long.toHexString(addr) + "/" + len);
            return true;
        }

        @Override
        public void interrupt() {
            log.add("interrupt");
        }

        @Override
        public StopReply resume(Direction dir, boolean step, int tid) {
            log.add(dir + (step ? " step " + tid : " continue"));
            return step ? StopReply.of(StopReply.Kind.STEPPED, tid) : new StopReply(StopReply.Kind.WATCHPOINT, 1001, PAGE + 8, 0);
        }

        @Override
        public StopReply lastStop() {
            return StopReply.of(StopReply.Kind.STEPPED, 1000);
        }

        @Override
        public String execFile() {
            return "/tmp/prog with $pecial}chars";
        }

        @Override
        public void kill() {
            log.add("kill");
        }

        @Override
        public void detach() {
            log.add("detach");
        }
    }

    /** Sends packets (framed) and returns every reply payload in order (acks dropped). */
    static List<String> exchange(GdbTarget t, String... packets) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String p : packets) {
            wire.writeBytes(PacketWriter.frame(p.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return replies(t, wire.toByteArray());
    }

    static List<String> replies(GdbTarget t, byte[] wire) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GdbStub(t).serve(new ByteArrayInputStream(wire), out);
        PacketReader r = new PacketReader(new ByteArrayInputStream(out.toByteArray()), 1 << 20);
        List<String> got = new ArrayList<>();
        for (Incoming m = r.next(); m.kind() != Incoming.Kind.EOF; m = r.next()) {
            got.add(m.kind() == Incoming.Kind.PACKET ? m.text() : m.kind().name());
        }
        return got;
    }

    @Test
    void advertisesPacketSizeNoAckSwbreakAndReverseExecution() throws IOException {
        String s = exchange(new FakeTarget(), "qSupported:multiprocess+;swbreak+;xmlRegisters=i386").get(0);
        assertTrue(s.contains("PacketSize=4000"), s);
        for (String f : new String[] {"QStartNoAckMode+", "qXfer:features:read+", "qXfer:exec-file:read+",
            "swbreak+", "ReverseStep+", "ReverseContinue+"}) {
            assertTrue(s.contains(f), f + " in " + s);
        }
    }

    @Test
    void targetXmlListsEveryRegisterOnceWithTheGPacketsNumbering() throws Exception {
        FakeTarget t = new FakeTarget();
        StringBuilder xml = new StringBuilder();
        for (int off = 0; ; off += 0x100) {
            String r = exchange(t, "qXfer:features:read:target.xml:" + Long.toHexString(off) + ",100").get(0);
            xml.append(r.substring(1));
            if (r.charAt(0) == 'l') {
                break;
            }
            assertEquals('m', r.charAt(0));
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("i386:x86-64", d.getElementsByTagName("architecture").item(0).getTextContent());
        NodeList regs = d.getElementsByTagName("reg");
        Amd64Registers layout = new Amd64Registers();
        assertEquals(layout.count(), regs.getLength());
        int bits = 0;
        for (int i = 0; i < regs.getLength(); i++) {
            Element e = (Element) regs.item(i);
            assertEquals(i, Integer.parseInt(e.getAttribute("regnum")));
            assertEquals(layout.all().get(i).name(), e.getAttribute("name"));
            bits += Integer.parseInt(e.getAttribute("bitsize"));
        }
        assertEquals(layout.totalBytes() * 8, bits);
        String all = xml.toString();
        for (String name : new String[] {"\"st0\"", "\"st7\"", "\"fctrl\"", "\"fop\"", "\"xmm15\"", "\"mxcsr\"",
            "\"fs_base\"", "org.gnu.gdb.i386.core", "org.gnu.gdb.i386.sse"}) {
            assertTrue(all.contains(name), name);
        }
        assertEquals("E00", exchange(t, "qXfer:features:read:other.xml:0,100").get(0));
    }

    @Test
    void gPacketIsGdbsOrderInTargetByteOrder() throws IOException {
        FakeTarget t = new FakeTarget();
        Amd64Registers layout = new Amd64Registers();
        String g = exchange(t, "g").get(0);
        assertEquals(layout.totalBytes() * 2, g.length());
        // rax, then rbx (encoding 3), then rcx (encoding 1)
        assertEquals(Hex.littleEndian(0x1111111100000000L, 8), g.substring(0, 16));
        assertEquals(Hex.littleEndian(0x1111111100000003L, 8), g.substring(16, 32));
        assertEquals(Hex.littleEndian(0x1111111100000001L, 8), g.substring(32, 48));
        // rsp is gdb's 7, the encoding's 4
        assertEquals(Hex.littleEndian(0x1111111100000004L, 8), exchange(t, "p7").get(0));
        assertEquals(Hex.littleEndian(0x401000, 8), exchange(t, "p10").get(0));
        assertEquals(Hex.littleEndian(0x33, 4), exchange(t, "p12").get(0));
        assertEquals(Hex.littleEndian(0x37f, 4), exchange(t, "p20").get(0));
        assertEquals("0807060504030201" + "1817161514131211", exchange(t, "p2b").get(0));
        assertEquals(Hex.littleEndian(0x1f80, 4), exchange(t, "p38").get(0));
        assertEquals(Hex.littleEndian(0x7000, 8), exchange(t, "p3a").get(0));
        // Hg switches the thread whose registers are read
        assertEquals(Hex.littleEndian(0x402000, 8), exchange(t, "Hg3e9", "p10").get(1));
        assertEquals("E01", exchange(t, "p3c").get(0));
        assertEquals("E01", exchange(t, "Hg7").get(0));
    }

    @Test
    void registerWritesReachTheCpuAndGRoundTrips() throws IOException {
        FakeTarget t = new FakeTarget();
        assertEquals("OK", exchange(t, "P3=" + Hex.littleEndian(0xdeadbeefL, 8)).get(0));
        assertEquals(0xdeadbeefL, t.a.r[CpuState.RDX]);
        assertEquals("OK", exchange(t, "P11=" + Hex.littleEndian(0x0c5, 4)).get(0));
        assertEquals(0x0c5, t.a.rflags() & 0x8d5); // CF PF ZF SF set, AF OF clear
        assertEquals("E01", exchange(t, "P3=1234").get(0));
        String g = exchange(t, "g").get(0);
        FakeTarget u = new FakeTarget();
        assertEquals("OK", exchange(u, "G" + g).get(0));
        assertEquals(g, exchange(u, "g").get(0));
        assertEquals(0xdeadbeefL, u.a.r[CpuState.RDX]);
        assertEquals("E01", exchange(u, "G00").get(0));
    }

    @Test
    void memoryReadsWritesAndFaults() throws IOException {
        FakeTarget t = new FakeTarget();
        assertEquals("00000000", exchange(t, "m10000,4").get(0));
        assertEquals("E14", exchange(t, "m20000,4").get(0));
        assertEquals("E14", exchange(t, "m10ffe,4").get(0)); // runs off the mapped page
        assertEquals("OK", exchange(t, "M10004,2:abcd").get(0));
        assertEquals("abcd", Hex.encode(t.mem.peek(PAGE + 4, 2)));
        // binary X data with escaped bytes: # $ } * and 0x03
        byte[] data = {'#', '$', '}', '*', 3, 0};
        String x = "X10010,6:" + new String(data, StandardCharsets.ISO_8859_1);
        assertEquals("OK", exchange(t, x).get(0));
        assertArrayEquals(data, t.mem.peek(PAGE + 0x10, 6));
        assertEquals("OK", exchange(t, "X10010,0:").get(0));
        assertEquals("E14", exchange(t, "M30000,1:00").get(0));
        assertEquals("E01", exchange(t, "M10000,2:00").get(0));
        // a huge length is cut to what fits a packet
        assertEquals("E14", exchange(t, "m10000,ffffffff").get(0));
        assertEquals(4096, exchange(t, "m10000,800").get(0).length());
    }

    @Test
    void threadsExtraInfoAndStopReplies() throws IOException {
        FakeTarget t = new FakeTarget();
        List<String> r = exchange(t, "qfThreadInfo", "qsThreadInfo", "qC", "T3e9", "T5", "?",
                "qThreadExtraInfo,3e8", "qThreadExtraInfo,3e9", "qAttached");
        assertEquals(List.of("m3e8,3e9", "l", "QC3e8", "OK", "E01", "T05thread:3e8;",
                Hex.encodeText("M0: G1 main.main"), Hex.encodeText("M1: g0"), "0"), r);
    }

    @Test
    void vContStepsTheNamedThreadAndReportsTheStoppingOne() throws IOException {
        FakeTarget t = new FakeTarget();
        List<String> r = exchange(t, "vCont?", "vCont;s:3e9;c", "vCont;c", "bs", "bc", "vCont;x", "Z0,401000,1",
                "z0,401000,1", "Z2,10008,8", "Z2,10008,20", "Z1,401000,1", "Z4,10008,8");
        assertEquals(List.of("vCont;c;C;s;S", "T05thread:3e9;", "T05thread:3e9;watch:10008;", "T05thread:3e9;",
                "T05thread:3e9;watch:10008;", "E01", "OK", "OK", "OK", "E01", "", ""), r);
        assertEquals(List.of("FORWARD step 1001", "FORWARD continue", "REVERSE step 1001", "REVERSE continue",
                "break 401000", "unbreak 401000", "watch 10008/8"), t.log);
    }

    @Test
    void detachLetsTheProcessRunOnAfterTheReply() throws IOException {
        FakeTarget t = new FakeTarget();
        assertEquals(List.of("OK"), exchange(t, "D", "qC"));
        assertEquals(List.of("detach"), t.log);
    }

    @Test
    void execFileIsServedEscaped() throws IOException {
        assertEquals("l/tmp/prog with $pecial}chars", exchange(new FakeTarget(), "qXfer:exec-file:read::0,100").get(0));
    }

    @Test
    void damagedPacketsAreNakedThenErrorsAfterNoAck() throws IOException {
        FakeTarget t = new FakeTarget();
        byte[] wire = ("$g#00" + "$QStartNoAckMode#b0" + "$g#00").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GdbStub(t).serve(new ByteArrayInputStream(wire), out);
        assertEquals("-+$OK#9a$E02#a7", out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void oversizedPacketsGetAnError() throws IOException {
        String big = "M10000,4000:" + "00".repeat(GdbStub.PACKET_SIZE);
        List<String> r = exchange(new FakeTarget(), big, "qC");
        assertEquals(List.of("E01", "QC3e8"), r);
    }

    @Test
    void malformedCommandsGetAnErrorAndTheSessionGoesOn() throws IOException {
        String[] bad = {"m", "m10000", "mzz,4", "m10000,", "M10000", "M1,1", "X1", "p", "pzz", "P", "P1", "Pzz=00",
            "H", "Hx1", "Hg", "T", "Tzz", "Z", "Z0", "Z0,1", "zz,1,1", "qThreadExtraInfo,zz", "vCont;", "vCont;s:zz",
            "qXfer:features:read:target.xml:zz", "qXfer:features:read:target.xml", "c1234", "G0", "qXfer:exec-file:read:"};
        for (String p : bad) {
            List<String> r = exchange(new FakeTarget(), p, "qC");
            assertEquals(2, r.size(), p);
            assertTrue(r.get(0).startsWith("E"), p + " -> " + r.get(0));
            assertEquals("QC3e8", r.get(1), p);
        }
        assertEquals(List.of("", "QC3e8"), exchange(new FakeTarget(), "vMustReplyEmpty", "qC"));
    }

    @Test
    void randomPacketsNeverBreakTheStub() throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        String alphabet = "mMXgGpPHTZzcsbvq?,:;=0123456789abcdef$#}*\u0003x-+";
        for (int round = 0; round < 3000; round++) {
            StringBuilder p = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) {
                p.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            FakeTarget t = new FakeTarget();
            List<String> got = exchange(t, p.toString(), "qC");
            assertFalse(got.isEmpty(), p.toString());
            assertTrue(got.contains("QC3e8") || t.log.contains("kill") || p.toString().startsWith("D")
                    || p.toString().startsWith("k") || p.toString().startsWith("vKill"), p + " -> " + got);
        }
    }
}
