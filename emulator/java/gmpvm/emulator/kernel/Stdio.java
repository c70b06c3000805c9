package gmpvm.emulator.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The guest's standard streams, connected to host streams. Output is buffered; switching from
 * one output stream to the other flushes the first, so stdout and stderr interleave exactly in
 * the order the guest wrote them. {@link #flush} runs when the process ends and before any
 * report or log line.
 */
public final class Stdio {
    private static final int BUF = 1 << 16;

    private final InputStream in;
    private final OutputStream[] outs;
    private final byte[][] bufs = {new byte[BUF], new byte[BUF]};
    private final int[] fill = new int[2];
    private int last = -1;
    private long limit = Long.MAX_VALUE;
    private long written;
    private byte[] pushback = new byte[0];

    public Stdio(InputStream in, OutputStream out, OutputStream err) {
        this.in = in;
        this.outs = new OutputStream[] {out, err};
    }

    /** Reads up to len bytes of host stdin (bytes given back with {@link #unread} first); 0 at end of input. */
    public int read(byte[] b, int off, int len) {
        if (pushback.length > 0) {
            int n = Math.min(len, pushback.length);
            System.arraycopy(pushback, 0, b, off, n);
            pushback = java.util.Arrays.copyOfRange(pushback, n, pushback.length);
            return n;
        }
        try {
            int n = in.read(b, off, len);
            return Math.max(n, 0);
        } catch (IOException e) {
            return -Errno.EIO;
        }
    }

    /** Gives back bytes read that the guest could not take; the next read returns them first. */
    public void unread(byte[] b, int off, int len) {
        byte[] p = new byte[len + pushback.length];
        System.arraycopy(b, off, p, 0, len);
        System.arraycopy(pushback, 0, p, len, pushback.length);
        pushback = p;
    }

    /**
     * Caps the bytes the guest may write to stdout and stderr together; what goes past it is
     * dropped and {@link #overLimit} turns true (the machine then ends the run).
     */
    public void setLimit(long bytes) {
        this.limit = bytes;
    }

    /** The guest tried to write more than the limit. */
    public boolean overLimit() {
        return written > limit;
    }

    /** Bytes the guest has written to stdout and stderr (including any past the limit). */
    public long written() {
        return written;
    }

    /** Writes to guest fd 1 (stdout) or 2 (stderr); past the limit, bytes are dropped. */
    public void write(int fd, byte[] b, int off, int len) {
        long room = limit - written;
        written += len;
        if (len > room) {
            len = (int) Math.max(0, room);
            if (len == 0) {
                return;
            }
        }
        int k = fd == 2 ? 1 : 0;
        if (last != k && last >= 0) {
            flush(last);
        }
        last = k;
        if (len > BUF - fill[k]) {
            flush(k);
            if (len >= BUF) {
                emit(k, b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, bufs[k], fill[k], len);
        fill[k] += len;
    }

    /** Writes out everything buffered, stdout's or stderr's first according to which came first. */
    public void flush() {
        if (last >= 0) {
            flush(1 - last);
            flush(last);
        }
    }

    private void flush(int k) {
        if (fill[k] > 0) {
            int n = fill[k];
            fill[k] = 0;
            emit(k, bufs[k], 0, n);
        }
        try {
            outs[k].flush();
        } catch (IOException e) {
            // the host closed the stream: the guest's output has nowhere to go, as with a broken pipe
        }
    }

    private void emit(int k, byte[] b, int off, int len) {
        try {
            outs[k].write(b, off, len);
        } catch (IOException e) {
            // see flush(int)
        }
    }
}
