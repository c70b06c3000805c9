package gmpvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import gmpvm.emulator.cpu.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulated CPU against the host CPU: seeded random sequences of every integer instruction
 * the CPU supports run natively (the gcc-built harness) and on the emulator, and after every
 * instruction all sixteen GPRs, the defined flags, any signal and finally the data buffer must
 * agree. See docs/cpu.md for the design.
 *
 * <p>System properties: {@code gmpvm.nativediff.seed} (default fixed), {@code gmpvm.nativediff.insns}
 * (instructions to generate, default 230000 so that over 200000 run: a case ends at its first signal; raise it for a sweep), {@code gmpvm.nativediff.case}
 * (run only that case number, to reproduce a reported mismatch).
 */
class NativeDiffTest {
    static final long SEED = Long.decode(System.getProperty("gmpvm.nativediff.seed", "0x5eedc0de"));
    static final long INSNS = Long.getLong("gmpvm.nativediff.insns", 230_000);
    static final int ONLY = Integer.getInteger("gmpvm.nativediff.case", -1);
    private static final int BATCH = 50_000;

    @Test
    void integerInstructionsAgreeWithTheHostCpu() {
        long t0 = System.nanoTime();
        X86Gen gen = new X86Gen(SEED);
        DiffRunner runner = new DiffRunner(SEED, false);
        long generated = 0;
        int number = 0;
        int batch = 0;
        while (generated < INSNS) {
            List<DiffRunner.Job> jobs = new ArrayList<>();
            int inBatch = 0;
            while (inBatch < BATCH && generated < INSNS) {
                X86Gen.Case c = gen.next(12);
                generated += c.insns().size();
                inBatch += c.insns().size();
                if (ONLY < 0 || ONLY == number) {
                    jobs.add(new DiffRunner.Job(number, c.regs(), c.flags(), c.bufSeed(), null, c.insns()));
                }
                number++;
            }
            if (!jobs.isEmpty()) {
                runner.runBatch(jobs, "int" + batch);
            }
            batch++;
        }
        System.out.printf("NativeDiffTest: seed 0x%x, %d cases, %d instructions compared (%d signals), %d mismatches, %.1f s%n",
                SEED, runner.cases, runner.instructions, runner.signals, runner.failures(), (System.nanoTime() - t0) / 1e9);
        assertEquals(0, runner.failures(), runner.report());
        System.out.println("NativeDiffTest: executed per Op: " + runner.opCounts);
        if (ONLY < 0) {
            // every integer instruction family the CPU executes was generated (except the ones
            // that differ from the host by design)
            java.util.EnumSet<Op> expected = java.util.EnumSet.range(Op.MOV, Op.PREFETCH);
            expected.removeAll(java.util.EnumSet.of(Op.CPUID, Op.RDTSC, Op.SYSCALL));
            expected.removeAll(runner.opCounts.keySet());
            assertTrue(expected.isEmpty(), "never generated: " + expected);
        }
        assertTrue(ONLY >= 0 || runner.instructions > INSNS * 8 / 10, "too few instructions compared");
    }
}
