package io.slotwise.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redis closes, without a reply, connections that send what looks like an HTTP request (cross-protocol scripting). */
class HttpRequestGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"POST / HTTP/1.1\r\nHost: example\r\n\r\n", "Host: example\r\n", "*1\r\n$4\r\npost\r\n"})
    void httpRequestLinesCloseTheConnectionWithoutAReply(String request) throws IOException {
        try (SimNode node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "the connection is closed with nothing written");
            try (RespClient other = RespClient.connect(node.port())) {
                assertEquals("+PONG\r\n", other.call("PING"));
            }
        }
    }

    @Test
    void ordinaryCommandsNamedLikeHttpWordsAreUnaffected() {
        try (SimNode node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
                RespClient client = RespClient.connect(node.port())) {
            assertEquals("$-1\r\n", client.call("GET", "POST"));
        }
    }
}
