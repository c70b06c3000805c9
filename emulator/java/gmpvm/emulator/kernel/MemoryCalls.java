package gmpvm.emulator.kernel;

import gmpvm.emulator.memory.GuestMemory;
import gmpvm.emulator.memory.Page;
import gmpvm.emulator.memory.Prot;

/**
 * Memory system calls: brk, anonymous mmap, munmap, mprotect, madvise. Placement is
 * deterministic: without a usable hint, mmap takes the highest free range below
 * {@link ProcessLayout#mmapTop}, as Linux does without address randomisation. The process may
 * have at most {@link GuestMemory#limit()} bytes mapped in all, program and stack included
 * ({@code --mem}; beyond that: -ENOMEM, as Linux answers past RLIMIT_AS), because every guest
 * page it touches is backed by host memory (pages get their bytes on first touch).
 * Limits are checked before any work, and placement and accounting go through GuestMemory's
 * intervals, so each call costs time in the number of mappings, not of pages.
 */
final class MemoryCalls {
    /** Lowest address mmap hands out without MAP_FIXED. */
    static final long MMAP_MIN = 0x10000L;
    static final long USER_TOP = 0x7ffffffff000L;

    static final int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_SHARED_VALIDATE = 0x03, MAP_TYPE = 0x0f,
            MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_FIXED_NOREPLACE = 0x100000;

    private final GuestMemory mem;
    private final long brkStart;
    private final long mmapTop;
    private long brk;

    MemoryCalls(GuestMemory mem, ProcessLayout layout) {
        this.mem = mem;
        this.brkStart = layout.brkStart();
        this.brk = layout.brkStart();
        this.mmapTop = layout.mmapTop();
    }

    long currentBrk() {
        return brk;
    }

    long brk(long want) {
        if (Long.compareUnsigned(want, brkStart) < 0 || Long.compareUnsigned(want, mmapTop) >= 0) {
            return brk;
        }
        long oldEnd = GuestMemory.pageCeil(brk);
        long newEnd = GuestMemory.pageCeil(want);
        if (newEnd > oldEnd) {
            long len = newEnd - oldEnd;
            if (len > mem.limit() - mem.mappedTotal() || !mem.isFree(oldEnd, len)) {
                return brk;
            }
            mem.map(oldEnd, len, Prot.RW);
        } else if (newEnd < oldEnd) {
            mem.unmap(newEnd, oldEnd - newEnd);
        }
        brk = want;
        return brk;
    }

    long mmap(long addr, long len, long prot, long flags, long fd, long off) {
        if (len == 0 || (prot & ~Prot.RWX) != 0) {
            return -Errno.EINVAL;
        }
        long type = flags & MAP_TYPE;
        if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE) {
            return -Errno.EINVAL;
        }
        if ((flags & MAP_ANONYMOUS) == 0) {
            return -Errno.EBADF; // no guest descriptor names a file
        }
        if ((off & Page.MASK) != 0) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(len, mem.limit()) > 0) {
            return -Errno.ENOMEM;
        }
        long size = GuestMemory.pageCeil(len);
        boolean fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
        long at;
        if (fixed) {
            if ((addr & Page.MASK) != 0) {
                return -Errno.EINVAL;
            }
            if (!inUser(addr, size)) {
                return -Errno.ENOMEM;
            }
            if ((flags & MAP_FIXED) == 0 && !mem.isFree(addr, size)) {
                return -Errno.EEXIST;
            }
            at = addr;
        } else {
            long hint = GuestMemory.pageFloor(addr);
            if (hint != 0 && Long.compareUnsigned(hint, MMAP_MIN) >= 0 && inUser(hint, size) && mem.isFree(hint, size)) {
                at = hint;
            } else {
                at = findFree(size);
                if (at < 0) {
                    return -Errno.ENOMEM;
                }
            }
        }
        long already = countMapped(at, size);
        if (mem.mappedTotal() - already + size > mem.limit()) {
            return -Errno.ENOMEM;
        }
        mem.map(at, size, (int) prot);
        return at;
    }

    long munmap(long addr, long len) {
        if ((addr & Page.MASK) != 0 || len == 0) {
            return -Errno.EINVAL;
        }
        long size = GuestMemory.pageCeil(len);
        if (!inUser(addr, size)) {
            return -Errno.EINVAL;
        }
        mem.unmap(addr, size); // visits only what is mapped, however large the range
        return 0;
    }

    long mprotect(long addr, long len, long prot) {
        if ((addr & Page.MASK) != 0 || (prot & ~Prot.RWX) != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        long size = GuestMemory.pageCeil(len);
        if (!inUser(addr, size)) {
            return -Errno.ENOMEM;
        }
        return mem.protect(addr, size, (int) prot) ? 0 : -Errno.ENOMEM;
    }

    long madvise(long addr, long len) {
        return (addr & Page.MASK) != 0 ? -Errno.EINVAL : 0;
    }

    private static boolean inUser(long addr, long size) {
        return Long.compareUnsigned(addr, USER_TOP) < 0 && size > 0 && Long.compareUnsigned(size, USER_TOP - addr) <= 0;
    }

    /** The highest page-aligned start of a free range of size bytes below mmapTop, or -1. */
    private long findFree(long size) {
        return mem.highestFree(MMAP_MIN, mmapTop, size);
    }

    private long countMapped(long addr, long size) {
        return mem.mappedBytes(addr, size);
    }
}
