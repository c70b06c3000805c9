package gmpvm.emulator.memory;

import java.util.Map;
import java.util.TreeMap;

/**
 * The mapped part of the address space as merged intervals [start, end) of whole pages, so that
 * "is this range free", "how much of it is mapped" and "the highest free range of n bytes below
 * an address" take time in the number of intervals, not of pages (40,000 small mmaps stay fast).
 * User addresses lie below 2^47, so signed comparison is exact.
 */
final class Regions {
    private final TreeMap<Long, Long> byStart = new TreeMap<>();
    private long total;

    /** Bytes mapped in all. */
    long total() {
        return total;
    }

    void add(long start, long end) {
        total += (end - start) - mappedIn(start, end);
        Map.Entry<Long, Long> before = byStart.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next = byStart.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            byStart.remove(next.getKey());
            next = byStart.ceilingEntry(start);
        }
        byStart.put(start, end);
    }

    void remove(long start, long end) {
        total -= mappedIn(start, end);
        Map.Entry<Long, Long> e = byStart.lowerEntry(end);
        while (e != null && e.getValue() > start) {
            long s = e.getKey();
            long t = e.getValue();
            byStart.remove(s);
            if (s < start) {
                byStart.put(s, start);
            }
            if (t > end) {
                byStart.put(end, t);
            }
            e = byStart.lowerEntry(Math.min(s, end));
        }
    }

    /** The mapped intervals that overlap [start, end), clipped to it, in address order. */
    java.util.List<long[]> within(long start, long end) {
        java.util.ArrayDeque<long[]> out = new java.util.ArrayDeque<>();
        Map.Entry<Long, Long> e = byStart.lowerEntry(end);
        while (e != null && e.getValue() > start) {
            out.addFirst(new long[] {Math.max(e.getKey(), start), Math.min(e.getValue(), end)});
            e = byStart.lowerEntry(e.getKey());
        }
        return java.util.List.copyOf(out);
    }

    /** Bytes of [start, end) that are mapped. */
    long mappedIn(long start, long end) {
        long n = 0;
        Map.Entry<Long, Long> e = byStart.lowerEntry(end);
        while (e != null && e.getValue() > start) {
            n += Math.min(e.getValue(), end) - Math.max(e.getKey(), start);
            e = byStart.lowerEntry(e.getKey());
        }
        return n;
    }

    /** The highest start of a free range of size bytes within [low, top), or -1. */
    long highestFree(long low, long top, long size) {
        long end = top;
        Map.Entry<Long, Long> e = byStart.lowerEntry(end);
        while (true) {
            long gapLow = e == null ? low : Math.max(low, e.getValue());
            if (end - gapLow >= size && end - size >= low) {
                return end - size;
            }
            if (e == null || e.getKey() <= low) {
                return -1;
            }
            end = Math.min(end, e.getKey());
            e = byStart.lowerEntry(end);
        }
    }
}
