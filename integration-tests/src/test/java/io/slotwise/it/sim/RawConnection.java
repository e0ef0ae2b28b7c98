package io.slotwise.it.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A blocking socket to one node on 127.0.0.1 that can send arbitrary bytes as well as commands, and read replies of
 * either protocol version ({@link WireReply}) or everything the node sends until it closes or falls silent
 * ({@link Transcript}). Every read is bounded, so a silent node fails the call instead of hanging the test. Not
 * thread-safe; closing is idempotent.
 */
final class RawConnection implements AutoCloseable {

    /** What a node sent on a connection, and whether it closed the connection. */
    record Transcript(byte[] bytes, boolean closed) {

        /** Returns the bytes with control and non-ASCII bytes escaped, followed by whether the node closed. */
        String describe() {
            StringBuilder out = new StringBuilder();
            WireReply.appendQuoted(out, bytes);
            return out.append(closed ? " then closed" : " (still open)").toString();
        }
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final WireReplyReader reader;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.reader = new WireReplyReader(in);
    }

    /**
     * Connects to {@code 127.0.0.1:port}; reads wait at most ten seconds.
     *
     * @throws UncheckedIOException if the connection cannot be made
     */
    static RawConnection open(int port) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(DEFAULT_TIMEOUT.toMillis()));
            socket.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
            return new RawConnection(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
        }
    }

    /**
     * Writes {@code bytes} as they are. A node that closes the connection while they are being written (as a node does
     * after a protocol error) is not a failure here: the rest is dropped, and {@link #readTranscript} shows the close.
     */
    void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (SocketException closedByPeer) {
            // The node hung up; what it said before is still readable.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} as ISO-8859-1 bytes (one byte per char). */
    void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends one command as an array of bulk strings and returns its reply. */
    WireReply call(List<?> args) {
        send(CommandEncoding.encode(args));
        return read();
    }

    /** Sends one command as an array of bulk strings and returns its reply. */
    WireReply call(Object... args) {
        return call(List.of(args));
    }

    /**
     * Reads the next reply.
     *
     * @throws UncheckedIOException on a timeout, a closed stream or malformed input
     */
    WireReply read() {
        try {
            return reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a reply from 127.0.0.1:" + socket.getPort(), e);
        }
    }

    /**
     * Reads everything the node sends until it closes the connection (end of stream or reset) or sends nothing for
     * {@code quiet}, and at most for {@code limit} in total.
     */
    Transcript readTranscript(Duration quiet, Duration limit) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] buffer = new byte[16 * 1024];
        try {
            socket.setSoTimeout(Math.toIntExact(Math.max(1, quiet.toMillis())));
            while (System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    return new Transcript(received.toByteArray(), true);
                }
                received.write(buffer, 0, n);
            }
            return new Transcript(received.toByteArray(), false);
        } catch (SocketTimeoutException silent) {
            return new Transcript(received.toByteArray(), false);
        } catch (SocketException reset) {
            return new Transcript(received.toByteArray(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the local port of this connection, as the node shows it in CLIENT LIST ({@code addr}). */
    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
    }
}
