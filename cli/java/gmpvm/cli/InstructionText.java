package gmpvm.cli;

import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.loader.disasm.IntelFormatter;
import gmpvm.loader.elf.SymbolTable;

/**
 * How reports show the instruction at an address: {@link #RAW_BYTES} prints its bytes in hex,
 * {@link #disassembled} adds the Intel-syntax form from the disassembler.
 */
@FunctionalInterface
interface InstructionText {
    /**
     * Describes the instruction decoded as insn (null if it could not be fetched) at addr.
     *
     * @return text such as {@code 8b 00}, or null when there is nothing to show
     */
    String describe(GuestMemory mem, long addr, Insn insn);

    /**
     * The bytes, then the instruction in Intel syntax as objdump prints it, e.g.
     * {@code 8b 07  mov eax,DWORD PTR [rdi]}. A valid instruction that the emulated CPU does not
     * execute says so instead of objdump's {@code (bad)}.
     */
    static InstructionText disassembled(SymbolTable symbols) {
        IntelFormatter intel = new IntelFormatter(symbols::describe);
        return (mem, addr, insn) -> {
            String bytes = RAW_BYTES.describe(mem, addr, insn);
            if (bytes == null) {
                return null;
            }
            String text;
            if (insn.op == Op.UNSUPPORTED) {
                text = "(an instruction gmpvm's CPU does not execute)";
            } else {
                try {
                    text = intel.format(insn, mem.peek(addr, insn.len), 0);
                } catch (RuntimeException e) {
                    return bytes;
                }
            }
            return bytes + "  " + text;
        };
    }

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
