package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What runtime·main does before the program's main·main, as Go 1.19's runtime.main: sysmon on
 * its own M, the runtime's system goroutines (forcegchelper, bgsweep, bgscavenge) started and
 * parked while main is wired to m0, so the scheduler has switched goroutines (and handed m0's
 * P to a second M) by the time main·main runs; and, with GODEBUG=schedtrace, the first SCHED
 * line printed before the program's own output.
 */
class RuntimeStartTest {
    /** go B(); print "A: yield"; Gosched(); print "A: back"; print NumGoroutine(). */
    static final String YIELD_ORDER = """
            #include "textflag.h"

            TEXT main·B(SB), $16-0
            	LEAQ	sB<>(SB), AX
            	MOVQ	AX, 0(SP)
            	MOVQ	$10, 8(SP)
            	CALL	runtime·printstring(SB)
            	CALL	runtime·printnl(SB)
            	RET

            TEXT main·main(SB), $16-0
            	MOVL	$0, 0(SP)
            	LEAQ	bfn<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            	LEAQ	sY<>(SB), AX
            	MOVQ	AX, 0(SP)
            	MOVQ	$8, 8(SP)
            	CALL	runtime·printstring(SB)
            	CALL	runtime·printnl(SB)
            	CALL	runtime·Gosched(SB)
            	LEAQ	sK<>(SB), AX
            	MOVQ	AX, 0(SP)
            	MOVQ	$7, 8(SP)
            	CALL	runtime·printstring(SB)
            	CALL	runtime·printnl(SB)
            	CALL	runtime·NumGoroutine(SB)
            	MOVQ	0(SP), AX
            	MOVQ	AX, 0(SP)
            	CALL	runtime·printint(SB)
            	CALL	runtime·printnl(SB)
            	RET

            DATA	bfn<>+0(SB)/8, $main·B(SB)
            GLOBL	bfn<>(SB), RODATA, $8
            DATA	sB<>+0(SB)/10, $"B: running"
            GLOBL	sB<>(SB), RODATA, $10
            DATA	sY<>+0(SB)/8, $"A: yield"
            GLOBL	sY<>(SB), RODATA, $8
            DATA	sK<>+0(SB)/7, $"A: back"
            GLOBL	sK<>(SB), RODATA, $7
            """;

    @Test
    void aGoroutineMadeBeforeGoschedRunsBeforeMainComesBack() throws Exception {
        // Go 1.19 at GOMAXPROCS=1 prints this order: main's Gosched finds B in runnext because
        // p.schedtick is no longer a multiple of 61 (runtime·main has scheduled goroutines).
        byte[] elf = RuntimeRun.buildText("order.s", YIELD_ORDER);
        for (long seed = 0; seed < 10; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 1, "GOMAXPROCS=1");
            assertEquals("A: yield\nB: running\nA: back\n1\n", r.both(), "seed " + seed);
        }
    }

    @Test
    void theRuntimesOwnGoroutinesParkAsInGoAndAreNotCounted() throws Exception {
        byte[] elf = RuntimeRun.buildText("order.s", YIELD_ORDER);
        RuntimeRun.Result r = RuntimeRun.run(elf, 0, 1, "GOMAXPROCS=1", "GODEBUG=schedtrace=1000,scheddetail=1");
        String out = r.both();
        // m0 (wired to main during init), sysmon's M and the M that ran the P meanwhile
        assertTrue(out.startsWith("SCHED 0ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 needspinning=0 "
                + "idlethreads=1 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false\n"), out);
        assertTrue(out.matches("(?s).*\\n  P0: status=1 schedtick=[1-9]\\d* .*"), "schedtick is not 0: " + out);
        assertTrue(out.contains("  M0: p=0 curg=1 "), out);
        assertTrue(out.contains("\n  G1: status=2(chan receive) m=0 lockedm=-1\n"
                + "  G2: status=4(force gc (idle)) m=-1 lockedm=-1\n"
                + "  G3: status=4(GC sweep wait) m=-1 lockedm=-1\n"
                + "  G4: status=4(GC scavenge wait) m=-1 lockedm=-1\n"), out);
        // NumGoroutine leaves the system goroutines out, as Go's does
        assertTrue(out.endsWith("A: yield\nB: running\nA: back\n1\n"), out);
    }

    @Test
    void theFirstSchedLineComesBeforeTheProgramsOutput() throws Exception {
        byte[] elf = RuntimeRun.build(Path.of("runtime-asm/examples/yield.s"));
        for (int procs : new int[] {1, 2, 4}) {
            for (long seed = 0; seed < 20; seed++) {
                RuntimeRun.Result r = RuntimeRun.run(elf, seed, procs, "GOMAXPROCS=" + procs, "GODEBUG=schedtrace=1000");
                String where = "GOMAXPROCS=" + procs + " seed=" + seed + ":\n" + r.both();
                assertTrue(r.both().startsWith("SCHED 0ms: gomaxprocs=" + procs + " idleprocs="), where);
                assertEquals(1, r.both().split("SCHED ", -1).length - 1, where);
                assertEquals(0, r.status(), where);
            }
        }
    }
    /**
     * Simulated CPUs run side by side: main makes a goroutine and spins (no call, no block)
     * until it has run. At GOMAXPROCS=4 on 4 CPUs another M takes it within a few virtual µs,
     * as on hardware, not after main's whole 10 µs quantum (which once made main wait about
     * 17 µs, or a short main never see another M run at all).
     */
    @Test
    void aGoroutineMadeByASpinningMainRunsOnAnotherCpuWithinMicroseconds() throws Exception {
        byte[] elf = RuntimeRun.buildText("wake.s", """
                #include "textflag.h"
                GLOBL	flag<>(SB), NOPTR, $8
                TEXT main·setflag(SB), NOSPLIT, $0-0
                	MOVQ	$1, flag<>(SB)
                	RET
                TEXT main·main(SB), $24-0
                	MOVL	$0, 0(SP)
                	LEAQ	setPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	XORQ	CX, CX
                spin:
                	CMPQ	flag<>(SB), $0
                	JNE	seen
                	INCQ	CX
                	CMPQ	CX, $20000
                	JLT	spin
                	MOVQ	$-1, CX
                seen:
                	MOVQ	CX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                DATA	setPC<>+0(SB)/8, $main·setflag(SB)
                GLOBL	setPC<>(SB), RODATA, $8
                """);
        for (long seed = 0; seed < 5; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 4, "GOMAXPROCS=4");
            long rounds = Long.parseLong(r.both().strip());
            // a spin round is 3 instructions: 2,500 rounds is 7.5 µs of virtual time
            assertTrue(rounds >= 0 && rounds < 2_500, "seed " + seed + ": main spun " + rounds + " rounds");
        }
    }
    /** A worker pool of 3 goroutines at GOMAXPROCS=4 sharing 20 jobs: more than one worker does jobs. */
    @Test
    void aWorkerPoolSharesItsJobs() throws Exception {
        byte[] elf = RuntimeRun.buildText("pool.s", """
                #include "textflag.h"
                // three workers take 20 jobs from a buffered channel; each job is a short busy loop; each
                // worker counts its jobs; main waits for all 20 results and prints how many workers did any.
                GLOBL	jobs<>(SB), NOPTR, $8
                GLOBL	done<>(SB), NOPTR, $8
                GLOBL	count<>(SB), NOPTR, $24

                TEXT main·worker(SB), $24-8
                loop:
                	MOVQ	jobs<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chanrecv2(SB)
                	CMPB	16(SP), $0
                	JEQ	out
                	MOVQ	$2000, CX
                spin:
                	DECQ	CX
                	JNZ	spin
                	MOVQ	id+0(FP), AX
                	LEAQ	count<>(SB), BX
                	LOCK
                	INCQ	(BX)(AX*8)
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	JMP	loop
                out:
                	RET

                TEXT main·main(SB), $32-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$20, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, jobs<>(SB)
                	MOVQ	$8, 0(SP)
                	MOVQ	$20, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, done<>(SB)
                	MOVQ	$0, i-8(SP)
                start:
                	MOVL	$8, 0(SP)
                	LEAQ	workerPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	i-8(SP), AX
                	MOVQ	AX, 16(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $3
                	JLT	start
                	MOVQ	$0, i-8(SP)
                send:
                	MOVQ	jobs<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	i-8(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $20
                	JLT	send
                	MOVQ	$0, i-8(SP)
                recv:
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	v-16(SP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $20
                	JLT	recv
                	MOVQ	$0, n-16(SP)
                	MOVQ	$0, i-8(SP)
                cnt:
                	MOVQ	i-8(SP), AX
                	LEAQ	count<>(SB), BX
                	CMPQ	(BX)(AX*8), $0
                	JEQ	2(PC)
                	INCQ	n-16(SP)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $3
                	JLT	cnt
                	MOVQ	n-16(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                DATA	workerPC<>+0(SB)/8, $main·worker(SB)
                GLOBL	workerPC<>(SB), RODATA, $8
                """);
        for (long seed = 0; seed < 5; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 4, "GOMAXPROCS=4");
            int workers = Integer.parseInt(r.both().strip());
            assertTrue(workers > 1, "seed " + seed + ": workers that did jobs: " + workers);
        }
    }
}
