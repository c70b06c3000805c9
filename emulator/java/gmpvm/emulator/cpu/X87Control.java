package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_REG;

import gmpvm.emulator.memory.GuestMemory;

/**
 * The x87 control and status instructions, without x87 arithmetic: FNSTCW/FLDCW, FNSTSW (memory
 * and AX), FNSTENV/FLDENV (the 28-byte protected-mode environment), FNCLEX, FNINIT and FWAIT.
 * glibc's printf reads the rounding mode with FNSTCW and its fenv functions keep the x87 and
 * SSE environments in step, so these must run even though no x87 arithmetic does: the control
 * word is stored and reloaded faithfully, the status word holds only what software put there
 * (no x87 instruction ever raises a flag), and the tag word always reads "all registers empty".
 */
final class X87Control {
    private X87Control() {
    }

    static final int DEFAULT_CW = 0x037f;

    static void exec(CpuState s, GuestMemory m, Insn i) {
        switch (i.op) {
            case FNSTCW:
                m.write16(Operands.ea(s, i), s.fpuCw);
                return;
            case FLDCW:
                s.fpuCw = m.read16(Operands.ea(s, i)) & 0xffff;
                return;
            case FNSTSW:
                if (i.kind0 == K_REG) {
                    Operands.setReg(s, CpuState.RAX, 2, s.fpuSw);
                } else {
                    m.write16(Operands.ea(s, i), s.fpuSw);
                }
                return;
            case FNSTENV: {
                long a = Operands.ea(s, i);
                m.checkWritable(a, 28);
                // FCW, FSW, FTW each in a 32-bit slot (upper halves 0xffff, as Intel CPUs store
                // them), then the last instruction and operand pointers (none: zero)
                m.write32(a, 0xffff0000 | s.fpuCw);
                m.write32(a + 4, 0xffff0000 | s.fpuSw);
                m.write32(a + 8, 0xffffffff);
                for (int k = 12; k < 28; k += 4) {
                    m.write32(a + k, 0);
                }
                s.fpuCw |= 0x3f; // FNSTENV then masks every x87 exception
                return;
            }
            case FLDENV: {
                long a = Operands.ea(s, i);
                m.checkReadable(a, 28);
                s.fpuCw = m.read16(a) & 0xffff;
                s.fpuSw = m.read16(a + 4) & 0xffff;
                return;
            }
            case FNCLEX:
                s.fpuSw &= 0x7f00; // exception flags, stack fault, ES and B cleared
                return;
            case FNINIT:
                s.fpuCw = DEFAULT_CW;
                s.fpuSw = 0;
                return;
            default: // FWAIT: no x87 exception can be pending
        }
    }
}
