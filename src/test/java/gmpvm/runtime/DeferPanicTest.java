package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * defer, panic and recover beyond the examples: many defers in one frame (the per-P pool
 * spilling to the global pool and refilled from it, with every record reused), a deferred
 * call with more argument bytes than a pooled record holds, a recovered panic whose frame
 * returns normally so that its caller's deferred calls still run, a panic in a deferred call
 * recovered by an older one, and Goexit while a panic runs deferred calls. Each under a few
 * seeds at GOMAXPROCS 1 and 4.
 */
class DeferPanicTest {
    static RuntimeRun.Result run(String name, String text, int procs, long seed) throws Exception {
        return RuntimeRun.run(RuntimeRun.buildText(name, "#include \"go_asm.h\"\n#include \"go_tls.h\"\n#include \"textflag.h\"\n"
                + PRINT + text), seed, procs, "GOMAXPROCS=" + procs);
    }

    static void expect(String name, String text, String out, int status) throws Exception {
        for (int procs : new int[] {1, 4}) {
            for (long seed = 0; seed < 3; seed++) {
                RuntimeRun.Result r = run(name, text, procs, seed);
                assertEquals(out, r.both(), name + " GOMAXPROCS=" + procs + " seed=" + seed);
                assertEquals(status, r.status(), name + " exit status");
            }
        }
    }

    static final String PRINT = """
            #define PRINTQ(x) \\
            	MOVQ	x, AX; \\
            	MOVQ	AX, 0(SP); \\
            	CALL	runtime·printint(SB); \\
            	CALL	runtime·printsp(SB)
            #define PRINTS(sym, n) \\
            	LEAQ	sym(SB), AX; \\
            	MOVQ	AX, 0(SP); \\
            	MOVQ	$n, 8(SP); \\
            	CALL	runtime·printstring(SB)
            """;

    /**
     * 100 defers of check(i) in one frame, twice. check wants its argument to count down from
     * 100 (LIFO) and counts mismatches. After each round: the P's pool length and the number of
     * records on the global pool. 100 frees leave 20 on the P (a full pool of 32 spills 16 to
     * the global pool at the 33rd, 49th, 65th, 81st and 97th free) and 80 on the global pool;
     * the second round takes the 20, then refills 16 at a time from the global pool, allocating
     * nothing, and gives all 100 back the same way.
     */
    @Test
    void aHundredDefersInOneFrameRunInReverseAndTheirRecordsAreReused() throws Exception {
        expect("loop.s", """
                GLOBL	want<>(SB), NOPTR, $8
                GLOBL	bad<>(SB), NOPTR, $8
                TEXT main·main(SB), $24-0
                	CALL	main·round(SB)
                	CALL	main·pools(SB)
                	CALL	main·round(SB)
                	CALL	main·pools(SB)
                	PRINTQ(bad<>(SB))
                	CALL	runtime·printnl(SB)
                	RET
                // round: for i := 1; i <= 100; i++ { defer check(i) }
                TEXT main·round(SB), $32-0
                	MOVQ	$100, want<>(SB)
                	MOVQ	$1, i-8(SP)
                loop:
                	MOVL	$8, 0(SP)
                	LEAQ	checkPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	i-8(SP), AX
                	MOVQ	AX, 16(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $100
                	JLE	loop
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·check(SB), NOSPLIT, $0-8
                	MOVQ	i+0(FP), AX
                	CMPQ	AX, want<>(SB)
                	JEQ	2(PC)
                	INCQ	bad<>(SB)
                	DECQ	want<>(SB)
                	RET
                // pools prints the P's pool length and the global pool's length.
                TEXT main·pools(SB), $16-0
                	get_tls(CX)
                	MOVQ	g(CX), AX
                	MOVQ	g_m(AX), AX
                	MOVQ	m_p(AX), AX
                	PRINTQ(p_deferpoolLen(AX))
                	XORQ	BX, BX
                	MOVQ	runtime·sched+schedt_deferpool(SB), AX
                count:
                	TESTQ	AX, AX
                	JEQ	counted
                	INCQ	BX
                	MOVQ	_defer_link(AX), AX
                	JMP	count
                counted:
                	PRINTQ(BX)
                	CALL	runtime·printnl(SB)
                	RET
                DATA	checkPC<>+0(SB)/8, $main·check(SB)
                GLOBL	checkPC<>(SB), RODATA, $8
                """, "20 80 \n20 80 \n0 \n", 0);
    }

    @Test
    void aDeferredCallWithMoreArgumentBytesThanAPooledRecordHolds() throws Exception {
        expect("bigargs.s", """
                TEXT main·main(SB), $104-0
                	MOVL	$80, 0(SP)
                	LEAQ	sumPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	$1, BX
                	LEAQ	16(SP), DI
                fill:
                	MOVQ	BX, (DI)
                	ADDQ	$8, DI
                	INCQ	BX
                	CMPQ	BX, $10
                	JLE	fill
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	MOVQ	$0, 16(SP)                // the deferred call keeps its own copy
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                // sum(a1, ..., a10 int64) prints their sum.
                TEXT main·sum(SB), $16-80
                	XORQ	AX, AX
                	LEAQ	a+0(FP), SI
                	MOVQ	$10, CX
                add:
                	ADDQ	(SI), AX
                	ADDQ	$8, SI
                	LOOP	add
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                DATA	sumPC<>+0(SB)/8, $main·sum(SB)
                GLOBL	sumPC<>(SB), RODATA, $8
                """, "55\n", 0);
    }

    static final String STRINGS = """
            DATA	firsttext<>+0(SB)/5, $"first"
            GLOBL	firsttext<>(SB), RODATA, $5
            DATA	first<>+0(SB)/8, $firsttext<>(SB)
            DATA	first<>+8(SB)/8, $5
            GLOBL	first<>(SB), RODATA, $16
            DATA	secondtext<>+0(SB)/6, $"second"
            GLOBL	secondtext<>(SB), RODATA, $6
            DATA	second<>+0(SB)/8, $secondtext<>(SB)
            DATA	second<>+8(SB)/8, $6
            GLOBL	second<>(SB), RODATA, $16
            DATA	msgmain<>+0(SB)/13, $"main deferred"
            GLOBL	msgmain<>(SB), RODATA, $13
            DATA	msgafter<>+0(SB)/10, $"f returned"
            GLOBL	msgafter<>(SB), RODATA, $10
            DATA	msgrec<>+0(SB)/11, $"recovered: "
            GLOBL	msgrec<>(SB), RODATA, $11
            """;

    static final String CATCH = """
            // catch: if r := recover(); r != nil { print("recovered: ", r.(string)) }
            TEXT main·catch(SB), $24-0
            	LEAQ	arg+0(FP), AX
            	MOVQ	AX, 0(SP)
            	CALL	runtime·gorecover(SB)
            	CMPQ	8(SP), $0
            	JEQ	none
            	MOVQ	16(SP), AX
            	MOVQ	AX, r-8(SP)
            	PRINTS(msgrec<>, 11)
            	MOVQ	r-8(SP), AX
            	MOVQ	0(AX), BX
            	MOVQ	BX, 0(SP)
            	MOVQ	8(AX), BX
            	MOVQ	BX, 8(SP)
            	CALL	runtime·printstring(SB)
            	CALL	runtime·printnl(SB)
            none:
            	RET
            DATA	catchPC<>+0(SB)/8, $main·catch(SB)
            GLOBL	catchPC<>(SB), RODATA, $8
            """;

    @Test
    void aRecoveredFrameReturnsNormallyAndItsCallersDeferredCallsStillRun() throws Exception {
        expect("callerdefers.s", """
                TEXT main·main(SB), $16-0
                	MOVL	$0, 0(SP)
                	LEAQ	mainDeferPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	CALL	main·f(SB)
                	PRINTS(msgafter<>, 10)
                	CALL	runtime·printnl(SB)
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                // f: defer catch(); panic("first")
                TEXT main·f(SB), $16-0
                	MOVL	$0, 0(SP)
                	LEAQ	catchPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	LEAQ	runtime·stringType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	first<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·mainDefer(SB), $16-0
                	PRINTS(msgmain<>, 13)
                	CALL	runtime·printnl(SB)
                	RET
                DATA	mainDeferPC<>+0(SB)/8, $main·mainDefer(SB)
                GLOBL	mainDeferPC<>(SB), RODATA, $8
                """ + CATCH + STRINGS, "recovered: first\nf returned\nmain deferred\n", 0);
    }

    @Test
    void aPanicInADeferredCallIsRecoveredByAnOlderOneAndTheFirstIsAborted() throws Exception {
        // defer catch(); defer func() { panic("second") }(); panic("first"): as in Go, catch
        // recovers "second", the aborted "first" is dropped, and the program goes on.
        expect("nestedrecover.s", """
                TEXT main·main(SB), $16-0
                	MOVL	$0, 0(SP)
                	LEAQ	catchPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	MOVL	$0, 0(SP)
                	LEAQ	secondPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	LEAQ	runtime·stringType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	first<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                ret:
                	get_tls(CX)                   // no panic left on the goroutine
                	MOVQ	g(CX), AX
                	MOVQ	g__panic(AX), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·second(SB), $16-0
                	LEAQ	runtime·stringType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	second<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                	RET
                DATA	secondPC<>+0(SB)/8, $main·second(SB)
                GLOBL	secondPC<>(SB), RODATA, $8
                """ + CATCH + STRINGS, "recovered: second\n0\n", 0);
    }

    @Test
    void goexitDuringAPanicRunsTheRemainingDeferredCallsAndEndsOnlyThatGoroutine() throws Exception {
        // worker: defer mark(); defer runtime.Goexit(); panic("first"). The panic runs the
        // Goexit, which aborts the panic, runs mark and ends the goroutine: no crash.
        expect("goexitpanic.s", """
                GLOBL	marked<>(SB), NOPTR, $8
                TEXT main·main(SB), $16-0
                	MOVL	$0, 0(SP)
                	LEAQ	workerPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                wait:
                	CMPQ	marked<>(SB), $0
                	JNE	done
                	CALL	runtime·Gosched(SB)
                	JMP	wait
                done:
                	PRINTS(msgmain<>, 13)
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·worker(SB), $16-0
                	MOVL	$0, 0(SP)
                	LEAQ	markPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	MOVL	$0, 0(SP)
                	LEAQ	goexitPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	ret
                	LEAQ	runtime·stringType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	first<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                TEXT main·mark(SB), NOSPLIT, $0-0
                	MOVQ	$1, marked<>(SB)
                	RET
                DATA	workerPC<>+0(SB)/8, $main·worker(SB)
                GLOBL	workerPC<>(SB), RODATA, $8
                DATA	markPC<>+0(SB)/8, $main·mark(SB)
                GLOBL	markPC<>(SB), RODATA, $8
                DATA	goexitPC<>+0(SB)/8, $runtime·Goexit(SB)
                GLOBL	goexitPC<>(SB), RODATA, $8
                """ + STRINGS, "main deferred\n", 0);
    }

    @Test
    void gotracebackSystemShowsRuntimeFramesWithFpSpPc() throws Exception {
        String prog = """
                TEXT main·main(SB), $16-0
                	LEAQ	runtime·stringType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	first<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                	RET
                """ + STRINGS;
        RuntimeRun.Result r = RuntimeRun.run(RuntimeRun.buildText("system.s", "#include \"textflag.h\"\n" + PRINT + prog), 0, 1,
                "GOMAXPROCS=1", "GOTRACEBACK=system");
        String out = r.both();
        assertEquals(2, r.status());
        String frame = "\t\\S+:\\d+ \\+0x[0-9a-f]+ fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+";
        org.junit.jupiter.api.Assertions.assertTrue(out.matches("(?s)panic: first\n\ngoroutine 1 \\[running\\]:\n"
                + "panic\\(\\{0x[0-9a-f]+, 0x[0-9a-f]+\\}\\)\n" + frame + "\n"
                + "main\\.main\\(\\)\n" + frame + "\n"
                + "runtime\\.main\\(\\)\n" + frame + "\n"
                + "runtime\\.goexit\\(\\)\n" + frame + "\n"
                // and, at this level, the runtime's own goroutines, as Go shows them
                + "\ngoroutine 2 \\[force gc \\(idle\\)\\]:\n.*"), out);
        RuntimeRun.Result plain = RuntimeRun.run(RuntimeRun.buildText("system.s", "#include \"textflag.h\"\n" + PRINT + prog), 0, 1,
                "GOMAXPROCS=1");
        org.junit.jupiter.api.Assertions.assertTrue(plain.both().matches(
                "(?s)panic: first\n\ngoroutine 1 \\[running\\]:\nmain\\.main\\(\\)\n\tsystem\\.s:\\d+ \\+0x[0-9a-f]+\n"), plain.both());
    }
    /**
     * Defers and a recover across stack growth: main defers show(&v) and catch(), then
     * recurses 3,000 frames deep (its 2 KiB stack grows several times) and panics at the
     * bottom. catch recovers; main resumes with AX = 1 on its grown stack, and deferreturn
     * runs show with the pointer copystack adjusted in the defer record's argument copy: it
     * points into the current stack and still reads 42.
     */
    @Test
    void defersAndARecoverSurviveStackGrowth() throws Exception {
        expect("growdefer.s", """
                TEXT main·main(SB), $32-0
                	MOVQ	$42, v-8(SP)
                	MOVL	$8, 0(SP)                 // defer show(&v)
                	LEAQ	showPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 16(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	resumed
                	MOVL	$0, 0(SP)                 // defer catch()
                	LEAQ	catchPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·deferproc(SB)
                	TESTL	AX, AX
                	JNE	resumed
                	MOVQ	$3000, 0(SP)
                	CALL	main·rec(SB)
                	PRINTS(notreached<>, 11)
                	JMP	ret
                resumed:
                	PRINTS(resumed<>, 13)
                	get_tls(CX)
                	MOVQ	g(CX), AX
                	MOVQ	(g_stack+stack_hi)(AX), BX
                	SUBQ	(g_stack+stack_lo)(AX), BX
                	CMPQ	BX, $65536
                	SETGE	AL
                	MOVB	AL, 0(SP)
                	CALL	runtime·printbool(SB)
                	CALL	runtime·printnl(SB)
                ret:
                	CALL	runtime·deferreturn(SB)
                	RET
                // rec(n): recurses n frames deep, then panics
                TEXT main·rec(SB), $64-8
                	MOVQ	n+0(FP), AX
                	TESTQ	AX, AX
                	JEQ	bottom
                	DECQ	AX
                	MOVQ	AX, 0(SP)
                	CALL	main·rec(SB)
                	RET
                bottom:
                	LEAQ	runtime·stringType(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	deep<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·gopanic(SB)
                	RET
                // show(p *int64): prints *p and whether p points into the current stack
                TEXT main·show(SB), $16-8
                	PRINTS(show<>, 5)
                	MOVQ	p+0(FP), AX
                	PRINTQ(0(AX))
                	get_tls(CX)
                	MOVQ	g(CX), BX
                	MOVQ	p+0(FP), AX
                	CMPQ	AX, (g_stack+stack_lo)(BX)
                	SETCC	CL
                	CMPQ	AX, (g_stack+stack_hi)(BX)
                	SETCS	DL
                	ANDB	DL, CL
                	MOVB	CL, 0(SP)
                	CALL	runtime·printbool(SB)
                	CALL	runtime·printnl(SB)
                	RET
                TEXT main·catch(SB), $24-0
                	LEAQ	arg+0(FP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·gorecover(SB)
                	PRINTS(recovered<>, 11)
                	MOVQ	16(SP), AX
                	MOVQ	0(AX), BX
                	MOVQ	BX, 0(SP)
                	MOVQ	8(AX), BX
                	MOVQ	BX, 8(SP)
                	CALL	runtime·printstring(SB)
                	CALL	runtime·printnl(SB)
                	RET
                DATA	showPC<>+0(SB)/8, $main·show(SB)
                GLOBL	showPC<>(SB), RODATA, $8
                DATA	catchPC<>+0(SB)/8, $main·catch(SB)
                GLOBL	catchPC<>(SB), RODATA, $8
                DATA	deeptext<>+0(SB)/4, $"deep"
                GLOBL	deeptext<>(SB), RODATA, $4
                DATA	deep<>+0(SB)/8, $deeptext<>(SB)
                DATA	deep<>+8(SB)/8, $4
                GLOBL	deep<>(SB), RODATA, $16
                DATA	notreached<>+0(SB)/11, $"not reached"
                GLOBL	notreached<>(SB), RODATA, $11
                DATA	resumed<>+0(SB)/13, $"main resumed "
                GLOBL	resumed<>(SB), RODATA, $13
                DATA	show<>+0(SB)/5, $"show "
                GLOBL	show<>(SB), RODATA, $5
                DATA	recovered<>+0(SB)/11, $"recovered: "
                GLOBL	recovered<>(SB), RODATA, $11
                """, "recovered: deep\nmain resumed true\nshow 42 true\n", 0);
    }
}
