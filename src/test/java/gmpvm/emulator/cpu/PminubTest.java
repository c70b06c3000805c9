package gmpvm.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import org.junit.jupiter.api.Test;

/** PMINUB (66 0F DA), used by glibc's SSE2 string functions (strrchr), takes the unsigned byte minimum. */
class PminubTest {
    @Test
    void unsignedByteMinimum() {
        GuestMemory m = new GuestMemory();
        m.map(0x1000, 4096, Prot.RX);
        byte[] code = {0x66, 0x0f, (byte) 0xda, (byte) 0xc1}; // pminub xmm0, xmm1
        m.poke(0x1000, code, 0, code.length);
        CpuState s = new CpuState();
        s.rip = 0x1000;
        s.xmmLo[0] = 0x80ff_0010_7f01_0203L;
        s.xmmHi[0] = 0x0000_0000_0000_00ffL;
        s.xmmLo[1] = 0x7f00_ff0f_8002_0103L;
        s.xmmHi[1] = 0xffff_ffff_ffff_ff01L;
        Stop stop = new Interpreter(m).run(s, 1);
        assertEquals(Stop.BUDGET, stop);
        assertEquals(0x7f00_000f_7f01_0103L, s.xmmLo[0]);
        assertEquals(0x0000_0000_0000_0001L, s.xmmHi[0]);
        assertEquals(0x1004, s.rip);
    }
}
