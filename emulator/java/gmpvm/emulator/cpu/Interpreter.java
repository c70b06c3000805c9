package gmpvm.emulator.cpu;

import static gmpvm.emulator.cpu.Insn.K_MEM;
import static gmpvm.emulator.cpu.Insn.K_REG;
import static gmpvm.emulator.cpu.Insn.K_REL;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import gmpvm.emulator.memory.Page;
import java.util.function.LongSupplier;

/**
 * The fetch-decode-execute loop. Instructions are decoded once per code page and cached
 * ({@link CodePage}); each decoded instruction links to its successor and to its last branch
 * target, so straight-line code and loops run without looking anything up. A store to a code
 * page marks its instructions stale and they are decoded again.
 *
 * <p>{@link #run} executes one thread's instructions until a budget is spent, a SYSCALL retires
 * or an instruction faults; the probed form also stops where a {@link Probe} says so. Faults are precise: RIP is left at
 * the faulting instruction and nothing it would have written is changed.
 */
public final class Interpreter {
    private static final int CTLB = 256;

    private final GuestMemory mem;
    private final Decoder decoder = new Decoder();
    private final byte[] fetch = new byte[Decoder.MAX_LEN];
    private final long[] cTag = new long[CTLB];
    private final CodePage[] cPage = new CodePage[CTLB];
    private final long[] tmp = new long[1];
    /** A 128-bit operand (low, high) for the SSE handlers. */
    private final long[] vec = new long[2];
    /**
     * Return prediction: each CALL remembers itself here, so the matching RET finds the
     * instruction after the call without a lookup even when one function is called from many
     * places. The address is always checked; a miss (a stack switch such as gogo, another
     * thread, a RET that was not a return) just takes the lookup.
     */
    private final Insn[] returns = new Insn[RETURN_STACK];
    private int returnTop;
    private static final int RETURN_STACK = 32;
    private LongSupplier tsc = () -> 0;
    /** Set by RDTSC, which leaves the loop like SYSCALL so that the clock it reads counts exactly the instructions before it. */
    private boolean tscPending;

    public Interpreter(GuestMemory mem) {
        this.mem = mem;
        java.util.Arrays.fill(cTag, -1);
    }

    public GuestMemory memory() {
        return mem;
    }

    /** The time-stamp counter RDTSC reads (the machine's virtual clock). */
    public void setTsc(LongSupplier tsc) {
        this.tsc = tsc;
    }

    /** Decodes (or finds cached) the instruction at addr; a fetch fault is returned as an instruction that raises it. */
    public Insn decodeAt(long addr) {
        return lookup(addr);
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Runs thread state {@code s} for at most {@code budget} instructions. This is the fast
     * path: no per-instruction check beyond the budget.
     *
     * @return why it stopped; {@code s.retired} counts the instructions that completed
     */
    public Stop run(CpuState s, long budget) {
        Insn i = lookup(s.rip);
        Insn cur = i;
        long n = 0;
        Stop stop;
        try {
            while (true) {
                if (n >= budget) {
                    s.rip = i.addr;
                    stop = Stop.BUDGET;
                    break;
                }
                if (i.stale) {
                    i = lookup(i.addr);
                }
                cur = i;
                Insn nx = exec(s, i);
                n++;
                if (nx == null) {
                    if (!tscPending) {
                        stop = Stop.SYSCALL;
                        break;
                    }
                    nx = rdtsc(s, cur, n - 1);
                }
                i = nx;
            }
        } catch (MemoryFault f) {
            stop = memoryFault(s, cur, f);
        } catch (Trap t) {
            if (t.after) {
                n++;
            }
            stop = trap(s, cur, t);
        }
        s.retired += n;
        return stop;
    }

    /**
     * Runs thread state {@code s} for at most {@code budget} instructions, asking {@code probe}
     * before and after each one (the debugger's path; {@link #run(CpuState, long)} is used when
     * nothing is watched). {@code s.retired} is kept exact after every instruction, so the probe
     * may read it. The instructions executed are exactly those the fast path would execute.
     *
     * @param skipFirst do not ask {@link Probe#before} for the first instruction (resuming from
     *                  a stop there)
     * @return {@link Stop#BREAKPOINT} when {@code before} said stop (RIP is that instruction,
     *         not executed), {@link Stop#WATCH} when {@code after} did (RIP is the next one), or
     *         the fast path's reasons
     */
    public Stop run(CpuState s, long budget, Probe probe, boolean skipFirst) {
        Insn i = lookup(s.rip);
        Insn cur = i;
        long n = 0;
        Stop stop;
        try {
            while (true) {
                if (n >= budget) {
                    s.rip = i.addr;
                    stop = Stop.BUDGET;
                    break;
                }
                if (i.stale) {
                    i = lookup(i.addr);
                }
                if ((n > 0 || !skipFirst) && probe.before(s, i.addr)) {
                    s.rip = i.addr;
                    stop = Stop.BREAKPOINT;
                    break;
                }
                cur = i;
                Insn nx = exec(s, i);
                n++;
                s.retired++;
                if (nx == null) {
                    if (!tscPending) {
                        stop = Stop.SYSCALL;
                        break;
                    }
                    nx = rdtsc(s, cur, -1);
                }
                s.rip = nx.addr;
                if (probe.after(s, cur.addr)) {
                    stop = Stop.WATCH;
                    break;
                }
                i = nx;
            }
        } catch (MemoryFault f) {
            stop = memoryFault(s, cur, f);
        } catch (Trap t) {
            if (t.after) {
                s.retired++;
            }
            stop = trap(s, cur, t);
        }
        return stop;
    }

    /** Completes RDTSC: the clock as it stood with {@code s.retired + adjust} instructions retired. */
    private Insn rdtsc(CpuState s, Insn i, long adjust) {
        tscPending = false;
        s.retired += adjust;
        long t;
        try {
            t = tsc.getAsLong();
        } finally {
            s.retired -= adjust;
        }
        s.r[CpuState.RAX] = t & 0xffffffffL;
        s.r[CpuState.RDX] = t >>> 32;
        return next(i);
    }

    private static Stop memoryFault(CpuState s, Insn cur, MemoryFault f) {
        s.rip = cur.addr;
        s.faultSignal = Trap.SIGSEGV;
        if (canonical(f.address())) {
            s.faultCode = f.siCode();
            s.faultAddr = f.address();
        } else {
            // a non-canonical address is a #GP (or #SS through the stack segment), not a page
            // fault: Linux reports SIGSEGV (SIGBUS for #SS) with SI_KERNEL and address 0
            if (Operands.stackAccess(s, cur, f.address())) {
                s.faultSignal = Trap.SIGBUS;
            }
            s.faultCode = Trap.SI_KERNEL;
            s.faultAddr = 0;
        }
        return Stop.FAULT;
    }

    private static Stop trap(CpuState s, Insn cur, Trap t) {
        s.rip = t.after ? cur.addr + cur.len : cur.addr;
        s.faultSignal = t.signal;
        s.faultCode = t.code;
        s.faultAddr = t.address;
        return Stop.FAULT;
    }

    /** True when bits 63..47 of the address are all equal (48-bit virtual addresses). */
    static boolean canonical(long addr) {
        return (addr << 16) >> 16 == addr;
    }

    // ------------------------------------------------------------------ decode cache

    private Insn lookup(long addr) {
        long pn = addr >>> Page.SHIFT;
        int k = (int) pn & (CTLB - 1);
        CodePage cp = cPage[k];
        if (cTag[k] != pn || !cp.valid) {
            try {
                cp = codePage(addr);
            } catch (MemoryFault f) {
                return fetchFault(addr, f);
            }
            cTag[k] = pn;
            cPage[k] = cp;
        }
        int off = (int) (addr & Page.MASK);
        Insn i = cp.insns[off];
        if (i == null) {
            i = decodeInto(cp, addr);
            if (!i.stale) {
                i.handler = FastPath.select(i);
                cp.insns[off] = i;
            }
        }
        return i;
    }

    private CodePage codePage(long addr) {
        Page p = mem.execPage(addr);
        Object c = p.code();
        if (c instanceof CodePage && ((CodePage) c).valid) {
            return (CodePage) c;
        }
        CodePage cp = new CodePage(p.base(), p.data());
        mem.attachCode(p, cp);
        return cp;
    }

    private Insn decodeInto(CodePage cp, long addr) {
        int off = (int) (addr & Page.MASK);
        int inPage = Math.min(Decoder.MAX_LEN, Page.SIZE - off);
        cp.bytes.get(off, fetch, 0, inPage);
        int avail = inPage;
        CodePage nextPage = null;
        if (inPage < Decoder.MAX_LEN) {
            try {
                nextPage = codePage(addr + inPage);
                nextPage.bytes.get(0, fetch, inPage, Decoder.MAX_LEN - inPage);
                avail = Decoder.MAX_LEN;
            } catch (MemoryFault f) {
                // the instruction may still end within this page
            }
        }
        Insn i;
        try {
            i = decoder.decode(fetch, avail, addr);
        } catch (Decoder.Truncated t) {
            long at = addr + t.offset;
            boolean mapped = mem.isMapped(at);
            return fetchFault(addr, new MemoryFault(at, MemoryFault.Access.EXEC, mapped));
        }
        if (nextPage != null && off + i.len > Page.SIZE) {
            nextPage.addDependent(cp);
        }
        return i;
    }

    /** An instruction standing for a failed fetch: executing it raises the fault. Never cached. */
    private static Insn fetchFault(long addr, MemoryFault f) {
        Insn i = new Insn();
        i.addr = addr;
        i.op = Op.BAD;
        i.stale = true;
        i.handler = -1;
        i.target = f.address();
        i.imm = f.mapped() ? 1 : 0;
        return i;
    }

    /** The instruction after i: the cached link, or (rarely) a lookup that refreshes it. */
    private Insn next(Insn i) {
        Insn n = i.next;
        return n != null && !n.stale ? n : relinkNext(i);
    }

    private Insn relinkNext(Insn i) {
        Insn n = lookup(i.addr + i.len);
        i.next = n;
        return n;
    }

    /** The instruction at a branch target: the cached link while it still points there, or (rarely) a lookup. */
    private Insn jump(Insn i, long target) {
        Insn t = i.taken;
        return t != null && !t.stale && t.addr == target ? t : relinkTaken(i, target);
    }

    private Insn relinkTaken(Insn i, long target) {
        Insn t = lookup(target);
        i.taken = t;
        return t;
    }

    // ------------------------------------------------------------------ execute

    /**
     * Executes one instruction and returns the next, or null after a SYSCALL. The common forms
     * run inline here (see {@link FastPath}); the rest go through {@link #execGeneral}, as do the
     * SSE cases an {@link SseFast} handler declines (it returns false having changed nothing).
     */
    private Insn exec(CpuState s, Insn i) {
        long[] r = s.r;
        long a, b, v;
        switch (i.handler) {
            case FastPath.MOV_RR64: r[i.reg0] = r[i.reg1]; return next(i);
            case FastPath.MOV_RR32: r[i.reg0] = r[i.reg1] & 0xffffffffL; return next(i);
            case FastPath.MOV_RI64: r[i.reg0] = i.imm; return next(i);
            case FastPath.MOV_RI32: r[i.reg0] = i.imm & 0xffffffffL; return next(i);
            case FastPath.LOAD64: r[i.reg0] = mem.read64(Operands.ea(s, i)); return next(i);
            case FastPath.LOAD32: r[i.reg0] = mem.read32(Operands.ea(s, i)) & 0xffffffffL; return next(i);
            case FastPath.STORE64: mem.write64(Operands.ea(s, i), r[i.reg1]); return next(i);
            case FastPath.STORE32: mem.write32(Operands.ea(s, i), (int) r[i.reg1]); return next(i);
            case FastPath.LEA64: r[i.reg0] = Operands.offset(s, i); return next(i);

            case FastPath.ADD_RR64: a = r[i.reg0]; b = r[i.reg1]; v = a + b; r[i.reg0] = v; return arith(s, i, Flags.CC_ADD, 8, a, b, v);
            case FastPath.ADD_RI64: a = r[i.reg0]; b = i.imm; v = a + b; r[i.reg0] = v; return arith(s, i, Flags.CC_ADD, 8, a, b, v);
            case FastPath.ADD_RR32: a = r[i.reg0] & 0xffffffffL; b = r[i.reg1]; v = (a + b) & 0xffffffffL; r[i.reg0] = v; return arith(s, i, Flags.CC_ADD, 4, a, b, v);
            case FastPath.ADD_RI32: a = r[i.reg0] & 0xffffffffL; b = i.imm; v = (a + b) & 0xffffffffL; r[i.reg0] = v; return arith(s, i, Flags.CC_ADD, 4, a, b, v);
            case FastPath.SUB_RR64: a = r[i.reg0]; b = r[i.reg1]; v = a - b; r[i.reg0] = v; return arith(s, i, Flags.CC_SUB, 8, a, b, v);
            case FastPath.SUB_RI64: a = r[i.reg0]; b = i.imm; v = a - b; r[i.reg0] = v; return arith(s, i, Flags.CC_SUB, 8, a, b, v);
            case FastPath.SUB_RR32: a = r[i.reg0] & 0xffffffffL; b = r[i.reg1]; v = (a - b) & 0xffffffffL; r[i.reg0] = v; return arith(s, i, Flags.CC_SUB, 4, a, b, v);
            case FastPath.SUB_RI32: a = r[i.reg0] & 0xffffffffL; b = i.imm; v = (a - b) & 0xffffffffL; r[i.reg0] = v; return arith(s, i, Flags.CC_SUB, 4, a, b, v);
            case FastPath.CMP_RR64: a = r[i.reg0]; b = r[i.reg1]; return arith(s, i, Flags.CC_SUB, 8, a, b, a - b);
            case FastPath.CMP_RI64: a = r[i.reg0]; b = i.imm; return arith(s, i, Flags.CC_SUB, 8, a, b, a - b);
            case FastPath.CMP_RR32: a = r[i.reg0] & 0xffffffffL; b = r[i.reg1]; return arith(s, i, Flags.CC_SUB, 4, a, b, a - b);
            case FastPath.CMP_RI32: a = r[i.reg0] & 0xffffffffL; b = i.imm; return arith(s, i, Flags.CC_SUB, 4, a, b, a - b);
            case FastPath.CMP_RM64: a = r[i.reg0]; b = mem.read64(Operands.ea(s, i)); return arith(s, i, Flags.CC_SUB, 8, a, b, a - b);
            case FastPath.CMP_RM32: a = r[i.reg0] & 0xffffffffL; b = mem.read32(Operands.ea(s, i)) & 0xffffffffL; return arith(s, i, Flags.CC_SUB, 4, a, b, a - b);
            case FastPath.AND_RR64: v = r[i.reg0] & r[i.reg1]; r[i.reg0] = v; return logic(s, i, 8, v);
            case FastPath.AND_RI64: v = r[i.reg0] & i.imm; r[i.reg0] = v; return logic(s, i, 8, v);
            case FastPath.AND_RR32: v = r[i.reg0] & r[i.reg1] & 0xffffffffL; r[i.reg0] = v; return logic(s, i, 4, v);
            case FastPath.AND_RI32: v = r[i.reg0] & i.imm & 0xffffffffL; r[i.reg0] = v; return logic(s, i, 4, v);
            case FastPath.OR_RR64: v = r[i.reg0] | r[i.reg1]; r[i.reg0] = v; return logic(s, i, 8, v);
            case FastPath.OR_RI64: v = r[i.reg0] | i.imm; r[i.reg0] = v; return logic(s, i, 8, v);
            case FastPath.OR_RR32: v = (r[i.reg0] | r[i.reg1]) & 0xffffffffL; r[i.reg0] = v; return logic(s, i, 4, v);
            case FastPath.OR_RI32: v = (r[i.reg0] | i.imm) & 0xffffffffL; r[i.reg0] = v; return logic(s, i, 4, v);
            case FastPath.XOR_RR64: v = r[i.reg0] ^ r[i.reg1]; r[i.reg0] = v; return logic(s, i, 8, v);
            case FastPath.XOR_RI64: v = r[i.reg0] ^ i.imm; r[i.reg0] = v; return logic(s, i, 8, v);
            case FastPath.XOR_RR32: v = (r[i.reg0] ^ r[i.reg1]) & 0xffffffffL; r[i.reg0] = v; return logic(s, i, 4, v);
            case FastPath.XOR_RI32: v = (r[i.reg0] ^ i.imm) & 0xffffffffL; r[i.reg0] = v; return logic(s, i, 4, v);
            case FastPath.TEST_RR64: return logic(s, i, 8, r[i.reg0] & r[i.reg1]);
            case FastPath.TEST_RI64: return logic(s, i, 8, r[i.reg0] & i.imm);
            case FastPath.TEST_RR32: return logic(s, i, 4, r[i.reg0] & r[i.reg1] & 0xffffffffL);
            case FastPath.TEST_RI32: return logic(s, i, 4, r[i.reg0] & i.imm & 0xffffffffL);
            case FastPath.INC64: case FastPath.DEC64: case FastPath.INC32: case FastPath.DEC32: {
                boolean inc = i.handler == FastPath.INC64 || i.handler == FastPath.INC32;
                boolean w = i.handler <= FastPath.DEC64;
                a = w ? r[i.reg0] : r[i.reg0] & 0xffffffffL;
                long cf = Flags.cf(s) ? 1 : 0;
                v = inc ? a + 1 : a - 1;
                r[i.reg0] = w ? v : v & 0xffffffffL;
                s.ccOp = inc ? Flags.CC_INC : Flags.CC_DEC;
                s.ccSize = w ? 8 : 4;
                s.ccDst = a;
                s.ccSrc = 1;
                s.ccRes = v;
                s.ccAux = cf;
                return next(i);
            }
            case FastPath.SHL_RI64: {
                int c = (int) i.imm & 63;
                a = r[i.reg0];
                v = a << c;
                r[i.reg0] = v;
                return shifted(s, i, Flags.CC_SHL, 8, a, v, (a >>> (64 - c)) & 1);
            }
            case FastPath.SHR_RI64: {
                int c = (int) i.imm & 63;
                a = r[i.reg0];
                v = a >>> c;
                r[i.reg0] = v;
                return shifted(s, i, Flags.CC_SHR, 8, a, v, (a >>> (c - 1)) & 1);
            }
            case FastPath.SAR_RI64: {
                int c = (int) i.imm & 63;
                a = r[i.reg0];
                v = a >> c;
                r[i.reg0] = v;
                return shifted(s, i, Flags.CC_SAR, 8, a, v, (a >> (c - 1)) & 1);
            }
            case FastPath.SHL_RI32: {
                int c = (int) i.imm & 31;
                a = r[i.reg0] & 0xffffffffL;
                v = (a << c) & 0xffffffffL;
                r[i.reg0] = v;
                return shifted(s, i, Flags.CC_SHL, 4, a, v, (a >>> (32 - c)) & 1);
            }
            case FastPath.SHR_RI32: {
                int c = (int) i.imm & 31;
                a = r[i.reg0] & 0xffffffffL;
                v = a >>> c;
                r[i.reg0] = v;
                return shifted(s, i, Flags.CC_SHR, 4, a, v, (a >>> (c - 1)) & 1);
            }
            case FastPath.SAR_RI32: {
                int c = (int) i.imm & 31;
                a = r[i.reg0] & 0xffffffffL;
                long sa = (int) a;
                v = (sa >> c) & 0xffffffffL;
                r[i.reg0] = v;
                return shifted(s, i, Flags.CC_SAR, 4, a, v, (sa >> (c - 1)) & 1);
            }
            case FastPath.ADD_RM64: a = r[i.reg0]; b = mem.read64(Operands.ea(s, i)); v = a + b; r[i.reg0] = v; return arith(s, i, Flags.CC_ADD, 8, a, b, v);
            case FastPath.ADD_RM32: a = r[i.reg0] & 0xffffffffL; b = mem.read32(Operands.ea(s, i)) & 0xffffffffL; v = (a + b) & 0xffffffffL; r[i.reg0] = v; return arith(s, i, Flags.CC_ADD, 4, a, b, v);
            case FastPath.SUB_RM64: a = r[i.reg0]; b = mem.read64(Operands.ea(s, i)); v = a - b; r[i.reg0] = v; return arith(s, i, Flags.CC_SUB, 8, a, b, v);
            case FastPath.SUB_RM32: a = r[i.reg0] & 0xffffffffL; b = mem.read32(Operands.ea(s, i)) & 0xffffffffL; v = (a - b) & 0xffffffffL; r[i.reg0] = v; return arith(s, i, Flags.CC_SUB, 4, a, b, v);
            case FastPath.ADD_MR64: {
                long addr = Operands.ea(s, i);
                a = mem.read64(addr);
                b = r[i.reg1];
                v = a + b;
                mem.write64(addr, v);
                return arith(s, i, Flags.CC_ADD, 8, a, b, v);
            }
            case FastPath.TEST_RI8: return logic(s, i, 1, r[i.reg0] & i.imm & 0xff);
            case FastPath.CMP_RI8: a = r[i.reg0] & 0xff; b = i.imm; return arith(s, i, Flags.CC_SUB, 1, a, b, a - b);
            case FastPath.STORE8: mem.write8(Operands.ea(s, i), (int) r[i.reg1]); return next(i);
            case FastPath.IMUL_RR64: case FastPath.IMUL_RR32:
                Alu.imul(s, mem, i);
                return next(i);
            case FastPath.MOVZX_B:
                Operands.setReg(s, i.reg0, i.size, i.kind1 == K_REG ? r[i.reg1] & 0xff : mem.read8(Operands.ea(s, i)));
                return next(i);
            case FastPath.MOVZX_W:
                Operands.setReg(s, i.reg0, i.size, i.kind1 == K_REG ? r[i.reg1] & 0xffff : mem.read16(Operands.ea(s, i)));
                return next(i);
            case FastPath.MOVSXD:
                r[i.reg0] = i.kind1 == K_REG ? (long) (int) r[i.reg1] : (long) mem.read32(Operands.ea(s, i));
                return next(i);
            case FastPath.JCC:
                return Flags.cond(s, i.cc) ? jump(i, i.target) : next(i);
            case FastPath.JMP:
                return jump(i, i.target);
            case FastPath.CALL: {
                long sp = r[CpuState.RSP] - 8;
                mem.write64(sp, i.addr + i.len);
                r[CpuState.RSP] = sp;
                returnTop = (returnTop + 1) & (RETURN_STACK - 1);
                returns[returnTop] = i;
                return jump(i, i.target);
            }
            case FastPath.RET: {
                long sp = r[CpuState.RSP];
                long target = mem.read64(sp);
                r[CpuState.RSP] = sp + 8;
                Insn call = returns[returnTop];
                returnTop = (returnTop - 1) & (RETURN_STACK - 1);
                if (call != null && call.addr + call.len == target) {
                    return next(call);
                }
                return jump(i, target);
            }
            case FastPath.PUSH64: {
                long sp = r[CpuState.RSP] - 8;
                mem.write64(sp, r[i.reg0]);
                r[CpuState.RSP] = sp;
                return next(i);
            }
            case FastPath.POP64: {
                long sp = r[CpuState.RSP];
                v = mem.read64(sp);
                r[CpuState.RSP] = sp + 8;
                r[i.reg0] = v;
                return next(i);
            }
            case FastPath.NOP:
                return next(i);

            case FastPath.X_MOV: SseFast.move128(s, i); return next(i);
            case FastPath.X_LOAD_A: if (SseFast.load128(s, mem, i, vec, true)) return next(i); break;
            case FastPath.X_LOAD_U: if (SseFast.load128(s, mem, i, vec, false)) return next(i); break;
            case FastPath.X_STORE_A: if (SseFast.store128(s, mem, i, true)) return next(i); break;
            case FastPath.X_STORE_U: if (SseFast.store128(s, mem, i, false)) return next(i); break;
            case FastPath.X_MOVSD_LOAD: SseFast.loadScalar(s, mem, i, true); return next(i);
            case FastPath.X_MOVSS_LOAD: SseFast.loadScalar(s, mem, i, false); return next(i);
            case FastPath.X_MOVSD_STORE: SseFast.storeScalar(s, mem, i, true); return next(i);
            case FastPath.X_MOVSS_STORE: SseFast.storeScalar(s, mem, i, false); return next(i);
            case FastPath.X_MOVSD_RR: s.xmmLo[i.reg0] = s.xmmLo[i.reg1]; return next(i);
            case FastPath.X_MOVSS_RR: SseFast.moveSs(s, i); return next(i);
            case FastPath.X_MOVQ_TO_XMM: SseFast.movqToXmm(s, mem, i); return next(i);
            case FastPath.X_MOVQ_TO_GPR: r[i.reg0] = i.size == 8 ? s.xmmLo[i.reg1] : s.xmmLo[i.reg1] & 0xffffffffL; return next(i);
            case FastPath.X_MOVQ_STORE: SseFast.storeScalar(s, mem, i, i.size == 8); return next(i);
            case FastPath.X_XOR: if (SseFast.logic(s, mem, i, vec, 0)) return next(i); break;
            case FastPath.X_AND: if (SseFast.logic(s, mem, i, vec, 1)) return next(i); break;
            case FastPath.X_OR: if (SseFast.logic(s, mem, i, vec, 2)) return next(i); break;
            case FastPath.X_ANDN: if (SseFast.logic(s, mem, i, vec, 3)) return next(i); break;
            case FastPath.X_PADDD: if (SseFast.addSub(s, mem, i, vec, 0)) return next(i); break;
            case FastPath.X_PSUBD: if (SseFast.addSub(s, mem, i, vec, 1)) return next(i); break;
            case FastPath.X_PADDQ: if (SseFast.addSub(s, mem, i, vec, 2)) return next(i); break;
            case FastPath.X_PSUBQ: if (SseFast.addSub(s, mem, i, vec, 3)) return next(i); break;
            case FastPath.X_PMULUDQ: if (SseFast.pmuludq(s, mem, i, vec)) return next(i); break;
            case FastPath.X_PSHUFD: if (SseFast.pshufd(s, mem, i, vec)) return next(i); break;
            case FastPath.X_PUNPCKLDQ: if (SseFast.unpack(s, mem, i, vec, 0)) return next(i); break;
            case FastPath.X_PUNPCKLQDQ: if (SseFast.unpack(s, mem, i, vec, 1)) return next(i); break;
            case FastPath.X_PUNPCKHQDQ: if (SseFast.unpack(s, mem, i, vec, 2)) return next(i); break;
            case FastPath.X_PCMPEQB: if (SseFast.pcmpeqb(s, mem, i, vec)) return next(i); break;
            case FastPath.X_PMOVMSKB: SseFast.pmovmskb(s, i); return next(i);
            case FastPath.X_PSLLQ_I: SseFast.shiftImm(s, i, 0); return next(i);
            case FastPath.X_PSRLQ_I: SseFast.shiftImm(s, i, 1); return next(i);
            case FastPath.X_PSLLD_I: SseFast.shiftImm(s, i, 2); return next(i);
            case FastPath.X_PSRLD_I: SseFast.shiftImm(s, i, 3); return next(i);
            case FastPath.X_ADDSD: if (SseFast.scalar64(s, mem, i, 0)) return next(i); break;
            case FastPath.X_SUBSD: if (SseFast.scalar64(s, mem, i, 1)) return next(i); break;
            case FastPath.X_MULSD: if (SseFast.scalar64(s, mem, i, 2)) return next(i); break;
            case FastPath.X_DIVSD: if (SseFast.scalar64(s, mem, i, 3)) return next(i); break;
            case FastPath.X_ADDPD: if (SseFast.packed64(s, mem, i, vec, 0)) return next(i); break;
            case FastPath.X_SUBPD: if (SseFast.packed64(s, mem, i, vec, 1)) return next(i); break;
            case FastPath.X_MULPD: if (SseFast.packed64(s, mem, i, vec, 2)) return next(i); break;
            case FastPath.X_DIVPD: if (SseFast.packed64(s, mem, i, vec, 3)) return next(i); break;
            case FastPath.X_COMISD: if (SseFast.comisd(s, mem, i)) return next(i); break;
            case FastPath.X_CVTSI2SD: if (SseFast.cvtsi2sd(s, mem, i)) return next(i); break;
            case FastPath.X_CVTTSD2SI: if (SseFast.cvttsd2si(s, mem, i)) return next(i); break;
            default:
                break;
        }
        return execGeneral(s, i);
    }

    private Insn arith(CpuState s, Insn i, int op, int size, long dst, long src, long res) {
        s.ccOp = op;
        s.ccSize = size;
        s.ccDst = dst;
        s.ccSrc = src;
        s.ccRes = res;
        return next(i);
    }

    private Insn shifted(CpuState s, Insn i, int op, int size, long dst, long res, long cf) {
        s.ccOp = op;
        s.ccSize = size;
        s.ccDst = dst;
        s.ccRes = res;
        s.ccAux = cf;
        return next(i);
    }

    private Insn logic(CpuState s, Insn i, int size, long res) {
        s.ccOp = Flags.CC_LOGIC;
        s.ccSize = size;
        s.ccRes = res;
        return next(i);
    }

    /** The general path: every instruction the CPU executes. */
    private Insn execGeneral(CpuState s, Insn i) {
        GuestMemory m = mem;
        long[] r = s.r;
        switch (i.op) {
            case MOV:
                noLock(i);
                if (i.kind0 == K_REG) {
                    if (i.kind1 == K_REG && i.size == 8) {
                        r[i.reg0] = r[i.reg1];
                    } else {
                        Operands.setReg(s, i.reg0, i.size, Operands.read1(s, m, i));
                    }
                } else {
                    long v = Operands.read1(s, m, i);
                    m.write(Operands.ea(s, i), i.size, v);
                }
                return next(i);
            case ADD: case OR: case ADC: case SBB: case AND: case SUB: case XOR: case CMP: case TEST:
                lockCheck(i);
                Alu.binary(s, m, i, i.op);
                return next(i);
            case JCC:
                noLock(i);
                return Flags.cond(s, i.cc) ? jump(i, i.target) : next(i);
            case LEA:
                noLock(i);
                Operands.setReg(s, i.reg0, i.size, Operands.offset(s, i));
                return next(i);
            case PUSH: {
                noLock(i);
                long v = Operands.read0(s, m, i);
                Operands.push(s, m, i.size, v);
                return next(i);
            }
            case POP:
                noLock(i);
                pop(s, m, i);
                return next(i);
            case CALL: {
                noLock(i);
                long target = i.kind0 == K_REL ? i.target : Operands.read0(s, m, i);
                Operands.push(s, m, 8, i.addr + i.len);
                returnTop = (returnTop + 1) & (RETURN_STACK - 1);
                returns[returnTop] = i;
                return jump(i, target);
            }
            case RET: {
                noLock(i);
                long target = Operands.pop(s, m, 8);
                if (i.nops > 0) {
                    r[CpuState.RSP] += i.imm;
                }
                return jump(i, target);
            }
            case JMP:
                noLock(i);
                if (i.kind0 == K_REL) {
                    return jump(i, i.target);
                }
                return jump(i, Operands.read0(s, m, i));
            case INC: case DEC:
                lockCheck(i);
                Alu.incDec(s, m, i, i.op == Op.INC);
                return next(i);
            case NEG:
                lockCheck(i);
                Alu.neg(s, m, i);
                return next(i);
            case NOT:
                lockCheck(i);
                Alu.not(s, m, i);
                return next(i);
            case ROL: case ROR: case RCL: case RCR: case SHL: case SHR: case SAL: case SAR:
                noLock(i);
                Alu.shift(s, m, i, i.op);
                return next(i);
            case SHLD: case SHRD:
                noLock(i);
                Alu.doubleShift(s, m, i, i.op == Op.SHLD);
                return next(i);
            case MUL: case IMUL:
                noLock(i);
                if (i.nops == 1) {
                    Alu.mulWide(s, m, i, i.op == Op.IMUL);
                } else {
                    Alu.imul(s, m, i);
                }
                return next(i);
            case DIV: case IDIV:
                noLock(i);
                Alu.divide(s, m, i, i.op == Op.IDIV);
                return next(i);
            case MOVZX:
                noLock(i);
                Operands.setReg(s, i.reg0, i.size, Operands.read1(s, m, i));
                return next(i);
            case MOVSX: case MOVSXD:
                noLock(i);
                Operands.setReg(s, i.reg0, i.size, Operands.signExtend(Operands.read1(s, m, i), i.size1));
                return next(i);
            case CMOV: {
                noLock(i);
                long v = Operands.read1(s, m, i);
                if (Flags.cond(s, i.cc)) {
                    Operands.setReg(s, i.reg0, i.size, v);
                } else if (i.size == 4) {
                    r[i.reg0] &= 0xffffffffL;
                }
                return next(i);
            }
            case SETCC:
                noLock(i);
                Operands.write0(s, m, i, Flags.cond(s, i.cc) ? 1 : 0);
                return next(i);
            case XCHG: {
                lockCheck(i);
                long a = Operands.read0(s, m, i);
                long b = Operands.read1(s, m, i);
                Operands.write0(s, m, i, b);
                Operands.write1(s, m, i, a);
                return next(i);
            }
            case BSWAP:
                noLock(i);
                if (i.size == 8) {
                    r[i.reg0] = Long.reverseBytes(r[i.reg0]);
                } else if (i.size == 4) {
                    r[i.reg0] = Integer.reverseBytes((int) r[i.reg0]) & 0xffffffffL;
                } else {
                    Operands.setReg(s, i.reg0, 2, 0);
                }
                return next(i);
            case CBW:
                noLock(i);
                cbw(s, i.size);
                return next(i);
            case CWD:
                noLock(i);
                cwd(s, i.size);
                return next(i);
            case LOOP: case LOOPE: case LOOPNE: case JRCXZ:
                noLock(i);
                return loop(s, i) ? jump(i, i.target) : next(i);
            case LEAVE: {
                noLock(i);
                long bp = r[CpuState.RBP];
                long v = m.read(bp, i.size);
                if (i.size == 8) {
                    r[CpuState.RSP] = bp + 8;
                    r[CpuState.RBP] = v;
                } else {
                    r[CpuState.RSP] = bp + 2;
                    Operands.setReg(s, CpuState.RBP, 2, v);
                }
                return next(i);
            }
            case ENTER:
                noLock(i);
                enter(s, m, i);
                return next(i);
            case PUSHF:
                noLock(i);
                Operands.push(s, m, i.size, Flags.get(s));
                return next(i);
            case POPF: {
                noLock(i);
                long v = Operands.pop(s, m, i.size);
                if (i.size == 2) {
                    v = (Flags.get(s) & ~0xffffL) | v;
                }
                Flags.set(s, v);
                return next(i);
            }
            case LAHF:
                noLock(i);
                Operands.setReg(s, Insn.AH, 1, Flags.get(s) & 0xff);
                return next(i);
            case SAHF: {
                noLock(i);
                long f = Flags.get(s);
                long ah = (r[0] >>> 8) & (Flags.CF | Flags.PF | Flags.AF | Flags.ZF | Flags.SF);
                Flags.set(s, (f & ~0xffL) | ah | 2);
                return next(i);
            }
            case BT: case BTS: case BTR: case BTC:
                if (i.op == Op.BT) {
                    noLock(i);
                } else {
                    lockCheck(i);
                }
                Bits.bitTest(s, m, i);
                return next(i);
            case BSF: case BSR: case TZCNT: case LZCNT: case POPCNT:
                noLock(i);
                Bits.scan(s, m, i);
                return next(i);
            case MOVS: case STOS: case LODS: case SCAS: case CMPS:
                noLock(i);
                StringOps.exec(s, m, i);
                return next(i);
            case CMPXCHG:
                lockCheck(i);
                Atomics.cmpxchg(s, m, i);
                return next(i);
            case XADD:
                lockCheck(i);
                Atomics.xadd(s, m, i);
                return next(i);
            case CMPXCHG8B: case CMPXCHG16B:
                lockCheck(i);
                Atomics.cmpxchgWide(s, m, i);
                return next(i);
            case CLC: noLock(i); Flags.put(s, Flags.CF, false); return next(i);
            case STC: noLock(i); Flags.put(s, Flags.CF, true); return next(i);
            case CMC: noLock(i); Flags.put(s, Flags.CF, !Flags.cf(s)); return next(i);
            case CLD: noLock(i); s.flags &= ~Flags.DF; return next(i);
            case STD: noLock(i); s.flags |= Flags.DF; return next(i);
            case NOP: case PAUSE: case ENDBR64: case MFENCE: case LFENCE: case SFENCE: case PREFETCH:
                noLock(i);
                return next(i);
            case CPUID: {
                noLock(i);
                int[] v = Cpuid.query((int) r[0], (int) r[1]);
                r[0] = v[0] & 0xffffffffL;
                r[3] = v[1] & 0xffffffffL;
                r[1] = v[2] & 0xffffffffL;
                r[2] = v[3] & 0xffffffffL;
                return next(i);
            }
            case RDTSC:
                noLock(i);
                s.rip = i.addr + i.len;
                tscPending = true;
                return null;
            case SYSCALL:
                noLock(i);
                s.rip = i.addr + i.len;
                r[CpuState.RCX] = s.rip;
                r[CpuState.R11] = Flags.get(s);
                return null;
            case INT3:
                noLock(i);
                throw new Trap(Trap.SIGTRAP, Trap.SI_KERNEL, 0, true);
            case INT:
                noLock(i);
                // vectors 3 (#BP) and 4 (#OF) are user-callable gates: traps, reported after the
                // instruction as Linux does (SIGTRAP, SIGSEGV); other vectors are #GP
                if ((i.imm & 0xff) == 3) {
                    throw new Trap(Trap.SIGTRAP, Trap.SI_KERNEL, 0, true);
                }
                if ((i.imm & 0xff) == 4) {
                    throw new Trap(Trap.SIGSEGV, Trap.SI_KERNEL, 0, true);
                }
                throw Trap.generalProtection();
            case HLT:
                throw Trap.generalProtection();
            case BAD:
                if (i.handler == -1) {
                    throw new MemoryFault(i.target, MemoryFault.Access.EXEC, i.imm != 0);
                }
                throw i.target == Decoder.TOO_LONG ? Trap.generalProtection() : Trap.illegal(i);
            case UD2: case UNSUPPORTED:
                throw Trap.illegal(i);
            case FNSTCW: case FLDCW: case FNSTSW: case FNSTENV: case FLDENV: case FNCLEX: case FNINIT: case FWAIT:
                noLock(i);
                X87Control.exec(s, m, i);
                return next(i);
            default:
                noLock(i);
                Sse.exec(s, m, i, tmp);
                return next(i);
        }
    }

    // ------------------------------------------------------------------ small instructions

    private static void lockCheck(Insn i) {
        if ((i.prefixes & Insn.P_LOCK) != 0 && (i.kind0 != K_MEM || i.op == Op.CMP || i.op == Op.TEST)) {
            throw Trap.illegal(i);
        }
    }

    private static void noLock(Insn i) {
        if ((i.prefixes & Insn.P_LOCK) != 0) {
            throw Trap.illegal(i);
        }
    }

    private static void pop(CpuState s, GuestMemory m, Insn i) {
        long sp = s.r[CpuState.RSP];
        long v = m.read(sp, i.size);
        if (i.kind0 == K_REG) {
            s.r[CpuState.RSP] = sp + i.size;
            Operands.setReg(s, i.reg0, i.size, v);
        } else {
            // the address of a memory destination is computed with RSP already incremented
            s.r[CpuState.RSP] = sp + i.size;
            try {
                m.write(Operands.ea(s, i), i.size, v);
            } catch (MemoryFault f) {
                s.r[CpuState.RSP] = sp;
                throw f;
            }
        }
    }

    private static void cbw(CpuState s, int size) {
        long[] r = s.r;
        switch (size) {
            case 2: Operands.setReg(s, 0, 2, (byte) r[0]); break;
            case 4: r[0] = (short) r[0] & 0xffffffffL; break;
            default: r[0] = (int) r[0]; break;
        }
    }

    private static void cwd(CpuState s, int size) {
        long[] r = s.r;
        switch (size) {
            case 2: Operands.setReg(s, 2, 2, (short) r[0] < 0 ? 0xffff : 0); break;
            case 4: r[2] = (int) r[0] < 0 ? 0xffffffffL : 0; break;
            default: r[2] = r[0] >> 63; break;
        }
    }

    private static boolean loop(CpuState s, Insn i) {
        long[] r = s.r;
        boolean a32 = i.addr32;
        if (i.op == Op.JRCXZ) {
            return (a32 ? r[1] & 0xffffffffL : r[1]) == 0;
        }
        long c = r[1] - 1;
        if (a32) {
            c &= 0xffffffffL;
            r[1] = c; // the count register is ECX: writing it clears bits 63:32
        } else {
            r[1] = c;
        }
        if (c == 0) {
            return false;
        }
        switch (i.op) {
            case LOOPE: return Flags.zf(s);
            case LOOPNE: return !Flags.zf(s);
            default: return true;
        }
    }

    private static void enter(CpuState s, GuestMemory m, Insn i) {
        long[] r = s.r;
        int level = (int) (i.imm2 & 31);
        long sp = r[CpuState.RSP];
        long bp = r[CpuState.RBP];
        long frameSize = i.imm & 0xffff;
        sp -= 8;
        m.write64(sp, bp);
        long frameTemp = sp;
        if (level > 0) {
            for (int k = 1; k < level; k++) {
                bp -= 8;
                sp -= 8;
                m.write64(sp, m.read64(bp));
            }
            sp -= 8;
            m.write64(sp, frameTemp);
        }
        r[CpuState.RBP] = frameTemp;
        r[CpuState.RSP] = sp - frameSize;
    }
}
