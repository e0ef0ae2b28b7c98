package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The EXPIRE family, TTL/PTTL/EXPIRETIME/PEXPIRETIME and PERSIST over a loopback socket, on a clock the test moves. */
class ExpireCommandsTest {
    private LoopbackNode node;
    private RespClient client;

    @BeforeEach
    void start() {
        node = LoopbackNode.start();
        client = node.client();
        client.call("SET", "k", "v");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void eachFormSetsTheSameKindOfExpiry() {
        long now = node.nowMillis();
        assertEquals(integer(1), client.call("EXPIRE", "k", "100"));
        assertEquals(integer(now + 100_000), client.call("PEXPIRETIME", "k"));
        assertEquals(integer(1), client.call("PEXPIRE", "k", "1500"));
        assertEquals(integer(now + 1500), client.call("PEXPIRETIME", "k"));
        assertEquals(integer(1), client.call("EXPIREAT", "k", Long.toString(now / 1000 + 60)));
        assertEquals(integer(now / 1000 + 60), client.call("EXPIRETIME", "k"));
        assertEquals(integer(1), client.call("PEXPIREAT", "k", Long.toString(now + 700)));
        assertEquals(integer(700), client.call("PTTL", "k"));
        assertEquals(integer(1), client.call("TTL", "k"), "TTL rounds to the nearest second");
    }

    @Test
    void ttlFamilyAnswersMinusOneWithoutTtlAndMinusTwoWithoutKey() {
        for (String command : new String[] {"TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME"}) {
            assertEquals(integer(-1), client.call(command, "k"), command);
            assertEquals(integer(-2), client.call(command, "missing"), command);
        }
    }

    @Test
    void keyDisappearsOnceTheClockPassesItsTime() {
        client.call("PEXPIRE", "k", "1000");
        node.advanceClock(999);
        assertEquals(integer(1), client.call("PTTL", "k"));
        node.advanceClock(2);
        assertEquals("$-1\r\n", client.call("GET", "k"));
        assertEquals(integer(-2), client.call("TTL", "k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRE k 0", "EXPIRE k -10", "PEXPIREAT k 1", "EXPIREAT k 0"})
    void aTimeNotInTheFutureDeletesTheKeyAndAnswersOne(String command) {
        assertEquals(integer(1), client.call(command.split(" ")));
        assertEquals(integer(0), client.call("EXISTS", "k"));
    }

    @Test
    void missingKeyAnswersZero() {
        assertEquals(integer(0), client.call("EXPIRE", "missing", "10"));
        assertEquals(integer(0), client.call("PEXPIRE", "missing", "-1", "NX"));
        assertEquals(integer(0), client.call("PERSIST", "missing"));
    }

    @Test
    void persistRemovesTheTtlOnce() {
        client.call("EXPIRE", "k", "100");
        assertEquals(integer(1), client.call("PERSIST", "k"));
        assertEquals(integer(0), client.call("PERSIST", "k"));
        assertEquals(integer(-1), client.call("TTL", "k"));
    }

    @ParameterizedTest(name = "current TTL {0}: EXPIRE k {1} {2} -> {3}")
    @CsvSource({
        "none, 100, NX, 1",
        "50, 100, NX, 0",
        "none, 100, XX, 0",
        "50, 100, XX, 1",
        "none, 100, GT, 0",
        "50, 100, GT, 1",
        "50, 50, GT, 0",
        "50, 10, GT, 0",
        "none, 100, LT, 1",
        "50, 10, LT, 1",
        "50, 50, LT, 0",
        "50, 100, LT, 0",
        "50, 100, xx gt, 1",
        "50, 10, XX LT, 1"
    })
    void conditionsCompareWithTheCurrentTtl(String current, long seconds, String options, int answer) {
        if (!current.equals("none")) {
            client.call("EXPIRE", "k", current);
        }
        String[] args = ("EXPIRE k " + seconds + " " + options).split(" ");
        assertEquals(integer(answer), client.call(args));
        long expected = answer == 1 ? seconds : current.equals("none") ? -1 : Long.parseLong(current);
        assertEquals(integer(expected), client.call("TTL", "k"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "NX XX | ERR NX and XX, GT or LT options at the same time are not compatible",
                "NX GT | ERR NX and XX, GT or LT options at the same time are not compatible",
                "LT NX | ERR NX and XX, GT or LT options at the same time are not compatible",
                "GT LT | ERR GT and LT options at the same time are not compatible",
                "XX FOO | ERR Unsupported option FOO"
            })
    void incompatibleOrUnknownOptionsAreRejectedBeforeTheTime(String options, String message) {
        String[] args = ("PEXPIRE k notanumber " + options).split(" ");
        assertEquals(error(message), client.call(args));
        assertEquals(integer(-1), client.call("TTL", "k"));
    }

    @Test
    void malformedOrOverflowingTimesAreRejected() {
        assertEquals(error("ERR value is not an integer or out of range"), client.call("EXPIRE", "k", "1.5"));
        assertEquals(
                error("ERR invalid expire time in 'expire' command"), client.call("EXPIRE", "k", "9223372036854776"));
        assertEquals(
                error("ERR invalid expire time in 'expireat' command"),
                client.call("EXPIREAT", "k", "-9223372036854776"));
        assertEquals(
                error("ERR invalid expire time in 'pexpire' command"),
                client.call("PEXPIRE", "k", "9223372036854775807"));
        assertEquals(integer(1), client.call("PEXPIREAT", "k", "9223372036854775807"));
        assertEquals(bulk("v"), client.call("GET", "k"));
    }
}
