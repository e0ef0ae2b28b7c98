package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.args.ExpireCondition;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyCommandsTest {

    private static final byte[] PAYLOAD = "payload".getBytes(StandardCharsets.UTF_8);

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("DEL k", c -> c.del("k")).shape("split 1 SUM"),
                expect("DEL a b c", c -> c.del(List.of("a", "b", "c")))
                        .keys(1, 2, 3)
                        .shape("split 1 SUM"),
                expect("UNLINK a b", c -> c.unlink(List.of("a", "b")))
                        .keys(1, 2)
                        .shape("split 1 SUM"),
                expect("EXISTS k", c -> c.exists("k")).readOnly().shape("split 1 SUM"),
                expect("EXISTS a b", c -> c.exists(List.of("a", "b")))
                        .keys(1, 2)
                        .readOnly()
                        .shape("split 1 SUM"),
                expect("TOUCH a b", c -> c.touch(List.of("a", "b"))).keys(1, 2).shape("split 1 SUM"),
                expect("TYPE k", c -> c.type("k")).readOnly(),
                expect("EXPIRE k 10", c -> c.expire("k", 10)),
                expect("EXPIRE k 10 NX", c -> c.expire("k", 10, ExpireCondition.NX)),
                expect("PEXPIRE k 1500", c -> c.pexpire("k", 1500)),
                expect("PEXPIRE k 1500 GT", c -> c.pexpire("k", 1500, ExpireCondition.GT)),
                expect("EXPIREAT k 1700000000", c -> c.expireat("k", 1_700_000_000L)),
                expect("EXPIREAT k 1700000000 LT", c -> c.expireat("k", 1_700_000_000L, ExpireCondition.LT)),
                expect("PEXPIREAT k 1700000000000", c -> c.pexpireat("k", 1_700_000_000_000L)),
                expect("PEXPIREAT k 1700000000000 XX", c -> c.pexpireat("k", 1_700_000_000_000L, ExpireCondition.XX)),
                expect("TTL k", c -> c.ttl("k")).readOnly(),
                expect("PTTL k", c -> c.pttl("k")).readOnly(),
                expect("PERSIST k", c -> c.persist("k")),
                expect("RENAME {t}a {t}b", c -> c.rename("{t}a", "{t}b")).keys(1, 2),
                expect("RENAMENX {t}a {t}b", c -> c.renamenx("{t}a", "{t}b")).keys(1, 2),
                expect("KEYS user:*", c -> c.keys("user:*")).keys().readOnly().shape("fan-out ALL_PRIMARIES UNION"),
                expect("RANDOMKEY", AsyncCommands::randomkey).keys().readOnly().shape("any-node"),
                expect("DUMP k", c -> c.dump("k")).readOnly(),
                expect("RESTORE k 0 payload", c -> c.restore("k", 0, PAYLOAD)),
                expect("RESTORE k 5000 payload REPLACE", c -> c.restoreReplacing("k", 5000, PAYLOAD)),
                expect("COPY {t}a {t}b", c -> c.copy("{t}a", "{t}b")).keys(1, 2),
                expect("COPY {t}a {t}b REPLACE", c -> c.copyReplacing("{t}a", "{t}b"))
                        .keys(1, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        return Stream.of(
                decodes("DEL", c -> c.del(List.of("a", "b")), integer(2), 2L),
                decodes("EXISTS", c -> c.exists("k"), integer(0), 0L),
                decodes("TYPE", c -> c.type("k"), new RespValue.SimpleString("zset"), "zset"),
                decodes("EXPIRE on a missing key", c -> c.expire("k", 1), integer(0), false),
                decodes("EXPIRE with a RESP3 boolean", c -> c.expire("k", 1), new RespValue.Boolean(true), true),
                decodes("TTL without expiry", c -> c.ttl("k"), integer(-1), -1L),
                decodes("RENAME", c -> c.rename("{t}a", "{t}b"), RespValue.SimpleString.OK, "OK"),
                decodes("KEYS", c -> c.keys("*"), array(bulk("a"), bulk("b")), List.of("a", "b")),
                decodes("RANDOMKEY on an empty node", AsyncCommands::randomkey, nil(), null),
                decodes("DUMP of a missing key", c -> c.dump("k"), nil(), null),
                decodes("COPY", c -> c.copy("{t}a", "{t}b"), integer(1), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void dumpReturnsTheSerializedBytes() {
        RecordingCommands<String, String> client = RecordingCommands.utf8().replyWith(RespValue.Bulk.copyOf(PAYLOAD));
        assertArrayEquals(PAYLOAD, client.dump("k").toCompletableFuture().join());
    }

    @Test
    void twoKeyCommandsAcrossSlotsFailBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(CrossSlotException.class, () -> client.rename("a", "b"));
        assertThrows(CrossSlotException.class, () -> client.renamenx("a", "b"));
        assertThrows(CrossSlotException.class, () -> client.copy("a", "b"));
        assertTrue(client.sent().isEmpty());
    }
}
