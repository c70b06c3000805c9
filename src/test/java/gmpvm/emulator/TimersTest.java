package gmpvm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.cpu.CpuState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sleeping threads' deadlines: due ones fire in tid order, ended waits do not fire or pile up. */
class TimersTest {
    static GuestThread.Wait sleep(long deadline) {
        return new GuestThread.Wait(35, "nanosleep", 0, 0, deadline, 0, false);
    }

    @Test
    void dueThreadsFireInTidOrderAndOnlyWhileTheirWaitLasts() {
        Timers timers = new Timers();
        GuestThread a = new GuestThread(1001, new CpuState());
        GuestThread b = new GuestThread(1002, new CpuState());
        GuestThread c = new GuestThread(1003, new CpuState());
        b.block(sleep(50));
        timers.add(b, 3);
        a.block(sleep(70));
        timers.add(a, 3);
        c.block(sleep(60));
        timers.add(c, 3);
        c.unblock(0, 10); // woken before its deadline
        assertEquals(50, timers.earliest());
        assertEquals(List.of(), timers.due(40));
        assertEquals(List.of(a, b), timers.due(100));
        assertEquals(Long.MAX_VALUE, timers.earliest());
    }

    @Test
    void waitsEndedEarlyDoNotPileUp() {
        Timers timers = new Timers();
        GuestThread t = new GuestThread(1001, new CpuState());
        for (int i = 0; i < 100_000; i++) {
            t.block(sleep(1_000_000_000L + i));
            timers.add(t, 1);
            t.unblock(0, i);
        }
        assertTrue(timers.size() <= 2 + 1024 + 1, "entries: " + timers.size());
        assertEquals(Long.MAX_VALUE, timers.earliest());
    }
}
