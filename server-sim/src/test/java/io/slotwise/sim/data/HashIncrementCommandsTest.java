package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HINCRBY and HINCRBYFLOAT over a loopback socket: results, formats and every error. */
class HashIncrementCommandsTest {

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    @Test
    void hincrbyStartsFromZeroAndStoresTheResult() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(2), client.call("HINCRBY", "h", "n", "2"));
            assertEquals(integer(-3), client.call("HINCRBY", "h", "n", "-5"));
            assertEquals(bulk("-3"), client.call("HGET", "h", "n"));
            client.call("HSET", "h", "big", "17179869184");
            assertEquals(integer(34359738368L), client.call("HINCRBY", "h", "big", "17179869184"));
        }
    }

    @Test
    void hincrbyRejectsBadIncrementsStoredValuesAndOverflowWithoutChangingAnything() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "spaced", " 11", "max", "9223372036854775807", "min", "-9223372036854775807");
            assertEquals(error("ERR value is not an integer or out of range"), client.call("HINCRBY", "h", "n", "1.5"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("HINCRBY", "new", "n", "x"));
            assertEquals(error("ERR hash value is not an integer"), client.call("HINCRBY", "h", "spaced", "1"));
            assertEquals(error("ERR increment or decrement would overflow"), client.call("HINCRBY", "h", "max", "1"));
            assertEquals(error("ERR increment or decrement would overflow"), client.call("HINCRBY", "h", "min", "-2"));
            assertEquals(integer(Long.MIN_VALUE), client.call("HINCRBY", "h", "min", "-1"));
            assertEquals(bulk("9223372036854775807"), client.call("HGET", "h", "max"));
            assertEquals(integer(1), client.call("DBSIZE"), "a rejected increment creates no key");
        }
    }

    static Stream<Arguments> floatIncrements() {
        return Stream.of(
                Arguments.of("10.50", "0.1", "10.6"),
                Arguments.of("10.6", "-5", "5.6"),
                Arguments.of("5.0e3", "2.0e2", "5200"),
                Arguments.of("17179869184", "17179869184", "34359738368"),
                Arguments.of("0.1", "0.2", "0.3"),
                Arguments.of("1", "-1", "0"),
                Arguments.of("-0.1", "0.1", "0"),
                Arguments.of("3", "1e-20", "3"),
                Arguments.of("0x10", "0x1p-1", "16.5"),
                Arguments.of("1e18", "1", "1000000000000000001"),
                Arguments.of("1e20", "1", "100000000000000000000"),
                Arguments.of("inf", "-1", null));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @MethodSource("floatIncrements")
    void hincrbyfloatComputesInLongDoubleAndAnswersTheHumanFormat(String stored, String increment, String result) {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "f", stored);
            String expected = result == null ? error("ERR increment would produce NaN or Infinity") : bulk(result);
            assertEquals(expected, client.call("HINCRBYFLOAT", "h", "f", increment));
            assertEquals(bulk(result == null ? stored : result), client.call("HGET", "h", "f"));
        }
    }

    @Test
    void hincrbyfloatRejectsBadIncrementsAndStoredValuesWithoutCreatingTheKey() {
        try (RespClient client = node.connect(2)) {
            assertEquals(bulk("2.5"), client.call("HINCRBYFLOAT", "h", "f", "2.5"));
            client.call("HSET", "h", "text", "abc", "spaced", "11 ");
            assertEquals(error("ERR value is not a valid float"), client.call("HINCRBYFLOAT", "h", "f", "x"));
            assertEquals(error("ERR value is not a valid float"), client.call("HINCRBYFLOAT", "h", "f", " 1"));
            assertEquals(error("ERR value is not a valid float"), client.call("HINCRBYFLOAT", "h", "f", "nan"));
            assertEquals(error("ERR value is NaN or Infinity"), client.call("HINCRBYFLOAT", "other", "f", "+inf"));
            assertEquals(error("ERR hash value is not a float"), client.call("HINCRBYFLOAT", "h", "text", "1"));
            assertEquals(error("ERR hash value is not a float"), client.call("HINCRBYFLOAT", "h", "spaced", "1"));
            assertEquals(integer(1), client.call("DBSIZE"), "no key was created by a failed increment");
        }
    }
}
