package gmpvm.emulator.debug;

import gmpvm.emulator.kernel.Stdio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The guest's standard streams across replays of one run. Every machine of a {@link Timeline}
 * gets a fresh {@link Stdio} from {@link #stdio()}: its stdout and stderr pass on only the bytes
 * beyond what any earlier machine already wrote to that stream (a replay produces the same bytes
 * in the same order, so the user sees each byte once), and its stdin serves first what earlier
 * machines read from the host, then reads on from the host, recording what it reads.
 *
 * <p>Memory: the recorded stdin bytes (what the guest read, nothing more); output is counted,
 * not kept.
 */
final class ReplayStreams {
    private final InputStream hostIn;
    private final OutputStream[] hostOut;
    /** Bytes of each output stream the user has seen. */
    private final long[] shown = new long[2];
    private final ByteArrayOutputStream inputLog = new ByteArrayOutputStream();

    ReplayStreams(InputStream in, OutputStream out, OutputStream err) {
        this.hostIn = in;
        this.hostOut = new OutputStream[] {out, err};
    }

    /** Streams for the next machine, which starts the run from its beginning. */
    Stdio stdio() {
        return new Stdio(new Input(), new Output(0), new Output(1));
    }

    /** One output stream of one machine: writes up to {@code shown} are replays and are dropped. */
    private final class Output extends OutputStream {
        private final int k;
        private long written;

        Output(int k) {
            this.k = k;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long end = written + len;
            if (end > shown[k]) {
                int skip = (int) Math.max(0, shown[k] - written);
                hostOut[k].write(b, off + skip, len - skip);
                shown[k] = end;
            }
            written = end;
        }

        @Override
        public void flush() throws IOException {
            hostOut[k].flush();
        }
    }

    /** One machine's stdin: the recording first, then the host (recorded as it is read). */
    private final class Input extends InputStream {
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos < inputLog.size()) {
                byte[] logged = inputLog.toByteArray();
                int n = Math.min(len, logged.length - pos);
                System.arraycopy(logged, pos, b, off, n);
                pos += n;
                return n;
            }
            int n = hostIn.read(b, off, len);
            if (n > 0) {
                inputLog.write(b, off, n);
                pos += n;
            }
            return n;
        }
    }
}
