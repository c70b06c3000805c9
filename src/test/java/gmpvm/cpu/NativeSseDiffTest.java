package gmpvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.cpu.Op;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SSE subset against the host CPU: XMM moves (MOVUPS/MOVAPS/MOVDQU/MOVDQA/MOVQ/MOVD/MOVSD/
 * MOVSS/MOVHPS/MOVLPS), the bitwise operations and the SSE2 integer operations, mixed with integer
 * instructions. The harness loads and dumps all sixteen XMM registers around every instruction;
 * misaligned MOVAPS-style accesses must fault the same way. Same properties as
 * {@link NativeDiffTest}, prefixed {@code gmpvm.nativediff.sse.}.
 */
class NativeSseDiffTest {
    static final long SEED = Long.decode(System.getProperty("gmpvm.nativediff.seed", "0x55e5eed"));
    static final long INSNS = Long.getLong("gmpvm.nativediff.sse.insns", 30_000);
    static final int ONLY = Integer.getInteger("gmpvm.nativediff.case", -1);

    @Test
    void sseInstructionsAgreeWithTheHostCpu() {
        long t0 = System.nanoTime();
        X86Gen gen = new X86Gen(SEED);
        DiffRunner runner = new DiffRunner(SEED, true);
        List<DiffRunner.Job> jobs = new ArrayList<>();
        long generated = 0;
        int number = 0;
        while (generated < INSNS) {
            X86Gen.Case c = gen.nextSse(10);
            long[] xmm = gen.xmmValues();
            generated += c.insns().size();
            if (ONLY < 0 || ONLY == number) {
                jobs.add(new DiffRunner.Job(number, c.regs(), c.flags(), c.bufSeed(), xmm, c.insns()));
            }
            number++;
        }
        runner.runBatch(jobs, "sse");
        System.out.printf("NativeSseDiffTest: seed 0x%x, %d cases, %d instructions compared (%d signals), %d mismatches, %.1f s%n",
                SEED, runner.cases, runner.instructions, runner.signals, runner.failures(), (System.nanoTime() - t0) / 1e9);
        assertEquals(0, runner.failures(), runner.report());
        if (ONLY < 0) {
            EnumSet<Op> expected = EnumSet.range(Op.MOVUPS, Op.CLFLUSH);
            // implementation-specific approximations and the RDI-addressed masked store: CpuChoicesTest
            expected.removeAll(EnumSet.of(Op.RCPPS, Op.RCPSS, Op.RSQRTPS, Op.RSQRTSS, Op.MASKMOVDQU));
            expected.removeAll(runner.opCounts.keySet());
            assertTrue(expected.isEmpty(), "never generated: " + expected);
        }
    }
}
