package gmpvm.bench;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.memory.GuestMemory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SSE throughput in guest instructions, as {@link InterpreterBench} measures integer code: the
 * inner loops of the whole-process {@code dotprod} (made scalar: MOVSD, MULSD with a memory
 * operand, ADDSD) and {@code vecsum} (MOVDQA, PMULUDQ, PSHUFD, PSRLQ, PUNPCKLDQ, PADDD). Scores
 * are nanoseconds per guest instruction; MIPS = 1000 / score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SseBench {
    private static final long ITERATIONS = 100_000;

    private Interpreter scalarInterp;
    private CpuState scalarInit;
    private Interpreter packedInterp;
    private CpuState packedInit;
    private final CpuState work = new CpuState();

    @Setup
    public void setup() {
        GuestMemory m1 = new GuestMemory();
        scalarInit = GuestCode.load(m1, GuestCode.SCALAR_DOUBLE_LOOP);
        for (int k = 0; k < 2048; k++) {
            m1.write64(GuestCode.DATA + 8L * k, Double.doubleToRawLongBits((k % 97) * 0.5));
            m1.write64(GuestCode.DATA + 0x4000 + 8L * k, Double.doubleToRawLongBits(1.0 / (k + 1)));
        }
        scalarInit.r[CpuState.RSI] = ITERATIONS;
        scalarInterp = new Interpreter(m1);
        GuestMemory m2 = new GuestMemory();
        packedInit = GuestCode.load(m2, GuestCode.PACKED_INT_LOOP);
        for (int k = 0; k < 4096; k++) {
            m2.write32(GuestCode.DATA + 4L * k, k * 7 + 3);
            m2.write32(GuestCode.DATA + 0x4000 + 4L * k, (k ^ 0x55) - 100);
        }
        packedInit.r[CpuState.RSI] = ITERATIONS;
        packedInterp = new Interpreter(m2);
    }

    private long runToSyscall(Interpreter in, CpuState init) {
        return GuestCode.runToSyscall(in, init, work);
    }

    /** MOVSD, MULSD m64, ADDSD and four integer instructions per iteration (700,007 per call). */
    @Benchmark
    @OperationsPerInvocation(7 * (int) ITERATIONS + 7)
    public long scalarDouble() {
        return runToSyscall(scalarInterp, scalarInit);
    }

    /** Twelve SSE2 and three integer instructions per iteration (1,500,008 per call). */
    @Benchmark
    @OperationsPerInvocation(15 * (int) ITERATIONS + 8)
    public long packedInteger() {
        return runToSyscall(packedInterp, packedInit);
    }
}
