package gmpvm.loader.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which runtime routines the recorder watches and what each means: the symbol → event table.
 * A routine missing from the program is skipped, so entries for routines the runtime does not
 * have yet cost nothing and start recording the day they appear.
 */
final class Hooks {
    /** What happens when a thread enters a hooked routine. */
    enum Kind {
        /** casgstatus(gp, old, new): every goroutine state change (created, runs, blocks, wakes, exits). */
        STATUS,
        /** runqsteal(pp, p2, stealRunNextG): a steal; counted at its return. */
        STEAL,
        /** futexsleep(addr, val, ns): the M parks on a futex until the call returns. */
        PARK,
        /** schedtrace(detailed): the counters are sampled where it reads them (its printlock). */
        SCHEDTRACE,
        /** printlock: the point inside schedtrace where its numbers are read. */
        PRINTLOCK,
        /** entersyscall, entersyscallblock: the running g enters a system call (they set _Gsyscall inline). */
        SYSCALL_ENTER,
        /** exitsyscall_run: the g in SI has a P again and runs on (exitsyscall's inline status change). */
        SYSCALL_RUN,
        /** stopTheWorldWithSema: the world stops; a "world stopped" slice opens on the M's track. */
        STW_BEGIN,
        /** startTheWorldWithSema: the world starts again; the M's "world stopped" slice closes. */
        STW_END,
        /** An instant on the M's track, named for the routine (the table's text says what it means). */
        INSTANT
    }

    /** A table entry: the routine, its kind, and the words an instant shows. */
    record Entry(String symbol, Kind kind, String text) {
    }

    /**
     * The table for a runtime: gmpvm's (goToolchain false) or Go's own. Go's entersyscall and
     * exitsyscall change the status through casgstatus, already watched, so their entries are
     * gmpvm's only (its fast paths set _Gsyscall inline).
     */
    static Map<String, Entry> table(boolean goToolchain) {
        if (!goToolchain) {
            return TABLE;
        }
        Map<String, Entry> m = new LinkedHashMap<>(TABLE);
        m.values().removeIf(e -> e.kind() == Kind.SYSCALL_ENTER || e.kind() == Kind.SYSCALL_RUN);
        return m;
    }

    /** {@code gogo} for {@code runtime.gogo} and Go's {@code runtime.gogo.abi0}. */
    static String shortName(String symbol) {
        String s = symbol.endsWith(".abi0") ? symbol.substring(0, symbol.length() - 5) : symbol;
        return s.substring(s.lastIndexOf('.') + 1);
    }

    /** The table, in Go's names. */
    static final Map<String, Entry> TABLE = table(
            new Entry("runtime.casgstatus", Kind.STATUS, "goroutine status"),
            new Entry("runtime.runqsteal", Kind.STEAL, "steal"),
            new Entry("runtime.futexsleep", Kind.PARK, "parked (futex)"),
            new Entry("runtime.schedtrace", Kind.SCHEDTRACE, "schedtrace"),
            new Entry("runtime.printlock", Kind.PRINTLOCK, "printlock"),
            new Entry("runtime.stopm", Kind.INSTANT, "stopm: M stops, idle"),
            new Entry("runtime.startm", Kind.INSTANT, "startm: start an M for a P"),
            new Entry("runtime.wakep", Kind.INSTANT, "wakep: wake a spinning M"),
            new Entry("runtime.handoffp", Kind.INSTANT, "handoffp: hand the P off"),
            new Entry("runtime.newm", Kind.INSTANT, "newm: new M"),
            new Entry("runtime.newstack", Kind.INSTANT, "newstack: stack growth or preemption"),
            new Entry("runtime.procresize", Kind.INSTANT, "procresize: GOMAXPROCS changes"),
            new Entry("runtime.asyncPreempt", Kind.INSTANT, "asyncPreempt: preempted by signal"),
            new Entry("runtime.entersyscall", Kind.SYSCALL_ENTER, "entersyscall"),
            new Entry("runtime.entersyscallblock", Kind.SYSCALL_ENTER, "entersyscallblock"),
            new Entry("runtime.exitsyscall_run", Kind.SYSCALL_RUN, "exitsyscall: back on a P"),
            new Entry("runtime.retake", Kind.INSTANT, "sysmon retake"),
            new Entry("runtime.preemptone", Kind.INSTANT, "preemptone: preemption requested"),
            new Entry("runtime.preemptM", Kind.INSTANT, "preemptM: SIGURG sent"),
            new Entry("runtime.timeSleep", Kind.INSTANT, "timeSleep"),
            new Entry("runtime.checkTimers", Kind.INSTANT, "checkTimers"),
            // on g0, in both runtimes: Go's garbage collector calls them directly, not through stopTheWorld
            new Entry("runtime.stopTheWorldWithSema", Kind.STW_BEGIN, "world stopped"),
            new Entry("runtime.startTheWorldWithSema", Kind.STW_END, "world stopped"),
            // Go's garbage collector (gmpvm's runtime has none)
            // (gcStart often returns at once, its trigger not met; a cycle that starts calls startCycle)
            new Entry("runtime.(*gcControllerState).startCycle", Kind.INSTANT, "gcController.startCycle: a GC cycle begins"),
            new Entry("runtime.gcMarkDone", Kind.INSTANT, "gcMarkDone: marking may be done"),
            new Entry("runtime.gcMarkTermination", Kind.INSTANT, "gcMarkTermination: marking ends, sweeping begins"));

    /**
     * The routines after whose instructions the g in TLS may have changed: a context switch is
     * the g changing there, named after the routine.
     */
    static final String[] SWITCHERS = {
        "runtime.rt0_go", "runtime.gogo", "runtime.mcall", "runtime.systemstack", "runtime.morestack",
        "runtime.setg", "runtime.sigtrampgo", "runtime.sigtramp", "runtime.clone", "runtime.mstart",
        "runtime.mstart0", "runtime.asyncPreempt", "runtime.asyncPreempt2",
        // Go's runtime.gogo jumps to gogo<>, a local symbol, which stores the new g
        "gogo"};

    private Hooks() {
    }

    private static Map<String, Entry> table(Entry... entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.symbol(), e);
        }
        return m;
    }
}
