package io.slotwise.sim.tracking;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO: Redis 7.0.15's errors, in its order, and state reports. */
class TrackingCommandsTest {
    private static final String OK = simple("OK");

    private SimNode node;

    @BeforeEach
    void startNode() {
        node = SimNode.builder(SimNodeConfig.defaults().with("port", "0")).start();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    static Stream<Arguments> refusedOptions() {
        return Stream.of(
                Arguments.of(List.of("on", "PREFIX", "x"), "ERR PREFIX option requires BCAST mode to be enabled"),
                Arguments.of(List.of("on", "OPTIN", "OPTOUT"), "ERR You can't specify both OPTIN mode and OPTOUT mode"),
                Arguments.of(
                        List.of("on", "OPTIN", "OPTOUT", "PREFIX", "x"),
                        "ERR PREFIX option requires BCAST mode to be enabled"),
                Arguments.of(List.of("on", "BCAST", "OPTIN"), "ERR OPTIN and OPTOUT are not compatible with BCAST"),
                Arguments.of(
                        List.of("on", "BCAST", "OPTIN", "OPTOUT"),
                        "ERR OPTIN and OPTOUT are not compatible with BCAST"),
                Arguments.of(
                        List.of("on", "REDIRECT", "99999"), "ERR The client ID you want redirect to does not exist"),
                Arguments.of(List.of("on", "REDIRECT", "0"), "ERR The client ID you want redirect to does not exist"),
                Arguments.of(
                        List.of("off", "REDIRECT", "99999"), "ERR The client ID you want redirect to does not exist"),
                Arguments.of(List.of("on", "REDIRECT", "abc"), "ERR value is not an integer or out of range"),
                Arguments.of(List.of("on", "FOO"), "ERR syntax error"),
                Arguments.of(List.of("maybe"), "ERR syntax error"),
                Arguments.of(List.of("on", "PREFIX"), "ERR syntax error"),
                Arguments.of(List.of("on", "REDIRECT"), "ERR syntax error"),
                Arguments.of(
                        List.of("on", "BCAST", "PREFIX", "a", "PREFIX", "ab"),
                        "ERR Prefix 'a' overlaps with another provided prefix 'ab'. Prefixes for a single client must"
                                + " not overlap."),
                Arguments.of(
                        List.of("on", "BCAST", "PREFIX", "x", "PREFIX", "ab", "PREFIX", "a"),
                        "ERR Prefix 'ab' overlaps with another provided prefix 'a'. Prefixes for a single client must"
                                + " not overlap."),
                Arguments.of(
                        List.of("on", "BCAST", "PREFIX", "", "PREFIX", "a"),
                        "ERR Prefix '' overlaps with another provided prefix 'a'. Prefixes for a single client must"
                                + " not overlap."));
    }

    @ParameterizedTest
    @MethodSource("refusedOptions")
    void invalidTrackingOptionsAreRefusedWithRedisErrorAndLeaveTrackingOff(List<String> options, String message) {
        try (RespClient client = RespClient.connect(node.port())) {
            String[] command = Stream.concat(Stream.of("CLIENT", "TRACKING"), options.stream())
                    .toArray(String[]::new);

            assertEquals(error(message), client.call(command));
            assertEquals(integer(-1), client.call("CLIENT", "GETREDIR"));
        }
    }

    @Test
    void secondRedirectIsRefusedBeforeItsValueIsParsed() {
        try (RespClient client = RespClient.connect(node.port());
                RespClient other = RespClient.connect(node.port())) {
            String id = other.call("CLIENT", "ID").substring(1).trim();

            assertEquals(
                    error("ERR A client can only redirect to a single other client"),
                    client.call("CLIENT", "TRACKING", "on", "REDIRECT", id, "REDIRECT", "abc"));
        }
    }

    @Test
    void modeSwitchesAndOverlapsWithExistingPrefixesAreRefusedWhileTracking() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a"));
            assertEquals(
                    error("ERR Prefix 'ab' overlaps with an existing prefix 'a'. Prefixes for a single client must not"
                            + " overlap."),
                    client.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "ab", "PREFIX", "abc"));
            assertEquals(
                    error("ERR Prefix 'a' overlaps with an existing prefix 'a'. Prefixes for a single client must not"
                            + " overlap."),
                    client.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a"));
            assertEquals(
                    error("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then"
                            + " re-enabling it with a different mode."),
                    client.call("CLIENT", "TRACKING", "on"));
            assertEquals(OK, client.call("CLIENT", "TRACKING", "off"));
            assertEquals(OK, client.call("CLIENT", "TRACKING", "on", "OPTIN"));
            assertEquals(
                    error("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then"
                            + " re-enabling it with a different mode."),
                    client.call("CLIENT", "TRACKING", "on", "OPTOUT"));
            assertEquals(
                    error("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then"
                            + " re-enabling it with a different mode."),
                    client.call("CLIENT", "TRACKING", "on", "BCAST", "OPTOUT"));
        }
    }

    @Test
    void cachingNeedsTheMatchingOptInOrOptOutMode() {
        try (RespClient client = RespClient.connect(node.port())) {
            String notTracking = error("ERR CLIENT CACHING can be called only when the client is in tracking mode with"
                    + " OPTIN or OPTOUT mode enabled");
            assertEquals(notTracking, client.call("CLIENT", "CACHING", "yes"));
            assertEquals(notTracking, client.call("CLIENT", "CACHING", "maybe"));
            assertEquals(OK, client.call("CLIENT", "TRACKING", "on"));
            String yesNeedsOptIn =
                    error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
            String noNeedsOptOut =
                    error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
            assertEquals(yesNeedsOptIn, client.call("CLIENT", "CACHING", "yes"));
            assertEquals(noNeedsOptOut, client.call("CLIENT", "CACHING", "no"));
            assertEquals(error("ERR syntax error"), client.call("CLIENT", "CACHING", "maybe"));
            assertEquals(OK, client.call("CLIENT", "TRACKING", "on", "OPTIN"));
            assertEquals(noNeedsOptOut, client.call("CLIENT", "CACHING", "no"));
            assertEquals(OK, client.call("CLIENT", "CACHING", "YES"));
        }
    }

    @Test
    void trackingInfoAndGetRedirReportTheModeFlagsAndPrefixes() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(info("*1\r\n$3\r\noff\r\n", -1), client.call("CLIENT", "TRACKINGINFO"));
            assertEquals(integer(-1), client.call("CLIENT", "GETREDIR"));

            client.call("CLIENT", "TRACKING", "on", "OPTOUT", "NOLOOP");
            client.call("CLIENT", "CACHING", "no");
            assertEquals(
                    info(array(bulk("on"), bulk("optout"), bulk("caching-no"), bulk("noloop")), 0),
                    client.call("CLIENT", "TRACKINGINFO"));
            assertEquals(integer(0), client.call("CLIENT", "GETREDIR"));
            client.call("PING");
            assertEquals(
                    info(array(bulk("on"), bulk("optout"), bulk("noloop")), 0),
                    client.call("CLIENT", "TRACKINGINFO"),
                    "the CACHING flag lasts until a command other than CLIENT");

            client.call("CLIENT", "TRACKING", "off");
            client.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "b", "PREFIX", "a");
            client.call("CLIENT", "TRACKING", "on", "BCAST");
            assertEquals(
                    array(
                            bulk("flags"),
                            array(bulk("on"), bulk("bcast")),
                            bulk("redirect"),
                            integer(0),
                            bulk("prefixes"),
                            array(bulk(""), bulk("a"), bulk("b"))),
                    client.call("CLIENT", "TRACKINGINFO"),
                    "BCAST without PREFIX adds the empty prefix; prefixes are listed in byte order");
            String line = client.call("CLIENT", "INFO");
            assertTrue(line.contains(" flags=tB ") && line.contains(" redir=0 "), line);
        }
    }

    @Test
    void resetTurnsTrackingOff() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("CLIENT", "TRACKING", "on", "BCAST");
            assertEquals(simple("RESET"), client.call("RESET"));
            assertEquals(info("*1\r\n$3\r\noff\r\n", -1), client.call("CLIENT", "TRACKINGINFO"));
            String line = client.call("CLIENT", "INFO");
            assertTrue(line.contains(" flags=N ") && line.contains(" redir=-1 "), line);
        }
    }

    private static String info(String flags, long redirect) {
        return array(bulk("flags"), flags, bulk("redirect"), integer(redirect), bulk("prefixes"), array());
    }
}
