package gmpvm.emulator.kernel;

import gmpvm.emulator.GuestThread;
import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.MemoryFault;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * pipe(2): a 64 KiB byte queue between a read end and a write end (each a {@link PipeEnd}).
 * A read takes what is there, returns 0 once every write end is closed, and otherwise waits
 * (or fails with EAGAIN when nonblocking); a write adds what fits, waits for room (or EAGAIN),
 * and fails with EPIPE when no read end is open. Waiting readers and writers are served in the
 * order they came, at the moment the other side makes progress, so the result is the same on
 * every run.
 */
final class Pipe {
    /** Linux's default pipe capacity. */
    static final int CAPACITY = 65536;
    /** Writes up to this size are atomic (Linux's PIPE_BUF). */
    static final int PIPE_BUF = 4096;

    private record Waiter(GuestThread thread, long addr, long count, long[] done) {
    }

    private final GuestMemory mem;
    private final ProcessControl control;
    private final byte[] ring = new byte[CAPACITY];
    private int head, size;
    int readers, writers;
    final PipeEnd readEnd, writeEnd;
    private final ArrayDeque<Waiter> blockedReaders = new ArrayDeque<>();
    private final ArrayDeque<Waiter> blockedWriters = new ArrayDeque<>();

    Pipe(GuestMemory mem, ProcessControl control, int flags) {
        this.mem = mem;
        this.control = control;
        this.readEnd = new PipeEnd(this, true, OpenFile.O_RDONLY | flags & OpenFile.O_NONBLOCK);
        this.writeEnd = new PipeEnd(this, false, OpenFile.O_WRONLY | flags & OpenFile.O_NONBLOCK);
        readers = 1;
        writers = 1;
    }

    int available() {
        return size;
    }

    int room() {
        return CAPACITY - size;
    }

    long read(GuestThread t, PipeEnd end, long addr, long count) {
        if (count == 0) {
            return 0;
        }
        if (size == 0) {
            if (writers == 0) {
                return 0;
            }
            if (end.nonblocking()) {
                return -Errno.EAGAIN;
            }
            blockedReaders.addLast(new Waiter(t, addr, count, new long[1]));
            control.block(t, new GuestThread.Wait(Syscalls.READ, "pipe read", 0, 0, -1, 0, true));
            return 0;
        }
        long n = take(addr, count);
        afterRead();
        return n;
    }

    long write(GuestThread t, PipeEnd end, long addr, long count) {
        if (readers == 0) {
            return -Errno.EPIPE;
        }
        if (count == 0) {
            return 0;
        }
        // a write of at most PIPE_BUF bytes goes in whole or waits
        boolean atomic = Long.compareUnsigned(count, PIPE_BUF) <= 0;
        if (room() == 0 || atomic && room() < count) {
            if (end.nonblocking()) {
                return -Errno.EAGAIN;
            }
            blockedWriters.addLast(new Waiter(t, addr, count, new long[1]));
            control.block(t, new GuestThread.Wait(Syscalls.WRITE, "pipe write", 0, 0, -1, 0, true));
            return 0;
        }
        long n = put(addr, count);
        if (n < count && !end.nonblocking()) {
            // the rest waits for room; the call returns when all of it is in
            blockedWriters.addLast(new Waiter(t, addr, count, new long[] {n}));
            control.block(t, new GuestThread.Wait(Syscalls.WRITE, "pipe write", 0, 0, -1, 0, true));
            afterWrite();
            return 0;
        }
        afterWrite();
        return n;
    }

    /** Copies up to count queued bytes to addr; fails with MemoryFault before taking any. */
    private long take(long addr, long count) {
        int n = (int) Math.min(Long.compareUnsigned(count, size) < 0 ? count : size, size);
        int first = Math.min(n, CAPACITY - head);
        mem.checkWritable(addr, n);
        mem.writeBytes(addr, ring, head, first);
        if (n > first) {
            mem.writeBytes(addr + first, ring, 0, n - first);
        }
        head = (head + n) % CAPACITY;
        size -= n;
        return n;
    }

    /** Queues up to count bytes from addr; fails with MemoryFault before queueing any. */
    private long put(long addr, long count) {
        int n = (int) Math.min(Long.compareUnsigned(count, room()) < 0 ? count : room(), room());
        mem.checkReadable(addr, n);
        int tail = (head + size) % CAPACITY;
        int first = Math.min(n, CAPACITY - tail);
        mem.readBytes(addr, ring, tail, first);
        if (n > first) {
            mem.readBytes(addr + first, ring, 0, n - first);
        }
        size += n;
        return n;
    }

    /** Data arrived: waiting readers take it, then watchers look. */
    private void afterWrite() {
        while (size > 0 && !blockedReaders.isEmpty()) {
            Waiter w = blockedReaders.pollFirst();
            long r;
            try {
                r = take(w.addr, w.count);
            } catch (MemoryFault f) {
                r = -Errno.EFAULT;
            }
            control.wake(w.thread, r);
        }
        readEnd.changed();
        serveWriters();
    }

    /** Room appeared: waiting writers fill it, then watchers look. */
    private void afterRead() {
        serveWriters();
        writeEnd.changed();
    }

    private void serveWriters() {
        boolean progress = false;
        while (room() > 0 && !blockedWriters.isEmpty()) {
            Waiter w = blockedWriters.peekFirst();
            long left = w.count - w.done[0];
            if (Long.compareUnsigned(w.count, PIPE_BUF) <= 0 && room() < left) {
                break;
            }
            try {
                w.done[0] += put(w.addr + w.done[0], left);
            } catch (MemoryFault f) {
                blockedWriters.pollFirst();
                control.wake(w.thread, w.done[0] > 0 ? w.done[0] : -Errno.EFAULT);
                continue;
            }
            progress = true;
            if (w.done[0] == w.count) {
                blockedWriters.pollFirst();
                control.wake(w.thread, w.count);
            }
        }
        if (progress) {
            afterWrite();
        }
    }

    /** An end's last descriptor closed. */
    void closed(boolean readSide) {
        if (readSide) {
            readers--;
            if (readers == 0) {
                for (Waiter w : blockedWriters) {
                    control.wake(w.thread, w.done[0] > 0 ? w.done[0] : -Errno.EPIPE);
                }
                blockedWriters.clear();
            }
        } else {
            writers--;
            if (writers == 0) {
                for (Waiter w : blockedReaders) {
                    control.wake(w.thread, 0);
                }
                blockedReaders.clear();
            }
        }
        readEnd.changed();
        writeEnd.changed();
    }

    /** t stopped waiting for another reason (a signal, the end of the process). */
    void forget(GuestThread t) {
        for (ArrayDeque<Waiter> q : java.util.List.of(blockedReaders, blockedWriters)) {
            for (Iterator<Waiter> it = q.iterator(); it.hasNext(); ) {
                if (it.next().thread == t) {
                    it.remove();
                }
            }
        }
    }
}
