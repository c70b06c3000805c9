package gmpvm.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import org.junit.jupiter.api.Test;

/**
 * MOVLPD/MOVHPD (66 0F 12/13/16/17, memory forms) move one quadword to or from the low or high
 * half of an XMM register, leaving the other half alone. glibc's __strncmp_sse2 uses MOVLPD;
 * found by the glibc whole-program test.
 */
class MovlpdTest {
    static CpuState run(byte[] code, long rdi, GuestMemory m) {
        m.map(0x1000, 4096, Prot.RX);
        m.poke(0x1000, code, 0, code.length);
        CpuState s = new CpuState();
        s.rip = 0x1000;
        s.r[CpuState.RDI] = rdi;
        s.xmmLo[1] = 0x1111_1111_1111_1111L;
        s.xmmHi[1] = 0x2222_2222_2222_2222L;
        assertEquals(Stop.BUDGET, new Interpreter(m).run(s, 1));
        assertEquals(0x1000 + code.length, s.rip);
        return s;
    }

    @Test
    void movlpdLoadsTheLowHalf() {
        GuestMemory m = new GuestMemory();
        m.map(0x8000, 4096, Prot.RW);
        m.write64(0x8010, 0x0123_4567_89ab_cdefL);
        CpuState s = run(new byte[] {0x66, 0x0f, 0x12, 0x0f}, 0x8010, m); // movlpd xmm1, [rdi]
        assertEquals(0x0123_4567_89ab_cdefL, s.xmmLo[1]);
        assertEquals(0x2222_2222_2222_2222L, s.xmmHi[1]);
    }

    @Test
    void movhpdStoresTheHighHalf() {
        GuestMemory m = new GuestMemory();
        m.map(0x8000, 4096, Prot.RW);
        run(new byte[] {0x66, 0x0f, 0x17, 0x0f}, 0x8020, m); // movhpd [rdi], xmm1
        assertEquals(0x2222_2222_2222_2222L, m.read64(0x8020));
        assertEquals(Op.MOVHPD, new Decoder().decode(new byte[] {0x66, 0x0f, 0x17, 0x0f}, 4, 0).op);
    }
}
