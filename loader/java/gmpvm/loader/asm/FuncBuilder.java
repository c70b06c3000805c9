package gmpvm.loader.asm;

import gmpvm.loader.asm.Mnemonics.Fam;
import gmpvm.loader.asm.Mnemonics.Spec;
import gmpvm.loader.asm.X86.Rm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles one TEXT block the way Go's obj6 preprocessing shapes it:
 * <ul>
 * <li>frame: {@code autoffset = framesize (+8 for the saved BP)}; BP is saved unless NOFRAME,
 *     or the frame is empty and the function is NOSPLIT or makes no CALL;</li>
 * <li>small leaf functions (frame &lt; 128, no CALL) become NOSPLIT automatically;</li>
 * <li>unless NOSPLIT: {@code MOVQ (TLS), R14} (g) then the split check in Go 1.19's small,
 *     medium or big frame shape (R12 as scratch), {@code JLS} to a stub at the end that does
 *     {@code CALL runtime·morestack_noctxt} and jumps back to the function's start;</li>
 * <li>{@code SUBQ $autoffset, SP; MOVQ BP, autoffset-8(SP); LEAQ autoffset-8(SP), BP};
 *     at every RET {@code MOVQ autoffset-8(SP), BP; ADDQ $autoffset, SP; RET};</li>
 * <li>{@code name-off(SP)} is {@code off + deltasp - bpsize} and {@code name+off(FP)} is
 *     {@code off + deltasp + 8} from the hardware SP, deltasp following PUSH/POP/ADJSP.</li>
 * </ul>
 * Branches to labels and {@code n(PC)} (counted in statements, TEXT being statement 0) are
 * relaxed: rel8 where it reaches, rel32 otherwise.
 */
final class FuncBuilder {
    private static final int TARGET_STUB = -2;

    /** One piece of the function: fixed bytes, or a branch to a statement index / the stub. */
    private static final class Item {
        byte[] bytes;
        List<Fixup> fixups = List.of();
        Pos pos;
        // branch fields: kind -1 none, 0-15 Jcc, 16 JMP, 17 LOOP-family (opcode in shortOp), 18 JCXZ
        int kind = -1;
        int shortOp;
        int target;
        boolean longForm;
        int offset;

        int size() {
            if (kind < 0) {
                return bytes.length;
            }
            if (!longForm) {
                return 2;
            }
            return kind == 16 ? 5 : 6;
        }
    }

    private final Stmt text;
    private final List<Stmt> body;
    private final String pkg;
    private final Diagnostics diags;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    /** First item of each statement (index = statement number; TEXT = 0). */
    private final List<Integer> progItem = new ArrayList<>();
    private int stubItem = -1;
    private long deltasp;
    private long maxDepth;
    private int bpsize;
    private final List<Func.Call> calls = new ArrayList<>();
    private boolean split;
    private long autoffsetOfFunc;

    FuncBuilder(Stmt text, List<Stmt> body, String pkg, Diagnostics diags) {
        this.text = text;
        this.body = body;
        this.pkg = pkg;
        this.diags = diags;
    }

    /** Builds the function, or returns null after reporting why it could not be built. */
    Func build() {
        List<Operand> ta = text.args();
        if (ta == null) {
            return null;
        }
        if (ta.size() < 2 || ta.size() > 3 || !ta.get(0).isMem() || !ta.get(0).isSymRef()
                || ta.get(ta.size() - 1).kind != Operand.Kind.TEXTSIZE
                || (ta.size() == 3 && !ta.get(1).isFlags())) {
            throw new AsmError(text.pos(), "TEXT wants sym(SB), [flags,] $framesize[-argsize]");
        }
        Operand symOp = ta.get(0);
        if (symOp.off != 0 || symOp.index >= 0) {
            throw new AsmError(symOp.pos, "TEXT symbol takes no offset or index");
        }
        String name = Symbols.qualify(symOp.sym, pkg);
        int flags = ta.size() == 3 ? (int) ta.get(1).off : 0;
        Operand size = ta.get(ta.size() - 1);
        long frame = size.frame;
        if (frame > 1 << 30) {
            throw new AsmError(size.pos, "frame size too large");
        }
        long autoffset = Math.max(frame, 0);
        boolean hasCall = false;
        for (Stmt s : body) {
            if (!s.isLabel() && s.op().equals("CALL")) {
                hasCall = true;
                break;
            }
        }
        boolean noSplit = (flags & TextFlag.NOSPLIT) != 0;
        boolean noFrame = (flags & TextFlag.NOFRAME) != 0;
        if (!noFrame && !(autoffset == 0 && noSplit) && !(autoffset == 0 && !hasCall)) {
            bpsize = 8;
            autoffset += 8;
        }
        if (autoffset < TextFlag.STACK_SMALL && !noSplit && !hasCall) {
            noSplit = true;
        }
        autoffsetOfFunc = autoffset;
        if (autoffset % 8 != 0) {
            throw new AsmError(size.pos, "frame size " + frame + " is not a multiple of 8");
        }

        // label table: a label names the next statement
        int prog = 1;
        for (Stmt s : body) {
            if (s.isLabel()) {
                if (labels.put(s.label(), prog) != null) {
                    diags.error(s.pos(), "label " + s.label() + " defined twice in " + name);
                }
            } else {
                prog++;
            }
        }
        int nprogs = prog;

        Pos tp = text.pos();
        progItem.add(0);
        if (!noSplit) {
            fixed(tp, 0x64, 0x4C, 0x8B, 0x34, 0x25, 0xF8, 0xFF, 0xFF, 0xFF); // MOVQ (TLS), R14: g
            splitCheck(tp, autoffset);
        }
        if (autoffset != 0) {
            adjsp(tp, autoffset);
        }
        if (bpsize > 0) {
            memInsn(tp, 0x89, Reg.BP, autoffset - 8); // MOVQ BP, x(SP)
            memInsn(tp, 0x8D, Reg.BP, autoffset - 8); // LEAQ x(SP), BP
        }
        deltasp = autoffset;
        maxDepth = autoffset;
        split = !noSplit;
        int index = 1;
        for (Stmt s : body) {
            if (s.isLabel()) {
                continue;
            }
            progItem.add(items.size());
            try {
                statement(s, index, nprogs, autoffset, name);
            } catch (AsmError e) {
                diags.add(e);
            }
            index++;
        }
        int bodyEnd = items.size();
        progItem.add(bodyEnd);
        if (!noSplit) {
            stubItem = items.size();
            String ms = (flags & TextFlag.NEEDCTXT) != 0 ? "runtime.morestack" : "runtime.morestack_noctxt";
            Code call = new Code();
            call.u8(0xE8);
            call.fix(Fixup.Kind.PC32, ms, 0, tp);
            call.le(0, 4);
            add(tp, call.done());
            Item j = new Item();
            j.kind = 16;
            j.target = 0;
            j.pos = tp;
            items.add(j);
        }
        return finish(name, symOp.name == Operand.Name.STATIC, flags, frame, size.args);
    }

    // ------------------------------------------------------------------ prologue pieces

    private void fixed(Pos p, int... bytes) {
        Item it = new Item();
        it.bytes = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            it.bytes[i] = (byte) bytes[i];
        }
        it.pos = p;
        items.add(it);
    }

    private void add(Pos p, Code c) {
        Item it = new Item();
        it.bytes = c.toArray();
        it.fixups = c.fixups;
        it.pos = p;
        items.add(it);
    }

    /** 64-bit op with ModRM.reg = reg and ModRM.rm = disp(SP). */
    private void memInsn(Pos p, int opcode, int reg, long disp) {
        Code c = new Code();
        X86.modrm(c, new int[0], true, new int[] {opcode}, reg, Rm.mem(new Mem(false, Reg.SP, -1, 1, disp, null, p)),
                false, false, p);
        add(p, c.done());
    }

    /** 64-bit op with ModRM.reg = reg and ModRM.rm = disp(base). */
    private void memInsn(Pos p, int opcode, int reg, int base, long disp) {
        Code c = new Code();
        X86.modrm(c, new int[0], true, new int[] {opcode}, reg, Rm.mem(new Mem(false, base, -1, 1, disp, null, p)),
                false, false, p);
        add(p, c.done());
    }

    /** ADDQ/SUBQ/CMPQ $imm, reg (ALU operation n). */
    private void aluImm(Pos p, int n, int reg, long v) {
        Code c = new Code();
        if (X86.fits8(v)) {
            X86.modrm(c, new int[0], true, new int[] {0x83}, n, Rm.reg(reg), false, false, p);
            c.u8((int) v);
        } else {
            X86.modrm(c, new int[0], true, new int[] {0x81}, n, Rm.reg(reg), false, false, p);
            c.le(v, 4);
        }
        add(p, c.done());
    }

    private void adjsp(Pos p, long n) {
        if (n > 0) {
            aluImm(p, 5, Reg.SP, n);
        } else if (n < 0) {
            aluImm(p, 0, Reg.SP, -n);
        }
    }

    /**
     * The split check as Go 1.19's obj6 emits it for an ABI0 function, g in R14: small frames
     * compare SP, medium ones SP-(framesize-StackSmall) in R12, big ones compute that with a
     * carry check first (SP close to zero), then JLS to the morestack stub.
     */
    private void splitCheck(Pos p, long framesize) {
        int guard = 2 * 8; // g.stackguard0
        int r12 = 12;
        int r14 = 14;
        if (framesize <= TextFlag.STACK_SMALL) {
            memInsn(p, 0x3B, Reg.SP, r14, guard); // CMPQ SP, 16(R14)
        } else if (framesize <= TextFlag.STACK_BIG) {
            memInsn(p, 0x8D, r12, Reg.SP, -(framesize - TextFlag.STACK_SMALL)); // LEAQ -x(SP), R12
            memInsn(p, 0x3B, r12, r14, guard); // CMPQ R12, 16(R14)
        } else {
            fixed(p, 0x49, 0x89, 0xE4); // MOVQ SP, R12
            Code c = new Code();
            X86.modrm(c, new int[0], true, new int[] {0x81}, 5, Rm.reg(r12), false, false, p);
            c.le(framesize - TextFlag.STACK_SMALL, 4); // SUBQ $(framesize-StackSmall), R12
            add(p, c.done());
            branch(p, 2, TARGET_STUB); // JCS stub: SP-x wrapped around
            memInsn(p, 0x3B, r12, r14, guard); // CMPQ R12, 16(R14)
        }
        branch(p, 6, TARGET_STUB); // JLS stub
    }

    private void branch(Pos p, int kind, int target) {
        Item j = new Item();
        j.kind = kind;
        j.target = target;
        j.pos = p;
        items.add(j);
    }

    // ------------------------------------------------------------------ body

    private void statement(Stmt s, int index, int nprogs, long autoffset, String fname) {
        Spec spec = Mnemonics.lookup(s.op());
        if (spec == null) {
            throw new AsmError(s.pos(), "unknown instruction " + s.op());
        }
        List<Operand> a = s.args();
        Fam f = spec.fam();
        switch (f) {
            case NOP, PCDATA, FUNCDATA -> {
                return;
            }
            case TEXT, DATA, GLOBL -> throw new AsmError(s.pos(), s.op() + " inside a TEXT block");
            case ADJSP -> {
                if (a.size() != 1 || !a.get(0).isImm()) {
                    throw new AsmError(s.pos(), "ADJSP wants $n");
                }
                if (a.get(0).off != (int) a.get(0).off) {
                    throw new AsmError(a.get(0).pos, "ADJSP $" + a.get(0).off + " is out of range (a 32-bit signed amount)");
                }
                adjsp(s.pos(), a.get(0).off);
                deltasp += a.get(0).off;
                maxDepth = Math.max(maxDepth, deltasp);
                return;
            }
            case RET -> {
                if (!a.isEmpty()) {
                    throw new AsmError(a.get(0).pos, "RET takes no operand");
                }
                if (deltasp != autoffset) {
                    diags.error(s.pos(), "unbalanced PUSH/POP before RET (SP is " + (deltasp - autoffset)
                            + " bytes off the frame)");
                }
                if (autoffset != 0) {
                    if (bpsize > 0) {
                        memInsn(s.pos(), 0x8B, Reg.BP, autoffset - 8); // MOVQ x(SP), BP
                    }
                    aluImm(s.pos(), 0, Reg.SP, autoffset); // ADDQ $autoffset, SP
                }
                fixed(s.pos(), 0xC3);
                return;
            }
            case JCC, JMP, LOOP, JCXZ -> {
                if (a.size() == 1 && a.get(0).kind == Operand.Kind.BRANCH) {
                    Operand t = a.get(0);
                    int target;
                    if (t.pcRel) {
                        long tgt = index + t.off;
                        if (tgt < 0 || tgt >= nprogs) {
                            throw new AsmError(t.pos, t.off + "(PC) branches outside " + fname
                                    + " (it has " + (nprogs - 1) + " instructions)");
                        }
                        target = (int) tgt;
                    } else {
                        Integer l = labels.get(t.label);
                        if (l == null) {
                            throw new AsmError(t.pos, "undefined label " + t.label + " in " + fname);
                        }
                        target = l;
                    }
                    Item j = new Item();
                    j.pos = s.pos();
                    j.target = target;
                    j.kind = f == Fam.JCC ? spec.code() : f == Fam.JMP ? 16 : f == Fam.LOOP ? 17 : 18;
                    j.shortOp = f == Fam.LOOP ? spec.code() : 0xE3;
                    items.add(j);
                    return;
                }
                if (f != Fam.JMP) {
                    throw new AsmError(s.pos(), s.op() + " wants a label or n(PC)");
                }
            }
            default -> {
            }
        }
        if (f == Fam.CALL && a.size() == 1 && a.get(0).kind == Operand.Kind.BRANCH) {
            throw new AsmError(a.get(0).pos, "CALL wants sym(SB), a register or memory, not a label");
        }
        long dsp = deltasp;
        long bp = bpsize;
        Code c = Encoder.encode(s.op(), spec, a, new Encoder.Ctx() {
            @Override
            public long autoAdj() {
                return dsp - bp;
            }

            @Override
            public long paramAdj() {
                return dsp + 8;
            }

            @Override
            public String pkg() {
                return pkg;
            }
        }, s.pos());
        add(s.pos(), c);
        if (f == Fam.CALL || f == Fam.JMP) {
            Operand t = a.size() == 1 ? a.get(0) : null;
            String sym = t != null && t.isMem() && t.isSymRef() && t.index < 0 && t.base < 0
                    ? Symbols.qualify(t.sym, pkg) + (t.name == Operand.Name.STATIC ? "<>" : "") : null;
            calls.add(new Func.Call(sym, deltasp, f == Fam.JMP, s.pos()));
        }
        switch (s.op()) {
            case "PUSHQ", "PUSHFQ" -> deltasp += 8;
            case "POPQ", "POPFQ" -> deltasp -= 8;
            default -> {
            }
        }
        maxDepth = Math.max(maxDepth, deltasp);
    }

    // ------------------------------------------------------------------ layout

    private int targetItem(int target) {
        if (target == TARGET_STUB) {
            return stubItem;
        }
        return progItem.get(target);
    }

    private Func finish(String name, boolean local, int flags, long frame, long args) {
        boolean changed = true;
        int rounds = 0;
        while (changed) {
            changed = false;
            int off = 0;
            for (Item it : items) {
                it.offset = off;
                off += it.size();
            }
            int end = off;
            for (Item it : items) {
                if (it.kind < 0 || it.longForm) {
                    continue;
                }
                int ti = targetItem(it.target);
                int to = ti >= items.size() ? end : items.get(ti).offset;
                long disp = to - (it.offset + 2L);
                if (!X86.fits8(disp)) {
                    if (it.kind >= 17) {
                        diags.error(it.pos, "LOOP/JCXZQ target is out of the rel8 range (" + disp + " bytes)");
                        it.kind = 16;
                    }
                    it.longForm = true;
                    changed = true;
                }
            }
            if (++rounds > 1000) {
                break;
            }
        }
        Code out = new Code();
        List<Fixup> fix = new ArrayList<>();
        List<Func.LineRow> rows = new ArrayList<>();
        int total = 0;
        for (Item it : items) {
            total += it.size();
        }
        for (Item it : items) {
            int at = out.n;
            if (rows.isEmpty() || !rows.get(rows.size() - 1).pos().fileLine().equals(it.pos.fileLine())) {
                rows.add(new Func.LineRow(at, it.pos));
            }
            if (it.kind < 0) {
                for (byte b : it.bytes) {
                    out.u8(b);
                }
                for (Fixup f : it.fixups) {
                    fix.add(f.shift(at));
                }
                continue;
            }
            int ti = targetItem(it.target);
            int to = ti >= items.size() ? total : items.get(ti).offset;
            long disp = to - (long) (at + it.size());
            if (!it.longForm) {
                if (it.kind < 16) {
                    out.u8(0x70 + it.kind);
                } else if (it.kind == 16) {
                    out.u8(0xEB);
                } else {
                    out.u8(it.shortOp);
                }
                out.u8((int) disp);
            } else if (it.kind == 16) {
                out.u8(0xE9);
                out.le(disp, 4);
            } else {
                out.u8(0x0F);
                out.u8(0x80 + it.kind);
                out.le(disp, 4);
            }
        }
        return new Func(name, local, flags, text.pos(), out.toArray(), fix, rows, frame, args,
                autoffsetOfFunc, bpsize > 0, split, maxDepth, List.copyOf(calls));
    }
}
