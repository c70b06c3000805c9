package gmpvm.cpu;

import static gmpvm.emulator.cpu.CpuState.RAX;
import static gmpvm.emulator.cpu.CpuState.RSP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.cpu.Stop;
import org.junit.jupiter.api.Test;

/**
 * Decoder fixes the objdump conformance tests (src/test/java/gmpvm/disasm) found, pinned here
 * as executions: what the interpreter does with the corrected decoding.
 */
class DecoderObjdumpFixesTest {
    private static final int SIGILL = 4;

    @Test
    void rexWOverridesOperandSizeForPushAndPop() {
        // 66 48 50: push rax (REX.W wins over 66: 8 bytes), was decoded as push ax
        OneInsn m = new OneInsn(0x66, 0x48, 0x50).reg(RAX, 0x1122334455667788L);
        assertEquals(Stop.BUDGET, m.step());
        assertEquals(OneInsn.DATA + 0x800 - 8, m.s.r[RSP]);
        assertEquals(0x1122334455667788L, m.mem.read64(OneInsn.DATA + 0x800 - 8));
        assertEquals(OneInsn.CODE + 3, m.s.rip);

        // 66 48 58: pop rax, 8 bytes
        m = new OneInsn(0x66, 0x48, 0x58);
        m.mem.write64(OneInsn.DATA + 0x800, 0x0102030405060708L);
        m.step();
        assertEquals(0x0102030405060708L, m.s.r[RAX]);
        assertEquals(OneInsn.DATA + 0x808, m.s.r[RSP]);

        // 66 50 alone is still push ax (2 bytes)
        m = new OneInsn(0x66, 0x50).reg(RAX, 0xbeef);
        m.step();
        assertEquals(OneInsn.DATA + 0x800 - 2, m.s.r[RSP]);
    }

    @Test
    void encodingsObjdumpRejectsOrWeDoNotModelRaiseSigill() {
        int[][] cases = {
            {0xf2, 0x0f, 0xbc, 0xc1},                   // F2 BSF: no such instruction
            {0x66, 0xc8, 0x10, 0x00, 0x00},             // ENTER with a 16-bit frame: measured, not executed
            {0x62, 0xf1, 0x7c, 0x48, 0x10, 0x00},       // EVEX vmovups zmm0, [rax]: measured, not executed
            {0x8f, 0xe9, 0x78, 0xc2, 0xc1},             // XOP: measured, not executed
        };
        for (int[] c : cases) {
            OneInsn m = new OneInsn(c);
            assertEquals(Stop.FAULT, m.step());
            assertEquals(SIGILL, m.s.faultSignal);
            assertEquals(OneInsn.CODE, m.s.rip);
        }
    }
}
