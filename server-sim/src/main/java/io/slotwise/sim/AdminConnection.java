package io.slotwise.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking RESP2 connection with which {@link SimCluster} administers its nodes over their client ports, as
 * redis-cli does. Strings are byte strings decoded as ISO-8859-1, so keys read from one node (GETKEYSINSLOT) are sent
 * back byte for byte (MIGRATE). Replies: simple and bulk strings become {@link String}, integers {@link Long}, arrays
 * {@link List}, nulls {@code null}; an error reply throws {@link ErrorReply}.
 *
 * <p>Not thread-safe: one caller at a time.
 */
final class AdminConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private AdminConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** An error reply from the node. */
    static final class ErrorReply extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ErrorReply(String message) {
            super(message);
        }
    }

    /**
     * Connects.
     *
     * @param address the node's client address
     * @param timeout the limit for connecting and for each reply
     * @return the connection
     * @throws UncheckedIOException if the node cannot be reached
     */
    static AdminConnection open(InetSocketAddress address, Duration timeout) {
        Socket socket = new Socket();
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            socket.connect(address, millis);
            socket.setSoTimeout(millis);
            socket.setTcpNoDelay(true);
            return new AdminConnection(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot reach the node at " + address, e);
        }
    }

    /**
     * Sends one command and reads its reply.
     *
     * @param args the command and its arguments
     * @return the reply
     * @throws ErrorReply for an error reply
     * @throws UncheckedIOException on an I/O error or timeout
     */
    Object call(String... args) {
        try {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.ISO_8859_1);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(bytes);
                request.writeBytes(new byte[] {'\r', '\n'});
            }
            out.write(request.toByteArray());
            out.flush();
            Object reply = read();
            if (reply instanceof ErrorReply error) {
                throw new ErrorReply(error.getMessage());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(args[0] + " failed", e);
        }
    }

    /**
     * Sends one command whose reply is a string.
     *
     * @param args the command and its arguments
     * @return the reply text
     */
    String text(String... args) {
        return (String) call(args);
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by the node");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new ErrorReply(line);
            case ':':
                return Long.parseLong(line);
            case '$':
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                if (bytes.length != length + 2) {
                    throw new EOFException("connection closed inside a reply");
                }
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            case '*':
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            default:
                throw new IOException("unexpected reply type '" + (char) type + "'");
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside a reply");
            }
            line.write(b);
        }
        if (in.read() != '\n') {
            throw new IOException("CR without LF");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
