package gmpvm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.cpu.CpuState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler's rounds: a quantum per CPU, run in grains when there are several CPUs. */
class SchedulerTest {
    static GuestThread thread(int tid) {
        return new GuestThread(tid, new CpuState());
    }

    @Test
    void oneCpuRunsWholeQuanta() {
        Scheduler s = new Scheduler(1, 0, 10_000);
        GuestThread a = thread(1);
        s.enqueue(a);
        assertEquals(List.of(a), s.nextRound());
        assertEquals(10_000, s.sliceBudget(a));
    }

    @Test
    void severalCpusRunTheQuantumInGrainsAndKeepTheirThreads() {
        Scheduler s = new Scheduler(2, 0, 10_000);
        GuestThread a = thread(1);
        GuestThread b = thread(2);
        GuestThread c = thread(3);
        s.enqueue(a);
        s.enqueue(b);
        s.enqueue(c);
        for (int grain = 0; grain < 5; grain++) {
            assertEquals(List.of(a, b), s.nextRound(), "grain " + grain);
            assertEquals(2_000, s.sliceBudget(a));
            assertEquals(2_000, s.sliceBudget(b));
            s.sliceEnded(a, 2_000, false);
            s.sliceEnded(b, 2_000, false);
        }
        // their quanta are spent: c gets a CPU, then a goes on
        assertEquals(List.of(c, a), s.nextRound());
    }

    @Test
    void aThreadWokenWhileACpuIsFreeRunsInTheNextGrain() {
        Scheduler s = new Scheduler(2, 0, 10_000);
        GuestThread a = thread(1);
        GuestThread woken = thread(2);
        s.enqueue(a);
        assertEquals(List.of(a), s.nextRound());
        s.sliceBudget(a);
        s.enqueue(woken); // a futex wake during a's slice
        s.sliceEnded(a, 2_000, false);
        assertEquals(List.of(a, woken), s.nextRound(), "a keeps its CPU, the woken thread takes the free one");
    }

    @Test
    void aYieldGivesUpTheCpu() {
        Scheduler s = new Scheduler(1, 0, 10_000);
        GuestThread a = thread(1);
        GuestThread b = thread(2);
        s.enqueue(a);
        s.enqueue(b);
        assertEquals(List.of(a), s.nextRound());
        s.sliceBudget(a);
        s.sliceEnded(a, 100, true);
        assertEquals(List.of(b), s.nextRound());
    }
}
