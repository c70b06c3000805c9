package gmpvm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.debug.Engine;
import gmpvm.emulator.debug.StopEvent;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.debug.DebugInfo;
import gmpvm.loader.debug.GoRuntime;
import gmpvm.loader.launch.Launcher;
import gmpvm.loader.launch.Settings;
import gmpvm.loader.runtime.RuntimeLayout;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader's views of the runtime's structures, read through go_asm.h's layout. */
class GoRuntimeViewTest {
    @Test
    void goroutinesMsAndTheCurrentGAtMainMain() throws Exception {
        Launcher.Launched l = Programs.launch("hello", Settings.defaults(), new ByteArrayOutputStream());
        Engine e = new Engine(l.machine());
        DebugInfo info = new DebugInfo(l.elf(), l.program().symbols());
        e.breakAt(info.symbol("main·main"));
        StopEvent s = e.cont();
        assertEquals(StopEvent.Reason.BREAKPOINT, s.reason());
        GoRuntime go = new GoRuntime(l.machine().memory(), info);
        assertTrue(go.present());
        GuestThread t = s.thread();
        long g = go.gOf(t);
        assertTrue(go.isG(g));
        GoRuntime.G g1 = go.g(g);
        assertEquals(1, g1.goid());
        assertEquals("running", go.statusName(g1.status()));
        assertTrue(Long.compareUnsigned(t.cpu().r[4], g1.stackLo()) >= 0 && Long.compareUnsigned(t.cpu().r[4], g1.stackHi()) < 0,
                "SP is on G1's stack");
        assertEquals("G1", go.gName(g));
        List<GoRuntime.M> ms = go.allMs();
        assertEquals(0, ms.get(0).id());
        assertEquals(t.tid(), ms.get(0).procid());
        assertEquals(g, ms.get(0).curg());
        assertEquals("g0 of M0", go.gName(ms.get(0).g0()));
        assertEquals(ms.get(0).addr(), go.mOf(t).addr());
        assertEquals("running", go.pStatusName(go.allPs().get(0).status()));
        assertFalse(go.isG(12345));
    }

    @Test
    void deferAndPanicChainsAreWalkedNewestFirst() throws Exception {
        Launcher.Launched l = Programs.launch("hello", Settings.defaults(), new ByteArrayOutputStream());
        Engine e = new Engine(l.machine());
        DebugInfo info = new DebugInfo(l.elf(), l.program().symbols());
        e.breakAt(info.symbol("main.main"));
        e.cont();
        GoRuntime go = new GoRuntime(l.machine().memory(), info);
        RuntimeLayout lay = go.layout();
        GuestMemory mem = l.machine().memory();
        GoRuntime.G g1 = go.goroutine(1);
        // two _defer records and a _panic in the unused low end of G1's stack
        long d1 = g1.stackLo() + 64;
        long d2 = g1.stackLo() + 128;
        long p1 = g1.stackLo() + 192;
        mem.write64(g1.addr() + lay.get("g__defer"), d1);
        mem.write64(d1 + lay.get("_defer_link"), d2);
        mem.write64(d1 + lay.get("_defer_sp"), 0x1111);
        mem.write32(d1 + lay.get("_defer_siz"), 16);
        mem.write64(d2 + lay.get("_defer_link"), 0);
        mem.write8(d2 + lay.get("_defer_started"), 1);
        mem.write64(d2 + lay.get("_defer__panic"), p1);
        mem.write64(g1.addr() + lay.get("g__panic"), p1);
        mem.write64(p1 + lay.get("_panic_link"), 0);
        mem.write64(p1 + lay.get("_panic_arg_data"), 0x2222);
        mem.write8(p1 + lay.get("_panic_recovered"), 1);
        List<GoRuntime.Defer> ds = go.defers(go.goroutine(1));
        assertEquals(2, ds.size());
        assertEquals(0x1111, ds.get(0).sp());
        assertEquals(16, ds.get(0).siz());
        assertFalse(ds.get(0).started());
        assertTrue(ds.get(1).started());
        assertEquals(p1, ds.get(1).panic());
        List<GoRuntime.Panic> ps = go.panics(go.goroutine(1));
        assertEquals(1, ps.size());
        assertEquals(0x2222, ps.get(0).argData());
        assertTrue(ps.get(0).recovered());
    }
}
