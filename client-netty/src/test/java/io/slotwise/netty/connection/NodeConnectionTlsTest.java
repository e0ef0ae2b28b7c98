package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.slotwise.RedisConnectionException;
import io.slotwise.netty.testing.FakeRedisServer;
import io.slotwise.netty.testing.Responder;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS through {@link ConnectionOptions#sslContext()}, against a server using netty's self-signed certificate (generated
 * with the JDK alone; no BouncyCastle). The client trusts exactly that certificate; host-name checks are off because
 * the certificate names "localhost" while tests connect to 127.0.0.1.
 */
@SuppressWarnings("deprecation") // SelfSignedCertificate is deprecated for production use, which this is not.
class NodeConnectionTlsTest extends FakeServerTestBase {

    private static SelfSignedCertificate certificate;
    private static SslContext serverContext;

    @BeforeAll
    static void createCertificate() throws Exception {
        certificate = new SelfSignedCertificate("localhost");
        serverContext = SslContextBuilder.forServer(certificate.key(), certificate.cert())
                .build();
    }

    @AfterAll
    static void deleteCertificate() {
        certificate.delete();
    }

    @Test
    void commandsRoundTripOverTls() throws Exception {
        try (FakeRedisServer tlsServer = FakeRedisServer.startTls(Responder.standard(), serverContext)) {
            SslContext client = SslContextBuilder.forClient()
                    .trustManager(certificate.cert())
                    .endpointIdentificationAlgorithm(null)
                    .build();
            NodeConnection connection =
                    open(tlsServer.address(), options().sslContext(client).build());
            assertEquals(RespValue.SimpleString.OK, Awaits.value(connection.send(RawCommand.of("SET", "k", "v"))));
            assertEquals(RespValue.Bulk.of("v"), Awaits.value(connection.send(RawCommand.of("GET", "k"))));
            Awaits.value(connection.close());
        }
    }

    @Test
    void untrustedServerCertificateFailsTheConnectionBeforeAnyCommandIsSent() throws Exception {
        try (FakeRedisServer tlsServer = FakeRedisServer.startTls(Responder.standard(), serverContext)) {
            SslContext trustsNothingHere = SslContextBuilder.forClient().build();
            NodeConnection connection = open(
                    tlsServer.address(), options().sslContext(trustsNothingHere).build());
            CompletionStage<RespValue> command = connection.send(RawCommand.of("SET", "k", "v"));
            RedisConnectionException failure = Awaits.failure(command, RedisConnectionException.class);
            assertFalse(failure.mayHaveExecuted());
            assertTrue(hasCause(failure, SSLException.class), () -> "cause chain: " + failure);
            assertEquals(0, tlsServer.requests().size());
            Awaits.value(connection.close());
        }
    }

    @Test
    void tlsHandlerIsFirstInThePipeline() throws Exception {
        SslContext client = SslContextBuilder.forClient().build();
        var channel = new io.netty.channel.embedded.EmbeddedChannel();
        PipelineFactory.initialize(
                channel, server.address(), options().sslContext(client).build());
        assertInstanceOf(SslHandler.class, channel.pipeline().first());
        assertEquals(
                java.util.List.of(
                        PipelineFactory.TLS,
                        PipelineFactory.ENCODER,
                        PipelineFactory.DECODER,
                        PipelineFactory.IN_FLIGHT),
                channel.pipeline().names().subList(0, 4));
        channel.close();
        channel.finishAndReleaseAll();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
