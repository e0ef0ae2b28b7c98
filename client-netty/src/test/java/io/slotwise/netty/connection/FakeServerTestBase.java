package io.slotwise.netty.connection;

import io.slotwise.netty.ClientResources;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.netty.testing.Responder;
import io.slotwise.topology.NodeAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test against a fresh {@link FakeRedisServer} with the standard responder, on client resources shared by
 * the class; closes every connection a test opened, then the server, then the resources.
 */
@ExtendWith(LeakCheckExtension.class)
abstract class FakeServerTestBase {

    static ClientResources resources;

    FakeRedisServer server;
    final RecordingListener listener = new RecordingListener();
    private final List<NodeConnection> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createResources() {
        resources = ClientResources.create(2);
    }

    @AfterAll
    static void shutdownResources() throws InterruptedException {
        Awaits.value(resources.shutdown());
    }

    @BeforeEach
    void startServer() throws InterruptedException {
        server = FakeRedisServer.start(Responder.standard());
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        for (NodeConnection connection : opened) {
            Awaits.value(connection.close());
        }
        server.close();
    }

    /**
     * Options with fast reconnects, recording events in {@link #listener}. The command timeout is generous because
     * PARANOID leak detection makes every buffer allocation record a stack trace: 10,000 commands take seconds.
     */
    ConnectionOptions.Builder options() {
        return ConnectionOptions.builder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .commandTimeout(java.time.Duration.ofSeconds(30))
                .reconnectBackoff(
                        new ReconnectBackoff(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50)))
                .connectionListener(listener);
    }

    NodeConnection open(ConnectionOptions options) {
        return open(server.address(), options);
    }

    NodeConnection open(NodeAddress address, ConnectionOptions options) {
        NodeConnection connection = NodeConnection.create(address, options, resources);
        opened.add(connection);
        return connection;
    }
}
