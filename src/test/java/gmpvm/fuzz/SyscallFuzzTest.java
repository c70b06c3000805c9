package gmpvm.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.Machine;
import gmpvm.emulator.MachineListener;
import gmpvm.emulator.Outcome;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.ProcessLayout;
import gmpvm.emulator.kernel.Stdio;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * System calls with random arguments: a guest loop reads (number, six arguments) rows from a
 * table and makes each call, so every row goes through the real entry path (the syscall table's
 * pointer checks, the handlers, blocking, signals). Whatever the arguments, the process must
 * end as a process does (exit, signal, deadlock, limit), never with a Java exception. The
 * corpus {@code fuzz/syscalls.txt} holds the calls issue 13 found wrong, with Linux's answers.
 */
class SyscallFuzzTest {
    static final long CODE = 0x400000L, SCRATCH = 0x600000L, TABLE = 0x10000000L, STACK = 0x7fff0000L;
    static final long BRK_START = 0x700000L;
    static final int ROW = 56;
    /** mov rax,[rbx]; mov rdi,[rbx+8]; ...; mov r9,[rbx+48]; add rbx,56; syscall; jmp back to the top. */
    static final byte[] LOOP = {0x48, (byte) 0x8b, 0x03, 0x48, (byte) 0x8b, 0x7b, 0x08, 0x48, (byte) 0x8b, 0x73, 0x10,
        0x48, (byte) 0x8b, 0x53, 0x18, 0x4c, (byte) 0x8b, 0x53, 0x20, 0x4c, (byte) 0x8b, 0x43, 0x28, 0x4c, (byte) 0x8b,
        0x4b, 0x30, 0x48, (byte) 0x83, (byte) 0xc3, 0x38, 0x0f, 0x05, (byte) 0xeb, (byte) 0xdd};

    /** Results of the calls of one machine, in order, and how it ended. */
    record Batch(List<Long> results, Outcome outcome, int made) {
    }

    /** Runs rows (each: number and six arguments) until the table ends (exit_group 0 follows) or the process does. */
    static Batch run(List<long[]> rows) {
        GuestMemory mem = new GuestMemory();
        mem.map(CODE, 4096, Prot.RX);
        mem.poke(CODE, LOOP, 0, LOOP.length);
        mem.map(SCRATCH, 4 * 4096, Prot.RW);
        long tableSize = GuestMemory.pageCeil((long) (rows.size() + 1) * ROW);
        mem.map(TABLE, tableSize, Prot.RW);
        byte[] table = new byte[(rows.size() + 1) * ROW];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(table).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 7; k++) {
                b.putLong(i * ROW + 8 * k, rows.get(i)[k]);
            }
        }
        b.putLong(rows.size() * ROW, 231); // exit_group(0)
        mem.poke(TABLE, table, 0, table.length);
        mem.map(STACK, 0x10000, Prot.RW);
        CpuState s = new CpuState();
        s.rip = CODE;
        s.r[CpuState.RSP] = STACK + 0x8000;
        s.r[CpuState.RBX] = TABLE;
        Stdio stdio = new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream());
        stdio.setLimit(1 << 16);
        Machine m = new Machine(mem, s, new ProcessLayout(BRK_START, 0x7f0000000000L, 7), stdio);
        m.setMaxInstructions(40L * rows.size() + 10_000);
        List<Long> results = new ArrayList<>();
        int[] made = {0};
        m.setListener(new MachineListener() {
            @Override
            public void syscallEntered(GuestThread t, int nr) {
                made[0]++;
            }

            @Override
            public void syscallReturned(GuestThread t, int nr, long result) {
                results.add(result);
            }

            @Override
            public void syscallBlocked(GuestThread t, int nr) {
                results.add(null);
            }
        });
        Outcome o = m.run();
        return new Batch(results, o, made[0]);
    }

    /** Arguments a kernel must survive: edges of the address space, of pages, of sizes, mapped and unmapped. */
    static long arg(SplittableRandom r) {
        switch (r.nextInt(14)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return -16;
            case 3: return -4096;
            case 4: return SCRATCH + r.nextInt(4 * 4096);
            case 5: return SCRATCH + 4 * 4096 - r.nextInt(64); // ranges that run off the mapped pages
            case 6: return 0x7ffffffff000L - r.nextInt(64);
            case 7: return 1L << (r.nextInt(63) + 1);
            case 8: return r.nextLong();
            case 9: return r.nextInt(4096);
            case 10: return r.nextInt(70);
            case 11: return Long.MAX_VALUE;
            case 12: return TABLE + r.nextInt(4096); // the guest's own table and code pages
            default: return CODE + r.nextInt(4096);
        }
    }

    static long[] row(SplittableRandom r) {
        long nr;
        int k = r.nextInt(100);
        if (k < 90) {
            nr = r.nextInt(335);
        } else if (k < 99) {
            nr = r.nextInt(1 << 20) + 335; // unknown numbers
        } else {
            nr = r.nextLong();
        }
        // calls that end the process or jump away: rarely, so batches are long
        if ((nr == 60 || nr == 231 || nr == 15 || nr == 62 || nr == 200 || nr == 234 || nr == 56) && r.nextInt(50) != 0) {
            nr = 39; // getpid
        }
        long[] row = new long[7];
        row[0] = nr;
        for (int i = 1; i < 7; i++) {
            row[i] = arg(r);
        }
        return row;
    }

    @Test
    void randomCallsEndAsAProcessEnds() {
        Fuzz.quietKernel(SyscallFuzzTest::randomCalls);
    }

    static void randomCalls() {
        long want = Fuzz.inputs(20_000);
        SplittableRandom r = new SplittableRandom(Fuzz.seed(13));
        Map<Outcome.Kind, Integer> ends = new EnumMap<>(Outcome.Kind.class);
        long made = 0;
        int batches = 0;
        while (made < want) {
            List<long[]> rows = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                rows.add(row(r));
            }
            Batch b;
            try {
                b = run(rows);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("batch " + batches + " (seed " + Fuzz.seed(13) + ") raised " + e, e);
            }
            assertTrue(b.made() >= 1, "batch " + batches);
            Outcome.Kind kind = b.outcome().kind();
            assertTrue(kind != Outcome.Kind.TIME_LIMIT, "batch " + batches);
            ends.merge(kind, 1, Integer::sum);
            made += b.made();
            batches++;
        }
        Fuzz.report("system calls", made, ends + " in " + batches + " processes");
        // the generator must reach both long batches and ones that end early, or it tests little
        assertTrue(ends.getOrDefault(Outcome.Kind.EXITED, 0) > 0, ends.toString());
    }

    /** The corpus: one call per line, "NR A1 .. A6 => RESULT", symbolic SCRATCH/BRK allowed. */
    @Test
    void corpusCallsGetLinuxsAnswers() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/fuzz/syscalls.txt"));
        int n = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] halves = line.split("=>");
            String[] f = halves[0].trim().split("\\s+");
            long[] row = new long[7];
            for (int i = 0; i < f.length; i++) {
                row[i] = value(f[i]);
            }
            Batch b = run(List.of(row));
            assertEquals(Outcome.Kind.EXITED, b.outcome().kind(), line);
            assertEquals(value(halves[1].trim()), b.results().get(0), line);
            n++;
        }
        assertTrue(n >= 15, "corpus lines: " + n);
    }

    static long value(String s) {
        switch (s) {
            case "SCRATCH": return SCRATCH;
            case "BRK": return BRK_START;
            case "SIZE_MAX": return -1;
            default: break;
        }
        boolean neg = s.startsWith("-");
        String t = neg ? s.substring(1) : s;
        long v = t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        return neg ? -v : v;
    }
}
