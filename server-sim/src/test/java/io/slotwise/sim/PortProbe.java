package io.slotwise.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Checks from outside whether a node listens on a port. */
final class PortProbe {
    private PortProbe() {}

    /**
     * Tells whether something on the loopback port answers PING with PONG; a refused or silent connection is a no
     * (unlike a bare connect, this cannot be fooled by a socket that happens to connect to itself).
     *
     * @param port the port
     * @return {@code true} if a node answered
     */
    static boolean answersPing(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write(RespClient.command("PING").getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readNBytes(7), StandardCharsets.UTF_8).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
