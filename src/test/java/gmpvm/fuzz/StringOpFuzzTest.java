package gmpvm.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.Machine;
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
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * String instructions (MOVS, STOS, LODS, SCAS, CMPS; REP/REPE/REPNE, both directions, 8 to 64
 * bits, 32-bit addressing) over ranges that run off mapped pages, into read-only ones and past
 * 2^64. Each ends in exit_group or a precise SIGSEGV: RIP at the string instruction and the
 * reported address one the access may not touch. The corpus {@code fuzz/string-ops.txt} keeps
 * issue 13's cases with Linux's answers.
 */
class StringOpFuzzTest {
    static final long CODE = 0x400000L, DATA = 0x600000L, RO = 0x604000L, STACK = 0x7fff0000L;
    /** mov eax, 231; syscall: exit_group(rdi), rdi = 0 unless the string op changed it. */
    static final byte[] EXIT = {(byte) 0xb8, (byte) 0xe7, 0, 0, 0, 0x31, (byte) 0xff, 0x0f, 0x05};

    static Machine machine(byte[] op, long rsi, long rdi, long rcx, long rax) {
        GuestMemory mem = new GuestMemory();
        mem.map(CODE, 4096, Prot.RX);
        byte[] code = new byte[op.length + EXIT.length];
        System.arraycopy(op, 0, code, 0, op.length);
        System.arraycopy(EXIT, 0, code, op.length, EXIT.length);
        mem.poke(CODE, code, 0, code.length);
        mem.map(DATA, 0x4000, Prot.RW);
        mem.map(RO, 0x1000, Prot.READ);
        mem.map(0x7ffffffff000L - 0x2000, 0x2000, Prot.RW); // the top of user space
        mem.map(STACK, 0x10000, Prot.RW);
        CpuState s = new CpuState();
        s.rip = CODE;
        s.r[CpuState.RSP] = STACK + 0x8000;
        s.r[CpuState.RSI] = rsi;
        s.r[CpuState.RDI] = rdi;
        s.r[CpuState.RCX] = rcx;
        s.r[CpuState.RAX] = rax;
        Machine m = new Machine(mem, s, new ProcessLayout(0x700000, 0x7f0000000000L, 1),
                new Stdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        m.setMaxInstructions(1_000_000);
        return m;
    }

    /** MOVS, CMPS, STOS, LODS, SCAS in their byte and word/dword/qword forms (A8/A9 are TEST). */
    static final byte[] STRING_OPS = {(byte) 0xa4, (byte) 0xa5, (byte) 0xa6, (byte) 0xa7, (byte) 0xaa, (byte) 0xab,
        (byte) 0xac, (byte) 0xad, (byte) 0xae, (byte) 0xaf};

    static long address(SplittableRandom r) {
        switch (r.nextInt(11)) {
            case 0: return -16 + r.nextInt(16);
            case 1: return -1;
            case 2: return -4096 - r.nextInt(64);
            case 3: return r.nextInt(64);
            case 4: return DATA + r.nextInt(0x4000);
            case 5: return DATA + 0x4000 - r.nextInt(64);
            case 6: return DATA - r.nextInt(64);
            case 7: return RO + r.nextInt(0x1000);
            case 8: return 0x7ffffffff000L - r.nextInt(64);
            case 9: return 0x800000000000L - r.nextInt(64); // non-canonical just above user space
            default: return r.nextLong();
        }
    }

    static long count(SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0: return 0;
            case 1: return 1 + r.nextInt(40);
            case 2: return 4096 + r.nextInt(16);
            case 3: return (1L << 32) + r.nextInt(16); // 32-bit addressing counts in ECX
            case 4: return -1;
            case 5: return r.nextLong();
            default: return r.nextInt(0x5000);
        }
    }

    static byte[] op(SplittableRandom r) {
        byte[] b = new byte[6];
        int n = 0;
        b[n++] = (byte) (r.nextBoolean() ? 0xfd : 0xfc); // std / cld
        if (r.nextInt(4) == 0) {
            b[n++] = 0x66;
        }
        if (r.nextInt(6) == 0) {
            b[n++] = 0x67;
        }
        int rep = r.nextInt(4);
        if (rep == 1) {
            b[n++] = (byte) 0xf3;
        } else if (rep == 2) {
            b[n++] = (byte) 0xf2;
        }
        if (r.nextInt(3) == 0) {
            b[n++] = 0x48;
        }
        b[n++] = STRING_OPS[r.nextInt(STRING_OPS.length)];
        return java.util.Arrays.copyOf(b, n);
    }

    static boolean mayNotTouch(GuestMemory mem, long addr) {
        int p = mem.protAt(addr);
        return p < 0 || (p & Prot.WRITE) == 0;
    }

    @Test
    void stringOpsOverEdgesEndInExitOrAPreciseFault() {
        long want = Fuzz.inputs(20_000);
        SplittableRandom r = new SplittableRandom(Fuzz.seed(2026));
        Map<Outcome.Kind, Integer> ends = new EnumMap<>(Outcome.Kind.class);
        for (long k = 0; k < want; k++) {
            byte[] op = op(r);
            long rsi = address(r), rdi = address(r), rcx = count(r), rax = r.nextLong();
            Machine m = machine(op, rsi, rdi, rcx, rax);
            Outcome o;
            try {
                o = m.run();
            } catch (RuntimeException | Error e) {
                throw new AssertionError(String.format("case %d: %s rsi=%x rdi=%x rcx=%x raised %s", k,
                        HexFormat.of().formatHex(op), rsi, rdi, rcx, e), e);
            }
            String what = String.format("case %d: %s rsi=%x rdi=%x rcx=%x: %s", k, HexFormat.of().formatHex(op), rsi, rdi, rcx, o);
            ends.merge(o.kind(), 1, Integer::sum);
            if (o.kind() == Outcome.Kind.SIGNALED) {
                assertEquals(11, o.signal(), what);
                // precise: the fault is at the string instruction (or its std/cld, never later)
                assertTrue(o.rip() >= CODE && o.rip() < CODE + op.length, what);
                assertTrue(mayNotTouch(m.memory(), o.address()) || o.address() == 0, what);
            } else {
                assertTrue(o.kind() == Outcome.Kind.EXITED || o.kind() == Outcome.Kind.INSN_LIMIT, what);
            }
        }
        Fuzz.report("string instructions", want, ends);
        assertTrue(ends.getOrDefault(Outcome.Kind.SIGNALED, 0) > want / 10, ends.toString());
        assertTrue(ends.getOrDefault(Outcome.Kind.EXITED, 0) > want / 10, ends.toString());
    }

    /** "HEX-BYTES RSI RDI RCX => SIGSEGV ADDR" or "=> EXIT". */
    @Test
    void corpusCasesEndAsOnLinux() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/fuzz/string-ops.txt"));
        int n = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] halves = line.split("=>");
            String[] f = halves[0].trim().split("\\s+");
            Machine m = machine(HexFormat.of().parseHex(f[0]), SyscallFuzzTest.value(f[1]), SyscallFuzzTest.value(f[2]),
                    SyscallFuzzTest.value(f[3]), 0);
            Outcome o = m.run();
            String[] want = halves[1].trim().split("\\s+");
            if (want[0].equals("EXIT")) {
                assertEquals(Outcome.Kind.EXITED, o.kind(), line);
            } else {
                assertEquals(Outcome.Kind.SIGNALED, o.kind(), line);
                assertEquals(139, o.status(), line);
                assertEquals(SyscallFuzzTest.value(want[1]), o.address(), line);
                assertTrue(o.rip() >= CODE && o.rip() < CODE + f[0].length() / 2, line); // at the string instruction
            }
            n++;
        }
        assertTrue(n >= 6, "corpus lines: " + n);
    }
}
