package gmpvm.loader.disasm;

import gmpvm.emulator.cpu.Decoder;
import gmpvm.emulator.cpu.Insn;
import gmpvm.emulator.cpu.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Disassembles a range of machine code into {@link Line}s: address, bytes, the Intel text GNU
 * objdump would print and the Go-syntax text. It decodes with the CPU's own {@link Decoder}, so
 * what it shows is what the emulator executes.
 */
public final class Disassembler {
    /** One instruction of a listing. {@code insn} is the decoded form (op BAD when undecodable). */
    public record Line(long address, byte[] bytes, String intel, String go, Insn insn) {
        /** The bytes in objdump's style: {@code 48 89 e5}. */
        public String hex() {
            StringBuilder sb = new StringBuilder(bytes.length * 3);
            for (byte b : bytes) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.toString();
        }
    }

    private final Decoder decoder = new Decoder();
    private final IntelFormatter intel;
    private final GoFormatter go;

    /** A disassembler producing both texts. */
    public Disassembler(SymbolResolver symbols) {
        this.intel = new IntelFormatter(symbols);
        this.go = new GoFormatter(symbols);
    }

    /** A disassembler producing only one syntax's text (the other is null in each {@link Line}). */
    public Disassembler(SymbolResolver symbols, Syntax only) {
        this.intel = only == Syntax.INTEL ? new IntelFormatter(symbols) : null;
        this.go = only == Syntax.GO ? new GoFormatter(symbols) : null;
    }

    /** Decodes one instruction at {@code code[off]} (of which {@code len} bytes belong to the range), located at {@code address}. */
    public Line one(byte[] code, int off, int len, long address) {
        int avail = Math.min(len, code.length - off);
        byte[] window = Arrays.copyOfRange(code, off, off + Math.min(avail, Decoder.MAX_LEN));
        Insn in;
        try {
            in = decoder.decode(window, window.length, address);
        } catch (Decoder.Truncated t) {
            // the range ends inside an instruction: show the remaining bytes as undecodable
            in = new Insn();
            in.addr = address;
            in.op = Op.BAD;
            in.len = window.length;
        }
        if (in.len <= 0) {
            in.len = 1;
        }
        byte[] bytes = Arrays.copyOf(window, Math.min(in.len, window.length));
        return new Line(address, bytes, intel == null ? null : intel.format(in, bytes, 0),
                go == null ? null : go.format(in, bytes, 0), in);
    }

    /** Disassembles {@code len} bytes from {@code code[off]}, the first located at {@code address}. */
    public List<Line> disassemble(byte[] code, int off, int len, long address) {
        List<Line> out = new ArrayList<>();
        int p = 0;
        while (p < len && off + p < code.length) {
            Line l = one(code, off + p, len - p, address + p);
            out.add(l);
            p += l.bytes().length;
        }
        return out;
    }
}
