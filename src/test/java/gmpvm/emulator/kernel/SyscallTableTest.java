package gmpvm.emulator.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The system-call table: one row per call, and buffer checks from the rows that are safe for any 64-bit value. */
class SyscallTableTest {
    static final long[] OUTSIDE = {SyscallTable.USER_END, 1L << 47, 0x800000000000L, -0x1000L, -16L, -1L, Long.MIN_VALUE};
    static final long[] WRAPPING_LENGTHS = {-1L, -16L, Long.MIN_VALUE, 1L << 62};

    @Test
    void everyRowIsWellFormed() {
        Set<Integer> seen = new HashSet<>();
        for (Syscall s : SyscallTable.rows()) {
            assertTrue(seen.add(s.nr()), "one row per call: " + s.nr());
            assertEquals(s, SyscallTable.get(s.nr()));
            assertFalse(s.name().startsWith("syscall_"), "a named call: " + s.nr());
            assertTrue(s.args().size() <= 6, s.name());
            assertEquals(s.args().size(), SyscallTable.straceSpec(s.nr()).length(), s.name());
            assertFalse(s.doc().isBlank(), s.name());
            for (SyscallArg a : s.args()) {
                assertTrue(a.lenArg() < s.args().size(), s.name() + ": length argument exists");
            }
        }
        assertEquals(null, SyscallTable.get(-1));
        assertEquals(null, SyscallTable.get(Long.MAX_VALUE));
        assertEquals("xxx", SyscallTable.straceSpec(333));
    }

    @Test
    void aBufferOutsideUserSpaceOrWrappingFailsEveryCallThatTakesOne() {
        int buffers = 0;
        for (Syscall s : SyscallTable.rows()) {
            List<SyscallArg> args = s.args();
            for (int i = 0; i < args.size(); i++) {
                SyscallArg arg = args.get(i);
                if (!arg.kind().buffer()) {
                    continue;
                }
                buffers++;
                for (long addr : OUTSIDE) {
                    long[] a = plausible(s);
                    a[i] = addr;
                    assertFalse(SyscallTable.buffersOk(s, a), s.name() + " arg " + i + " at 0x" + Long.toHexString(addr));
                }
                if (arg.lenArg() >= 0) {
                    for (long len : WRAPPING_LENGTHS) {
                        long[] a = plausible(s);
                        a[i] = 0x400000;
                        a[arg.lenArg()] = len;
                        assertFalse(SyscallTable.buffersOk(s, a), s.name() + " arg " + i + " with length " + len);
                    }
                }
                // the last bytes below the end of user space are fine; one more is not
                long[] a = plausible(s);
                long n = Math.max(1, arg.bytes(a));
                a[i] = SyscallTable.USER_END - n;
                assertTrue(SyscallTable.buffersOk(s, a), s.name() + " arg " + i + " at the top of user space");
                a[i] = SyscallTable.USER_END - n + 1;
                assertFalse(SyscallTable.buffersOk(s, a), s.name() + " arg " + i + " one byte past user space");
                if (arg.optional()) {
                    long[] z = plausible(s);
                    z[i] = 0;
                    assertTrue(SyscallTable.buffersOk(s, z), s.name() + " arg " + i + " may be NULL");
                }
            }
        }
        assertTrue(buffers >= 20, "buffer arguments checked: " + buffers);
    }

    @Test
    void userRangeIsExactAtTheEdges() {
        long end = SyscallTable.USER_END;
        assertTrue(SyscallTable.userRange(0, 0));
        assertTrue(SyscallTable.userRange(0, end));
        assertFalse(SyscallTable.userRange(0, end + 1));
        assertTrue(SyscallTable.userRange(end - 1, 1));
        assertTrue(SyscallTable.userRange(end, 0));
        assertFalse(SyscallTable.userRange(end, 1));
        assertFalse(SyscallTable.userRange(1, -1));
        assertFalse(SyscallTable.userRange(-16, 32));
    }

    @Test
    void arrayLengthsThatOverflowAreRefused() {
        SyscallArg iov = SyscallArg.inArray(0, 16);
        assertEquals(32, iov.bytes(new long[] {2}));
        assertEquals(-1, iov.bytes(new long[] {-1}));
        assertEquals(-1, iov.bytes(new long[] {Long.MAX_VALUE / 8}));
    }

    /** Arguments that pass every check but the one under test: buffers at a low user address, small lengths. */
    private static long[] plausible(Syscall s) {
        long[] a = new long[6];
        for (int i = 0; i < s.args().size(); i++) {
            a[i] = s.args().get(i).kind().buffer() ? 0x400000 : 8;
        }
        return a;
    }
}
