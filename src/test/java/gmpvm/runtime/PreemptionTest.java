package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Preemption and system calls (docs/runtime.md, "sysmon", "Preemption", "System calls"):
 * asyncPreempt gives a goroutine back every register, the flags and X0–X15 exactly as they
 * were; functions declared NOSPLIT, and the runtime, are not preempted asynchronously; a
 * goroutine blocked in a system call loses its P within two sysmon ticks.
 */
class PreemptionTest {
    /**
     * The spinner loads known values into every general register but SP (BP included), into
     * X0–X15 and the flags, then loops checking them, never calling anything. It notices each
     * asynchronous preemption itself: asyncPreempt's saved-register area covers -200(SP), where
     * the spinner keeps a canary. After 100 preemptions it reports. main (on the other P) stands
     * in for sysmon, asking for preemptions with preemptall as fast as they are taken.
     */
    static final String REGS = """
            #include "go_asm.h"
            #include "textflag.h"
            #define NOP8 MOVQ AX, AX; MOVQ BX, BX; MOVQ CX, CX; MOVQ DX, DX; MOVQ SI, SI; MOVQ DI, DI; MOVQ R8, R8; MOVQ R9, R9
            #define CANARY $0x5a5a5a5a
            GLOBL	result<>(SB), NOPTR, $8
            GLOBL	where<>(SB), NOPTR, $8
            GLOBL	flagsbad<>(SB), NOPTR, $8
            GLOBL	preempted<>(SB), NOPTR, $8
            GLOBL	xtmp<>(SB), NOPTR, $16
            DATA	vals<>+0(SB)/8, $0x8000000000000001
            DATA	vals<>+8(SB)/8, $0x0123456789abcdef
            DATA	vals<>+16(SB)/8, $0xfedcba9876543210
            DATA	vals<>+24(SB)/8, $0x1111111111111111
            DATA	vals<>+32(SB)/8, $0x2222222222222222
            DATA	vals<>+40(SB)/8, $0x3333333333333333
            DATA	vals<>+48(SB)/8, $0x4444444444444444
            DATA	vals<>+56(SB)/8, $0x5555555555555555
            DATA	vals<>+64(SB)/8, $0x6666666666666666
            DATA	vals<>+72(SB)/8, $0x7777777777777777
            DATA	vals<>+80(SB)/8, $0x8888888888888888
            DATA	vals<>+88(SB)/8, $0x9999999999999999
            DATA	vals<>+96(SB)/8, $0xaaaaaaaaaaaaaaaa
            DATA	vals<>+104(SB)/8, $0xbbbbbbbbbbbbbbbb
            DATA	vals<>+112(SB)/8, $0xcccccccccccccccc
            GLOBL	vals<>(SB), RODATA, $120
            XVALS
            GLOBL	xvals<>(SB), RODATA, $256

            TEXT main·main(SB), $40-0
            	MOVL	$0, 0(SP)
            	LEAQ	spinnerPC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            loop:
            	CALL	runtime·preemptall(SB)
            	CALL	runtime·Gosched(SB)
            	CMPQ	result<>(SB), $0
            	JEQ	loop
            	PRINT(result<>(SB))
            	PRINT(where<>(SB))
            	PRINT(preempted<>(SB))
            	RET

            TEXT main·spinner(SB), $0-0
            	MOVQ	vals<>+0(SB), AX
            	MOVQ	vals<>+8(SB), BX
            	MOVQ	vals<>+16(SB), CX
            	MOVQ	vals<>+24(SB), DX
            	MOVQ	vals<>+32(SB), SI
            	MOVQ	vals<>+40(SB), DI
            	MOVQ	vals<>+48(SB), BP
            	MOVQ	vals<>+56(SB), R8
            	MOVQ	vals<>+64(SB), R9
            	MOVQ	vals<>+72(SB), R10
            	MOVQ	vals<>+80(SB), R11
            	MOVQ	vals<>+88(SB), R12
            	MOVQ	vals<>+96(SB), R13
            	MOVQ	vals<>+104(SB), R14
            	MOVQ	vals<>+112(SB), R15
            XLOADS
            	MOVQ	CANARY, -200(SP)
            again:
            	PUSHQ	$0x8d5                    // CF PF AF ZF SF OF
            	POPFQ
            	NOP8; NOP8; NOP8; NOP8; NOP8; NOP8; NOP8; NOP8
            	MOVQ	$1, where<>(SB)
            	PUSHFQ
            	ANDQ	$0xcd5, 0(SP)             // the status flags and DF
            	CMPQ	0(SP), $0x8d5
            	SETNE	flagsbad<>(SB)
            	ADJSP	$-8
            	CMPB	flagsbad<>(SB), $0
            	JNE	bad
            GCHECKS
            XCHECKS
            	CMPQ	-200(SP), CANARY
            	JEQ	again
            	MOVQ	CANARY, -200(SP)
            	INCQ	preempted<>(SB)
            	CMPQ	preempted<>(SB), $100
            	JLT	again
            	MOVQ	$1, result<>(SB)
            	RET
            bad:
            	MOVQ	$2, result<>(SB)
            	RET
            badx:
            	POPQ	AX
            	JMP	bad

            DATA	spinnerPC<>+0(SB)/8, $main·spinner(SB)
            GLOBL	spinnerPC<>(SB), RODATA, $8
            """;

    static final String[] GPRS = {"AX", "BX", "CX", "DX", "SI", "DI", "BP", "R8", "R9", "R10", "R11", "R12", "R13",
        "R14", "R15"};

    static String regsProgram() {
        StringBuilder xvals = new StringBuilder();
        StringBuilder xloads = new StringBuilder();
        StringBuilder gchecks = new StringBuilder();
        StringBuilder xchecks = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            xvals.append(String.format("DATA\txvals<>+%d(SB)/8, $0x%016x%n", 16 * i, 0x0101010101010101L * (i + 1)));
            xvals.append(String.format("DATA\txvals<>+%d(SB)/8, $0x%016x%n", 16 * i + 8, ~(0x0303030303030303L * i)));
            xloads.append(String.format("\tMOVUPS\txvals<>+%d(SB), X%d%n", 16 * i, i));
            xchecks.append(String.format("\tMOVQ\t$%d, where<>(SB)%n", 100 + i));
            xchecks.append(String.format("\tMOVUPS\tX%d, xtmp<>(SB)%n", i));
            xchecks.append("\tPUSHQ\tAX\n");
            xchecks.append("\tMOVQ\txtmp<>+0(SB), AX\n");
            xchecks.append(String.format("\tCMPQ\tAX, xvals<>+%d(SB)%n", 16 * i));
            xchecks.append("\tJNE\tbadx\n");
            xchecks.append("\tMOVQ\txtmp<>+8(SB), AX\n");
            xchecks.append(String.format("\tCMPQ\tAX, xvals<>+%d(SB)%n", 16 * i + 8));
            xchecks.append("\tJNE\tbadx\n");
            xchecks.append("\tPOPQ\tAX\n");
        }
        for (int i = 0; i < GPRS.length; i++) {
            gchecks.append(String.format("\tMOVQ\t$%d, where<>(SB)%n", 10 + i));
            gchecks.append(String.format("\tCMPQ\t%s, vals<>+%d(SB)%n", GPRS[i], 8 * i));
            gchecks.append("\tJNE\tbad\n");
        }
        String print = "#define PRINT(x) MOVQ x, AX; MOVQ AX, 0(SP); CALL runtime·printint(SB); CALL runtime·printnl(SB)\n";
        return print + REGS.replace("XVALS", xvals).replace("XLOADS", xloads).replace("GCHECKS", gchecks)
                .replace("XCHECKS", xchecks);
    }

    @Test
    void asyncPreemptGivesBackEveryRegisterTheFlagsAndXmm() throws Exception {
        byte[] elf = RuntimeRun.buildText("regs.s", regsProgram());
        for (long seed = 0; seed < 3; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 2, "GOMAXPROCS=2");
            // result 1 (2 if a check failed), where: the number of the last check made (115,
            // X15's, on success), and 100 preemptions seen
            assertEquals("1\n115\n100\n", r.both(), "seed " + seed + " (where: 1 flags, 10+ GPRs in order "
                    + "AX BX CX DX SI DI BP R8..R15, 100+ X0..X15)");
            assertEquals(0, r.status());
        }
    }

    /**
     * A goroutine spinning in a function: main, on the other P, asks for preemptions
     * (preemptall) until the spinner's M has acknowledged 20 SIGURGs (m.preemptGen) or the
     * spinner's P has scheduled again (p.schedtick moved: it was preempted), and says which.
     */
    static final String NOSPLIT_SPIN = """
            #include "go_asm.h"
            #include "go_tls.h"
            #include "textflag.h"
            GLOBL	spinnerg<>(SB), NOPTR, $8
            GLOBL	count<>(SB), NOPTR, $8
            TEXT main·main(SB), $40-0
            	MOVL	$0, 0(SP)
            	LEAQ	spinnerPC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            start:
            	CALL	runtime·Gosched(SB)
            	CMPQ	count<>(SB), $0
            	JEQ	start
            	MOVQ	spinnerg<>(SB), AX
            	MOVQ	g_m(AX), BX
            	MOVL	m_preemptGen(BX), CX
            	MOVQ	CX, gen0-8(SP)
            	MOVQ	m_p(BX), BX
            	MOVL	p_schedtick(BX), CX
            	MOVQ	CX, tick0-16(SP)
            	MOVQ	BX, pp-24(SP)
            loop:
            	CALL	runtime·preemptall(SB)
            	MOVQ	pp-24(SP), BX
            	MOVL	p_schedtick(BX), CX
            	CMPQ	CX, tick0-16(SP)
            	JNE	preempted
            	MOVQ	p_m(BX), BX
            	MOVL	m_preemptGen(BX), CX
            	SUBQ	gen0-8(SP), CX
            	CMPQ	CX, $20
            	JLT	loop
            	LEAQ	msgnot<>(SB), AX
            	MOVQ	AX, 0(SP)
            	MOVQ	$33, 8(SP)
            	CALL	runtime·printstring(SB)
            	CALL	runtime·printnl(SB)
            	RET
            preempted:
            	LEAQ	msgyes<>(SB), AX
            	MOVQ	AX, 0(SP)
            	MOVQ	$17, 8(SP)
            	CALL	runtime·printstring(SB)
            	CALL	runtime·printnl(SB)
            	RET
            TEXT main·spinner(SB), FLAGS, $0-0
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	AX, spinnerg<>(SB)
            spin:
            	INCQ	count<>(SB)
            	JMP	spin
            DATA	spinnerPC<>+0(SB)/8, $main·spinner(SB)
            GLOBL	spinnerPC<>(SB), RODATA, $8
            DATA	msgnot<>+0(SB)/33, $"20 signals, spinner not preempted"
            GLOBL	msgnot<>(SB), RODATA, $33
            DATA	msgyes<>+0(SB)/17, $"spinner preempted"
            GLOBL	msgyes<>(SB), RODATA, $17
            """;

    @Test
    void aFunctionDeclaredNosplitIsNotAsyncPreemptedButAnUndeclaredLeafIs() throws Exception {
        byte[] nosplit = RuntimeRun.buildText("nosplit.s", NOSPLIT_SPIN.replace("FLAGS", "NOSPLIT"));
        byte[] leaf = RuntimeRun.buildText("leaf.s", NOSPLIT_SPIN.replace("FLAGS", "0"));
        for (long seed = 0; seed < 3; seed++) {
            assertEquals("20 signals, spinner not preempted\n", RuntimeRun.run(nosplit, seed, 2, "GOMAXPROCS=2").both(),
                    "NOSPLIT, seed " + seed);
            assertEquals("spinner preempted\n", RuntimeRun.run(leaf, seed, 2, "GOMAXPROCS=2").both(),
                    "leaf (the assembler's own NOSPLIT), seed " + seed);
        }
    }

    /**
     * isAsyncSafePoint asked directly, for main's goroutine (the M's curg, with a running P and
     * no locks) at its own SP, with pc at a function's entry: an undeclared leaf, a declared NOSPLIT function, an ordinary
     * function, two runtime functions (one NOSPLIT, one not), then the leaf with too little
     * stack left (asyncPreemptStack - 8 above stack.lo), then the leaf for g0.
     */
    static final String SAFEPOINT = """
            #include "go_asm.h"
            #include "go_tls.h"
            #include "textflag.h"
            #define ASK(pcsym) \\
            	get_tls(CX); \\
            	MOVQ	g(CX), AX; \\
            	MOVQ	AX, 0(SP); \\
            	LEAQ	pcsym(SB), AX; \\
            	MOVQ	AX, 8(SP); \\
            	MOVQ	SP, 16(SP); \\
            	CALL	runtime·isAsyncSafePoint(SB); \\
            	MOVBQZX	24(SP), AX; \\
            	MOVQ	AX, 0(SP); \\
            	CALL	runtime·printint(SB)
            TEXT main·main(SB), $32-0
            	ASK(main·leaf)
            	ASK(main·nosplit)
            	ASK(main·ordinary)
            	ASK(runtime·casgstatus)
            	ASK(runtime·newproc)
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	main·leaf(SB), BX
            	MOVQ	BX, 8(SP)
            	MOVQ	(g_stack+stack_lo)(AX), BX
            	ADDQ	$(asyncPreemptStack-8), BX
            	MOVQ	BX, 16(SP)
            	CALL	runtime·isAsyncSafePoint(SB)
            	MOVBQZX	24(SP), AX
            	MOVQ	AX, 0(SP)
            	CALL	runtime·printint(SB)
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	g_m(AX), AX
            	MOVQ	m_g0(AX), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	main·leaf(SB), BX
            	MOVQ	BX, 8(SP)
            	MOVQ	(g_sched+gobuf_sp)(AX), BX
            	MOVQ	BX, 16(SP)
            	CALL	runtime·isAsyncSafePoint(SB)
            	MOVBQZX	24(SP), AX
            	MOVQ	AX, 0(SP)
            	CALL	runtime·printint(SB)
            	CALL	runtime·printnl(SB)
            	RET
            TEXT main·leaf(SB), $0-0
            	NOP
            	RET
            TEXT main·nosplit(SB), NOSPLIT, $0-0
            	NOP
            	RET
            TEXT main·ordinary(SB), $16-0
            	CALL	main·leaf(SB)
            	RET
            """;

    @Test
    void theSafePointRuleUserCodeNotDeclaredNosplitWithEnoughStack() throws Exception {
        RuntimeRun.Result r = RuntimeRun.run(RuntimeRun.buildText("safepoint.s", SAFEPOINT), 0, 1, "GOMAXPROCS=1");
        assertEquals("1010000\n", r.both());
    }

    /**
     * GOMAXPROCS=1. main first runs for 30 ms of virtual time (sysmon backs off to its 10 ms
     * tick meanwhile: it has retaken nothing), then starts the sleeper, which notes the time
     * and calls nanosleep(50 ms) through syscall·Syscall, and yields. main can only run again
     * once sysmon has retaken the P from the system call; it prints how long that took (ns)
     * and whether the sleeper is still in its call.
     */
    static final String STUCK = """
            #include "go_asm.h"
            #include "textflag.h"
            GLOBL	t0<>(SB), NOPTR, $8
            GLOBL	insyscall<>(SB), NOPTR, $8
            DATA	ts<>+0(SB)/8, $0
            DATA	ts<>+8(SB)/8, $50000000
            GLOBL	ts<>(SB), NOPTR, $16
            TEXT main·main(SB), $24-0
            	CALL	runtime·nanotime1(SB)
            	MOVQ	0(SP), AX
            	ADDQ	$30000000, AX
            	MOVQ	AX, until-8(SP)
            busy:
            	CALL	runtime·nanotime1(SB)
            	MOVQ	0(SP), AX
            	CMPQ	AX, until-8(SP)
            	JLT	busy
            	MOVL	$0, 0(SP)
            	LEAQ	sleeperPC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            wait:
            	CALL	runtime·Gosched(SB)
            	CMPQ	insyscall<>(SB), $0
            	JEQ	wait
            	CALL	runtime·nanotime1(SB)
            	MOVQ	0(SP), AX
            	SUBQ	t0<>(SB), AX
            	MOVQ	AX, 0(SP)
            	CALL	runtime·printint(SB)
            	CALL	runtime·printsp(SB)
            	MOVQ	insyscall<>(SB), AX
            	MOVQ	AX, 0(SP)
            	CALL	runtime·printint(SB)
            	CALL	runtime·printnl(SB)
            	RET
            TEXT main·sleeper(SB), $56-0
            	CALL	runtime·nanotime1(SB)
            	MOVQ	0(SP), AX
            	MOVQ	AX, t0<>(SB)
            	MOVQ	$1, insyscall<>(SB)
            	MOVQ	$SYS_nanosleep, 0(SP)
            	LEAQ	ts<>(SB), AX
            	MOVQ	AX, 8(SP)
            	MOVQ	$0, 16(SP)
            	MOVQ	$0, 24(SP)
            	CALL	syscall·Syscall(SB)
            	MOVQ	$0, insyscall<>(SB)
            	RET
            DATA	sleeperPC<>+0(SB)/8, $main·sleeper(SB)
            GLOBL	sleeperPC<>(SB), RODATA, $8
            """;

    @Test
    void aGoroutineStuckInASystemCallLosesItsPWithinTwoSysmonTicks() throws Exception {
        byte[] elf = RuntimeRun.buildText("stuck.s", STUCK);
        for (long seed = 0; seed < 3; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 1, "GOMAXPROCS=1");
            Matcher m = Pattern.compile("(\\d+) 1\n").matcher(r.both());
            assertTrue(m.matches(), "seed " + seed + ": " + r.both());
            long ns = Long.parseLong(m.group(1));
            System.out.printf("seed %d: P retaken from the system call after %.3f ms%n", seed, ns / 1e6);
            // sysmon ticks every 10 ms by now (sysmonMaxDelayUS): the first tick that sees the
            // call notes p.syscalltick, the next one retakes; a little more for the hand-off
            assertTrue(ns <= 2 * 10_000_000 + 200_000, "seed " + seed + ": " + ns + " ns");
        }
    }

    /**
     * The same after a 30 ms busy start, but the sleeper brackets a raw nanosleep with
     * entersyscallblock and exitsyscall: the P is handed off before the call, so main runs
     * again at once instead of at sysmon's next 10 ms tick. main prints how long after the
     * sleeper's start it ran (ns), whether the sleeper was still in its call, and, once the
     * sleeper is back, the P's syscalltick (entersyscallblock counts the call at once).
     */
    static final String BLOCK = STUCK.replace("""
            	CALL	syscall·Syscall(SB)
            """, """
            	CALL	runtime·entersyscallblock(SB)
            	CALL	syscall·RawSyscall(SB)
            	CALL	runtime·exitsyscall(SB)
            """);

    @Test
    void entersyscallblockHandsThePOffAtOnce() throws Exception {
        assertTrue(BLOCK.contains("entersyscallblock"));
        byte[] elf = RuntimeRun.buildText("block.s", BLOCK);
        for (long seed = 0; seed < 3; seed++) {
            RuntimeRun.Result r = RuntimeRun.run(elf, seed, 1, "GOMAXPROCS=1");
            Matcher m = Pattern.compile("(\\d+) 1\n").matcher(r.both());
            assertTrue(m.matches(), "seed " + seed + ": " + r.both());
            long ns = Long.parseLong(m.group(1));
            System.out.printf("seed %d: P handed off by entersyscallblock, main running after %.1f us%n", seed, ns / 1e3);
            // a hand-off and an M woken, not a sysmon tick (10 ms by now)
            assertTrue(ns < 1_000_000, "seed " + seed + ": " + ns + " ns");
        }
    }

    /**
     * examples/spin.s with GODEBUG=asyncpreemptoff=1: sysmon still asks (the cooperative
     * request), but the spinner calls nothing, so it keeps the only P and main never prints;
     * the run ends at the instruction limit, 40 ms of virtual time (sysmon's 10 ms limit passed
     * three times over). Without the setting, the same run finishes.
     */
    @Test
    void asyncpreemptoffLeavesACallFreeLoopRunning() throws Exception {
        byte[] elf = RuntimeRun.build(RuntimeExamplesTest.DIR.resolve("spin.s"));
        RuntimeRun.Result off = RuntimeRun.runLimited(elf, 0, 1, 40_000_000, "GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1");
        assertEquals(124, off.status(), off.both());
        assertEquals("", off.both());
        RuntimeRun.Result on = RuntimeRun.runLimited(elf, 0, 1, 40_000_000, "GOMAXPROCS=1");
        assertEquals(0, on.status(), on.both());
        assertEquals("main: the spinner was preempted\n", on.both());
    }
}
