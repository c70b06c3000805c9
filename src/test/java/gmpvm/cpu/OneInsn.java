package gmpvm.cpu;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;

/**
 * A tiny machine for focused CPU tests: the given instruction bytes at {@link #CODE}, a read-write
 * page at {@link #DATA} (RSP in its middle) and a read-only page at {@link #RO}.
 */
final class OneInsn {
    static final long CODE = 0x400000L;
    static final long DATA = 0x600000L;
    static final long RO = 0x601000L;

    final GuestMemory mem = new GuestMemory();
    final Interpreter interp = new Interpreter(mem);
    final CpuState s = new CpuState();

    OneInsn(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) bytes[k];
        }
        mem.map(CODE, 4096, Prot.RX);
        mem.poke(CODE, b, 0, b.length);
        mem.map(DATA, 4096, Prot.RW);
        mem.map(RO, 4096, Prot.READ);
        s.rip = CODE;
        s.r[CpuState.RSP] = DATA + 0x800;
    }

    OneInsn reg(int r, long v) {
        s.r[r] = v;
        return this;
    }

    OneInsn flags(long f) {
        s.setRflags(f);
        return this;
    }

    /** Runs one instruction. */
    Stop step() {
        return interp.run(s, 1);
    }
}
