package gmpvm.emulator.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.cpu.CpuState;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Prot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** System calls one by one, straight through {@link Kernel#syscall}: results, errnos, effects. */
class KernelTest {
    static final long DATA = 0x10000, BRK = 0x20000, TOP = 0x7f0000000000L;
    static final int ENOENT = 2, EBADF = 9, ENOMEM = 12, EFAULT = 14, EEXIST = 17, EINVAL = 22, ENOSYS = 38;

    GuestMemory mem;
    Kernel kernel;
    GuestThread thread;
    ByteArrayOutputStream out;
    long nanos;
    int groupStatus = -1;

    @BeforeEach
    void setUp() {
        mem = new GuestMemory();
        mem.map(DATA, 0x4000, Prot.RW);
        out = new ByteArrayOutputStream();
        Stdio stdio = new Stdio(new ByteArrayInputStream("input".getBytes(StandardCharsets.US_ASCII)), out, out);
        kernel = new Kernel(mem, new ProcessLayout(BRK, TOP, 7), stdio, new ProcessControl() {
            @Override
            public void exitThread(GuestThread t, int status) {
                t.exit(status);
            }

            @Override
            public void exitGroup(GuestThread t, int status) {
                groupStatus = status;
                t.exit(status);
            }

            @Override
            public void killProcess(GuestThread t, int sig, int code, long addr) {
                groupStatus = 128 + sig;
                t.exit(128 + sig);
            }

            @Override
            public long nanos() {
                return nanos;
            }

            @Override
            public int cpus() {
                return 1;
            }

            @Override
            public GuestThread spawn(CpuState cpu) {
                throw new UnsupportedOperationException("no threads in this test");
            }

            @Override
            public GuestThread thread(int tid) {
                return tid == thread.tid() && thread.runnable() ? thread : null;
            }

            @Override
            public List<GuestThread> threads() {
                return List.of(thread);
            }

            @Override
            public void block(GuestThread t, GuestThread.Wait w) {
                throw new UnsupportedOperationException("no blocking in this test");
            }

            @Override
            public void wake(GuestThread t, long result) {
                t.cpu().r[CpuState.RAX] = result;
            }

            @Override
            public void yield(GuestThread t) {
            }
        });
        thread = new GuestThread(1000, new CpuState());
    }

    long call(long nr, long... args) {
        long[] r = thread.cpu().r;
        int[] regs = {CpuState.RDI, CpuState.RSI, CpuState.RDX, CpuState.R10, CpuState.R8, CpuState.R9};
        r[CpuState.RAX] = nr;
        for (int k = 0; k < args.length; k++) {
            r[regs[k]] = args[k];
        }
        return kernel.syscall(thread);
    }

    @Test
    void unknownSyscallIsEnosys() {
        assertEquals(-ENOSYS, call(999));
        assertEquals(-ENOSYS, call(999));
        assertEquals(-ENOSYS, thread.cpu().r[CpuState.RAX]);
        assertEquals(-ENOSYS, call(-1));
    }

    @Test
    void writeReadAndClose() {
        mem.writeBytes(DATA, "hi there".getBytes(StandardCharsets.US_ASCII));
        assertEquals(8, call(Syscalls.WRITE, 1, DATA, 8));
        kernel.stdio().flush();
        assertEquals("hi there", out.toString(StandardCharsets.US_ASCII));
        assertEquals(-EFAULT, call(Syscalls.WRITE, 1, 0x9000, 4));
        assertEquals(-EBADF, call(Syscalls.WRITE, 5, DATA, 4));
        assertEquals(-EBADF, call(Syscalls.WRITE, 0, DATA, 4));
        assertEquals(5, call(Syscalls.READ, 0, DATA + 100, 64));
        assertEquals("input", mem.readCString(DATA + 100, 64));
        assertEquals(0, call(Syscalls.READ, 0, DATA + 100, 64));
        assertEquals(0, call(Syscalls.CLOSE, 1));
        assertEquals(-EBADF, call(Syscalls.WRITE, 1, DATA, 1));
        assertEquals(-EBADF, call(Syscalls.CLOSE, 1));
    }

    @Test
    void writevGathers() {
        mem.writeBytes(DATA, "abcdef".getBytes(StandardCharsets.US_ASCII));
        mem.write64(DATA + 64, DATA + 3);
        mem.write64(DATA + 72, 3);
        mem.write64(DATA + 80, DATA);
        mem.write64(DATA + 88, 2);
        assertEquals(5, call(Syscalls.WRITEV, 2, DATA + 64, 2));
        kernel.stdio().flush();
        assertEquals("defab", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void mmapPlacesTopDownDeterministically() {
        long a = call(Syscalls.MMAP, 0, 8192, Prot.RW, 0x22, -1, 0);
        assertEquals(TOP - 8192, a);
        long b = call(Syscalls.MMAP, 0, 100, Prot.READ, 0x22, -1, 0);
        assertEquals(TOP - 12288, b);
        assertEquals(Prot.READ, mem.protAt(b));
        assertEquals(0, call(Syscalls.MUNMAP, a, 8192));
        assertFalse(mem.isMapped(a));
        assertEquals(a, call(Syscalls.MMAP, 0, 4096, Prot.RW, 0x22, -1, 0) - 4096);
        long fixed = call(Syscalls.MMAP, 0x500000, 4096, Prot.RW, 0x32, -1, 0);
        assertEquals(0x500000, fixed);
        assertEquals(-EEXIST, call(Syscalls.MMAP, 0x500000, 4096, Prot.RW, 0x100022, -1, 0));
        assertEquals(0x600000, call(Syscalls.MMAP, 0x600000, 4096, Prot.RW, 0x22, -1, 0)); // a free hint is taken
        assertEquals(-EINVAL, call(Syscalls.MMAP, 0, 0, Prot.RW, 0x22, -1, 0));
        assertEquals(-EINVAL, call(Syscalls.MMAP, 0x500001, 4096, Prot.RW, 0x32, -1, 0));
        assertEquals(-EBADF, call(Syscalls.MMAP, 0, 4096, Prot.RW, 0x02, 3, 0));
        assertEquals(-ENOMEM, call(Syscalls.MMAP, 0, 1L << 40, Prot.RW, 0x22, -1, 0));
        assertEquals(-EINVAL, call(Syscalls.MUNMAP, 0x500001, 4096));
    }

    @Test
    void mprotectChangesPermissions() {
        assertEquals(0, call(Syscalls.MPROTECT, DATA, 4096, Prot.READ));
        assertEquals(Prot.READ, mem.protAt(DATA));
        assertEquals(-ENOMEM, call(Syscalls.MPROTECT, 0x900000, 4096, Prot.READ));
        assertEquals(-EINVAL, call(Syscalls.MPROTECT, DATA + 1, 4096, Prot.READ));
    }

    @Test
    void brkGrowsAndShrinks() {
        assertEquals(BRK, call(Syscalls.BRK, 0));
        assertEquals(BRK + 5000, call(Syscalls.BRK, BRK + 5000));
        assertTrue(mem.isMapped(BRK + 8191));
        assertFalse(mem.isMapped(BRK + 8192));
        assertEquals(BRK + 10, call(Syscalls.BRK, BRK + 10));
        assertFalse(mem.isMapped(BRK + 4096));
        assertEquals(BRK + 10, call(Syscalls.BRK, BRK - 4096));
    }

    @Test
    void archPrctlSetsAndGetsFsAndGs() {
        assertEquals(0, call(Syscalls.ARCH_PRCTL, 0x1002, 0x12345678));
        assertEquals(0x12345678, thread.cpu().fsBase);
        assertEquals(0, call(Syscalls.ARCH_PRCTL, 0x1001, 0x999));
        assertEquals(0x999, thread.cpu().gsBase);
        assertEquals(0, call(Syscalls.ARCH_PRCTL, 0x1003, DATA));
        assertEquals(0x12345678, mem.read64(DATA));
        assertEquals(-EFAULT, call(Syscalls.ARCH_PRCTL, 0x1004, 0x8000));
        assertEquals(-EINVAL, call(Syscalls.ARCH_PRCTL, 0x3001, 0));
    }

    @Test
    void clocksReadVirtualTime() {
        nanos = 3_000_000_123L;
        assertEquals(0, call(Syscalls.CLOCK_GETTIME, 1, DATA));
        assertEquals(3, mem.read64(DATA));
        assertEquals(123, mem.read64(DATA + 8));
        assertEquals(0, call(Syscalls.CLOCK_GETTIME, 0, DATA));
        assertEquals(1735689600L + 3, mem.read64(DATA));
        assertEquals(-EINVAL, call(Syscalls.CLOCK_GETTIME, 99, DATA));
        assertEquals(-EFAULT, call(Syscalls.CLOCK_GETTIME, 1, 0));
    }

    @Test
    void identityCalls() {
        assertEquals(1000, call(Syscalls.GETTID));
        assertEquals(1000, call(Syscalls.GETPID));
        assertEquals(1000, call(Syscalls.SET_TID_ADDRESS, DATA));
        assertEquals(DATA, thread.clearChildTid);
        assertEquals(0, call(Syscalls.UNAME, DATA));
        assertEquals("Linux", mem.readCString(DATA, 65));
        assertEquals("x86_64", mem.readCString(DATA + 4 * 65, 65));
        assertEquals(8, call(Syscalls.SCHED_GETAFFINITY, 0, 128, DATA));
        assertEquals(1, mem.read64(DATA));
        assertEquals(0, call(Syscalls.PRLIMIT64, 0, 3, 0, DATA));
        assertEquals(8L << 20, mem.read64(DATA));
        assertEquals(16, call(Syscalls.GETRANDOM, DATA, 16, 0));
        assertEquals(-ENOENT, call(Syscalls.READLINK, DATA, DATA, 10));
    }

    @Test
    void exitGroupEndsTheThreadWithoutTouchingRax() {
        thread.cpu().r[CpuState.RAX] = Syscalls.EXIT_GROUP;
        call(Syscalls.EXIT_GROUP, 300);
        assertEquals(300 & 0xff, groupStatus);
        assertFalse(thread.runnable());
        assertEquals(Syscalls.EXIT_GROUP, thread.cpu().r[CpuState.RAX]);
    }
    /** Memory calls cost time in the number of mappings, not of pages: limits are checked first. */
    @Test
    void memoryCallsAreBoundedWhateverTheirArguments() {
        long brk = call(Syscalls.BRK, 0);
        // a break far beyond what may be mapped is refused at once (no per-page work)
        assertEquals(brk, call(Syscalls.BRK, 0x100000000000L));
        assertEquals(brk, call(Syscalls.BRK, 0x7fff00000000L));
        // 40,000 one-page mappings: each placed below the last, found through the intervals
        long prev = Long.MAX_VALUE;
        for (int i = 0; i < 40_000; i++) {
            long a = call(Syscalls.MMAP, 0, 4096, Prot.RW, 0x22, -1, 0);
            assertTrue(a > 0 && a < prev, "mmap " + i + " at 0x" + Long.toHexString(a));
            prev = a;
        }
        // holes are reused from the top: unmap two pages in the middle, a two-page mmap fills them
        long hole = prev + 20_000L * 4096;
        assertEquals(0, call(Syscalls.MUNMAP, hole, 8192));
        assertEquals(hole, call(Syscalls.MMAP, 0, 8192, Prot.RW, 0x22, -1, 0));
        // an untouched gigabyte costs no page contents; the limit on what is mapped still holds
        assertEquals(-ENOMEM, call(Syscalls.MMAP, 0, 1L << 30, Prot.RW, 0x22, -1, 0));
        assertEquals(0, call(Syscalls.MUNMAP, prev, 40_000L * 4096));
        long big = call(Syscalls.MMAP, 0, (1L << 30) - (1L << 20), Prot.RW, 0x22, -1, 0);
        assertTrue(big > 0, "a large untouched mapping: " + big);
        assertEquals(0, mem.read64(big + (1L << 29)));
        mem.write64(big + 8, 7);
        assertEquals(7, mem.read64(big + 8));
        assertEquals(0, call(Syscalls.MUNMAP, big, (1L << 30) - (1L << 20)));
    }
    /** A guest that makes many distinct unknown calls gets a few warnings and one summary line. */
    @Test
    void unknownCallWarningsAreCapped() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Kernel.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> app = new ch.qos.logback.core.read.ListAppender<>();
        app.start();
        log.addAppender(app);
        try {
            for (long nr = 1000; nr < 101_000; nr++) {
                assertEquals(-ENOSYS, call(nr));
            }
        } finally {
            log.detachAppender(app);
        }
        assertEquals(Kernel.MAX_WARNED + 1, app.list.size());
        assertTrue(app.list.get(0).getFormattedMessage().startsWith("syscall 1000 (syscall_1000) is not implemented"),
                app.list.get(0).getFormattedMessage());
        assertTrue(app.list.get(Kernel.MAX_WARNED).getFormattedMessage().contains("no longer reported"));
    }
}
