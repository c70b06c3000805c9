package gmpvm.emulator.kernel;

/**
 * One end of a {@link Pipe}: the read end has EPOLLIN while data is queued and EPOLLHUP once no
 * writer is left; the write end EPOLLOUT while there is room and EPOLLERR once no reader is left.
 */
final class PipeEnd extends OpenFile {
    final Pipe pipe;
    final boolean readSide;

    PipeEnd(Pipe pipe, boolean readSide, int statusFlags) {
        super(statusFlags);
        this.pipe = pipe;
        this.readSide = readSide;
    }

    @Override
    int events() {
        if (readSide) {
            return (pipe.available() > 0 ? EPOLLIN | EPOLLRDNORM : 0) | (pipe.writers == 0 ? EPOLLHUP : 0);
        }
        return (pipe.room() > 0 ? EPOLLOUT | EPOLLWRNORM : 0) | (pipe.readers == 0 ? EPOLLERR : 0);
    }

    @Override
    void released() {
        pipe.closed(readSide);
    }
}
