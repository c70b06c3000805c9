package gmpvm.cli;

import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.memory.GuestMemory;

/**
 * How reports show the instruction at an address. {@link #RAW_BYTES} prints its bytes in hex;
 * a disassembler can stand in for it by implementing the same interface.
 */
@FunctionalInterface
interface InstructionText {
    /**
     * Describes the instruction decoded as insn (null if it could not be fetched) at addr.
     *
     * @return text such as {@code 8b 00}, or null when there is nothing to show
     */
    String describe(GuestMemory mem, long addr, Insn insn);

    InstructionText RAW_BYTES = (mem, addr, insn) -> {
        int len = insn == null || insn.len <= 0 ? 0 : Math.min(insn.len, 15);
        if (len == 0) {
            return null;
        }
        byte[] b;
        try {
            b = mem.peek(addr, len);
        } catch (RuntimeException e) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    };
}
