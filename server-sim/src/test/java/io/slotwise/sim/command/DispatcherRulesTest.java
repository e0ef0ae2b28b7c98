package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order and texts of the dispatcher's checks, end to end over a loopback socket. */
class DispatcherRulesTest {
    @TempDir
    static java.nio.file.Path dir;

    private static final String OK = simple("OK");
    private static final String QUEUED = simple("QUEUED");
    private static final String EXECABORT = error("EXECABORT Transaction discarded because of previous errors.");
    /** What the keyspace's GET answers for the absent keys these tests read: the null bulk string. */
    private static final String MISSING = "$-1\r\n";

    private final List<String> redirectChecks = new ArrayList<>();
    private final AtomicReference<NodeServices> services = new AtomicReference<>();
    private SimNode node;

    @AfterEach
    void closeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void unknownCommandUnknownSubcommandAndArityGetRedisErrors() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(error("ERR unknown command 'foo', with args beginning with: 'a' "), client.call("foo", "a"));
            assertEquals(error("ERR unknown subcommand 'nope'. Try CLIENT HELP."), client.call("client", "nope"));
            assertEquals(error("ERR wrong number of arguments for 'echo' command"), client.call("echo"));
            assertEquals(
                    error("ERR wrong number of arguments for 'client|setname' command"),
                    client.call("client", "setname"));
        }
    }

    @Test
    void commandInTheTableWithoutHandlerGetsAClearSimulatorError() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(
                    error("ERR unsupported command 'failover': the Slotwise simulator does not implement it"),
                    client.call("FAILOVER"));
        }
    }

    @Test
    void passwordIsRequiredForEverythingButNoAuthCommands() {
        try (RespClient client = connect(SimNodeConfig.defaults().with("requirepass", "secret"))) {
            assertEquals(error("NOAUTH Authentication required."), client.call("PING"));
            assertEquals(error("NOAUTH Authentication required."), client.call("CLIENT", "ID"));
            assertEquals(
                    error("WRONGPASS invalid username-password pair or user is disabled."),
                    client.call("AUTH", "nope"));
            assertEquals(error("NOAUTH Authentication required."), client.call("PING"));
            assertEquals(OK, client.call("AUTH", "secret"));
            assertEquals(simple("PONG"), client.call("PING"));
            assertEquals(simple("RESET"), client.call("RESET"));
            assertEquals(error("NOAUTH Authentication required."), client.call("PING"));
            assertEquals(OK, client.call("AUTH", "default", "secret"));
            assertEquals(simple("PONG"), client.call("PING"));
        }
    }

    @Test
    void unknownCommandIsReportedBeforeNoauth() {
        try (RespClient client = connect(SimNodeConfig.defaults().with("requirepass", "secret"))) {
            assertEquals(error("ERR unknown command 'foo', with args beginning with: "), client.call("foo"));
        }
    }

    @Test
    void multiQueuesCommandsAndExecAnswersTheirReplies() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(OK, client.call("MULTI"));
            assertEquals(QUEUED, client.call("PING"));
            assertEquals(QUEUED, client.call("ECHO", "x"));
            assertEquals(QUEUED, client.call("CLIENT", "SETNAME", "bad name"));
            assertEquals(
                    array(
                            simple("PONG"),
                            bulk("x"),
                            error("ERR Client names cannot contain spaces, newlines or special characters.")),
                    client.call("EXEC"));
            assertEquals(error("ERR EXEC without MULTI"), client.call("EXEC"));
            assertEquals(error("ERR DISCARD without MULTI"), client.call("DISCARD"));
        }
    }

    @Test
    void transactionRulesAnswerRedisErrors() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(OK, client.call("MULTI"));
            assertEquals(error("ERR MULTI calls can not be nested"), client.call("MULTI"));
            assertEquals(error("ERR WATCH inside MULTI is not allowed"), client.call("WATCH", "k"));
            assertEquals(QUEUED, client.call("PING"));
            assertEquals(array(simple("PONG")), client.call("EXEC"));
            assertEquals(OK, client.call("MULTI"));
            assertEquals(QUEUED, client.call("PING"));
            assertEquals(OK, client.call("DISCARD"));
            assertEquals(simple("PONG"), client.call("PING"));
        }
    }

    @Test
    void aCommandRejectedWhileQueuingAbortsTheTransaction() {
        for (String[] rejected : List.of(
                new String[] {"foo"}, new String[] {"echo"}, new String[] {"SHUTDOWN"}, new String[] {"FAILOVER"})) {
            try (RespClient client = connect(SimNodeConfig.defaults())) {
                assertEquals(OK, client.call("MULTI"));
                assertEquals(QUEUED, client.call("PING"));
                assertEquals('-', client.call(rejected).charAt(0), String.join(" ", rejected));
                assertEquals(EXECABORT, client.call("EXEC"), String.join(" ", rejected));
                assertEquals(simple("PONG"), client.call("PING"));
            }
            node.close();
        }
    }

    @Test
    void noMultiCommandIsRejectedInsideMulti() {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            client.call("MULTI");
            assertEquals(error("ERR Command not allowed inside a transaction"), client.call("SHUTDOWN"));
        }
    }

    @Test
    void modifiedWatchedKeyMakesExecAnswerNullArray() throws Exception {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(OK, client.call("WATCH", "k", "other"));
            node.eventLoop()
                    .submit(() -> services.get().clients().watchedKeys().touch("k".getBytes(StandardCharsets.UTF_8)))
                    .get();
            assertEquals(OK, client.call("MULTI"));
            assertEquals(QUEUED, client.call("PING"));
            assertEquals("*-1\r\n", client.call("EXEC"));
            assertEquals(OK, client.call("MULTI"));
            assertEquals(QUEUED, client.call("PING"));
            assertEquals(array(simple("PONG")), client.call("EXEC"), "EXEC forgets watched keys");
        }
    }

    @Test
    void unwatchForgetsAModification() throws Exception {
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            client.call("WATCH", "k");
            node.eventLoop()
                    .submit(() -> services.get().clients().watchedKeys().touch("k".getBytes(StandardCharsets.UTF_8)))
                    .get();
            assertEquals(OK, client.call("UNWATCH"));
            client.call("MULTI");
            client.call("PING");
            assertEquals(array(simple("PONG")), client.call("EXEC"));
            assertEquals(
                    0,
                    node.eventLoop()
                            .submit(() -> services.get().clients().watchedKeys().size())
                            .get());
        }
    }

    @Test
    void redirectHookAnswersForKeyedCommandsOnlyAndOnlyInClusterMode() {
        try (RespClient client = connect(clusterConfig())) {
            assertEquals(MISSING, client.call("GET", "here"));
            assertEquals(error("MOVED 1 127.0.0.1:1"), client.call("GET", "elsewhere"));
            assertEquals(simple("PONG"), client.call("PING"));
            assertEquals(List.of("get", "get"), redirectChecks);
        }
        node.close();
        redirectChecks.clear();
        try (RespClient client = connect(SimNodeConfig.defaults())) {
            assertEquals(MISSING, client.call("GET", "elsewhere"));
            assertEquals(List.of(), redirectChecks);
        }
    }

    @Test
    void redirectWhileQueuingAbortsAndRedirectOfExecDiscards() {
        try (RespClient client = connect(clusterConfig())) {
            client.call("MULTI");
            assertEquals(error("MOVED 1 127.0.0.1:1"), client.call("GET", "elsewhere"));
            assertEquals(EXECABORT, client.call("EXEC"));
            client.call("MULTI");
            assertEquals(QUEUED, client.call("GET", "here"));
            assertEquals(QUEUED, client.call("PING"));
            assertEquals(array(MISSING, simple("PONG")), client.call("EXEC"));
            assertEquals(List.of("get", "get", "exec:get,ping"), redirectChecks);
        }
    }

    @Test
    void noauthComesBeforeTheRedirect() {
        try (RespClient client = connect(clusterConfig().with("requirepass", "pw"))) {
            assertEquals(error("NOAUTH Authentication required."), client.call("GET", "elsewhere"));
            assertEquals(List.of(), redirectChecks);
        }
    }

    @Test
    void askingLastsOneCommandOrUntilExec() {
        try (RespClient client = connect(clusterConfig())) {
            assertEquals(OK, client.call("ASKING"));
            client.call("GET", "here");
            client.call("GET", "here");
            client.call("ASKING");
            client.call("PING");
            client.call("GET", "here");
            client.call("ASKING");
            client.call("MULTI");
            client.call("GET", "here");
            client.call("GET", "here");
            client.call("EXEC");
            client.call("GET", "here");
            assertEquals(
                    List.of("get+asking", "get", "get", "get+asking", "get+asking", "exec:get,get+asking", "get"),
                    redirectChecks);
        }
    }

    private static SimNodeConfig clusterConfig() {
        return SimNodeConfig.defaults().with("cluster-enabled", "yes").with("dir", dir.toString());
    }

    private RespClient connect(SimNodeConfig config) {
        node = SimNode.builder(config.with("port", "0"))
                .module(setup -> {
                    services.set(setup.node());
                    setup.provide(RedirectCheck.class, (commands, session) -> {
                        StringBuilder call = new StringBuilder();
                        if (commands.size() != 1
                                || !commands.get(0).spec().name().equals("get")) {
                            call.append("exec:");
                        }
                        List<String> names = new ArrayList<>();
                        commands.forEach(c -> names.add(c.spec().name()));
                        redirectChecks.add(call.append(String.join(",", names))
                                .append(session.asking() ? "+asking" : "")
                                .toString());
                        boolean away = commands.stream()
                                .anyMatch(c -> c.request().argc() > 1
                                        && c.request().argString(1).equals("elsewhere"));
                        return away ? Optional.of(Reply.error("MOVED 1 127.0.0.1:1")) : Optional.empty();
                    });
                })
                .start();
        return RespClient.connect(node.port());
    }
}
