package gmpvm.bench;

import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.cpu.Interpreter;
import gmpvm.emulator.cpu.Stop;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;

/** Small guest programs as machine code, mapped into a fresh memory for the benchmarks. */
final class GuestCode {
    static final long CODE = 0x401000L;
    static final long DATA = 0x600000L;
    static final long STACK_TOP = 0x7fff0000L;

    /**
     * The integer loop gcc -O2 makes of {@code for (i = 0; i < n; i++) { x += i ^ y; y = y*3 + (x >> 7); }}:
     * ten instructions per iteration, the iteration count in RSI; ends with SYSCALL.
     */
    static final byte[] INTEGER_LOOP = bytes(
            "31 d2 b8 01 00 00 00 31 ff 0f 1f 00 48 89 d1 48 31 c1 48 01 cf 48 8d 0c 40 48 89 f8"
            + " 48 c1 e8 07 48 01 c8 48 83 c2 01 48 39 f2 75 e0 83 e7 7f b8 e7 00 00 00 0f 05");

    /**
     * A memory-bound loop: sums and rewrites a 1 KiB array of quadwords and calls a small leaf
     * function each iteration (loads, stores, CALL/RET, PUSH/POP): thirteen instructions per
     * iteration, the iteration count in RSI; ends with SYSCALL.
     * <pre>
     *     xor eax,eax; mov rbx,0x600000; xor ecx,ecx
     * 1:  mov rdx,[rbx+rcx*8]; add rax,rdx; call leaf; mov [rbx+rcx*8],rdx
     *     inc ecx; and ecx,127; dec rsi; jne 1b
     *     mov edi,eax; and edi,0x7f; mov eax,231; syscall
     * leaf: push rbp; mov rbp,rsp; lea rdx,[rdx+rax*2+1]; pop rbp; ret
     * </pre>
     */
    static final byte[] MEMORY_LOOP = bytes(
            "31 c0 48 c7 c3 00 00 60 00 31 c9 48 8b 14 cb 48 01 d0 e8 1a 00 00 00 48 89 14 cb"
            + " ff c1 83 e1 7f 48 ff ce 75 e6 89 c7 83 e7 7f b8 e7 00 00 00 0f 05"
            + " 55 48 89 e5 48 8d 54 42 01 5d c3");

    /**
     * Threads running the integer loop: RDI extra threads are cloned (CLONE_VM|CLONE_THREAD|…,
     * no stack needed), then every thread runs RSI iterations of {@link #INTEGER_LOOP}'s body and
     * calls exit(0); the process ends with the last thread.
     * <pre>
     *     mov r13,rdi; mov r14,rsi
     * 1:  test r13,r13; jz 2f; mov eax,56; mov edi,0x50f00; xor esi,esi; xor edx,edx
     *     xor r10d,r10d; xor r8d,r8d; syscall; test rax,rax; jz 2f; dec r13; jmp 1b
     * 2:  mov rsi,r14; (the integer loop); xor edi,edi; mov eax,60; syscall
     * </pre>
     */
    static final byte[] THREADED_LOOP = bytes(
            "49 89 fd 49 89 f6 4d 85 ed 74 20 b8 38 00 00 00 bf 00 0f 05 00 31 f6 31 d2 45 31 d2"
            + " 45 31 c0 0f 05 48 85 c0 74 05 49 ff cd eb db 4c 89 f6 31 d2 b8 01 00 00 00 31 ff"
            + " 48 89 d1 48 31 c1 48 01 cf 48 8d 0c 40 48 89 f8 48 c1 e8 07 48 01 c8 48 83 c2 01"
            + " 48 39 f2 75 e0 31 ff b8 3c 00 00 00 0f 05");

    /**
     * A scalar double-precision dot product over two 2048-element arrays at DATA and DATA+0x4000
     * (the data set up by the caller): seven instructions per iteration, the iteration count in
     * RSI; ends with SYSCALL.
     * <pre>
     *     xor eax,eax; pxor xmm1,xmm1; mov ebx,0x600000
     * 1:  movsd xmm0,[rbx+rax*8]; mulsd xmm0,[rbx+rax*8+0x4000]; addsd xmm1,xmm0
     *     add eax,1; and eax,0x7ff; dec rsi; jne 1b
     *     cvttsd2si edi,xmm1; and edi,0x7f; mov eax,231; syscall
     * </pre>
     */
    static final byte[] SCALAR_DOUBLE_LOOP = bytes(
            "31 c0 66 0f ef c9 bb 00 00 60 00 f2 0f 10 04 c3 f2 0f 59 84 c3 00 40 00 00 f2 0f 58 c8"
            + " 83 c0 01 25 ff 07 00 00 48 ff ce 75 e1 f2 0f 2c f9 83 e7 7f b8 e7 00 00 00 0f 05");

    /**
     * The sum of 32-bit products over two 4096-element arrays at DATA and DATA+0x4000, as gcc -O3
     * vectorises it with SSE2: fifteen instructions per iteration (four 16-byte elements), the
     * iteration count in RSI; ends with SYSCALL.
     * <pre>
     *     xor eax,eax; pxor xmm3,xmm3; mov ecx,0x600000; mov edx,0x604000
     * 1:  movdqa xmm1,[rcx+rax]; movdqa xmm2,[rdx+rax]; movdqa xmm0,[rcx+rax]
     *     pmuludq xmm0,[rdx+rax]; pshufd xmm0,xmm0,8; add rax,16; psrlq xmm1,32; psrlq xmm2,32
     *     pmuludq xmm1,xmm2; pshufd xmm1,xmm1,8; punpckldq xmm0,xmm1; paddd xmm3,xmm0
     *     and eax,0x3ff0; dec rsi; jne 1b
     *     movd edi,xmm3; and edi,0x7f; mov eax,231; syscall
     * </pre>
     */
    static final byte[] PACKED_INT_LOOP = bytes(
            "31 c0 66 0f ef db b9 00 00 60 00 ba 00 40 60 00 66 0f 6f 0c 01 66 0f 6f 14 02 66 0f 6f 04 01"
            + " 66 0f f4 04 02 66 0f 70 c0 08 48 83 c0 10 66 0f 73 d1 20 66 0f 73 d2 20 66 0f f4 ca"
            + " 66 0f 70 c9 08 66 0f 62 c1 66 0f fe d8 25 f0 3f 00 00 48 ff ce 75 be 66 0f 7e df"
            + " 83 e7 7f b8 e7 00 00 00 0f 05");

    static byte[] bytes(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int k = 0; k < parts.length; k++) {
            b[k] = (byte) Integer.parseInt(parts[k], 16);
        }
        return b;
    }

    /** Maps code at CODE (RX), a 64 KiB data area at DATA and a stack; returns a fresh thread state. */
    /** Runs a copy of init in work until the guest's system call (the loop's end); the instructions retired. */
    static long runToSyscall(Interpreter in, CpuState init, CpuState work) {
        work.copyFrom(init);
        work.retired = 0;
        Stop st = in.run(work, Long.MAX_VALUE);
        if (st != Stop.SYSCALL) {
            throw new IllegalStateException("guest stopped with " + st);
        }
        return work.retired;
    }

    static CpuState load(GuestMemory m, byte[] code) {
        m.map(CODE, 0x10000, Prot.RW);
        m.writeBytes(CODE, code);
        m.protect(CODE, 0x10000, Prot.RX);
        m.map(DATA, 0x10000, Prot.RW);
        m.map(STACK_TOP - 0x10000, 0x10000, Prot.RW);
        CpuState s = new CpuState();
        s.rip = CODE;
        s.r[CpuState.RSP] = STACK_TOP - 64;
        return s;
    }

    private GuestCode() {
    }
}
