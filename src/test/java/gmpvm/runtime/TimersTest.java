package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Timers and sleep (time.s): goroutines that sleep wake in the order of their deadlines and at
 * them, measured in virtual time with runtime·nanotime; sleeping costs no Ms (the last M to
 * park sleeps until the next timer) and no CPU (the emulator's clock jumps while every thread
 * sleeps). Every check runs at GOMAXPROCS 1, 2 and 4 under several seeds.
 */
class TimersTest {
    static final int[] PROCS = {1, 2, 4};
    static final int SEEDS = 5;

    static RuntimeRun.Result run(String name, String text, long seed, int procs) throws Exception {
        return RuntimeRun.run(RuntimeRun.buildText(name, "#include \"go_asm.h\"\n#include \"textflag.h\"\n" + text),
                seed, procs, "GOMAXPROCS=" + procs);
    }

    /** Eight goroutines sleep 7, 3, 5, 1, 8, 2, 6 and 4 ms; each records, when it wakes, its
     *  number and how late it is (nanotime after the wake minus nanotime before the sleep plus
     *  the duration). main prints "k late" in the order they woke. */
    static final String ORDER = """
                GLOBL	done<>(SB), NOPTR, $8
                GLOBL	woke<>(SB), NOPTR, $(8*8)
                GLOBL	late<>(SB), NOPTR, $(8*8)
                GLOBL	nwoke<>(SB), NOPTR, $8
                TEXT main·main(SB), $40-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$8, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, done<>(SB)
                	MOVQ	$0, i-8(SP)
                start:
                	MOVL	$8, 0(SP)
                	LEAQ	sleeperPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	i-8(SP), AX
                	MOVQ	AX, 16(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $8
                	JLT	start
                	MOVQ	$0, i-8(SP)
                wait:
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $8
                	JLT	wait
                	MOVQ	$0, i-8(SP)
                print:
                	MOVQ	i-8(SP), BX
                	LEAQ	woke<>(SB), SI
                	MOVQ	(SI)(BX*8), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printsp(SB)
                	MOVQ	i-8(SP), BX
                	LEAQ	late<>(SB), SI
                	MOVQ	(SI)(BX*8), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $8
                	JLT	print
                	RET
                // sleeper(k): sleeps durations<>[k] ns; records k in wake order and how late it woke
                TEXT main·sleeper(SB), $24-8
                	CALL	runtime·nanotime(SB)
                	MOVQ	k+0(FP), BX
                	LEAQ	durations<>(SB), SI
                	MOVQ	(SI)(BX*8), AX
                	ADDQ	0(SP), AX
                	MOVQ	AX, deadline-8(SP)
                	MOVQ	(SI)(BX*8), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	CALL	runtime·nanotime(SB)
                	MOVQ	0(SP), AX
                	SUBQ	deadline-8(SP), AX
                	MOVQ	$1, CX
                	LOCK
                	XADDQ	CX, nwoke<>(SB)
                	LEAQ	late<>(SB), SI
                	MOVQ	AX, (SI)(CX*8)
                	LEAQ	woke<>(SB), SI
                	MOVQ	k+0(FP), AX
                	MOVQ	AX, (SI)(CX*8)
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	k+0(FP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	RET
                DATA	durations<>+0(SB)/8, $7000000
                DATA	durations<>+8(SB)/8, $3000000
                DATA	durations<>+16(SB)/8, $5000000
                DATA	durations<>+24(SB)/8, $1000000
                DATA	durations<>+32(SB)/8, $8000000
                DATA	durations<>+40(SB)/8, $2000000
                DATA	durations<>+48(SB)/8, $6000000
                DATA	durations<>+56(SB)/8, $4000000
                GLOBL	durations<>(SB), RODATA, $64
                DATA	sleeperPC<>+0(SB)/8, $main·sleeper(SB)
                GLOBL	sleeperPC<>(SB), RODATA, $8
                """;

    @Test
    void sleepersWakeInDeadlineOrderAndOnTimeInVirtualTime() throws Exception {
        byte[] elf = RuntimeRun.buildText("order.s", "#include \"go_asm.h\"\n#include \"textflag.h\"\n" + ORDER);
        for (int procs : PROCS) {
            for (long seed = 0; seed < SEEDS; seed++) {
                RuntimeRun.Result r = RuntimeRun.run(elf, seed, procs, "GOMAXPROCS=" + procs);
                String where = "GOMAXPROCS=" + procs + " seed=" + seed + ": " + r.both();
                assertEquals(0, r.status(), where);
                String[] lines = r.err().split("\n");
                assertEquals(8, lines.length, where);
                int[] order = new int[8];
                for (int i = 0; i < 8; i++) {
                    String[] f = lines[i].trim().split(" ");
                    order[i] = Integer.parseInt(f[0]);
                    long late = Long.parseLong(f[1]);
                    // at the deadline or after it by a few thousand instructions' worth of time,
                    // far below the 1 ms between two deadlines (and below sysmon's 20 us tick)
                    assertTrue(late >= 0 && late < 20_000, "late " + late + " ns: " + where);
                }
                // durations 7,3,5,1,8,2,6,4 ms for k = 0..7: wake order by duration
                assertEquals("[3, 5, 1, 7, 2, 6, 0, 4]", Arrays.toString(order), where);
            }
        }
    }

    /** 1,000 goroutines sleep 0.1 to 9.7 ms each; when all are back, main prints how many Ms
     *  the runtime ever made (sched.mnext). */
    static final String THOUSAND = """
                GLOBL	done<>(SB), NOPTR, $8
                GLOBL	maxm<>(SB), NOPTR, $8
                TEXT main·main(SB), $40-0
                	MOVQ	$8, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·makechan(SB)
                	MOVQ	16(SP), AX
                	MOVQ	AX, done<>(SB)
                	MOVQ	$0, i-8(SP)
                start:
                	MOVL	$8, 0(SP)
                	LEAQ	sleeperPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	MOVQ	i-8(SP), AX
                	MOVQ	AX, 16(SP)
                	CALL	runtime·newproc(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $1000
                	JLT	start
                	MOVQ	$0, i-8(SP)
                wait:
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$0, 8(SP)
                	CALL	runtime·chanrecv1(SB)
                	INCQ	i-8(SP)
                	CMPQ	i-8(SP), $1000
                	JLT	wait
                	MOVQ	runtime·sched+schedt_mnext(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                // sleeper(k): sleeps (k%97+1)*100us, then done <- k
                TEXT main·sleeper(SB), $24-8
                	MOVQ	k+0(FP), AX
                	XORL	DX, DX
                	MOVQ	$97, CX
                	DIVQ	CX
                	INCQ	DX
                	IMULQ	$100000, DX
                	MOVQ	DX, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	MOVQ	done<>(SB), AX
                	MOVQ	AX, 0(SP)
                	LEAQ	k+0(FP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·chansend1(SB)
                	RET
                DATA	sleeperPC<>+0(SB)/8, $main·sleeper(SB)
                GLOBL	sleeperPC<>(SB), RODATA, $8
                """;

    @Test
    void aThousandSleepingGoroutinesUseAtMostGomaxprocsPlusTwoMs() throws Exception {
        byte[] elf = RuntimeRun.buildText("thousand.s", "#include \"go_asm.h\"\n#include \"textflag.h\"\n" + THOUSAND);
        for (int procs : PROCS) {
            for (long seed = 0; seed < SEEDS; seed++) {
                RuntimeRun.Result r = RuntimeRun.run(elf, seed, procs, "GOMAXPROCS=" + procs);
                String where = "GOMAXPROCS=" + procs + " seed=" + seed + ": " + r.both();
                assertEquals(0, r.status(), where);
                long ms = Long.parseLong(r.err().trim());
                assertTrue(ms >= 2 && ms <= procs + 2, "Ms " + ms + ": " + where);
            }
        }
    }

    @Test
    void tenVirtualSecondsOfSleepCostAlmostNoInstructions() throws Exception {
        // main sleeps 10 s with nothing else to do; it prints how long it slept. The run retires
        // only what start-up, one park and one wake-up need: every M sleeps on a futex with a
        // timeout (or without one) and the emulator's clock jumps to the earliest deadline.
        String prog = """
                TEXT main·main(SB), $16-0
                	CALL	runtime·nanotime(SB)
                	MOVQ	0(SP), AX
                	MOVQ	AX, t0-8(SP)
                	MOVQ	$10000000000, AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	CALL	runtime·nanotime(SB)
                	MOVQ	0(SP), AX
                	SUBQ	t0-8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                """;
        for (int procs : PROCS) {
            RuntimeRun.Result r = run("tensec.s", prog, 0, procs);
            String where = "GOMAXPROCS=" + procs + ": " + r.both();
            long slept = Long.parseLong(r.err().trim());
            assertTrue(slept >= 10_000_000_000L && slept < 10_000_020_000L, where);
            assertTrue(r.retired() < 100_000, r.retired() + " instructions: " + where);
        }
    }

    @Test
    void aSleepOfZeroOrLessReturnsAtOnceAndNanotimeMoves() throws Exception {
        String prog = """
                TEXT main·main(SB), $16-0
                	CALL	runtime·nanotime(SB)
                	MOVQ	0(SP), AX
                	MOVQ	AX, t0-8(SP)
                	MOVQ	$0, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	MOVQ	$-5, 0(SP)
                	CALL	runtime·timeSleep(SB)
                	CALL	runtime·nanotime(SB)
                	MOVQ	0(SP), AX
                	SUBQ	t0-8(SP), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·printint(SB)
                	CALL	runtime·printnl(SB)
                	RET
                """;
        RuntimeRun.Result r = run("zero.s", prog, 0, 1);
        long took = Long.parseLong(r.err().trim());
        assertTrue(took > 0 && took < 2_000, r.both());
    }
}
