package gmpvm.cpu;

import static gmpvm.emulator.cpu.CpuState.RAX;
import static gmpvm.emulator.cpu.CpuState.RBP;
import static gmpvm.emulator.cpu.CpuState.RBX;
import static gmpvm.emulator.cpu.CpuState.RCX;
import static gmpvm.emulator.cpu.CpuState.RDI;
import static gmpvm.emulator.cpu.CpuState.RSI;
import static gmpvm.emulator.cpu.CpuState.RSP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.cpu.Stop;
import org.junit.jupiter.api.Test;

/**
 * One test per class of CPU bug the native differential test found, pinned with hand-encoded
 * instructions so they stay fixed without gcc: each asserts what the host CPU did.
 */
class CpuFixesTest {
    private static final int SIGILL = 4, SIGBUS = 7, SIGSEGV = 11, SI_KERNEL = 0x80, SEGV_MAPERR = 1, SEGV_ACCERR = 2;

    @Test
    void sse2IntegerOpcodesAboveC8AreNotBswap() {
        // pxor xmm0, xmm1 (66 0f ef c1): was decoded as a 3-byte BSWAP
        OneInsn m = new OneInsn(0x66, 0x0f, 0xef, 0xc1);
        m.s.xmmLo[0] = 0xff00ff00ff00ff00L;
        m.s.xmmHi[0] = 1;
        m.s.xmmLo[1] = 0x0ff00ff00ff00ff0L;
        m.s.xmmHi[1] = 3;
        m.reg(RCX, 0x1122334455667788L);
        assertEquals(Stop.BUDGET, m.step());
        assertEquals(OneInsn.CODE + 4, m.s.rip);
        assertEquals(0xf0f0f0f0f0f0f0f0L, m.s.xmmLo[0]);
        assertEquals(2, m.s.xmmHi[0]);
        assertEquals(0x1122334455667788L, m.s.r[RCX]);

        // psubq xmm2, xmm3 (66 0f fb d3)
        m = new OneInsn(0x66, 0x0f, 0xfb, 0xd3);
        m.s.xmmLo[2] = 5;
        m.s.xmmLo[3] = 7;
        m.step();
        assertEquals(-2L, m.s.xmmLo[2]);

        // bswap ecx (0f c9) still is BSWAP
        m = new OneInsn(0x0f, 0xc9).reg(RCX, 0xffffffff11223344L);
        m.step();
        assertEquals(0x44332211L, m.s.r[RCX]);
    }

    @Test
    void nonCanonicalAddressesAreGeneralProtectionOrStackFaults() {
        // mov eax, [rbx] with a non-canonical RBX: #GP, SIGSEGV with SI_KERNEL and address 0
        OneInsn m = new OneInsn(0x8b, 0x03).reg(RBX, 0x8000000000000000L);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(SIGSEGV, m.s.faultSignal);
        assertEquals(SI_KERNEL, m.s.faultCode);
        assertEquals(0, m.s.faultAddr);
        assertEquals(OneInsn.CODE, m.s.rip);

        // through RBP the segment is SS: #SS, which Linux reports as SIGBUS
        m = new OneInsn(0x8b, 0x45, 0x00).reg(RBP, 0x0000800000000000L);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(SIGBUS, m.s.faultSignal);
        assertEquals(SI_KERNEL, m.s.faultCode);

        // a DS override does not change that in 64-bit mode
        m = new OneInsn(0x3e, 0x8b, 0x45, 0x00).reg(RBP, 0x0000800000000000L);
        m.step();
        assertEquals(SIGBUS, m.s.faultSignal);

        // push with a non-canonical RSP
        m = new OneInsn(0x50).reg(RSP, 0x0000800000000008L);
        m.step();
        assertEquals(SIGBUS, m.s.faultSignal);
        assertEquals(0x0000800000000008L, m.s.r[RSP]);

        // a canonical but unmapped address stays a page fault with its address
        m = new OneInsn(0x8b, 0x03).reg(RBX, 0x1008);
        m.step();
        assertEquals(SIGSEGV, m.s.faultSignal);
        assertEquals(SEGV_MAPERR, m.s.faultCode);
        assertEquals(0x1008, m.s.faultAddr);
    }

    @Test
    void lockOnInstructionsThatCannotBeLockedIsIllegal() {
        int[][] illegal = {
            {0xf0, 0x8b, 0x03}, // lock mov eax, [rbx]
            {0xf0, 0x87, 0xc8}, // lock xchg eax, ecx (register operands)
            {0xf0, 0x8d, 0x03}, // lock lea
            {0xf0, 0xff, 0x33}, // lock push [rbx]
            {0xf0, 0x50},       // lock push rax
        };
        for (int[] bytes : illegal) {
            OneInsn m = new OneInsn(bytes).reg(RBX, OneInsn.DATA);
            assertEquals(Stop.FAULT, m.step());
            assertEquals(SIGILL, m.s.faultSignal);
            assertEquals(OneInsn.CODE, m.s.rip);
        }
        // lock xchg [rbx], eax is fine
        OneInsn m = new OneInsn(0xf0, 0x87, 0x03).reg(RBX, OneInsn.DATA).reg(RAX, 7);
        assertEquals(Stop.BUDGET, m.step());
        assertEquals(7, m.mem.read32(OneInsn.DATA));
    }

    @Test
    void shiftByZeroStillNeedsAWritableDestination() {
        // shl dword [rbx], cl with CL = 0 on a read-only page: the host faults (SEGV_ACCERR)
        OneInsn m = new OneInsn(0xd3, 0x23).reg(RBX, OneInsn.RO + 8).reg(RCX, 0x100);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(SIGSEGV, m.s.faultSignal);
        assertEquals(SEGV_ACCERR, m.s.faultCode);
        // shrd [rbx], eax, 0 likewise (0f ac 03 00)
        m = new OneInsn(0x0f, 0xac, 0x03, 0x00).reg(RBX, OneInsn.RO);
        assertEquals(Stop.FAULT, m.step());
        // on a register, a 32-bit shift by 0 still zero-extends: shl eax, cl
        m = new OneInsn(0xd3, 0xe0).reg(RAX, 0xdead000012345678L).reg(RCX, 32).flags(0x8d7);
        m.step();
        assertEquals(0x12345678L, m.s.r[RAX]);
        assertEquals(0x8d7 | 0x200, m.s.rflags());
    }

    @Test
    void addressSize32RepWithZeroEcxWritesNothing() {
        // addr32 rep movsb (67 f3 a4) with ECX = 0: RCX keeps its upper half
        OneInsn m = new OneInsn(0x67, 0xf3, 0xa4).reg(RCX, 0xdead000000000000L)
                .reg(RSI, 0x1234000000000000L | OneInsn.DATA).reg(RDI, 0x5678000000000000L | OneInsn.DATA + 64);
        m.step();
        assertEquals(0xdead000000000000L, m.s.r[RCX]);
        assertEquals(0x1234000000000000L | OneInsn.DATA, m.s.r[RSI]);
        // with iterations the registers are written back as 32-bit values
        m = new OneInsn(0x67, 0xf3, 0xa4).reg(RCX, 0xdead000000000002L)
                .reg(RSI, 0x1234000000000000L | OneInsn.DATA).reg(RDI, 0x5678000000000000L | OneInsn.DATA + 64);
        m.step();
        assertEquals(0, m.s.r[RCX]);
        assertEquals(OneInsn.DATA + 2, m.s.r[RSI]);
        assertEquals(OneInsn.DATA + 66, m.s.r[RDI]);
    }

    @Test
    void instructionsLongerThanFifteenBytesAreGeneralProtection() {
        int[] b = new int[16];
        java.util.Arrays.fill(b, 0x66);
        b[14] = 0x01;
        b[15] = 0xc8;
        OneInsn m = new OneInsn(b);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(SIGSEGV, m.s.faultSignal);
        assertEquals(SI_KERNEL, m.s.faultCode);
        assertEquals(0, m.s.faultAddr);
        // an invalid opcode is still #UD
        m = new OneInsn(0x06);
        m.step();
        assertEquals(SIGILL, m.s.faultSignal);
    }

    @Test
    void loopWithAddressSize32WritesEcx() {
        // addr32 loop +0 (67 e2 00): ECX - 1 written as a 32-bit register
        OneInsn m = new OneInsn(0x67, 0xe2, 0x00).reg(RCX, 0xaa3bc34a00000002L);
        m.step();
        assertEquals(1, m.s.r[RCX]);
        // and without 0x67 all of RCX counts
        m = new OneInsn(0xe2, 0x00).reg(RCX, 0xaa3bc34a00000000L);
        m.step();
        assertEquals(0xaa3bc349ffffffffL, m.s.r[RCX]);
    }

    @Test
    void intThreeAndFourAreTrapsOtherVectorsGeneralProtection() {
        // int 3 (cd 03): SIGTRAP reported after the instruction, like INT3 (cc)
        OneInsn m = new OneInsn(0xcd, 0x03);
        assertEquals(Stop.FAULT, m.step());
        assertEquals(5, m.s.faultSignal);
        assertEquals(SI_KERNEL, m.s.faultCode);
        assertEquals(OneInsn.CODE + 2, m.s.rip);
        // int 4 (cd 04): #OF, SIGSEGV after the instruction
        m = new OneInsn(0xcd, 0x04);
        m.step();
        assertEquals(SIGSEGV, m.s.faultSignal);
        assertEquals(OneInsn.CODE + 2, m.s.rip);
        // int 0x10: #GP at the instruction
        m = new OneInsn(0xcd, 0x10);
        m.step();
        assertEquals(SIGSEGV, m.s.faultSignal);
        assertEquals(SI_KERNEL, m.s.faultCode);
        assertEquals(OneInsn.CODE, m.s.rip);
    }
}
