package gmpvm.bench;

import gmpvm.emulator.Machine;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thread switching must not slow the interpreter: the same 4,000,000 loop instructions run by
 * one thread, or split across four busy threads interleaved by the scheduler on the given
 * number of simulated CPUs. Scores are ns per guest instruction; they should be within a few
 * percent of each other. Six forks, because how HotSpot compiles the interpreter's dispatch
 * varies from one JVM to the next by more than the effect measured here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(6)
public class ThreadsBench {
    private static final long TOTAL_ITERATIONS = 400_000;
    private static final int INSNS = 10 * (int) TOTAL_ITERATIONS;

    @Param({"1", "4"})
    public int threads;

    @Param({"1", "4"})
    public int cpus;

    @Benchmark
    @OperationsPerInvocation(INSNS)
    public long busyThreads() {
        GuestMemory m = new GuestMemory();
        CpuState s = GuestCode.load(m, GuestCode.THREADED_LOOP);
        s.r[CpuState.RDI] = threads - 1;
        s.r[CpuState.RSI] = TOTAL_ITERATIONS / threads;
        Machine machine = new Machine(m, s, new ProcessLayout(0x800000L, 0x7f0000000000L, 0),
                new Stdio(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
        machine.setCpus(cpus);
        Outcome o = machine.run();
        if (o.kind() != Outcome.Kind.EXITED) {
            throw new IllegalStateException("guest ended with " + o);
        }
        return o.retired();
    }
}
