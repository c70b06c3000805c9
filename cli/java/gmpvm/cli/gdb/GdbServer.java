package gmpvm.cli.gdb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * The listening side of the gdb stub: binds a loopback address only (the stub lets anyone who
 * connects read and write the guest, so it never listens where other machines could reach it),
 * accepts one gdb at a time, and serves it with a {@link GdbStub}. A connection that closes
 * without sending a packet (a port probe) is ignored and the server keeps listening, as
 * gdbserver does; once a real session ends (detach, kill, or gdb gone) the server closes.
 */
public final class GdbServer implements AutoCloseable {
    private final ServerSocket socket;

    private GdbServer(ServerSocket socket) {
        this.socket = socket;
    }

    /**
     * Parses {@code HOST:PORT} and binds it.
     *
     * @throws IllegalArgumentException with a one-line message when the address is malformed,
     *                                  not a loopback address, or cannot be bound
     */
    public static GdbServer bind(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--gdb wants HOST:PORT on loopback, e.g. 127.0.0.1:1234, got '"
                    + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--gdb: bad port '" + hostPort.substring(colon + 1) + "'");
        }
        InetAddress addr;
        try {
            addr = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--gdb: unknown host '" + host + "'");
        }
        if (!addr.isLoopbackAddress()) {
            throw new IllegalArgumentException("--gdb: refusing to listen on " + host
                    + ", which is not a loopback address: anyone who connects controls the guest; use 127.0.0.1");
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(addr, port), 1);
            return new GdbServer(s);
        } catch (IOException e) {
            throw new IllegalArgumentException("--gdb: cannot listen on " + hostPort + ": " + e.getMessage());
        }
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * Accepts connections until one carries a gdb session, and serves it to its end.
     *
     * @param log where to say who connected and how the session ended
     */
    void serve(GdbStub stub, PrintStream log) throws IOException {
        while (true) {
            try (Socket s = socket.accept()) {
                s.setTcpNoDelay(true);
                boolean session = stub.serve(new BufferedInputStream(s.getInputStream()),
                        new BufferedOutputStream(s.getOutputStream()));
                if (session) {
                    log.println("gmpvm: gdb disconnected");
                    return;
                }
            } catch (IOException e) {
                // a connection reset before any packet is a probe too; after one, the session is over
                if (socket.isClosed()) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
