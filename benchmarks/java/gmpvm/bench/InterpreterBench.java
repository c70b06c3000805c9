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
 * Interpreter throughput in guest instructions. Scores are nanoseconds per guest instruction
 * (JMH's average time divided by the instructions each invocation retires); MIPS = 1000 / score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBench {
    private static final long ITERATIONS = 100_000;

    private Interpreter loopInterp;
    private CpuState loopInit;
    private Interpreter memInterp;
    private CpuState memInit;
    private final CpuState work = new CpuState();

    @Setup
    public void setup() {
        GuestMemory m1 = new GuestMemory();
        loopInit = GuestCode.load(m1, GuestCode.INTEGER_LOOP);
        loopInit.r[CpuState.RSI] = ITERATIONS;
        loopInterp = new Interpreter(m1);
        GuestMemory m2 = new GuestMemory();
        memInit = GuestCode.load(m2, GuestCode.MEMORY_LOOP);
        memInit.r[CpuState.RSI] = ITERATIONS;
        memInterp = new Interpreter(m2);
    }

    private long runToSyscall(Interpreter in, CpuState init) {
        return GuestCode.runToSyscall(in, init, work);
    }

    /** Ten register-only instructions per iteration (1,000,007 instructions per call). */
    @Benchmark
    @OperationsPerInvocation(10 * (int) ITERATIONS + 7)
    public long integerLoop() {
        return runToSyscall(loopInterp, loopInit);
    }

    /** Loads, stores, CALL/RET, PUSH/POP: thirteen instructions per iteration. */
    @Benchmark
    @OperationsPerInvocation(13 * (int) ITERATIONS + 7)
    public long memoryLoop() {
        return runToSyscall(memInterp, memInit);
    }
}
