package gmpvm.loader.debug;

import java.util.Map;

/**
 * Go's words for why a goroutine waits (runtime2.go's waitReasonStrings), keyed by the
 * constant's name in go_asm.h (or in a Go binary's DWARF, which names them the same), so the
 * number always comes from the program's layout.
 */
final class WaitReasons {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("waitReasonZero", ""),
            Map.entry("waitReasonGCAssistMarking", "GC assist marking"),
            Map.entry("waitReasonIOWait", "IO wait"),
            Map.entry("waitReasonChanReceiveNilChan", "chan receive (nil chan)"),
            Map.entry("waitReasonChanSendNilChan", "chan send (nil chan)"),
            Map.entry("waitReasonDumpingHeap", "dumping heap"),
            Map.entry("waitReasonGarbageCollection", "garbage collection"),
            Map.entry("waitReasonGarbageCollectionScan", "garbage collection scan"),
            Map.entry("waitReasonPanicWait", "panicwait"),
            Map.entry("waitReasonSelect", "select"),
            Map.entry("waitReasonSelectNoCases", "select (no cases)"),
            Map.entry("waitReasonGCAssistWait", "GC assist wait"),
            Map.entry("waitReasonGCSweepWait", "GC sweep wait"),
            Map.entry("waitReasonGCScavengeWait", "GC scavenge wait"),
            Map.entry("waitReasonChanReceive", "chan receive"),
            Map.entry("waitReasonChanSend", "chan send"),
            Map.entry("waitReasonFinalizerWait", "finalizer wait"),
            Map.entry("waitReasonForceGCIdle", "force gc (idle)"),
            Map.entry("waitReasonSemacquire", "semacquire"),
            Map.entry("waitReasonSleep", "sleep"),
            Map.entry("waitReasonSyncCondWait", "sync.Cond.Wait"),
            Map.entry("waitReasonTimerGoroutineIdle", "timer goroutine (idle)"),
            Map.entry("waitReasonTraceReaderBlocked", "trace reader (blocked)"),
            Map.entry("waitReasonWaitForGCCycle", "wait for GC cycle"),
            Map.entry("waitReasonGCWorkerIdle", "GC worker (idle)"),
            Map.entry("waitReasonPreempted", "preempted"),
            Map.entry("waitReasonDebugCall", "debug call"));

    private WaitReasons() {
    }

    /** The text for go_asm.h's constant name; an unknown name is shown as itself. */
    static String text(String constant) {
        return TEXT.getOrDefault(constant, constant);
    }
}
