package gmpvm.emulator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Guest range checks are safe for any 64-bit address and length: a fault where a byte is not there, never anything else. */
class RangeEdgesTest {
    static final long PAGE = 0x10000;

    private static GuestMemory memory() {
        GuestMemory m = new GuestMemory();
        m.map(PAGE, 4096, Prot.READ | Prot.WRITE);
        m.map(0x7ffffffff000L - 4096, 4096, Prot.READ | Prot.WRITE);
        return m;
    }

    private static void faultsAt(long want, Executable e) {
        MemoryFault f = assertThrows(MemoryFault.class, e);
        assertEquals(want, f.address(), "fault address");
    }

    @Test
    void rangesThatWrapPastTheTopFaultAtTheirFirstByte() {
        GuestMemory m = memory();
        faultsAt(-16, () -> m.checkReadable(-16, 32));
        faultsAt(-16, () -> m.checkWritable(-16, 32));
        faultsAt(-4096, () -> m.checkReadable(-4096, -1));
        faultsAt(-16, () -> m.readBytes(-16, 32));
        faultsAt(-16, () -> m.writeBytes(-16, new byte[32]));
        faultsAt(-1, () -> m.checkReadable(-1, 2));
    }

    @Test
    void aMappedPageEndsExactly() {
        GuestMemory m = memory();
        m.checkReadable(PAGE, 4096);
        m.checkWritable(PAGE + 4095, 1);
        m.checkReadable(PAGE + 4096, 0);
        faultsAt(PAGE + 4096, () -> m.checkReadable(PAGE, 4097));
        faultsAt(PAGE - 1, () -> m.checkWritable(PAGE - 1, 2));
        faultsAt(PAGE + 4096, () -> m.checkReadable(PAGE, Long.MAX_VALUE));
        faultsAt(PAGE + 4096, () -> m.checkReadable(PAGE, -1));
        faultsAt(0x7ffffffff000L, () -> m.checkReadable(0x7ffffffff000L - 8, 16));
        faultsAt(0, () -> m.checkReadable(0, 1));
    }

    @Test
    void lengthZeroNeverFaults() {
        GuestMemory m = memory();
        for (long a : new long[] {0, -1, -16, 0x800000000000L, Long.MIN_VALUE}) {
            m.checkReadable(a, 0);
            m.checkWritable(a, 0);
        }
    }
}
