package gmpvm.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SSE handlers of {@link FastPath} ({@link SseFast}) against the general path: every form
 * they take runs from the same random state twice, once as selected and once with its handler
 * forced to {@link FastPath#GENERAL}, and everything the instruction may change (GPRs, XMM
 * registers, MXCSR, RFLAGS, memory, RIP, the fault) must agree. The states mix IEEE edge values
 * (NaNs, infinities, denormals, zeros, rounding and conversion boundaries) with MXCSR in every
 * rounding mode, with DAZ, FTZ, sticky flags and unmasked exceptions, and addresses that are
 * misaligned, straddle a page or run into an unmapped one, so the handlers' guards are crossed
 * both ways. The host CPU judges both paths in {@code NativeSseDiffTest}.
 */
class SseFastPathTest {
    private static final long CODE = 0x1000;
    /** Two data pages; the page after them is unmapped. */
    private static final long DATA = 0x10000;

    /** Intel syntax (as GNU as reads it) and its encoding. */
    private static final String[][] FORMS = {
            {"movaps xmm1, xmm2", "0f 28 ca"},
            {"movaps xmm1, [rdi]", "0f 28 0f"},
            {"movaps [rdi], xmm1", "0f 29 0f"},
            {"movups xmm1, xmm2", "0f 10 ca"},
            {"movups xmm1, [rdi]", "0f 10 0f"},
            {"movups [rdi], xmm1", "0f 11 0f"},
            {"movapd xmm1, [rdi]", "66 0f 28 0f"},
            {"movupd [rdi], xmm1", "66 0f 11 0f"},
            {"movdqa xmm1, xmm2", "66 0f 6f ca"},
            {"movdqa xmm1, [rdi]", "66 0f 6f 0f"},
            {"movdqa [rdi], xmm1", "66 0f 7f 0f"},
            {"movdqu xmm9, [rdi]", "f3 44 0f 6f 0f"},
            {"movdqu [rdi], xmm9", "f3 44 0f 7f 0f"},
            {"movsd xmm1, xmm2", "f2 0f 10 ca"},
            {"movsd xmm1, [rdi]", "f2 0f 10 0f"},
            {"movsd [rdi], xmm1", "f2 0f 11 0f"},
            {"movss xmm1, xmm2", "f3 0f 10 ca"},
            {"movss xmm1, [rdi]", "f3 0f 10 0f"},
            {"movss [rdi], xmm1", "f3 0f 11 0f"},
            {"movq xmm1, rax", "66 48 0f 6e c8"},
            {"movd xmm1, eax", "66 0f 6e c8"},
            {"movq rax, xmm1", "66 48 0f 7e c8"},
            {"movd eax, xmm1", "66 0f 7e c8"},
            {"movq xmm1, xmm2", "f3 0f 7e ca"},
            {"movq xmm1, [rdi]", "f3 0f 7e 0f"},
            {"movd xmm1, [rdi]", "66 0f 6e 0f"},
            {"movq [rdi], xmm1", "66 0f d6 0f"},
            {"movd [rdi], xmm1", "66 0f 7e 0f"},
            {"pxor xmm1, xmm2", "66 0f ef ca"},
            {"pxor xmm1, xmm1", "66 0f ef c9"},
            {"xorps xmm1, [rdi]", "0f 57 0f"},
            {"xorpd xmm1, xmm2", "66 0f 57 ca"},
            {"pand xmm1, [rdi]", "66 0f db 0f"},
            {"andps xmm1, xmm2", "0f 54 ca"},
            {"andpd xmm1, xmm2", "66 0f 54 ca"},
            {"por xmm1, xmm2", "66 0f eb ca"},
            {"orps xmm1, [rdi]", "0f 56 0f"},
            {"orpd xmm1, xmm2", "66 0f 56 ca"},
            {"pandn xmm1, xmm2", "66 0f df ca"},
            {"andnps xmm1, [rdi]", "0f 55 0f"},
            {"andnpd xmm1, xmm2", "66 0f 55 ca"},
            {"paddd xmm1, xmm2", "66 0f fe ca"},
            {"paddd xmm1, [rdi]", "66 0f fe 0f"},
            {"psubd xmm1, xmm2", "66 0f fa ca"},
            {"psubd xmm1, [rdi]", "66 0f fa 0f"},
            {"paddq xmm1, xmm2", "66 0f d4 ca"},
            {"psubq xmm1, [rdi]", "66 0f fb 0f"},
            {"pmuludq xmm1, xmm2", "66 0f f4 ca"},
            {"pmuludq xmm1, [rdi]", "66 0f f4 0f"},
            {"pshufd xmm1, xmm2, 0x1b", "66 0f 70 ca 1b"},
            {"pshufd xmm1, [rdi], 0xd8", "66 0f 70 0f d8"},
            {"punpckldq xmm1, xmm2", "66 0f 62 ca"},
            {"punpckldq xmm1, [rdi]", "66 0f 62 0f"},
            {"punpcklqdq xmm1, xmm2", "66 0f 6c ca"},
            {"unpcklpd xmm1, [rdi]", "66 0f 14 0f"},
            {"punpckhqdq xmm1, xmm2", "66 0f 6d ca"},
            {"unpckhpd xmm1, [rdi]", "66 0f 15 0f"},
            {"pcmpeqb xmm1, xmm2", "66 0f 74 ca"},
            {"pcmpeqb xmm1, [rdi]", "66 0f 74 0f"},
            {"pmovmskb eax, xmm1", "66 0f d7 c1"},
            {"pmovmskb r9d, xmm10", "66 45 0f d7 ca"},
            {"psllq xmm1, 0", "66 0f 73 f1 00"},
            {"psllq xmm1, 1", "66 0f 73 f1 01"},
            {"psllq xmm1, 32", "66 0f 73 f1 20"},
            {"psllq xmm1, 63", "66 0f 73 f1 3f"},
            {"psllq xmm1, 64", "66 0f 73 f1 40"},
            {"psrlq xmm1, 7", "66 0f 73 d1 07"},
            {"psrlq xmm1, 32", "66 0f 73 d1 20"},
            {"psrlq xmm1, 200", "66 0f 73 d1 c8"},
            {"pslld xmm1, 1", "66 0f 72 f1 01"},
            {"pslld xmm1, 31", "66 0f 72 f1 1f"},
            {"pslld xmm1, 32", "66 0f 72 f1 20"},
            {"psrld xmm1, 0", "66 0f 72 d1 00"},
            {"psrld xmm1, 5", "66 0f 72 d1 05"},
            {"psrld xmm1, 31", "66 0f 72 d1 1f"},
            {"psrld xmm1, 255", "66 0f 72 d1 ff"},
            {"addsd xmm1, xmm2", "f2 0f 58 ca"},
            {"addsd xmm1, [rdi]", "f2 0f 58 0f"},
            {"subsd xmm1, xmm2", "f2 0f 5c ca"},
            {"subsd xmm1, [rdi]", "f2 0f 5c 0f"},
            {"mulsd xmm1, xmm2", "f2 0f 59 ca"},
            {"mulsd xmm1, [rdi]", "f2 0f 59 0f"},
            {"divsd xmm1, xmm2", "f2 0f 5e ca"},
            {"divsd xmm1, [rdi]", "f2 0f 5e 0f"},
            {"addpd xmm1, xmm2", "66 0f 58 ca"},
            {"addpd xmm1, [rdi]", "66 0f 58 0f"},
            {"subpd xmm1, xmm2", "66 0f 5c ca"},
            {"mulpd xmm1, xmm2", "66 0f 59 ca"},
            {"mulpd xmm1, [rdi]", "66 0f 59 0f"},
            {"divpd xmm1, xmm2", "66 0f 5e ca"},
            {"divpd xmm1, [rdi]", "66 0f 5e 0f"},
            {"ucomisd xmm1, xmm2", "66 0f 2e ca"},
            {"ucomisd xmm1, [rdi]", "66 0f 2e 0f"},
            {"comisd xmm1, xmm2", "66 0f 2f ca"},
            {"comisd xmm1, [rdi]", "66 0f 2f 0f"},
            {"cvtsi2sd xmm1, rax", "f2 48 0f 2a c8"},
            {"cvtsi2sd xmm1, eax", "f2 0f 2a c8"},
            {"cvtsi2sd xmm1, qword ptr [rdi]", "f2 48 0f 2a 0f"},
            {"cvtsi2sd xmm1, dword ptr [rdi]", "f2 0f 2a 0f"},
            {"cvttsd2si rax, xmm1", "f2 48 0f 2c c1"},
            {"cvttsd2si eax, xmm1", "f2 0f 2c c1"},
            {"cvttsd2si rax, qword ptr [rdi]", "f2 48 0f 2c 07"},
            {"cvttsd2si eax, qword ptr [rdi]", "f2 0f 2c 07"},
    };

    private static final long[] EDGE64 = {
        0, 0x8000000000000000L, 0x3ff0000000000000L, 0xbff0000000000000L, 0x7ff0000000000000L,
        0xfff0000000000000L, 0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff0000000000001L,
        0x7ff4000000000123L, 0x0000000000000001L, 0x800fffffffffffffL, 0x0010000000000000L,
        0x7fefffffffffffffL, 0x3ff0000000000001L, 0x3ca0000000000000L, 0x41dfffffffc00000L,
        0x41e0000000000000L, 0xc1e0000000000000L, 0xc1e0000000200000L, 0x43d0000000000000L,
        0x43e0000000000000L, 0x4340000000000000L, 0x1e00000000000000L, 0x1df0000000000000L,
        0x6200000000000000L, 0x61f0000000000000L, 0x3fe0000000000000L, 0x4008000000000000L,
    };

    private static final long[] EDGE_INT = {
        0, 1, -1, 1L << 53, (1L << 53) - 1, -(1L << 53), -(1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE,
        0x7fffffff, 0x80000000L, 0xffffffffL, 0x1234_5678_9abc_def0L,
    };

    private final SplittableRandom rnd = new SplittableRandom(0x55efa57L);
    private int nonNearest, precisionUnmasked, daz, ftz, misaligned, straddling, unmapped;

    private long double64() {
        switch (rnd.nextInt(5)) {
            case 0: return EDGE64[rnd.nextInt(EDGE64.length)];
            case 1: return rnd.nextLong();
            case 2: return Double.doubleToRawLongBits(rnd.nextInt(2001) - 1000);
            default: return Double.doubleToRawLongBits((rnd.nextDouble() - 0.5) * Math.scalb(1.0, rnd.nextInt(200) - 100));
        }
    }

    private long value() {
        switch (rnd.nextInt(4)) {
            case 0: return EDGE_INT[rnd.nextInt(EDGE_INT.length)];
            case 1: return rnd.nextLong();
            default: return double64();
        }
    }

    private int mxcsr() {
        int v = CpuState.DEFAULT_MXCSR;
        if (rnd.nextInt(4) == 0) {
            v |= rnd.nextInt(64);
        }
        if (rnd.nextInt(4) == 0) {
            v |= rnd.nextInt(4) << Mxcsr.RC_SHIFT;
        }
        if (rnd.nextInt(6) == 0) {
            v |= Mxcsr.DAZ;
        }
        if (rnd.nextInt(6) == 0) {
            v |= Mxcsr.FTZ;
        }
        if (rnd.nextInt(5) == 0) {
            v &= ~((1 << rnd.nextInt(6)) << Mxcsr.MASK_SHIFT);
            v &= ~0x3f;
        }
        nonNearest += Mxcsr.rounding(stateOf(v)) != Mxcsr.RN ? 1 : 0;
        precisionUnmasked += (v & (Mxcsr.PE << Mxcsr.MASK_SHIFT)) == 0 ? 1 : 0;
        daz += (v & Mxcsr.DAZ) != 0 ? 1 : 0;
        ftz += (v & Mxcsr.FTZ) != 0 ? 1 : 0;
        return v;
    }

    private static CpuState stateOf(int mxcsr) {
        CpuState s = new CpuState();
        s.mxcsr = mxcsr;
        return s;
    }

    /** One random starting point: registers, MXCSR, RFLAGS, RDI and the data pages' contents. */
    private record Start(CpuState s, long[] data) {
    }

    private Start start() {
        CpuState s = new CpuState();
        for (int k = 0; k < 16; k++) {
            s.r[k] = value();
            s.xmmLo[k] = double64();
            s.xmmHi[k] = rnd.nextInt(4) == 0 ? value() : double64();
        }
        s.mxcsr = mxcsr();
        s.setRflags(rnd.nextLong() & Flags.ARITH);
        long rdi;
        switch (rnd.nextInt(8)) {
            case 0: rdi = DATA + 16 * rnd.nextInt(256) + 1 + rnd.nextInt(15); misaligned++; break;
            case 1: rdi = DATA + 0x1000 - 16 + 1 + rnd.nextInt(15); straddling++; break;
            case 2: rdi = DATA + 0x2000 - 16 + 1 + rnd.nextInt(15); unmapped++; break;
            default: rdi = DATA + 16 * rnd.nextInt(512); break;
        }
        s.r[CpuState.RDI] = rdi;
        long[] data = new long[0x2000 / 8];
        for (int k = 0; k < data.length; k++) {
            data[k] = rnd.nextInt(3) == 0 ? value() : double64();
        }
        return new Start(s, data);
    }

    /** The outcome of one instruction from a start: the state after it and the data pages. */
    private record Outcome(Stop stop, CpuState s, long[] data) {
    }

    private static Outcome run(byte[] code, Start st, boolean general) {
        GuestMemory m = new GuestMemory();
        m.map(CODE, 4096, Prot.RX);
        m.poke(CODE, code, 0, code.length);
        m.map(DATA, 0x2000, Prot.RW);
        for (int k = 0; k < st.data.length; k++) {
            m.write64(DATA + 8L * k, st.data[k]);
        }
        Interpreter in = new Interpreter(m);
        Insn i = in.decodeAt(CODE);
        assertNotEquals(FastPath.GENERAL, i.handler, i.op + ": not taken by the fast path");
        if (general) {
            i.handler = FastPath.GENERAL;
        }
        CpuState s = new CpuState();
        s.copyFrom(st.s);
        s.rip = CODE;
        Stop stop = in.run(s, 1);
        long[] data = new long[st.data.length];
        for (int k = 0; k < data.length; k++) {
            data[k] = m.read64(DATA + 8L * k);
        }
        return new Outcome(stop, s, data);
    }

    private static String describe(Outcome o) {
        CpuState s = o.s;
        return String.format(Locale.ROOT, "%s rip=%x fault=%d/%d/%x mxcsr=%x rflags=%x%n  r=%s%n  lo=%s%n  hi=%s",
                o.stop, s.rip, s.faultSignal, s.faultCode, s.faultAddr, s.mxcsr, s.rflags(),
                hex(s.r), hex(s.xmmLo), hex(s.xmmHi));
    }

    private static String hex(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) {
            b.append(Long.toHexString(x)).append(' ');
        }
        return b.toString();
    }

    static byte[] bytes(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int k = 0; k < parts.length; k++) {
            b[k] = (byte) Integer.parseInt(parts[k], 16);
        }
        return b;
    }

    @Test
    void everyFastFormAgreesWithTheGeneralPath() {
        int runs = 0;
        for (String[] form : FORMS) {
            byte[] code = bytes(form[1]);
            Insn decoded = new Decoder().decode(code, code.length, CODE);
            assertEquals(form[0].split(" ")[0].toUpperCase(Locale.ROOT), decoded.op.name(), form[0]);
            for (int n = 0; n < 300; n++) {
                Start st = start();
                Outcome fast = run(code, st, false);
                Outcome general = run(code, st, true);
                String where = form[0] + " (case " + n + ")";
                assertEquals(describe(general), describe(fast), where);
                assertArrayEquals(general.data, fast.data, where + ": memory");
                runs++;
            }
        }
        // the guards were crossed both ways
        assertTrue(nonNearest > runs / 10 && precisionUnmasked > runs / 50 && daz > runs / 10 && ftz > runs / 10,
                nonNearest + " " + precisionUnmasked + " " + daz + " " + ftz);
        assertTrue(misaligned > runs / 10 && straddling > runs / 10 && unmapped > runs / 10,
                misaligned + " " + straddling + " " + unmapped);
    }

    // ------------------------------------------------------------------ the guards, one by one

    /** Runs one instruction (hex) from s with memory m (code mapped here); returns how it stopped. */
    private static Stop one(String hex, CpuState s, GuestMemory m) {
        byte[] code = bytes(hex);
        m.map(CODE, 4096, Prot.RX);
        m.poke(CODE, code, 0, code.length);
        s.rip = CODE;
        Interpreter in = new Interpreter(m);
        assertNotEquals(FastPath.GENERAL, in.decodeAt(CODE).handler, hex);
        return in.run(s, 1);
    }

    private static final long ONE = 0x3ff0000000000000L, THREE = 0x4008000000000000L;

    @Test
    void anotherRoundingModeTakesTheExactPath() {
        CpuState s = new CpuState();
        s.mxcsr = CpuState.DEFAULT_MXCSR | Mxcsr.RU << Mxcsr.RC_SHIFT;
        s.xmmLo[1] = ONE;
        s.xmmLo[2] = THREE;
        assertEquals(Stop.BUDGET, one("f2 0f 5e ca", s, new GuestMemory())); // divsd xmm1, xmm2
        assertEquals(0x3fd5555555555556L, s.xmmLo[1], "1/3 rounded up");
        assertEquals(Mxcsr.PE, s.mxcsr & 0x3f);
        CpuState n = new CpuState();
        n.xmmLo[1] = ONE;
        n.xmmLo[2] = THREE;
        one("f2 0f 5e ca", n, new GuestMemory());
        assertEquals(0x3fd5555555555555L, n.xmmLo[1], "1/3 rounded to nearest");
    }

    @Test
    void anUnmaskedPrecisionExceptionTrapsWithTheDestinationUnchanged() {
        CpuState s = new CpuState();
        s.mxcsr = CpuState.DEFAULT_MXCSR & ~(Mxcsr.PE << Mxcsr.MASK_SHIFT);
        s.xmmLo[1] = ONE;
        s.xmmLo[2] = 0x3ca0000000000000L; // 2^-53: 1 + 2^-53 is inexact
        assertEquals(Stop.FAULT, one("f2 0f 58 ca", s, new GuestMemory())); // addsd xmm1, xmm2
        assertEquals(Trap.SIGFPE, s.faultSignal);
        assertEquals(Mxcsr.FPE_FLTRES, s.faultCode);
        assertEquals(ONE, s.xmmLo[1]);
        assertEquals(Mxcsr.PE, s.mxcsr & 0x3f);
        // exact: no exception, so the unmasked PE does not matter
        CpuState e = new CpuState();
        e.mxcsr = s.mxcsr & ~0x3f;
        e.xmmLo[1] = ONE;
        e.xmmLo[2] = ONE;
        assertEquals(Stop.BUDGET, one("f2 0f 58 ca", e, new GuestMemory()));
        assertEquals(0x4000000000000000L, e.xmmLo[1]);
        assertEquals(0, e.mxcsr & 0x3f);
    }

    @Test
    void divisionByZeroAndDenormalsLeaveTheFastPath() {
        CpuState s = new CpuState();
        s.xmmLo[1] = ONE;
        s.xmmHi[1] = 0x0000000000000001L; // the smallest denormal
        s.xmmHi[2] = ONE;
        assertEquals(Stop.BUDGET, one("66 0f 5e ca", s, new GuestMemory())); // divpd xmm1, xmm2
        assertEquals(0x7ff0000000000000L, s.xmmLo[1], "1/0");
        assertEquals(1L, s.xmmHi[1], "denormal / 1");
        assertEquals(Mxcsr.ZE | Mxcsr.DE, s.mxcsr & 0x3f);
        CpuState d = new CpuState();
        d.mxcsr = CpuState.DEFAULT_MXCSR | Mxcsr.DAZ;
        d.xmmLo[1] = 0x800fffffffffffffL; // a negative denormal, read as -0
        d.xmmLo[2] = ONE;
        one("f2 0f 59 ca", d, new GuestMemory()); // mulsd xmm1, xmm2
        assertEquals(0x8000000000000000L, d.xmmLo[1]);
        assertEquals(0, d.mxcsr & 0x3f);
    }

    @Test
    void conversionsOutOfRangeAndComparesWithNaNsRaiseInvalid() {
        CpuState s = new CpuState();
        s.xmmLo[1] = 0x41e0000000000000L; // 2^31
        s.r[0] = -1;
        assertEquals(Stop.BUDGET, one("f2 0f 2c c1", s, new GuestMemory())); // cvttsd2si eax, xmm1
        assertEquals(0x80000000L, s.r[0]);
        assertEquals(Mxcsr.IE, s.mxcsr & 0x3f);
        CpuState q = new CpuState();
        q.xmmLo[1] = 0x7ff8000000000000L; // a quiet NaN
        q.xmmLo[2] = ONE;
        one("66 0f 2e ca", q, new GuestMemory()); // ucomisd xmm1, xmm2
        assertEquals(Flags.ZF | Flags.PF | Flags.CF, q.rflags() & Flags.ARITH);
        assertEquals(0, q.mxcsr & 0x3f, "UCOMISD is quiet on QNaN");
        q.rip = CODE;
        one("66 0f 2f ca", q, new GuestMemory()); // comisd xmm1, xmm2
        assertEquals(Mxcsr.IE, q.mxcsr & 0x3f, "COMISD signals on QNaN");
        CpuState big = new CpuState();
        big.r[0] = (1L << 53) + 1;
        one("f2 48 0f 2a c8", big, new GuestMemory()); // cvtsi2sd xmm1, rax
        assertEquals(Double.doubleToRawLongBits(0x1p53), big.xmmLo[1]);
        assertEquals(Mxcsr.PE, big.mxcsr & 0x3f);
    }

    @Test
    void misalignedAndPageStraddlingOperandsFaultPrecisely() {
        GuestMemory m = new GuestMemory();
        m.map(DATA, 0x2000, Prot.RW);
        CpuState s = new CpuState();
        s.r[CpuState.RDI] = DATA + 8;
        s.xmmLo[1] = 5;
        assertEquals(Stop.FAULT, one("66 0f 6f 0f", s, m)); // movdqa xmm1, [rdi]
        assertEquals(Trap.SIGSEGV, s.faultSignal);
        assertEquals(Trap.SI_KERNEL, s.faultCode);
        assertEquals(0, s.faultAddr);
        assertEquals(5, s.xmmLo[1]);
        CpuState u = new CpuState();
        u.r[CpuState.RDI] = DATA + 0x2000 - 8;
        u.xmmLo[9] = 0x1111;
        assertEquals(Stop.FAULT, one("f3 44 0f 7f 0f", u, m)); // movdqu [rdi], xmm9
        assertEquals(Trap.SIGSEGV, u.faultSignal);
        assertEquals(DATA + 0x2000, u.faultAddr, "the first unmapped byte");
        assertEquals(0, m.read64(DATA + 0x2000 - 8), "nothing written");
        CpuState ok = new CpuState();
        ok.r[CpuState.RDI] = DATA + 0x1000 - 4;
        ok.xmmLo[9] = 0x0706050403020100L;
        ok.xmmHi[9] = 0x0f0e0d0c0b0a0908L;
        assertEquals(Stop.BUDGET, one("f3 44 0f 7f 0f", ok, m));
        assertEquals(0x0b0a090807060504L, m.read64(DATA + 0x1000));
    }

    @Test
    void pcmpeqbAndPmovmskbFindTheDifferingBytes() {
        CpuState s = new CpuState();
        s.xmmLo[1] = 0x0706050403020100L;
        s.xmmHi[1] = 0x0f0e0d0c0b0a0908L;
        s.xmmLo[2] = 0x07060504ff020100L; // byte 3 differs
        s.xmmHi[2] = 0x0f0e0d800b0a0908L; // byte 12 differs
        one("66 0f 74 ca", s, new GuestMemory()); // pcmpeqb xmm1, xmm2
        assertEquals(0xffffffff00ffffffL, s.xmmLo[1]);
        assertEquals(0xffffff00ffffffffL, s.xmmHi[1]);
        s.r[0] = -1;
        one("66 0f d7 c1", s, new GuestMemory()); // pmovmskb eax, xmm1
        assertEquals(0xeff7L, s.r[0]);
    }
}
