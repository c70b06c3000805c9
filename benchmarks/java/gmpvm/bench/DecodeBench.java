package gmpvm.bench;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.memory.GuestMemory;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
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
 * Decode-heavy code: 12,000 straight-line instructions of varied forms (register and memory
 * operands, SIB, RIP-relative, immediates of every size), rewritten before every run so the
 * decode cache starts cold each time. The score is ns per instruction decoded and executed once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBench {
    static final int COUNT = 12_000;

    /** Instruction templates; none of them writes RSP or jumps, and memory operands use RBX = DATA. */
    private static final String[] FORMS = {
        "48 89 c1", "89 d6", "48 01 c8", "01 f2", "48 29 d0", "31 c9", "48 31 d2", "48 21 f0",
        "48 09 c6", "48 8d 0c 40", "48 8d 54 11 08", "48 8d 84 0e 00 01 00 00", "48 c1 e0 03",
        "c1 ea 05", "48 d1 f8", "48 0f af c1", "48 0f b6 c1", "0f b7 d0", "48 63 c2", "48 ff c0",
        "ff ca", "48 f7 d8", "48 f7 d1", "48 0f 44 c1", "0f 9c c0", "48 85 c0", "48 39 d1",
        "48 83 c0 7f", "48 81 c1 44 33 22 11", "b8 78 56 34 12", "48 b9 88 77 66 55 44 33 22 11",
        "48 8b 03", "8b 53 08", "48 89 43 10", "89 4b 18", "48 03 43 20", "48 8b 44 23 08",
        "0f b6 53 01", "48 0f be 4b 02", "66 89 43 30", "88 43 31", "48 0f ba e0 05",
        "48 0f bc c1", "f3 48 0f b8 c2", "48 0f c8", "86 e0", "48 87 ca", "90", "66 90",
        "0f 1f 44 00 00", "48 8d 05 00 01 00 00", "48 c7 43 28 01 00 00 00", "f3 0f 6f 03",
        "66 0f ef c0", "66 0f 7e c0",
    };

    private GuestMemory mem;
    private Interpreter interp;
    private byte[] code;
    private final CpuState work = new CpuState();

    @Setup
    public void setup() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SplittableRandom r = new SplittableRandom(42);
        for (int k = 0; k < COUNT; k++) {
            byte[] f = GuestCode.bytes(FORMS[r.nextInt(FORMS.length)]);
            b.write(f, 0, f.length);
        }
        b.write(0x0f);
        b.write(0x05); // syscall
        code = b.toByteArray();
        mem = new GuestMemory();
        GuestCode.load(mem, new byte[0]);
        interp = new Interpreter(mem);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT + 1)
    public long decodeAndRunOnce() {
        mem.poke(GuestCode.CODE, code, 0, code.length);
        work.rip = GuestCode.CODE;
        work.r[CpuState.RBX] = GuestCode.DATA;
        work.r[CpuState.RSP] = GuestCode.STACK_TOP - 64;
        Stop st = interp.run(work, Long.MAX_VALUE);
        if (st != Stop.SYSCALL) {
            throw new IllegalStateException("stopped with " + st + " at 0x" + Long.toHexString(work.rip));
        }
        return work.retired;
    }
}
