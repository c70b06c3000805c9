package gmpvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Goroutine stack growth (stack.s): every prologue shape at every 8-byte distance from the
 * guard, what copystack adjusts and what it leaves alone, stack reuse through gfput/gfget and
 * the stack pool, many goroutines growing at once, morestack on g0, and the preemption hook.
 */
class StackGrowthTest {
    static RuntimeRun.Result run(String name, String text, int procs) throws Exception {
        return RuntimeRun.run(RuntimeRun.buildText(name, text), 0, procs, "GOMAXPROCS=" + procs);
    }

    static long field(String out, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(-?\\d+)").matcher(out);
        assertTrue(m.find(), name + " in " + out);
        return Long.parseLong(m.group(1));
    }

    /**
     * For each shape (small frame, medium frame, big frame over _StackBig, and a small frame
     * calling a NOSPLIT chain that uses almost all of StackLimit) and each k in 0..256, a fresh
     * goroutine goes k×8 bytes deeper (step: NOFRAME, 8 bytes a level, its state reached
     * through the context register DX, which morestack saves and copystack adjusts) and then
     * calls the shape. Each shape fills its frame, checks a pointer to the goroutine's local
     * and SP against stack.lo at its deepest point. No check may fail; some goroutines grow,
     * others do not.
     */
    static final String SHAPES = """
            #include "go_asm.h"
            #include "go_tls.h"
            #include "textflag.h"
            GLOBL	done<>(SB), NOPTR, $8
            GLOBL	bad<>(SB), NOPTR, $8
            GLOBL	grown<>(SB), NOPTR, $8
            GLOBL	runs<>(SB), NOPTR, $8

            #define MAGIC $0x1234abcd
            // CHECKP(r): the state's pointer (16(DX)) still reaches the goroutine's local.
            #define CHECKP(r) \\
            	MOVQ	16(r), AX; \\
            	CMPQ	(AX), MAGIC; \\
            	JEQ	2(PC); \\
            	INCQ	bad<>(SB)
            // CHECKSP: SP has not gone below the goroutine's stack.
            #define CHECKSP \\
            	get_tls(CX); \\
            	MOVQ	g(CX), AX; \\
            	CMPQ	SP, (g_stack+stack_lo)(AX); \\
            	JHI	2(PC); \\
            	INCQ	bad<>(SB)
            // FILL(n): writes the n-byte frame.
            #define FILL(n) \\
            	LEAQ	0(SP), DI; \\
            	MOVQ	$(n/8), CX; \\
            	MOVQ	$0x5555, AX; \\
            	REP; STOSQ

            // step: DX points at the state {k, shape, p}; k levels of 8 bytes, then the shape.
            TEXT main·step(SB), NEEDCTXT|NOFRAME, $0-0
            	DECQ	0(DX)
            	JLT	bottom
            	CALL	main·step(SB)
            	RET
            bottom:
            	MOVQ	8(DX), AX
            	CMPQ	AX, $1
            	JEQ	medium
            	CMPQ	AX, $2
            	JEQ	big
            	CMPQ	AX, $3
            	JEQ	chain
            	CALL	main·small(SB)
            	RET
            medium:
            	CALL	main·medium(SB)
            	RET
            big:
            	CALL	main·big(SB)
            	RET
            chain:
            	CALL	main·chain(SB)
            	RET

            TEXT main·small(SB), NEEDCTXT, $64-0
            	MOVQ	DX, BX
            	FILL(64)
            	CHECKP(BX)
            	CHECKSP
            	RET

            TEXT main·medium(SB), NEEDCTXT, $1024-0
            	MOVQ	DX, BX
            	FILL(1024)
            	CHECKP(BX)
            	CHECKSP
            	RET

            TEXT main·big(SB), NEEDCTXT, $8192-0
            	MOVQ	DX, BX
            	FILL(8192)
            	CHECKP(BX)
            	CHECKSP
            	RET

            // chain: a small splittable frame, then NOSPLIT a ($360) calling NOSPLIT b ($360).
            TEXT main·chain(SB), NEEDCTXT, $8-0
            	MOVQ	DX, 0(SP)
            	CALL	main·a(SB)
            	RET
            TEXT main·a(SB), NOSPLIT, $360-8
            	FILL(360)
            	MOVQ	st+0(FP), AX
            	MOVQ	AX, 0(SP)
            	CALL	main·b(SB)
            	RET
            TEXT main·b(SB), NOSPLIT, $360-8
            	FILL(360)
            	MOVQ	st+0(FP), BX
            	CHECKP(BX)
            	CHECKSP
            	RET

            // worker(k, shape int64)
            TEXT main·worker(SB), $48-16
            	MOVQ	MAGIC, x-8(SP)
            	MOVQ	k+0(FP), AX
            	MOVQ	AX, st-32(SP)
            	MOVQ	shape+8(FP), AX
            	MOVQ	AX, st-24(SP)
            	LEAQ	x-8(SP), AX
            	MOVQ	AX, st-16(SP)
            	LEAQ	st-32(SP), DX
            	CALL	main·step(SB)
            	CMPQ	x-8(SP), MAGIC
            	JEQ	2(PC)
            	INCQ	bad<>(SB)
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	(g_stack+stack_hi)(AX), BX
            	SUBQ	(g_stack+stack_lo)(AX), BX
            	CMPQ	BX, $_FixedStack
            	JEQ	2(PC)
            	INCQ	grown<>(SB)
            	INCQ	runs<>(SB)
            	MOVQ	done<>(SB), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	x-8(SP), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·chansend1(SB)
            	RET

            TEXT main·main(SB), $48-0
            	MOVQ	$8, 0(SP)
            	MOVQ	$0, 8(SP)
            	CALL	runtime·makechan(SB)
            	MOVQ	16(SP), AX
            	MOVQ	AX, done<>(SB)
            	MOVQ	$0, shape-16(SP)
            shapes:
            	MOVQ	$0, k-8(SP)
            ks:
            	MOVL	$16, 0(SP)
            	LEAQ	workerPC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	MOVQ	k-8(SP), AX
            	MOVQ	AX, 16(SP)
            	MOVQ	shape-16(SP), AX
            	MOVQ	AX, 24(SP)
            	CALL	runtime·newproc(SB)
            	MOVQ	done<>(SB), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	v-24(SP), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·chanrecv1(SB)
            	INCQ	k-8(SP)
            	CMPQ	k-8(SP), $256
            	JLE	ks
            	INCQ	shape-16(SP)
            	CMPQ	shape-16(SP), $4
            	JLT	shapes
            	PRINT(runs)
            	PRINT(bad)
            	PRINT(grown)
            	CALL	runtime·printnl(SB)
            	RET

            DATA	workerPC<>+0(SB)/8, $main·worker(SB)
            GLOBL	workerPC<>(SB), RODATA, $8
            """;

    /**
     * Expands each {@code PRINT(name)} line of a program into printing " name=" and the int64
     * in the global {@code name<>}, with the label string appended as DATA.
     */
    static String withPrints(String text) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = Pattern.compile("^\\s*PRINT\\((\\w+)\\)\\s*$").matcher(line);
            if (!m.matches()) {
                out.append(line).append('\n');
                continue;
            }
            String n = m.group(1);
            names.add(n);
            out.append("\tLEAQ\tlbl_").append(n).append("<>(SB), AX\n\tMOVQ\tAX, 0(SP)\n\tMOVQ\t$")
                    .append(n.length() + 2).append(", 8(SP)\n\tCALL\truntime·printstring(SB)\n")
                    .append("\tMOVQ\t").append(n).append("<>(SB), AX\n\tMOVQ\tAX, 0(SP)\n")
                    .append("\tCALL\truntime·printint(SB)\n");
        }
        for (String n : names) {
            int len = n.length() + 2;
            out.append("DATA\tlbl_").append(n).append("<>+0(SB)/").append(len).append(", $\" ").append(n)
                    .append("=\"\nGLOBL\tlbl_").append(n).append("<>(SB), RODATA, $").append(len).append('\n');
        }
        return out.toString();
    }

    @Test
    void everyPrologueShapeAtEveryDistanceFromTheGuard() throws Exception {
        RuntimeRun.Result r = run("shapes.s", withPrints(SHAPES), 1);
        assertEquals(0, r.status(), r.both());
        assertEquals(4 * 257, field(r.both(), "runs"), r.both());
        assertEquals(0, field(r.both(), "bad"), r.both());
        long grown = field(r.both(), "grown");
        assertTrue(grown > 0 && grown < 4 * 257, "some goroutines grew, not all: " + r.both());
    }

    /**
     * What copystack adjusts and what it leaves: main's locals hold values just outside its
     * 2 KiB stack (lo-8, hi, hi+8, 0x1234) and inside it (lo, hi-8, the address of a local);
     * a planted defer record (sp and one argument word pointing at main's locals) and a panic
     * record (argp) hang on g; then a call with an 8 KiB frame grows the stack. Afterwards
     * the outside values are unchanged, the inside ones moved by exactly new.hi - old.hi, and
     * the records point at the locals' new places.
     */
    static final String ADJUST = """
            #include "go_asm.h"
            #include "go_tls.h"
            #include "textflag.h"
            GLOBL	lo<>(SB), NOPTR, $8
            GLOBL	hi<>(SB), NOPTR, $8
            GLOBL	delta<>(SB), NOPTR, $8
            GLOBL	rec<>(SB), NOPTR, $(_defer__size+8)
            GLOBL	pan<>(SB), NOPTR, $_panic__size
            GLOBL	outside<>(SB), NOPTR, $8
            GLOBL	inside<>(SB), NOPTR, $8
            GLOBL	records<>(SB), NOPTR, $8
            GLOBL	grew<>(SB), NOPTR, $8

            // SAME(slot): the local still holds AX; MOVED(slot): it holds AX + delta.
            #define SAME(slot) \\
            	CMPQ	slot, AX; \\
            	JNE	2(PC); \\
            	INCQ	outside<>(SB)
            #define MOVED(slot) \\
            	ADDQ	delta<>(SB), AX; \\
            	CMPQ	slot, AX; \\
            	JNE	2(PC); \\
            	INCQ	inside<>(SB)

            TEXT main·big(SB), $8192-0
            	MOVQ	$1, 0(SP)
            	RET

            TEXT main·main(SB), $64-0
            	get_tls(CX)
            	MOVQ	g(CX), BX
            	MOVQ	(g_stack+stack_lo)(BX), AX
            	MOVQ	AX, lo<>(SB)
            	MOVQ	(g_stack+stack_hi)(BX), CX
            	MOVQ	CX, hi<>(SB)
            	LEAQ	-8(AX), DX
            	MOVQ	DX, a-8(SP)               // lo-8: outside
            	MOVQ	CX, b-16(SP)              // hi: outside (the range is [lo, hi))
            	LEAQ	8(CX), DX
            	MOVQ	DX, c-24(SP)              // hi+8: outside
            	MOVQ	$0x1234, d-32(SP)         // a small integer: outside
            	MOVQ	AX, e-40(SP)              // lo: inside
            	LEAQ	-8(CX), DX
            	MOVQ	DX, f-48(SP)              // hi-8: inside
            	LEAQ	a-8(SP), DX
            	MOVQ	DX, h-56(SP)              // &a: inside
            	// a defer record and a panic record pointing at the locals
            	LEAQ	rec<>(SB), DX
            	MOVL	$8, _defer_siz(DX)
            	LEAQ	h-56(SP), AX
            	MOVQ	AX, _defer_sp(DX)
            	LEAQ	a-8(SP), AX
            	MOVQ	AX, _defer__size(DX)
            	MOVQ	DX, g__defer(BX)
            	LEAQ	pan<>(SB), DX
            	LEAQ	b-16(SP), AX
            	MOVQ	AX, _panic_argp(DX)
            	MOVQ	DX, g__panic(BX)

            	CALL	main·big(SB)

            	get_tls(CX)
            	MOVQ	g(CX), BX
            	MOVQ	$0, g__defer(BX)
            	MOVQ	$0, g__panic(BX)
            	MOVQ	(g_stack+stack_hi)(BX), AX
            	SUBQ	(g_stack+stack_lo)(BX), AX
            	MOVQ	AX, grew<>(SB)
            	MOVQ	(g_stack+stack_hi)(BX), AX
            	SUBQ	hi<>(SB), AX
            	MOVQ	AX, delta<>(SB)
            	MOVQ	lo<>(SB), AX
            	SUBQ	$8, AX
            	SAME(a-8(SP))
            	MOVQ	hi<>(SB), AX
            	SAME(b-16(SP))
            	MOVQ	hi<>(SB), AX
            	ADDQ	$8, AX
            	SAME(c-24(SP))
            	MOVQ	$0x1234, AX
            	SAME(d-32(SP))
            	MOVQ	lo<>(SB), AX
            	MOVED(e-40(SP))
            	MOVQ	hi<>(SB), AX
            	SUBQ	$8, AX
            	MOVED(f-48(SP))
            	LEAQ	a-8(SP), AX
            	CMPQ	h-56(SP), AX
            	JNE	2(PC)
            	INCQ	inside<>(SB)
            	LEAQ	rec<>(SB), DX
            	LEAQ	h-56(SP), AX
            	CMPQ	_defer_sp(DX), AX
            	JNE	2(PC)
            	INCQ	records<>(SB)
            	LEAQ	a-8(SP), AX
            	CMPQ	_defer__size(DX), AX
            	JNE	2(PC)
            	INCQ	records<>(SB)
            	LEAQ	pan<>(SB), DX
            	LEAQ	b-16(SP), AX
            	CMPQ	_panic_argp(DX), AX
            	JNE	2(PC)
            	INCQ	records<>(SB)
            	PRINT(grew)
            	PRINT(delta)
            	PRINT(outside)
            	PRINT(inside)
            	PRINT(records)
            	CALL	runtime·printnl(SB)
            	RET
            """;

    @Test
    void copystackMovesWhatPointsIntoTheOldStackAndNothingElse() throws Exception {
        RuntimeRun.Result r = run("adjust.s", withPrints(ADJUST), 1);
        assertEquals(0, r.status(), r.both());
        assertEquals(16384, field(r.both(), "grew"), "2 KiB doubled until the 8 KiB frame fits: " + r.both());
        assertTrue(field(r.both(), "delta") != 0, r.both());
        assertEquals(4, field(r.both(), "outside"), "values outside [lo, hi) unchanged: " + r.both());
        assertEquals(3, field(r.both(), "inside"), "values inside [lo, hi) moved by delta: " + r.both());
        assertEquals(3, field(r.both(), "records"), "defer sp and argument, panic argp: " + r.both());
    }

    /**
     * Reuse: a goroutine grows to 1 MiB and exits (gfput gives the big stack back to the pool);
     * the next goroutine is the same g, starts on 2 KiB again, and growing to 1 MiB takes the
     * same stacks from the pool: stacksys does not move.
     */
    static final String REUSE = """
            #include "go_asm.h"
            #include "go_tls.h"
            #include "textflag.h"
            GLOBL	done<>(SB), NOPTR, $8
            GLOBL	g1<>(SB), NOPTR, $8
            GLOBL	lo1<>(SB), NOPTR, $8
            GLOBL	sys1<>(SB), NOPTR, $8
            GLOBL	start1<>(SB), NOPTR, $8
            GLOBL	start2<>(SB), NOPTR, $8
            GLOBL	sameg<>(SB), NOPTR, $8
            GLOBL	samestack<>(SB), NOPTR, $8
            GLOBL	sysgrew<>(SB), NOPTR, $8
            GLOBL	size<>(SB), NOPTR, $8
            GLOBL	freed<>(SB), NOPTR, $8
            GLOBL	which<>(SB), NOPTR, $8

            // deep(): recurses until the goroutine's stack is 1 MiB.
            TEXT main·deep(SB), $0-0
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	(g_stack+stack_hi)(AX), BX
            	SUBQ	(g_stack+stack_lo)(AX), BX
            	CMPQ	BX, $(1<<20)
            	JGE	2(PC)
            	CALL	main·deep(SB)
            	RET

            TEXT main·worker(SB), $16-0
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	(g_stack+stack_hi)(AX), BX
            	SUBQ	(g_stack+stack_lo)(AX), BX
            	CMPQ	which<>(SB), $0
            	JNE	second
            	MOVQ	BX, start1<>(SB)
            	MOVQ	AX, g1<>(SB)
            	CALL	main·deep(SB)
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	(g_stack+stack_lo)(AX), BX
            	MOVQ	BX, lo1<>(SB)
            	MOVQ	runtime·stacksys(SB), BX
            	MOVQ	BX, sys1<>(SB)
            	JMP	out
            second:
            	MOVQ	BX, start2<>(SB)
            	CMPQ	AX, g1<>(SB)
            	SETEQ	BL
            	MOVBQZX	BL, BX
            	MOVQ	BX, sameg<>(SB)
            	CALL	main·deep(SB)
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	(g_stack+stack_hi)(AX), BX
            	SUBQ	(g_stack+stack_lo)(AX), BX
            	MOVQ	BX, size<>(SB)
            	MOVQ	(g_stack+stack_lo)(AX), BX
            	CMPQ	BX, lo1<>(SB)
            	SETEQ	BL
            	MOVBQZX	BL, BX
            	MOVQ	BX, samestack<>(SB)
            	MOVQ	runtime·stacksys(SB), BX
            	SUBQ	sys1<>(SB), BX
            	MOVQ	BX, sysgrew<>(SB)
            out:
            	INCQ	which<>(SB)
            	MOVQ	done<>(SB), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	which<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·chansend1(SB)
            	RET

            TEXT main·main(SB), $24-0
            	MOVQ	$8, 0(SP)
            	MOVQ	$0, 8(SP)
            	CALL	runtime·makechan(SB)
            	MOVQ	16(SP), AX
            	MOVQ	AX, done<>(SB)
            	CALL	spawnwait<>(SB)
            	MOVQ	runtime·stackfrees(SB), AX
            	MOVQ	AX, freed<>(SB)
            	CALL	spawnwait<>(SB)
            	PRINT(start1)
            	PRINT(start2)
            	PRINT(sameg)
            	PRINT(size)
            	PRINT(samestack)
            	PRINT(sysgrew)
            	PRINT(freed)
            	CALL	runtime·printnl(SB)
            	RET

            TEXT spawnwait<>(SB), $24-0
            	MOVL	$0, 0(SP)
            	LEAQ	workerPC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            	MOVQ	done<>(SB), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	v-8(SP), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·chanrecv1(SB)
            	RET

            DATA	workerPC<>+0(SB)/8, $main·worker(SB)
            GLOBL	workerPC<>(SB), RODATA, $8
            """;

    @Test
    void aGoroutineGrownTo1MiBIsReusedFrom2KiBAndItsStacksComeFromThePool() throws Exception {
        RuntimeRun.Result r = run("reuse.s", withPrints(REUSE), 1);
        assertEquals(0, r.status(), r.both());
        String o = r.both();
        assertEquals(2048, field(o, "start1"), o);
        assertEquals(2048, field(o, "start2"), "the reused g starts on 2 KiB again: " + o);
        assertEquals(1, field(o, "sameg"), "gfget handed out the same g: " + o);
        assertEquals(1 << 20, field(o, "size"), o);
        assertEquals(1, field(o, "samestack"), "the 1 MiB stack came back from the pool: " + o);
        assertEquals(0, field(o, "sysgrew"), "no new stack memory for the second goroutine: " + o);
        // 2K, 4K, ... 512K freed by the nine doublings, then the 1 MiB one by gfput.
        assertEquals(9 + 1, field(o, "freed"), o);
    }

    /** 1,000 goroutines each recursing 1,000 deep (32 KB of frames: 2 KiB grows to 64 KiB) at once. */
    static final String THOUSAND = """
            #include "go_asm.h"
            #include "go_tls.h"
            #include "textflag.h"
            GLOBL	done<>(SB), NOPTR, $8
            GLOBL	sum<>(SB), NOPTR, $8
            GLOBL	grown<>(SB), NOPTR, $8

            // rec(n int64) int64: n + rec(n-1), rec(0) = 0.
            TEXT main·rec(SB), $16-16
            	MOVQ	n+0(FP), AX
            	TESTQ	AX, AX
            	JNE	more
            	MOVQ	$0, ret+8(FP)
            	RET
            more:
            	DECQ	AX
            	MOVQ	AX, 0(SP)
            	CALL	main·rec(SB)
            	MOVQ	8(SP), AX
            	ADDQ	n+0(FP), AX
            	MOVQ	AX, ret+8(FP)
            	RET

            TEXT main·worker(SB), $24-0
            	MOVQ	$1000, 0(SP)
            	CALL	main·rec(SB)
            	MOVQ	8(SP), AX
            	MOVQ	AX, r-8(SP)
            	get_tls(CX)
            	MOVQ	g(CX), AX
            	MOVQ	(g_stack+stack_hi)(AX), BX
            	SUBQ	(g_stack+stack_lo)(AX), BX
            	CMPQ	BX, $65536
            	JNE	notgrown
            	LOCK
            	INCQ	grown<>(SB)
            notgrown:
            	MOVQ	done<>(SB), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	r-8(SP), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·chansend1(SB)
            	RET

            TEXT main·main(SB), $32-0
            	MOVQ	$8, 0(SP)
            	MOVQ	$1000, 8(SP)
            	CALL	runtime·makechan(SB)
            	MOVQ	16(SP), AX
            	MOVQ	AX, done<>(SB)
            	MOVQ	$1000, i-8(SP)
            spawn:
            	MOVL	$0, 0(SP)
            	LEAQ	workerPC<>(SB), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·newproc(SB)
            	DECQ	i-8(SP)
            	JNZ	spawn
            	MOVQ	$1000, i-8(SP)
            wait:
            	MOVQ	done<>(SB), AX
            	MOVQ	AX, 0(SP)
            	LEAQ	v-16(SP), AX
            	MOVQ	AX, 8(SP)
            	CALL	runtime·chanrecv1(SB)
            	MOVQ	v-16(SP), AX
            	ADDQ	AX, sum<>(SB)
            	DECQ	i-8(SP)
            	JNZ	wait
            	PRINT(sum)
            	PRINT(grown)
            	CALL	runtime·printnl(SB)
            	RET

            DATA	workerPC<>+0(SB)/8, $main·worker(SB)
            GLOBL	workerPC<>(SB), RODATA, $8
            """;

    @Test
    void aThousandGoroutinesEachRecursingAThousandDeepAtGomaxprocs4() throws Exception {
        RuntimeRun.Result r = RuntimeRun.run(RuntimeRun.buildText("thousand.s", withPrints(THOUSAND)), 7, 4,
                "GOMAXPROCS=4");
        assertEquals(0, r.status(), r.both());
        assertEquals(1000L * (1000 * 1001 / 2), field(r.both(), "sum"), r.both());
        assertEquals(1000, field(r.both(), "grown"), "each stack 2 KiB -> 64 KiB: " + r.both());
    }

    /** Growing g0's stack is impossible: Go's message, then abort (INT3: SIGTRAP). */
    @Test
    void morestackOnG0IsFatalWithGosMessage() throws Exception {
        String src = """
                #include "textflag.h"
                TEXT main·main(SB), $8-0
                	LEAQ	recPC<>(SB), AX
                	MOVQ	AX, 0(SP)
                	CALL	runtime·systemstack(SB)
                	RET
                TEXT main·rec(SB), $64-0
                	CALL	main·rec(SB)
                	RET
                DATA	recPC<>+0(SB)/8, $main·rec(SB)
                GLOBL	recPC<>(SB), RODATA, $8
                """;
        RuntimeRun.Result r = run("g0.s", src, 1);
        // abort's INT3 then reaches the runtime's SIGTRAP handler, which crashes as Go's does:
        // the signal, PC and M, the runtime stack, exit status 2
        assertTrue(r.err().startsWith("fatal: morestack on g0\nSIGTRAP: trace trap\nPC=0x"), r.err());
        assertTrue(r.err().contains("\nruntime stack:\nruntime.abort()\n"), r.err());
        assertEquals(2, r.status());
    }

    /**
     * The preemption hook: a stackguard0 of stackPreempt sends the next split check through
     * newstack to gosched_m, so the goroutine yields (here to the one it just started) and
     * then carries on with the same call. (The first Gosched only moves p.schedtick off 0,
     * where findRunnable would look at the global queue first and pick main again.)
     */
    @Test
    void aStackPreemptGuardYieldsAsGosched() throws Exception {
        String src = """
                #include "go_asm.h"
                #include "go_tls.h"
                #include "textflag.h"
                TEXT main·say(SB), $16-16
                	MOVQ	p+0(FP), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	n+8(FP), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·printstring(SB)
                	RET
                TEXT main·other(SB), $16-0
                	LEAQ	sother<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$6, 8(SP)
                	CALL	main·say(SB)
                	RET
                TEXT main·main(SB), $24-0
                	MOVL	$0, 0(SP)
                	LEAQ	otherPC<>(SB), AX
                	MOVQ	AX, 8(SP)
                	CALL	runtime·newproc(SB)
                	get_tls(CX)
                	MOVQ	g(CX), AX
                	MOVQ	$stackPreempt, BX
                	MOVQ	BX, g_stackguard0(AX)
                	LEAQ	smain<>(SB), AX
                	MOVQ	AX, 0(SP)
                	MOVQ	$5, 8(SP)
                	CALL	main·say(SB)
                	RET
                DATA	otherPC<>+0(SB)/8, $main·other(SB)
                GLOBL	otherPC<>(SB), RODATA, $8
                DATA	sother<>+0(SB)/6, $"other\\n"
                GLOBL	sother<>(SB), RODATA, $6
                DATA	smain<>+0(SB)/5, $"main\\n"
                GLOBL	smain<>(SB), RODATA, $5
                """;
        RuntimeRun.Result r = run("preempt.s", src, 1);
        assertEquals(0, r.status(), r.both());
        assertEquals("other\nmain\n", r.both());
        RuntimeRun.Result plain = run("nopreempt.s", src.replace("MOVQ\tBX, g_stackguard0(AX)", "NOP"), 1);
        assertEquals("main\n", plain.both(), "without the request main returns before other runs");
    }

    /** Growing gsignal's stack is impossible too: Go's message, then abort. */
    @Test
    void morestackOnGsignalIsFatalWithGosMessage() throws Exception {
        // Run as gsignal (setg) with its guard at the top of the address space, so that the
        // next split check fails: morestack must refuse.
        String src = """
                #include "go_asm.h"
                #include "go_tls.h"
                #include "textflag.h"
                TEXT main·f(SB), $8-0
                	CALL	main·f(SB)
                	RET
                TEXT main·main(SB), NOSPLIT, $8-0
                	get_tls(CX)
                	MOVQ	g(CX), AX
                	MOVQ	g_m(AX), AX
                	MOVQ	m_gsignal(AX), AX
                	MOVQ	$-1, g_stackguard0(AX)
                	MOVQ	AX, 0(SP)
                	CALL	runtime·setg(SB)
                	CALL	main·f(SB)
                	RET
                """;
        RuntimeRun.Result r = run("gsignal.s", src, 1);
        // abort's SIGTRAP is taken on the same exhausted gsignal stack: the handler's own split
        // check fails again (the message once more), and the second INT3, with SIGTRAP blocked
        // in the handler, kills the process (128+5)
        assertTrue(r.err().startsWith("fatal: morestack on gsignal\n"), r.err());
        assertEquals(128 + 5, r.status());
    }

    /** SetMaxStack returns the limit in force before it, as Go's debug.SetMaxStack. */
    @Test
    void setMaxStackReturnsThePreviousLimit() throws Exception {
        String src = """
                #include "textflag.h"
                GLOBL	first<>(SB), NOPTR, $8
                GLOBL	second<>(SB), NOPTR, $8
                TEXT main·main(SB), $16-0
                	MOVQ	$(1<<20), 0(SP)
                	CALL	runtime·SetMaxStack(SB)
                	MOVQ	8(SP), AX
                	MOVQ	AX, first<>(SB)
                	MOVQ	$4096, 0(SP)
                	CALL	runtime·SetMaxStack(SB)
                	MOVQ	8(SP), AX
                	MOVQ	AX, second<>(SB)
                	PRINT(first)
                	PRINT(second)
                	CALL	runtime·printnl(SB)
                	RET
                """;
        RuntimeRun.Result r = run("setmax.s", withPrints(src), 1);
        assertEquals(0, r.status(), r.both());
        assertEquals(1_000_000_000, field(r.both(), "first"), r.both());
        assertEquals(1 << 20, field(r.both(), "second"), r.both());
    }
}
