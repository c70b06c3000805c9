package gmpvm.cpu;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs generated cases on the host CPU (through {@link NativeHarness}) and on the emulator, one
 * instruction at a time from the same state, and collects every disagreement as a readable report:
 * the seed and case number to reproduce it, the instruction (text and bytes), the state before and
 * the registers, flags, signal or buffer bytes that differ. Flags and destinations the SDM leaves
 * undefined are masked ({@link Undef}); when a masked difference exists the emulator continues
 * from the native state so it does not spread.
 */
final class DiffRunner {
    /** RFLAGS bits compared: the six status flags and DF. */
    static final long COMPARED = Undef.ARITH | 0x400;
    private static final int MAX_REPORTS = 25;

    private final long seed;
    private final boolean xmm;
    private final StringBuilder report = new StringBuilder();
    private int failures;
    long instructions;
    long cases;
    long signals;
    /** How many executed instructions the emulator decoded to each Op (a coverage measure). */
    final java.util.EnumMap<gmpvm.emulator.cpu.Op, Integer> opCounts = new java.util.EnumMap<>(gmpvm.emulator.cpu.Op.class);

    DiffRunner(long seed, boolean xmm) {
        this.seed = seed;
        this.xmm = xmm;
    }

    int failures() {
        return failures;
    }

    String report() {
        return report.toString();
    }

    /** A case in the form both sides run: initial state and instruction texts. */
    record Job(int number, long[] regs, long flags, long bufSeed, long[] xmm, List<GenInsn> insns) {
    }

    /** Assembles, runs natively and on the emulator, and compares one batch of jobs. */
    void runBatch(List<Job> jobs, String name) {
        Map<String, Integer> slotOf = new HashMap<>();
        List<String> texts = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();
        List<long[]> regs = new ArrayList<>();
        List<long[]> xmms = xmm ? new ArrayList<>() : null;
        long[] flags = new long[jobs.size()];
        long[] seeds = new long[jobs.size()];
        for (int c = 0; c < jobs.size(); c++) {
            Job j = jobs.get(c);
            int[] sl = new int[j.insns().size()];
            for (int k = 0; k < sl.length; k++) {
                String t = j.insns().get(k).text();
                Integer s = slotOf.get(t);
                if (s == null) {
                    s = texts.size();
                    slotOf.put(t, s);
                    texts.add(t);
                }
                sl[k] = s;
            }
            slots.add(sl);
            regs.add(j.regs());
            flags[c] = j.flags();
            seeds[c] = j.bufSeed();
            if (xmm) {
                xmms.add(j.xmm());
            }
        }
        NativeHarness.Image image = NativeHarness.assemble(texts, name);
        NativeHarness.Result result = NativeHarness.run(image, regs, flags, seeds, xmms, slots, name);
        List<NativeHarness.Outcome> outcomes = result.outcomes();

        GuestMemory mem = new GuestMemory();
        int codeLen = (image.bytes().length + 4095) & ~4095;
        mem.map(X86Gen.CODE, codeLen, Prot.RX);
        mem.poke(X86Gen.CODE, image.bytes(), 0, image.bytes().length);
        mem.poke(X86Gen.CODE, result.imageHeader(), 0, 16); // the stub addresses, as natively
        mem.map(X86Gen.DATA, X86Gen.DATA_SIZE, Prot.RW);
        mem.map(X86Gen.RO, 4096, Prot.READ);
        byte[] ro = new byte[4096];
        for (int k = 0; k < ro.length; k++) {
            ro[k] = (byte) (k * 7 + 3);
        }
        mem.poke(X86Gen.RO, ro, 0, ro.length);
        Interpreter interp = new Interpreter(mem);
        for (int c = 0; c < jobs.size(); c++) {
            compareCase(jobs.get(c), slots.get(c), outcomes.get(c), image, mem, interp);
        }
    }

    private void compareCase(Job j, int[] sl, NativeHarness.Outcome nat, NativeHarness.Image image,
                             GuestMemory mem, Interpreter interp) {
        cases++;
        byte[] initial = DataBuffer.fill(j.bufSeed());
        mem.poke(X86Gen.DATA, initial, 0, initial.length);
        CpuState s = new CpuState();
        s.gsBase = X86Gen.DATA; // as the harness sets it
        System.arraycopy(j.regs(), 0, s.r, 0, 16);
        s.setRflags(j.flags());
        if (xmm) {
            for (int k = 0; k < 16; k++) {
                s.xmmLo[k] = j.xmm()[2 * k];
                s.xmmHi[k] = j.xmm()[2 * k + 1];
            }
            s.mxcsr = (int) j.xmm()[32];
        }
        for (int k = 0; k < nat.steps().size(); k++) {
            NativeHarness.Step n = nat.steps().get(k);
            GenInsn g = j.insns().get(k);
            long[] before = s.r.clone();
            long[] xmmBefore = xmm ? xmmState(s) : null;
            long flagsBefore = s.rflags();
            long slot = image.slotAddr(sl[k]);
            s.rip = slot;
            opCounts.merge(interp.decodeAt(slot).op, 1, Integer::sum);
            Stop stop = interp.run(s, 1);
            instructions++;
            List<String> diffs = new ArrayList<>();
            boolean exact = true;
            if (n.signal() != 0) {
                signals++;
                if (stop != Stop.FAULT || s.faultSignal != n.signal()) {
                    diffs.add("native raised signal " + n.signal() + " (code " + n.siCode() + ", addr 0x"
                            + Long.toHexString(n.siAddr()) + "); emulator stopped with " + stop
                            + (stop == Stop.FAULT ? " signal " + s.faultSignal : ""));
                } else {
                    if (s.faultCode != n.siCode()) {
                        diffs.add("si_code native " + n.siCode() + " emulator " + s.faultCode);
                    }
                    if ((n.signal() == 11 || n.signal() == 8) && s.faultAddr != n.siAddr()) {
                        diffs.add("si_addr native 0x" + Long.toHexString(n.siAddr()) + " emulator 0x" + Long.toHexString(s.faultAddr));
                    }
                    if (s.rip != n.rip()) {
                        diffs.add("RIP at the signal: native 0x" + Long.toHexString(n.rip()) + " emulator 0x" + Long.toHexString(s.rip));
                    }
                }
            } else if (stop != Stop.BUDGET) {
                diffs.add("native ran the instruction; emulator stopped with " + stop
                        + (stop == Stop.FAULT ? " signal " + s.faultSignal + " addr 0x" + Long.toHexString(s.faultAddr) : ""));
            } else if (g.branch() == GenInsn.Branch.NONE) {
                if (s.rip != slot + image.lengths()[sl[k]]) {
                    diffs.add("RIP after: emulator 0x" + Long.toHexString(s.rip) + ", native length " + image.lengths()[sl[k]]
                            + " (decoder length disagrees with as)");
                }
            } else {
                // the harness tells which kind of exit the host left through; the emulator's RIP
                // must be such an exit (of this very slot for a direct branch)
                boolean taken = n.rip() == 1;
                int at = image.slotOf(s.rip);
                boolean ok = at >= 0 && s.rip == (taken ? image.targetAddr(at) : image.exitAddr(at))
                        && (g.branch() == GenInsn.Branch.INDIRECT || at == sl[k]);
                if (!ok) {
                    diffs.add("branch: native left through a " + (taken ? "branch-target" : "fall-through")
                            + " exit; emulator RIP 0x" + Long.toHexString(s.rip) + " (this slot's exits: 0x"
                            + Long.toHexString(image.exitAddr(sl[k])) + ", 0x" + Long.toHexString(image.targetAddr(sl[k])) + ")");
                }
            }
            long mask = n.signal() != 0 ? 0 : Undef.flagMask(g, before[1], n.rflags());
            long destMask = n.signal() == 0 ? Undef.destMask(g, before[1], n.rflags()) : 0;
            for (int r = 0; r < 16; r++) {
                if (s.r[r] != n.regs()[r]) {
                    if (r == g.dest() && ((s.r[r] ^ n.regs()[r]) & ~destMask) == 0) {
                        exact = false;
                    } else {
                        diffs.add(String.format("%-4s native 0x%016x emulator 0x%016x", X86Gen.R64[r], n.regs()[r], s.r[r]));
                    }
                }
            }
            long ef = s.rflags() & COMPARED, nf = n.rflags() & COMPARED;
            if (((ef ^ nf) & ~mask) != 0) {
                diffs.add("rflags native " + flagNames(nf) + " emulator " + flagNames(ef)
                        + (mask != 0 ? " (ignoring undefined " + flagNames(mask) + ")" : ""));
            } else if (ef != nf) {
                exact = false;
            }
            if (xmm && n.xmm() != null) {
                for (int x = 0; x < 16; x++) {
                    if (s.xmmLo[x] != n.xmm()[2 * x] || s.xmmHi[x] != n.xmm()[2 * x + 1]) {
                        diffs.add(String.format("xmm%-2d native %016x_%016x emulator %016x_%016x", x,
                                n.xmm()[2 * x + 1], n.xmm()[2 * x], s.xmmHi[x], s.xmmLo[x]));
                    }
                }
                if (s.mxcsr != (int) n.xmm()[32]) {
                    diffs.add(String.format("mxcsr native %04x emulator %04x", n.xmm()[32], s.mxcsr));
                }
            }
            if (!diffs.isEmpty()) {
                if (xmmBefore != null) {
                    diffs.add(0, xmmText(xmmBefore));
                }
                fail(j, k, image, sl, before, flagsBefore, diffs);
                return;
            }
            if (n.signal() != 0) {
                break;
            }
            if (!exact) {
                System.arraycopy(n.regs(), 0, s.r, 0, 16);
                s.setRflags(n.rflags());
            }
        }
        byte[] emu = mem.peek(X86Gen.DATA, X86Gen.DATA_SIZE);
        List<String> diffs = new ArrayList<>();
        for (int b = 0; b < emu.length && diffs.size() < 16; b++) {
            if (emu[b] != nat.buffer()[b]) {
                diffs.add(String.format("buffer[0x%03x] (0x%x) initial 0x%02x native 0x%02x emulator 0x%02x",
                        b, X86Gen.DATA + b, initial[b] & 0xff, nat.buffer()[b] & 0xff, emu[b] & 0xff));
            }
        }
        if (!diffs.isEmpty()) {
            fail(j, nat.steps().size() - 1, image, sl, j.regs(), j.flags(), diffs);
        }
    }

    private void fail(Job j, int k, NativeHarness.Image image, int[] sl, long[] before, long flagsBefore, List<String> diffs) {
        failures++;
        if (failures > MAX_REPORTS) {
            return;
        }
        StringBuilder b = report;
        b.append(String.format("%nMISMATCH seed=0x%x case=%d instruction %d of %d: %s%n", seed, j.number(), k,
                j.insns().size(), j.insns().get(k).text()));
        b.append("  bytes: ").append(hex(image.insnBytes(sl[k]))).append(String.format("  at 0x%x%n", image.slotAddr(sl[k])));
        b.append(String.format("  reproduce: mvn -q test -Dtest=%s -Dgmpvm.nativediff.seed=0x%x -Dgmpvm.nativediff.case=%d%n",
                xmm ? "NativeSseDiffTest" : "NativeDiffTest", seed, j.number()));
        b.append("  sequence:");
        for (int q = 0; q <= k; q++) {
            b.append(q == 0 ? " " : "; ").append(j.insns().get(q).text());
        }
        if (k > 0) {
            b.append("\n  case start:");
            for (int r = 0; r < 16; r++) {
                b.append(r % 4 == 0 ? "\n    " : "  ").append(String.format("%-3s=%016x", X86Gen.R64[r], j.regs()[r]));
            }
            b.append(String.format("%n    rflags=%x %s, buffer seed 0x%x", j.flags(), flagNames(j.flags() & COMPARED), j.bufSeed()));
        }
        b.append("\n  state before:");
        for (int r = 0; r < 16; r++) {
            b.append(r % 4 == 0 ? "\n    " : "  ").append(String.format("%-3s=%016x", X86Gen.R64[r], before[r]));
        }
        b.append(String.format("%n    rflags=%x %s%n", flagsBefore, flagNames(flagsBefore & COMPARED)));
        for (String d : diffs) {
            b.append("  ").append(d).append('\n');
        }
    }

    private static long[] xmmState(CpuState s) {
        long[] x = new long[33];
        for (int k = 0; k < 16; k++) {
            x[2 * k] = s.xmmLo[k];
            x[2 * k + 1] = s.xmmHi[k];
        }
        x[32] = s.mxcsr;
        return x;
    }

    private static String xmmText(long[] x) {
        StringBuilder b = new StringBuilder("XMM before:");
        for (int k = 0; k < 16; k++) {
            b.append(k % 2 == 0 ? "\n    " : "  ").append(String.format("xmm%-2d=%016x_%016x", k, x[2 * k + 1], x[2 * k]));
        }
        return b.append(String.format("%n    mxcsr=%04x", x[32])).toString();
    }

    static String flagNames(long f) {
        StringBuilder sb = new StringBuilder("[");
        String[] names = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "", "", "DF", "OF"};
        for (int bit = 0; bit < names.length; bit++) {
            if (!names[bit].isEmpty() && (f & (1L << bit)) != 0) {
                sb.append(sb.length() > 1 ? " " : "").append(names[bit]);
            }
        }
        return sb.append(']').toString();
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x ", x & 0xff));
        }
        return sb.toString().trim();
    }
}
