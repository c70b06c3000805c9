package gmpvm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.kernel.SignalFrame;
import gmpvm.emulator.kernel.SignalFrame.AltStack;
import gmpvm.emulator.kernel.SignalFrame.SigInfo;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import org.junit.jupiter.api.Test;

/** The rt_sigframe layout and the push/return round trip. */
class SignalFrameTest {
    private static CpuState sample() {
        CpuState s = new CpuState();
        for (int k = 0; k < 16; k++) {
            s.r[k] = 0x1111L * (k + 1);
            s.xmmLo[k] = 0xa0a0L + k;
            s.xmmHi[k] = 0xb0b0L + k;
        }
        s.r[CpuState.RSP] = 0x7ff0_1234L;
        s.rip = 0x401abcL;
        s.setRflags(0x2 | 0x200 | 0x1 | 0x40 | 0x400); // CF ZF DF
        return s;
    }

    @Test
    void frameLayoutOnTheThreadStack() {
        GuestMemory m = new GuestMemory();
        m.map(0x7ff0_0000L, 0x10000, Prot.RW);
        CpuState s = sample();
        SignalFrame.Built b = SignalFrame.push(m, s, 0x402000, 0x403000,
                new SigInfo(11, 1, 0xdead0, 0, 0), false, AltStack.NONE, 0x1234);
        assertEquals(8, b.frame() & 15, "RSP = 8 mod 16 at the handler");
        assertTrue(b.frame() + SignalFrame.FRAME_SIZE <= 0x7ff0_1234L - 128, "below the red zone");
        assertEquals(b.frame(), s.r[CpuState.RSP]);
        assertEquals(0x402000, s.rip);
        assertEquals(11, s.r[CpuState.RDI]);
        assertEquals(b.siginfo(), s.r[CpuState.RSI]);
        assertEquals(b.ucontext(), s.r[CpuState.RDX]);
        assertEquals(0, s.rflags() & 0x400, "DF cleared for the handler");
        assertEquals(0x403000, m.read64(b.frame()));
        long uc = b.ucontext();
        assertEquals(0x7ff0_1234L, m.read64(uc + 0xa0));
        assertEquals(0x401abcL, m.read64(uc + 0xa8));
        assertEquals(0x643, m.read64(uc + 0xb0) & 0xfff, "CF ZF DF IF and bit 1 as interrupted");
        assertEquals(0x1111L * 9, m.read64(uc + 40), "r8 first");
        assertEquals(0x1111L * 1, m.read64(uc + 40 + 104), "rax");
        assertEquals(0x1234, m.read64(uc + 296));
        assertEquals(11, m.read32(b.siginfo()));
        assertEquals(1, m.read32(b.siginfo() + 8));
        assertEquals(0xdead0, m.read64(b.siginfo() + 16));
        assertEquals(b.fpstate(), m.read64(uc + 40 + 184));
        assertEquals(0, b.fpstate() & 63);
        assertEquals(0xa0a0L + 3, m.read64(b.fpstate() + 160 + 48));
    }

    @Test
    void altStackIsUsedWhenAsked() {
        GuestMemory m = new GuestMemory();
        m.map(0x7ff0_0000L, 0x10000, Prot.RW);
        m.map(0x5000_0000L, 0x8000, Prot.RW);
        CpuState s = sample();
        AltStack alt = new AltStack(0x5000_0000L, 0x8000, 0);
        SignalFrame.Built b = SignalFrame.push(m, s, 1, 2, new SigInfo(23, -6, 0, 42, 0), true, alt, 0);
        assertTrue(alt.contains(b.frame()));
        assertEquals(42, m.read32(b.siginfo() + 16), "si_pid for SI_TKILL");
        assertEquals(0x5000_0000L, m.read64(b.ucontext() + 16));
    }

    @Test
    void returnRestoresEditedContext() {
        GuestMemory m = new GuestMemory();
        m.map(0x7ff0_0000L, 0x10000, Prot.RW);
        CpuState s = sample();
        CpuState before = new CpuState();
        before.copyFrom(s);
        SignalFrame.Built b = SignalFrame.push(m, s, 0x402000, 0x403000,
                new SigInfo(23, -6, 0, 1, 0), false, AltStack.NONE, 0x77);
        // the handler clobbers registers and XMM, edits rip in the ucontext, then returns (RET pops pretcode)
        for (int k = 0; k < 16; k++) {
            s.r[k] = -1;
            s.xmmLo[k] = -1;
            s.xmmHi[k] = -1;
        }
        m.write64(b.ucontext() + 0xa8, 0x405000);
        s.r[CpuState.RSP] = b.frame() + 8;
        SignalFrame.Restored r = SignalFrame.pop(m, s);
        assertEquals(0x77, r.sigmask());
        assertEquals(0x405000, s.rip);
        for (int k = 0; k < 16; k++) {
            assertEquals(before.r[k], s.r[k], "register " + k);
            assertEquals(before.xmmLo[k], s.xmmLo[k]);
            assertEquals(before.xmmHi[k], s.xmmHi[k]);
        }
        assertEquals(before.rflags(), s.rflags());
    }
}
