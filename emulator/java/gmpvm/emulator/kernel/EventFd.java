package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import java.util.ArrayDeque;

/**
 * eventfd2(2): a 64-bit counter. A write of 8 bytes adds to it, a read of 8 bytes returns it
 * and resets it to 0 (or, with EFD_SEMAPHORE, returns 1 and counts down); a read of a zero
 * counter waits (EAGAIN when nonblocking). EPOLLIN while the counter is positive, EPOLLOUT
 * while another 1 fits (the counter stays below 2^64 - 1).
 */
final class EventFd extends OpenFile {
    static final int EFD_SEMAPHORE = 1;
    private static final long MAX = 0xfffffffffffffffeL;

    private record Waiter(GuestThread thread, long addr) {
    }

    private final GuestMemory mem;
    private final ProcessControl control;
    private final boolean semaphore;
    private long count;
    private final ArrayDeque<Waiter> readers = new ArrayDeque<>();

    EventFd(GuestMemory mem, ProcessControl control, long initial, int flags) {
        super(OpenFile.O_RDWR | flags & OpenFile.O_NONBLOCK);
        this.mem = mem;
        this.control = control;
        this.count = initial & 0xffffffffL;
        this.semaphore = (flags & EFD_SEMAPHORE) != 0;
    }

    @Override
    int events() {
        return (count != 0 ? EPOLLIN | EPOLLRDNORM : 0) | (Long.compareUnsigned(count, MAX) < 0 ? EPOLLOUT | EPOLLWRNORM : 0);
    }

    long read(GuestThread t, long addr, long len) {
        if (Long.compareUnsigned(len, 8) < 0) {
            return -Errno.EINVAL;
        }
        mem.checkWritable(addr, 8);
        if (count == 0) {
            if (nonblocking()) {
                return -Errno.EAGAIN;
            }
            readers.addLast(new Waiter(t, addr));
            control.block(t, new GuestThread.Wait(Syscalls.READ, "eventfd read", 0, 0, -1, 0, true));
            return 0;
        }
        mem.write64(addr, take());
        changed();
        return 8;
    }

    private long take() {
        long v = semaphore ? 1 : count;
        count -= v;
        return v;
    }

    long write(long addr, long len) {
        if (Long.compareUnsigned(len, 8) < 0) {
            return -Errno.EINVAL;
        }
        mem.checkReadable(addr, 8);
        long v = mem.read64(addr);
        if (v == -1L) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(v, MAX - count) > 0) {
            return -Errno.EAGAIN; // a blocking writer would wait for a reader; nothing here needs that
        }
        count += v;
        while (count != 0 && !readers.isEmpty()) {
            Waiter w = readers.pollFirst();
            try {
                mem.write64(w.addr, take());
                control.wake(w.thread, 8);
            } catch (gmpvm.emulator.memory.MemoryFault f) {
                control.wake(w.thread, -Errno.EFAULT);
            }
        }
        changed();
        return 8;
    }

    void forget(GuestThread t) {
        readers.removeIf(w -> w.thread == t);
    }
}
