package gmpvm.emulator.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The run log's arithmetic: where a thread's n-th instruction retired, from who ran when. */
class RunLogTest {
    @Test
    void countsFollowFromTheSegments() {
        RunLog log = new RunLog();
        log.running(1000, 0, 0);     // 1000 runs instructions 1..100
        log.running(1000, 40, 40);   // the same thread carrying on: no new entry
        log.running(1001, 100, 0);   // 1001 runs 101..150
        log.running(1000, 150, 100); // 1000 again: its 101st is the 151st
        log.reached(180);
        assertEquals(1, log.countAfter(1000, 1));
        assertEquals(100, log.countAfter(1000, 100));
        assertEquals(151, log.countAfter(1000, 101));
        assertEquals(180, log.countAfter(1000, 130));
        assertEquals(-1, log.countAfter(1000, 131), "beyond what the log covers");
        assertEquals(101, log.countAfter(1001, 1));
        assertEquals(150, log.countAfter(1001, 50));
        assertEquals(-1, log.countAfter(1001, 51));
        assertEquals(-1, log.countAfter(1002, 1));
        // a later replay going over the same part adds nothing; beyond it, it extends the log
        log.running(1000, 0, 0);
        log.running(1001, 100, 0);
        log.running(1001, 190, 50);
        log.reached(200);
        assertEquals(200, log.countAfter(1001, 60));
        assertEquals(190, log.countAfter(1000, 140));
    }
}
