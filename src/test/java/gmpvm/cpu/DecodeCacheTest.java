package gmpvm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import gmpvm.emulator.memory.Prot;
import org.junit.jupiter.api.Test;

/**
 * The decoded-instruction cache stays invisible: code written after it was decoded runs as
 * written (also when the instruction straddles two pages), and fetch faults are precise.
 */
class DecodeCacheTest {
    private static final long CODE = 0x10000;

    private static byte[] hex(String s) {
        String[] p = s.trim().split("\\s+");
        byte[] b = new byte[p.length];
        for (int k = 0; k < p.length; k++) {
            b[k] = (byte) Integer.parseInt(p[k], 16);
        }
        return b;
    }

    private static CpuState at(long rip) {
        CpuState s = new CpuState();
        s.rip = rip;
        s.r[CpuState.RSP] = 0x80000;
        return s;
    }

    private static GuestMemory memory() {
        GuestMemory m = new GuestMemory();
        m.map(CODE, 0x3000, Prot.RWX);
        m.map(0x70000, 0x10000, Prot.RW);
        return m;
    }

    @Test
    void storeToDecodedCodeIsSeen() {
        GuestMemory m = memory();
        // mov eax,1 ; syscall
        m.writeBytes(CODE, hex("b8 01 00 00 00 0f 05"));
        Interpreter in = new Interpreter(m);
        CpuState s = at(CODE);
        assertEquals(Stop.SYSCALL, in.run(s, 10));
        assertEquals(1, s.r[0]);
        // patch the immediate to 2 through a guest store: mov byte [CODE+1], 2 ; jmp CODE
        m.writeBytes(CODE + 0x100, hex("c6 04 25 01 00 01 00 02 e9 f3 fe ff ff"));
        s = at(CODE + 0x100);
        assertEquals(Stop.SYSCALL, in.run(s, 10));
        assertEquals(2, s.r[0]);
    }

    @Test
    void storeToSecondPageOfStraddlingInstructionIsSeen() {
        GuestMemory m = memory();
        long at = CODE + 0x1000 - 2;
        // mov eax, imm32 straddling the page boundary, then syscall
        m.writeBytes(at, hex("b8 11 22 33 44 0f 05"));
        Interpreter in = new Interpreter(m);
        CpuState s = at(at);
        assertEquals(Stop.SYSCALL, in.run(s, 10));
        assertEquals(0x44332211L, s.r[0]);
        m.write8(CODE + 0x1002, 0x55); // last immediate byte, on the second page
        s = at(at);
        assertEquals(Stop.SYSCALL, in.run(s, 10));
        assertEquals(0x55332211L, s.r[0]);
    }

    @Test
    void fetchFromUnmappedPageFaultsAtTheInstruction() {
        GuestMemory m = memory();
        m.writeBytes(CODE, hex("e9 fb ff 0f 00")); // jmp CODE+0x100000 (unmapped)
        Interpreter in = new Interpreter(m);
        CpuState s = at(CODE);
        assertEquals(Stop.FAULT, in.run(s, 10));
        assertEquals(CODE + 0x100000, s.rip);
        assertEquals(11, s.faultSignal);
        assertEquals(MemoryFault.SEGV_MAPERR, s.faultCode);
        assertEquals(CODE + 0x100000, s.faultAddr);
        assertEquals(1, s.retired);
    }

    @Test
    void instructionRunningOffTheEndOfCodeFaultsAtTheMissingByte() {
        GuestMemory m = memory();
        long at = CODE + 0x3000 - 3;
        m.writeBytes(at, hex("b8 01 02")); // mov eax, imm32 cut short by the end of the mapping
        Interpreter in = new Interpreter(m);
        CpuState s = at(at);
        assertEquals(Stop.FAULT, in.run(s, 10));
        assertEquals(at, s.rip);
        assertEquals(CODE + 0x3000, s.faultAddr);
    }

    @Test
    void fetchFromNonExecutablePageIsAccessError() {
        GuestMemory m = memory();
        m.protect(CODE, 0x1000, Prot.RW);
        Interpreter in = new Interpreter(m);
        CpuState s = at(CODE);
        assertEquals(Stop.FAULT, in.run(s, 10));
        assertEquals(MemoryFault.SEGV_ACCERR, s.faultCode);
        assertEquals(0, s.retired);
    }

    @Test
    void faultingStoreChangesNothing() {
        GuestMemory m = memory();
        m.map(0x90000, 0x1000, Prot.READ);
        // push qword [0x90000] with RSP pointing at a read-only page: RSP must not move
        m.writeBytes(CODE, hex("ff 34 25 00 00 09 00"));
        Interpreter in = new Interpreter(m);
        CpuState s = at(CODE);
        s.r[CpuState.RSP] = 0x91000;
        assertEquals(Stop.FAULT, in.run(s, 10));
        assertEquals(0x91000, s.r[CpuState.RSP]);
        assertEquals(MemoryFault.SEGV_ACCERR, s.faultCode);
        assertEquals(0x90ff8, s.faultAddr);
    }

    @Test
    void budgetStopsBetweenInstructions() {
        GuestMemory m = memory();
        m.writeBytes(CODE, hex("48 ff c0 eb fb")); // inc rax ; jmp back
        Interpreter in = new Interpreter(m);
        CpuState s = at(CODE);
        assertEquals(Stop.BUDGET, in.run(s, 1001));
        assertEquals(501, s.r[0]);
        assertEquals(CODE + 3, s.rip);
        assertEquals(1001, s.retired);
    }
}
