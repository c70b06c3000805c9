package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * runtime·GOMAXPROCS at run time: stopTheWorld, procresize, startTheWorld. The new number shows
 * in runtime·gomaxprocs, in allp's statuses and in GODEBUG=schedtrace; a P that the shrink
 * destroys loses neither the goroutines queued on it nor its timers.
 */
class StopTheWorldTest {
    static final String HEADERS = "#include \"go_asm.h\"\n#include \"go_tls.h\"\n#include \"textflag.h\"\n";

    /** main grows to 4 Ps, puts a timer (due in 1 ms, counting in fired) into P3's heap and
     *  moves half of the 50 goroutines it queued (counting in ran) to P3's run queue, then
     *  shrinks to 1 P, destroying P3. It prints GOMAXPROCS's result, P3's status after,
     *  gomaxprocs, whether the timer is in P0's heap now, and, after a 5 ms sleep, how many
     *  goroutines ran and how many times the timer fired. */
    static final String SHRINK = """
                GLOBL	ran<>(SB), NOPTR, $8
                GLOBL	fired<>(SB), NOPTR, $8
                GLOBL	t<>(SB), NOPTR, $timer__size
                TEXT main·main(SB), $40-0
                	MOVQ	$4, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	MOVQ	runtime·allp+24(SB), BX   // P3
                	MOVQ	BX, p3-8(SP)
                	// a timer in P3's heap, due in 1 ms, whose function counts
                	CALL	runtime·nanotime(SB)
                	MOVQ	0(SP), AX
                	ADDQ	$1000000, AX
                	MOVQ	AX, t<>+timer_when(SB)
                	LEAQ	main·fire(SB), AX
                	MOVQ	AX, t<>+timer_f(SB)
                	MOVL	$timerWaiting, t<>+timer_status(SB)
                	MOVQ	p3-8(SP), BX
                	LEAQ	p_timersLock(BX), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·lock(SB)
                	MOVQ	p3-8(SP), BX
                	MOVQ	BX, 0(SP)
                	LEAQ	t<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·doaddtimer(SB)
                	MOVQ	p3-8(SP), BX
                	LEAQ	p_timersLock(BX), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·unlock(SB)
                	// 50 goroutines, half of those queued here moved to P3's run queue
                	MOVQ	$0, i-16(SP)
                spawn:
                	MOVL	$0, 0(SP)
                	LEAQ	incPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	i-16(SP)
                	CMPQ	i-16(SP), $50
                	JLT	spawn
                	MOVQ	p3-8(SP), BX
                	MOVQ	BX, 0(SP)
                	get_tls(CX)
                	MOVQ	g(CX), AX
                	MOVQ	g_m(AX), AX
                	MOVQ	m_p(AX), AX
                	MOVQ	AX, 8(SP)
                	MOVB	$0, 16(SP)
                	CALL	runtime·runqsteal(SB)
                	MOVQ	24(SP), AX
                	CMPQ	AX, $0                    // (other Ms may have stolen them all)
                	JEQ	shrink
                	MOVQ	p3-8(SP), BX
                	MOVQ	BX, 0(SP)
                	MOVQ	AX, 8(SP)
                	MOVB	$0, 16(SP)
                	CALL	runtime·runqput(SB)
                shrink:
                	MOVQ	$1, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	MOVQ	8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)          // 4
                	CALL	runtime·printsp(SB)
                	MOVQ	p3-8(SP), BX
                	MOVL	p_status(BX), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)          // 4: _Pdead
                	CALL	runtime·printsp(SB)
                	MOVQ	runtime·gomaxprocs(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)          // 1
                	CALL	runtime·printsp(SB)
                	MOVQ	t<>+timer_pp(SB), AX          // the timer is in P0's heap now
                	CMPQ	AX, runtime·allp(SB)
                	SETEQ	AX
                	MOVB	AX, 0(SP)
                	CALL	runtime·printbool(SB)
                	CALL	runtime·printsp(SB)
                	MOVQ	$5000000, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	MOVQ	ran<>(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)          // 50
                	CALL	runtime·printsp(SB)
                	MOVQ	fired<>(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)          // 1
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·inc(SB), NOSPLIT, $0-0
                	LOCK
                	INCQ	ran<>(SB)
                	RET
                TEXT main·fire(SB), NOSPLIT, $0-16
                	LOCK
                	INCQ	fired<>(SB)
                	RET
                DATA	incPC<>+0(SB)/8, $main·inc(SB)
                GLOBL	incPC<>(SB), RODATA, $8
                """;

    @Test
    void aDestroyedPsRunQueueAndTimersSurviveTheShrink() throws Exception {
        byte[] elf = RuntimeRun.buildText("shrink.s", HEADERS + SHRINK);
        for (int cpus : new int[] {1, 4}) {
            for (long seed = 0; seed < 8; seed++) {
                RuntimeRun.Result r = RuntimeRun.run(elf, seed, cpus, "GOMAXPROCS=4");
                String where = "cpus=" + cpus + " seed=" + seed + ": " + r.both();
                assertEquals(0, r.status(), where);
                // previous 4 | P3 _Pdead (4) | gomaxprocs 1 | timer moved to P0 | 50 ran | fired once
                assertEquals("4 4 1 true 50 1", r.err().trim(), where);
            }
        }
    }

    @Test
    void allpAndGomaxprocsFollowEachChange() throws Exception {
        // 2 -> 4 -> 3 -> 1: after each change print gomaxprocs and the status of P0..P3
        String prog = """
                #define SHOW \\
                	MOVQ	runtime·gomaxprocs(SB), AX; MOVQ AX, 0(SP); CALL runtime·printint(SB); \\
                	CALL	main·statuses(SB); \\
                	CALL	runtime·printnl(SB)
                TEXT main·main(SB), $16-0
                	MOVQ	$4, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	SHOW
                	MOVQ	$3, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	SHOW
                	MOVQ	$1, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	SHOW
                	MOVQ	$-1, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	MOVQ	8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                // statuses(): prints " s" for allp[0..4): the status, or -1 for a P never made
                TEXT main·statuses(SB), $24-0
                	MOVQ	$0, i-8(SP)
                each:
                	CALL	runtime·printsp(SB)
                	MOVQ	i-8(SP), BX
                	LEAQ	runtime·allp(SB), AX
                	MOVQ	(AX)(BX*8), AX
                	MOVQ	$-1, CX
                	CMPQ	AX, $0
                	JEQ	2(PC)
                	MOVL	p_status(AX), CX
                	MOVQ	CX, 0(SP)
                	CALL	runtime·printint(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $4
                	JLT	each
                	RET
                """;
        byte[] elf = RuntimeRun.buildText("allp.s", HEADERS + prog);
        for (long seed = 0; seed < 5; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 2, "GOMAXPROCS=2");
            // each P is running (1: main's, or a spinning M's) or idle (0); after the shrink to
            // 3, P3 is dead (4); after the shrink to 1, P1..P3 are. n <= 0 only reports (1).
            assertEquals(0, r.status(), r.both());
            String[] lines = r.err().trim().split("\n");
            assertEquals(4, lines.length, r.both());
            assertTrue(lines[0].matches("4( [01]){4}"), r.both());
            assertTrue(lines[1].matches("3( [01]){3} 4"), r.both());
            assertEquals("1 1 4 4 4", lines[2], r.both());
            assertEquals("1", lines[3], r.both());
        }
    }

    @Test
    void schedtraceShowsTheNewGomaxprocs() throws Exception {
        String prog = """
                TEXT main·main(SB), $16-0
                	MOVQ	$3, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	MOVQ	$3000000, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	RET
                """;
        byte[] elf = RuntimeRun.buildText("trace.s", HEADERS + prog);
        RuntimeRun.Result r = RuntimeRun.run(elf, 0, 1, "GOMAXPROCS=1", "GODEBUG=schedtrace=1");
        Matcher m = Pattern.compile("(?m)^SCHED \\d+ms: gomaxprocs=(\\d+) idleprocs=(\\d+)").matcher(r.err());
        StringBuilder seen = new StringBuilder();
        while (m.find()) {
            seen.append(m.group(1)).append(' ');
        }
        String s = seen.toString().trim();
        assertTrue(s.startsWith("1 ") && s.endsWith(" 3") && s.matches("1( 1)*( 3)+"), s + "\n" + r.both());
    }

    @Test
    void aChangeWhileGoroutinesRunLosesNoWork() throws Exception {
        // the gomaxprocs example at more seeds with 4 simulated CPUs: every worker and sleeper
        // reports, and the counter is exact
        byte[] elf = RuntimeRun.build(java.nio.file.Path.of("runtime-asm", "examples", "gomaxprocs.s"));
        for (long seed = 20; seed < 30; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 4, "GOMAXPROCS=4");
            assertEquals("GOMAXPROCS returned 1\nGOMAXPROCS returned 4\nGOMAXPROCS returned 2\nsum 16000\n", r.both(),
                    "seed=" + seed);
        }
    }

    /** Four goroutines set GOMAXPROCS to 1, 2, 3 and 4, thirty times each, sleeping 100 us and
     *  calling a function between changes; main counts the rounds when all are done. */
    static final String CONCURRENT = """
                GLOBL	done<>(SB), NOPTR, $8
                GLOBL	count<>(SB), NOPTR, $8
                TEXT main·main(SB), $40-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, done<>(SB)
                	MOVQ	$0, i-8(SP)
                start:
                	MOVL	$8, 0(SP)
                	LEAQ	changerPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	i-8(SP), AX
                	INCQ	AX
                	MOVQ	AX, 16(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $4
                	JLT	start
                	MOVQ	$0, i-8(SP)
                wait:
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $4
                	JLT	wait
                	MOVQ	count<>(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                // changer(n): 30 times: GOMAXPROCS(n), a 100us sleep, a call
                TEXT main·changer(SB), $24-8
                	MOVQ	$0, j-8(SP)
                loop:
                	MOVQ	n+0(FP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·GOMAXPROCS(SB)
                	MOVQ	$100000, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	CALL	main·bump(SB)
                	INCQ	j-8(SP)
                	CMPQ	j-8(SP), $30
                	JLT	loop
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	n+0(FP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	RET
                TEXT main·bump(SB), $8-0
                	LOCK
                	INCQ	count<>(SB)
                	RET
                DATA	changerPC<>+0(SB)/8, $main·changer(SB)
                GLOBL	changerPC<>(SB), RODATA, $8
                """;

    @Test
    void concurrentChangesTakeTurnsOnWorldsema() throws Exception {
        byte[] elf = RuntimeRun.buildText("conc.s", HEADERS + CONCURRENT);
        for (int cpus : new int[] {1, 4}) {
            for (long seed = 0; seed < 5; seed++) {
                RuntimeRun.Result r = RuntimeRun.run(elf, seed, cpus, "GOMAXPROCS=2");
                assertEquals("120\n", r.both(), "cpus=" + cpus + " seed=" + seed);
                assertEquals(0, r.status());
            }
        }
    }
}
