package gmpvm.loader.elf;

import gmpvm.emulator.memory.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the System V x86-64 initial process stack. From RSP upwards: argc, the argv pointers,
 * NULL, the envp pointers, NULL, the auxiliary vector (type/value pairs ending with AT_NULL);
 * above that, the 16 AT_RANDOM bytes, the platform string and the argument, environment and
 * AT_EXECFN strings. RSP is 16-byte aligned and points at argc, as the ABI requires at process
 * entry.
 */
final class InitialStack {
    static final int AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
            AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
            AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_HWCAP2 = 26,
            AT_EXECFN = 31;
    /** CPUID.1:EDX as the emulated CPU reports it (FPU TSC CX8 CMOV CLFSH MMX FXSR SSE SSE2). */
    static final long HWCAP = 1 | 1 << 4 | 1 << 8 | 1 << 15 | 1 << 19 | 1 << 23 | 1 << 24 | 1 << 25 | 1 << 26;
    static final int UID = 1000, GID = 1000;

    private final GuestMemory mem;
    private long sp;

    InitialStack(GuestMemory mem, long top) {
        this.mem = mem;
        this.sp = top;
    }

    private long pushBytes(byte[] b) {
        sp -= b.length;
        mem.poke(sp, b, 0, b.length);
        return sp;
    }

    private long pushString(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[u.length + 1];
        System.arraycopy(u, 0, z, 0, u.length);
        return pushBytes(z);
    }

    /** Builds the stack; returns the initial RSP. fileAux are the image's own entries (AT_PHDR...). */
    long build(List<String> argv, List<String> env, String execfn, long seed, long[][] fileAux) {
        sp -= 8; // a NUL word at the very top, as Linux leaves
        long execfnAddr = pushString(execfn);
        List<Long> envAddrs = new ArrayList<>();
        for (int k = env.size() - 1; k >= 0; k--) {
            envAddrs.add(0, pushString(env.get(k)));
        }
        List<Long> argAddrs = new ArrayList<>();
        for (int k = argv.size() - 1; k >= 0; k--) {
            argAddrs.add(0, pushString(argv.get(k)));
        }
        long platform = pushString("x86_64");
        sp &= ~15L;
        byte[] rnd = new byte[16];
        new SplittableRandom(seed).nextBytes(rnd);
        long random = pushBytes(rnd);

        List<long[]> aux = new ArrayList<>(List.of(fileAux));
        aux.add(new long[] {AT_HWCAP, HWCAP});
        aux.add(new long[] {AT_CLKTCK, 100});
        aux.add(new long[] {AT_UID, UID});
        aux.add(new long[] {AT_EUID, UID});
        aux.add(new long[] {AT_GID, GID});
        aux.add(new long[] {AT_EGID, GID});
        aux.add(new long[] {AT_SECURE, 0});
        aux.add(new long[] {AT_RANDOM, random});
        aux.add(new long[] {AT_HWCAP2, 0});
        aux.add(new long[] {AT_EXECFN, execfnAddr});
        aux.add(new long[] {AT_PLATFORM, platform});
        aux.add(new long[] {AT_NULL, 0});

        long words = 1 + argAddrs.size() + 1 + envAddrs.size() + 1 + 2L * aux.size();
        sp = (sp - 8 * words) & ~15L;
        long p = sp;
        byte[] block = new byte[(int) (8 * words)];
        int o = 0;
        o = put(block, o, argAddrs.size());
        for (long a : argAddrs) {
            o = put(block, o, a);
        }
        o = put(block, o, 0);
        for (long a : envAddrs) {
            o = put(block, o, a);
        }
        o = put(block, o, 0);
        for (long[] a : aux) {
            o = put(block, o, a[0]);
            o = put(block, o, a[1]);
        }
        mem.poke(p, block, 0, block.length);
        return p;
    }

    private static int put(byte[] b, int o, long v) {
        for (int k = 0; k < 8; k++) {
            b[o + k] = (byte) (v >>> (8 * k));
        }
        return o + 8;
    }
}
