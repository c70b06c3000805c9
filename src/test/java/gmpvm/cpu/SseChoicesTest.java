package gmpvm.cpu;

import static gmpvm.emulator.cpu.CpuState.RAX;
import static gmpvm.emulator.cpu.CpuState.RDI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.cpu.Stop;
import org.junit.jupiter.api.Test;

/**
 * The SSE and x87-control behaviour the differential test does not pin: the RCP/RSQRT
 * approximations (implementation-specific; gmpvm's choice is within the SDM's error bound),
 * MASKMOVDQU (addresses through RDI), SIGFPE's si_code when several unmasked flags are set,
 * LDMXCSR's reserved bits, and the x87 control and status words (docs/cpu.md).
 */
class SseChoicesTest {
    private static float f(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    @Test
    void reciprocalApproximationsAreWithinTheDocumentedBound() {
        float[] inputs = {1f, 3f, -7.5f, 1e-30f, 6.5e37f, 0.1f, 123456.78f};
        for (float x : inputs) {
            // rcpss xmm0, xmm1 (f3 0f 53 c1); rsqrtss xmm0, xmm1 (f3 0f 52 c1)
            for (boolean rsqrt : new boolean[] {false, true}) {
                if (rsqrt && x < 0) {
                    continue;
                }
                OneInsn m = new OneInsn(0xf3, 0x0f, rsqrt ? 0x52 : 0x53, 0xc1);
                m.s.xmmLo[1] = Float.floatToRawIntBits(x) & 0xffffffffL;
                m.s.xmmLo[0] = 0x1234567800000000L;
                assertEquals(Stop.BUDGET, m.step());
                double exact = rsqrt ? 1 / Math.sqrt(x) : 1.0 / x;
                double got = f(m.s.xmmLo[0]);
                assertTrue(Math.abs(got - exact) <= 1.5 * 0x1p-12 * Math.abs(exact), x + " -> " + got);
                assertEquals(0x12345678L, m.s.xmmLo[0] >>> 32, "the upper lanes are kept");
                assertEquals(0x1f80, m.s.mxcsr, "no flags");
            }
        }
        OneInsn m = new OneInsn(0x0f, 0x53, 0xc1); // rcpps of +0, -0, a denormal, infinity
        m.s.xmmLo[1] = 0x80000000_00000000L;
        m.s.xmmHi[1] = 0x7f800000_00000001L;
        m.step();
        assertEquals(0xff800000_7f800000L, m.s.xmmLo[0]);
        assertEquals(0x00000000_7f800000L, m.s.xmmHi[0]);
    }

    @Test
    void maskmovdquStoresTheSelectedBytesAtRdi() {
        OneInsn m = new OneInsn(0x66, 0x0f, 0xf7, 0xc1).reg(RDI, OneInsn.DATA + 0x100); // maskmovdqu xmm0, xmm1
        m.s.xmmLo[0] = 0x8877665544332211L;
        m.s.xmmHi[0] = 0x00ffeeddccbbaa99L;
        m.s.xmmLo[1] = 0x80000000000080ffL; // bytes 0, 1 and 7
        m.s.xmmHi[1] = 0x8000000000000000L; // byte 15
        assertEquals(Stop.BUDGET, m.step());
        byte[] b = m.mem.peek(OneInsn.DATA + 0x100, 16);
        assertEquals(0x11, b[0] & 0xff);
        assertEquals(0x22, b[1] & 0xff);
        assertEquals(0, b[2]);
        assertEquals(0x88, b[7] & 0xff);
        assertEquals(0, b[14]);
        assertEquals(0x00, b[15] & 0xff);
        // a selected byte in a read-only page: SIGSEGV and nothing written
        m = new OneInsn(0x66, 0x0f, 0xf7, 0xc1).reg(RDI, OneInsn.RO - 8);
        m.s.xmmLo[0] = -1;
        m.s.xmmLo[1] = 0x80L;
        m.s.xmmHi[1] = 0x80L;
        assertEquals(Stop.FAULT, m.step());
        assertEquals(11, m.s.faultSignal);
        assertEquals(0, m.mem.peek(OneInsn.RO - 8, 1)[0]);
    }

    @Test
    void sigfpeCodeFollowsLinuxsOrderAndIncludesOlderFlags() {
        // divsd xmm0, xmm1 (f2 0f 5e c1): 1/0 with ZE unmasked and an older, unmasked PE flag set
        OneInsn m = new OneInsn(0xf2, 0x0f, 0x5e, 0xc1);
        m.s.xmmLo[0] = Double.doubleToRawLongBits(1.0);
        m.s.xmmLo[1] = 0;
        m.s.mxcsr = 0x1f80 & ~(0x04 << 7) & ~(0x20 << 7) | 0x20;
        assertEquals(Stop.FAULT, m.step());
        assertEquals(8, m.s.faultSignal);
        assertEquals(3, m.s.faultCode, "FPE_FLTDIV before FPE_FLTRES");
        assertEquals(OneInsn.CODE, m.s.faultAddr);
        assertEquals(OneInsn.CODE, m.s.rip, "the faulting instruction");
        assertEquals(Double.doubleToRawLongBits(1.0), m.s.xmmLo[0], "destination unchanged");
        assertEquals(0x24, m.s.mxcsr & 0x3f);
        // an invalid operation with IE unmasked: FPE_FLTINV, the other flags of the operation not recorded
        m = new OneInsn(0xf2, 0x0f, 0x5e, 0xc1);
        m.s.mxcsr = 0x1f80 & ~(0x01 << 7);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(7, m.s.faultCode);
        assertEquals(0x01, m.s.mxcsr & 0x3f);
    }

    @Test
    void ldmxcsrRejectsReservedBitsAndStmxcsrStores() {
        OneInsn m = new OneInsn(0x0f, 0xae, 0x10).reg(RAX, OneInsn.DATA); // ldmxcsr [rax]
        m.mem.write32(OneInsn.DATA, 0x10000 | 0x1f80);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(11, m.s.faultSignal);
        assertEquals(0x1f80, m.s.mxcsr);
        m = new OneInsn(0x0f, 0xae, 0x10, 0x0f, 0xae, 0x18).reg(RAX, OneInsn.DATA); // ldmxcsr; stmxcsr [rax]
        m.mem.write32(OneInsn.DATA, 0xffbf);
        m.step();
        assertEquals(0xffbf, m.s.mxcsr);
        m.mem.write32(OneInsn.DATA, 0);
        m.step();
        assertEquals(0xffbf, m.mem.read32(OneInsn.DATA));
    }

    @Test
    void x87ControlAndStatusWordsRoundTrip() {
        // fnstcw [rax]; fldcw [rax+2]; fnstenv [rax+8]; fnstsw ax; fninit; fnstcw [rax+4]
        OneInsn m = new OneInsn(0xd9, 0x38, 0xd9, 0x68, 0x02, 0xd9, 0x70, 0x08, 0xdf, 0xe0, 0xdb, 0xe3, 0xd9, 0x78, 0x04)
                .reg(RAX, OneInsn.DATA);
        m.mem.write16(OneInsn.DATA + 2, 0x0c7f); // round toward zero, all masked
        assertEquals(Stop.BUDGET, m.interp.run(m.s, 3));
        assertEquals(0x037f, m.mem.read16(OneInsn.DATA));
        assertEquals(0x0c7f, m.mem.read16(OneInsn.DATA + 8), "FNSTENV stores the control word");
        assertEquals(0xffff, m.mem.read16(OneInsn.DATA + 16), "tag word: every register empty");
        m.interp.run(m.s, 1);
        assertEquals(0, m.s.r[RAX] & 0xffff, "FNSTSW AX: no x87 flag is ever raised");
        m.s.r[RAX] = OneInsn.DATA;
        m.interp.run(m.s, 2);
        assertEquals(0x037f, m.mem.read16(OneInsn.DATA + 4), "FNINIT restores the default");
        // x87 arithmetic is not executed: fld1 (d9 e8) raises SIGILL
        OneInsn a = new OneInsn(0xd9, 0xe8);
        assertEquals(Stop.FAULT, a.step());
        assertEquals(4, a.s.faultSignal);
    }
}
