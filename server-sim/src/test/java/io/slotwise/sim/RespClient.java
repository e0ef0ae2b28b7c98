package io.slotwise.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking RESP client for tests: sends commands as multibulk arrays (or raw bytes) and reads back each
 * reply as its exact wire text, so tests can assert RESP2 and RESP3 encodings byte for byte. Loopback only; every
 * read times out after five seconds. Not thread-safe.
 */
public final class RespClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to a node on 127.0.0.1. */
    public static RespClient connect(int port) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            return new RespClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes one command as a RESP multibulk array. */
    public static String command(String... args) {
        StringBuilder text = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            text.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        return text.toString();
    }

    /** Sends one command and returns its reply's wire text. */
    public String call(String... args) {
        send(args);
        return read();
    }

    /** Sends one command without reading its reply. */
    public void send(String... args) {
        sendRaw(command(args));
    }

    /** Sends bytes as they are (ISO-8859-1 text). */
    public void sendRaw(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one reply and returns its exact wire text (ISO-8859-1), nested replies included. */
    public String read() {
        try {
            StringBuilder reply = new StringBuilder();
            readInto(reply);
            return reply.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server closes the connection; false if it sends data or stays open for five seconds. */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void readInto(StringBuilder reply) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by the server");
        }
        String line = readLine();
        reply.append((char) type).append(line).append("\r\n");
        switch (type) {
            case '$', '=', '!' -> {
                int length = Integer.parseInt(line);
                if (length >= 0) {
                    reply.append(new String(in.readNBytes(length + 2), StandardCharsets.ISO_8859_1));
                }
            }
            case '*', '~', '>' -> {
                for (int i = Integer.parseInt(line); i > 0; i--) {
                    readInto(reply);
                }
            }
            case '%' -> {
                for (int i = 2 * Integer.parseInt(line); i > 0; i--) {
                    readInto(reply);
                }
            }
            default -> {
                // single-line types: + - : _ , # (
            }
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
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
