package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.api.args.FlushMode;
import io.slotwise.command.Command;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServerCommandsTest {

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("PING", AsyncCommands::ping).keys().readOnly().shape("any-node"),
                expect("ECHO hello", c -> c.echo("hello")).keys().readOnly().shape("any-node"),
                expect("TIME", AsyncCommands::time).keys().readOnly().shape("any-node"),
                expect("INFO", AsyncCommands::info).keys().readOnly().shape("any-node"),
                expect("INFO memory", c -> c.info("memory")).keys().readOnly().shape("any-node"),
                expect("DBSIZE", AsyncCommands::dbsize).keys().readOnly().shape("fan-out ALL_PRIMARIES SUM"),
                expect("FLUSHALL", AsyncCommands::flushall).keys().shape("fan-out ALL_PRIMARIES ALL_OK"),
                expect("FLUSHALL ASYNC", c -> c.flushall(FlushMode.ASYNC))
                        .keys()
                        .shape("fan-out ALL_PRIMARIES ALL_OK"),
                expect("FLUSHDB", AsyncCommands::flushdb).keys().shape("fan-out ALL_PRIMARIES ALL_OK"),
                expect("FLUSHDB SYNC", c -> c.flushdb(FlushMode.SYNC)).keys().shape("fan-out ALL_PRIMARIES ALL_OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        return Stream.of(
                decodes("PING", AsyncCommands::ping, new RespValue.SimpleString("PONG"), "PONG"),
                decodes("ECHO", c -> c.echo("hi"), bulk("hi"), "hi"),
                decodes(
                        "TIME",
                        AsyncCommands::time,
                        array(bulk("1700000000"), bulk("5")),
                        Instant.ofEpochSecond(1_700_000_000L, 5_000)),
                decodes(
                        "INFO RESP2",
                        AsyncCommands::info,
                        bulk("# Server\r\nredis_version:7.0.15\r\n"),
                        "# Server\r\nredis_version:7.0.15\r\n"),
                decodes("INFO RESP3", AsyncCommands::info, new RespValue.Verbatim("txt", "# Server"), "# Server"),
                decodes("DBSIZE", AsyncCommands::dbsize, integer(42), 42L),
                decodes("FLUSHALL", AsyncCommands::flushall, RespValue.SimpleString.OK, "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void adHocCommandsUseTheClientsCodecAndRouteByTheirKeys() {
        RecordingCommands<String, String> client =
                RecordingCommands.utf8().replyWith(new RespValue.SimpleString("listpack"));
        String encoding = client.execute(
                        client.command("OBJECT ENCODING").key("k").decodedBy(ReplyDecoders.text()))
                .toCompletableFuture()
                .join();
        assertEquals("listpack", encoding);
        Command<?> sent = client.onlySent();
        assertEquals(List.of("OBJECT", "ENCODING", "k"), CommandCase.texts(sent));
        assertEquals("by-keys", CommandCase.shape(sent));
    }
}
