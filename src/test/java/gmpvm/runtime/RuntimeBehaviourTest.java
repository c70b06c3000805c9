package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Focused checks of the scheduler and channels, each a small program linked with the runtime
 * (which may read the runtime's globals, e.g. runtime·sched, through go_asm.h offsets), and
 * Go's exact message texts for the failures.
 */
class RuntimeBehaviourTest {
    static final String PRINT_INT = """
            #define PRINTQ(x) \\
            	MOVQ	x, AX; \\
            	MOVQ	AX, 0(SP); \\
            	CALL	runtime·printint(SB); \\
            	CALL	runtime·printsp(SB)
            """;

    static RuntimeRun.Result run(String name, String text, long seed, int procs) throws Exception {
        return RuntimeRun.run(RuntimeRun.buildText(name, "#include \"go_asm.h\"\n#include \"textflag.h\"\n"
                + PRINT_INT + text), seed, procs, "GOMAXPROCS=" + procs);
    }

    @Test
    void moreThan256ReadiedGoroutinesOverflowHalfTheRunqToTheGlobalQueue() throws Exception {
        // 300 go statements without yielding: the first 257 fill runnext and the 256-slot
        // runq; the next kick moves 128 + 1 to the global queue; the rest refill the local queue.
        RuntimeRun.Result r = run("overflow.s", """
                TEXT main·main(SB), $24-0
                	MOVQ	$0, n-8(SP)
                more:
                	MOVL	$0, 0(SP)
                	LEAQ	nopPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	n-8(SP)
                	CMPQ	n-8(SP), $300
                	JLT	more
                	MOVQ	runtime·allp(SB), BX
                	MOVL	p_runqtail(BX), CX
                	SUBL	p_runqhead(BX), CX
                	PRINTQ(CX)
                	MOVLQSX	runtime·sched+schedt_runqsize(SB), CX
                	PRINTQ(CX)
                	MOVQ	runtime·allp(SB), BX
                	MOVQ	p_runnext(BX), CX
                	MOVQ	g_goid(CX), CX
                	PRINTQ(CX)
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·nop(SB), NOSPLIT, $0-0
                	RET
                DATA	nopPC<>+0(SB)/8, $main·nop(SB)
                GLOBL	nopPC<>(SB), RODATA, $8
                """, 0, 1);
        // local 170, global 129, runnext = the last goroutine made (goid 304: goids 2-4 are the
        // runtime's own goroutines, as in Go, where the first user goroutine is goroutine 5)
        assertEquals("170 129 304 \n", r.both());
    }

    @Test
    void goroutineStructsAndStacksAreReusedAfterExit() throws Exception {
        // 1000 goroutines one after the other, each finished before the next starts: allgs
        // stays at main, the runtime's three system goroutines and two reused gs.
        RuntimeRun.Result r = run("reuse.s", """
                TEXT main·main(SB), $24-0
                	MOVQ	$0, n-8(SP)
                more:
                	MOVL	$0, 0(SP)
                	LEAQ	nopPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	CALL	runtime·Gosched(SB)
                	INCQ	n-8(SP)
                	CMPQ	n-8(SP), $1000
                	JLT	more
                	PRINTQ(runtime·allglen(SB))
                	CALL	runtime·NumGoroutine(SB)
                	PRINTQ(0(SP))
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·nop(SB), NOSPLIT, $0-0
                	RET
                DATA	nopPC<>+0(SB)/8, $main·nop(SB)
                GLOBL	nopPC<>(SB), RODATA, $8
                """, 0, 1);
        // two reused gs, not one: every 61st schedtick the global queue (main, after its Gosched)
        // comes first, so main makes the next goroutine before the last one has run
        assertEquals("6 1 \n", r.both());
    }

    @Test
    void tenThousandGoroutinesRunToCompletion() throws Exception {
        RuntimeRun.Result r = run("many.s", """
                GLOBL	count<>(SB), NOPTR, $8
                TEXT main·main(SB), $24-0
                	MOVQ	$0, n-8(SP)
                more:
                	MOVL	$0, 0(SP)
                	LEAQ	incPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	n-8(SP)
                	CMPQ	n-8(SP), $10000
                	JLT	more
                wait:
                	CMPQ	count<>(SB), $10000
                	JEQ	done
                	CALL	runtime·Gosched(SB)
                	JMP	wait
                done:
                	PRINTQ(count<>(SB))
                	CALL	runtime·NumGoroutine(SB)
                	PRINTQ(0(SP))
                	PRINTQ(runtime·sched+schedt_mnext(SB))
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·inc(SB), NOSPLIT, $0-0
                	LOCK
                	INCQ	count<>(SB)
                	RET
                DATA	incPC<>+0(SB)/8, $main·inc(SB)
                GLOBL	incPC<>(SB), RODATA, $8
                """, 3, 4);
        // all ran, only main is left, and the Ms (threads) stayed at most one per P, plus sysmon's
        String[] f = r.both().trim().split(" ");
        assertEquals("10000", f[0], r.both());
        assertEquals("1", f[1], r.both());
        long ms = Long.parseLong(f[2]);
        assertTrue(ms >= 2 && ms <= 5, "Ms made: " + ms);
        assertEquals(0, r.status());
    }

    @Test
    void aParkedReceiverGetsTheValueHandedOverDirectly() throws Exception {
        // the receiver parks first; the sender finds it on recvq, copies 42 into its variable
        // and goes on without blocking ("sent" comes before "got 42"); the buffer is never used.
        RuntimeRun.Result r = run("handoff.s", """
                GLOBL	c<>(SB), NOPTR, $8
                TEXT main·main(SB), $24-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, c<>(SB)
                	MOVL	$0, 0(SP)
                	LEAQ	recvPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                park:
                	CALL	runtime·Gosched(SB)
                	MOVQ	c<>(SB), AX
                	MOVQ	hchan_recvq+waitq_first(AX), BX
                	CMPQ	BX, $0
                	JEQ	park
                	MOVQ	sudog_g(BX), BX
                	MOVQ	g_goid(BX), BX
                	PRINTQ(BX)
                	MOVQ	$42, v-8(SP)
                	MOVQ	c<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	MOVQ	c<>(SB), AX
                	PRINTQ(hchan_qcount(AX))
                	CALL	runtime·printnl(SB)
                	CALL	runtime·Gosched(SB)
                	RET
                TEXT main·recv(SB), $24-0
                	MOVQ	c<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	PRINTQ(v-8(SP))
                	CALL	runtime·printnl(SB)
                	RET
                DATA	recvPC<>+0(SB)/8, $main·recv(SB)
                GLOBL	recvPC<>(SB), RODATA, $8
                """, 0, 1);
        // goid 5 parked on recvq; after the send nothing is buffered; then the receiver prints 42
        assertEquals("5 0 \n42 \n", r.both());
    }

    static final String MAKE_C = """
            	MOVQ	$8, 0(SP)
            	MOVQ	$1, 8(SP)
            	CALL	runtime·makechan(SB)
            	MOVQ	16(SP), AX
            	MOVQ	AX, c-8(SP)
            """;

    /** out is head, then main.main's frame (Go's two lines) at a line of file, and nothing else. */
    static void assertMainFrame(String head, String file, String out) {
        assertTrue(out.startsWith(head), out);
        assertTrue(out.substring(head.length()).matches("main\\.main\\(\\)\n\t" + java.util.regex.Pattern.quote(file)
                + ":\\d+ \\+0x[0-9a-f]+\n"), out);
    }

    @Test
    void goPanicTextsForChannels() throws Exception {
        RuntimeRun.Result send = run("sendclosed.s", "TEXT main·main(SB), $24-0\n" + MAKE_C + """
                	MOVQ	c-8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·closechan(SB)
                	MOVQ	c-8(SP), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	c-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	RET
                """, 0, 1);
        assertMainFrame("panic: send on closed channel\n\ngoroutine 1 [running]:\n", "sendclosed.s", send.both());
        assertEquals(2, send.status());
        RuntimeRun.Result twice = run("closeclosed.s", "TEXT main·main(SB), $24-0\n" + MAKE_C + """
                	MOVQ	c-8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·closechan(SB)
                	MOVQ	c-8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·closechan(SB)
                	RET
                """, 0, 1);
        assertMainFrame("panic: close of closed channel\n\ngoroutine 1 [running]:\n", "closeclosed.s", twice.both());
        assertEquals(2, twice.status());
        RuntimeRun.Result nil = run("closenil.s", """
                TEXT main·main(SB), $24-0
                	MOVQ	$0, 0(SP)
                	CALL	runtime·closechan(SB)
                	RET
                """, 0, 1);
        assertMainFrame("panic: close of nil channel\n\ngoroutine 1 [running]:\n", "closenil.s", nil.both());
        assertEquals(2, nil.status());
    }

    @Test
    void closeWakesEveryWaiterAndANilChannelBlocksForever() throws Exception {
        // three receivers park on c; close wakes all with (0, false); then main blocks on a nil
        // channel: deadlock, with main shown as "chan receive (nil chan)".
        RuntimeRun.Result r = run("closeall.s", """
                GLOBL	c<>(SB), NOPTR, $8
                TEXT main·main(SB), $24-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, c<>(SB)
                	MOVQ	$3, n-8(SP)
                more:
                	MOVL	$0, 0(SP)
                	LEAQ	recvPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	DECQ	n-8(SP)
                	JNZ	more
                	CALL	runtime·Gosched(SB)
                	MOVQ	c<>(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·closechan(SB)
                	CALL	runtime·Gosched(SB)
                	MOVQ	$0, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	RET
                TEXT main·recv(SB), $24-0
                	MOVQ	$7, v-8(SP)
                	MOVQ	c<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chanrecv2(SB)
                	MOVBQZX	16(SP), AX
                	MOVQ	AX, ok-16(SP)
                	CALL	runtime·printlock(SB)
                	PRINTQ(v-8(SP))
                	PRINTQ(ok-16(SP))
                	CALL	runtime·printnl(SB)
                	CALL	runtime·printunlock(SB)
                	RET
                DATA	recvPC<>+0(SB)/8, $main·recv(SB)
                GLOBL	recvPC<>(SB), RODATA, $8
                """, 0, 1);
        assertMainFrame("0 0 \n0 0 \n0 0 \nfatal error: all goroutines are asleep - deadlock!\n\n"
                + "goroutine 1 [chan receive (nil chan)]:\n", "closeall.s", r.both());
        assertEquals(2, r.status());
    }

    @Test
    void goOfNilFuncValueAndDeadlockTexts() throws Exception {
        RuntimeRun.Result r = RuntimeRun.run(RuntimeRun.build(java.nio.file.Path.of("runtime-asm/examples/nilgo.s")), 0, 1);
        assertTrue(r.both().startsWith("fatal error: go of nil func value\n\ngoroutine 1 [running]:\n"), r.both());
        assertEquals(2, r.status());
        RuntimeRun.Result d = RuntimeRun.run(RuntimeRun.build(java.nio.file.Path.of("runtime-asm/examples/deadlock.s")), 0, 1);
        assertTrue(d.both().startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"));
        assertEquals(2, d.status());
    }

    @Test
    void semaphoresWaitForReleases() throws Exception {
        // main acquires 5 units that 5 goroutines release one each: a wait group. main parks
        // (semacquire) until the releases ready it.
        for (int procs : new int[] {1, 4}) {
            for (long seed = 0; seed < 5; seed++) {
                RuntimeRun.Result r = run("sema.s", """
                        GLOBL	sem<>(SB), NOPTR, $8
                        GLOBL	released<>(SB), NOPTR, $8
                        TEXT main·main(SB), $24-0
                        	MOVQ	$5, n-8(SP)
                        more:
                        	MOVL	$0, 0(SP)
                        	LEAQ	relPC<>(SB), AX
                        	MOVQ	AX, 8(SP)
                        	CALL	runtime·newproc(SB)
                        	DECQ	n-8(SP)
                        	JNZ	more
                        	MOVQ	$5, n-8(SP)
                        take:
                        	LEAQ	sem<>(SB), AX
                        	MOVQ	AX, 0(SP)
                        	CALL	runtime·semacquire(SB)
                        	DECQ	n-8(SP)
                        	JNZ	take
                        	PRINTQ(released<>(SB))
                        	PRINTQ(sem<>(SB))
                        	CALL	runtime·printnl(SB)
                        	RET
                        TEXT main·rel(SB), $8-0
                        	CALL	runtime·Gosched(SB)
                        	LOCK
                        	INCQ	released<>(SB)
                        	LEAQ	sem<>(SB), AX
                        	MOVQ	AX, 0(SP)
                        	CALL	runtime·semrelease(SB)
                        	RET
                        DATA	relPC<>+0(SB)/8, $main·rel(SB)
                        GLOBL	relPC<>(SB), RODATA, $8
                        """, seed, procs);
                assertEquals("5 0 \n", r.both(), "GOMAXPROCS=" + procs + " seed=" + seed);
            }
        }
    }

    @Test
    void schedtraceLinesInGosFormatFromSysmon() throws Exception {
        byte[] elf = RuntimeRun.build(java.nio.file.Path.of("runtime-asm/examples/pingpong.s"));
        RuntimeRun.Result r = RuntimeRun.run(elf, 1, 2, "GOMAXPROCS=2", "GODEBUG=schedtrace=1");
        assertEquals(0, r.status());
        String[] lines = r.both().split("\n");
        int sched = 0;
        for (String l : lines) {
            if (l.startsWith("SCHED ")) {
                sched++;
                assertTrue(l.matches("SCHED \\d+ms: gomaxprocs=2 idleprocs=\\d+ threads=\\d+ spinningthreads=\\d+ "
                        + "needspinning=\\d+ idlethreads=\\d+ runqueue=\\d+ \\[\\d+ \\d+\\]"), l);
            }
        }
        assertTrue(sched >= 3, r.both());
        assertTrue(r.both().endsWith("round trips 10000 sum 50005000\n") || r.both().contains("round trips 10000 sum 50005000\n"));

        RuntimeRun.Result d = RuntimeRun.run(RuntimeRun.build(java.nio.file.Path.of("runtime-asm/examples/fanout.s")), 0, 2,
                "GOMAXPROCS=2", "GODEBUG=schedtrace=1,scheddetail=1");
        assertEquals(0, d.status());
        assertTrue(d.both().matches("(?s).*SCHED \\d+ms: gomaxprocs=2 .* runqueue=\\d+ gcwaiting=false nmidlelocked=0 "
                + "stopwait=0 sysmonwait=false\n  P0: status=\\d schedtick=\\d+ syscalltick=0 m=-?\\d+ runqsize=\\d+ "
                + "gfreecnt=\\d+ timerslen=\\d+\n  P1: .*\n  M\\d+: p=-?\\d+ curg=-?\\d+ mallocing=0 throwing=0 preemptoff= "
                + "locks=\\d+ dying=0 spinning=(true|false) blocked=false lockedg=-1\n.*  G1: status=\\d\\([^)]*\\) m=-?\\d+ lockedm=-1\n.*"),
                d.both());

        // with sysmon running (it is not counted by checkdead) a deadlock is still reported
        RuntimeRun.Result dl = RuntimeRun.run(RuntimeRun.build(java.nio.file.Path.of("runtime-asm/examples/deadlock.s")), 0, 2,
                "GOMAXPROCS=2", "GODEBUG=schedtrace=1000");
        // the first SCHED line comes before main·main, then the deadlock with main's frame
        String first = dl.both().substring(0, dl.both().indexOf('\n') + 1);
        assertTrue(first.matches("SCHED 0ms: gomaxprocs=2 [^\n]*\n"), dl.both());
        assertMainFrame("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n",
                "runtime-asm/examples/deadlock.s", dl.both().substring(first.length()));
        assertEquals(2, dl.status());
    }

    @Test
    void runnextIsReplacedAndTheOldOneQueued() throws Exception {
        // At GOMAXPROCS=1: go A puts A in runnext; go B replaces it, A goes to the local queue.
        // main's Gosched: B (runnext) runs first, then A; after that each Gosched sends the
        // caller to the global queue, so they alternate B, A, B, A.
        String program = """
                GLOBL	finished<>(SB), NOPTR, $8

                TEXT main·main(SB), $24-0
                	MOVL	$8, 0(SP)
                	LEAQ	workerPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	$'A', 16(SP)
                	CALL	runtime·newproc(SB)
                	MOVL	$8, 0(SP)
                	LEAQ	workerPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	$'B', 16(SP)
                	CALL	runtime·newproc(SB)
                wait:
                	CMPQ	finished<>(SB), $2
                	JEQ	done
                	CALL	runtime·Gosched(SB)
                	JMP	wait
                done:
                	LEAQ	msgdone<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$4, 8(SP)
                	CALL	runtime·printstring(SB)
                	CALL	runtime·printnl(SB)
                	RET

                // worker(name int64): prints "name i" for i = 0, 1, 2, yielding after each.
                TEXT main·worker(SB), $24-8
                	MOVQ	$0, i-8(SP)
                loop:
                	CALL	runtime·printlock(SB)
                	LEAQ	name+0(FP), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$1, 8(SP)
                	CALL	runtime·printstring(SB)
                	CALL	runtime·printsp(SB)
                	MOVQ	i-8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	CALL	runtime·printunlock(SB)
                	CALL	runtime·Gosched(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $3
                	JLT	loop
                	LOCK
                	INCQ	finished<>(SB)
                	RET

                DATA	workerPC<>+0(SB)/8, $main·worker(SB)
                GLOBL	workerPC<>(SB), RODATA, $8
                DATA	msgdone<>+0(SB)/4, $"done"
                GLOBL	msgdone<>(SB), RODATA, $4
                """;
        for (long seed = 0; seed < 5; seed++) {
            RuntimeRun.Result r = run("runnext.s", program, seed, 1);
            assertEquals("B 0\nA 0\nB 1\nA 1\nB 2\nA 2\ndone\n", r.both(), "seed " + seed);
        }
    }

    @Test
    void sudogsComeBackThroughThePerPCacheAndTheGlobalOne() throws Exception {
        // Two rounds of 200 goroutines parked on a channel at once (main waits until all have
        // started, so at GOMAXPROCS=1 all have parked), then released: the first
        // round allocates 200 sudogs; their release fills P0's cache (128) and spills half of
        // it to the global cache twice (P0 keeps 72, global 128); the second round takes P0's 72,
        // refills twice from the global cache (64 + 64) and allocates nothing, and its release
        // ends the same way. Prints: messages received, P0's cache, global cache.
        RuntimeRun.Result r = run("sudogs.s", """
                GLOBL	c<>(SB), NOPTR, $8
                GLOBL	got<>(SB), NOPTR, $8
                GLOBL	want<>(SB), NOPTR, $8
                GLOBL	started<>(SB), NOPTR, $8
                TEXT main·main(SB), $40-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, c<>(SB)
                	MOVQ	$2, r-16(SP)
                round:
                	MOVQ	$200, n-8(SP)
                spawn:
                	MOVL	$0, 0(SP)
                	LEAQ	takePC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	DECQ	n-8(SP)
                	JNZ	spawn
                	ADDQ	$200, want<>(SB)
                park:
                	CALL	runtime·Gosched(SB)
                	MOVQ	started<>(SB), AX
                	CMPQ	AX, want<>(SB)
                	JLT	park
                	MOVQ	$200, n-8(SP)
                send:
                	MOVQ	c<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	n-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	DECQ	n-8(SP)
                	JNZ	send
                wait:
                	CALL	runtime·Gosched(SB)
                	MOVQ	got<>(SB), AX
                	CMPQ	AX, want<>(SB)
                	JLT	wait
                	DECQ	r-16(SP)
                	JNZ	round
                	PRINTQ(got<>(SB))
                	MOVQ	runtime·allp(SB), BX
                	PRINTQ(p_nsudog(BX))
                	MOVQ	$0, CX
                	MOVQ	runtime·sched+schedt_sudogcache(SB), BX
                count:
                	CMPQ	BX, $0
                	JEQ	counted
                	INCQ	CX
                	MOVQ	sudog_next(BX), BX
                	JMP	count
                counted:
                	PRINTQ(CX)
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·take(SB), $24-0
                	LOCK
                	INCQ	started<>(SB)
                	MOVQ	c<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	LOCK
                	INCQ	got<>(SB)
                	RET
                DATA	takePC<>+0(SB)/8, $main·take(SB)
                GLOBL	takePC<>(SB), RODATA, $8
                """, 0, 1);
        assertEquals("400 72 128 \n", r.both(), "status " + r.status());
    }
}
