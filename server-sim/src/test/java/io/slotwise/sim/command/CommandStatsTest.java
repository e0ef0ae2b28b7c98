package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.protocol.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which commands INFO commandstats counts, and as what, case by case as Redis 7.0.15 counts them (each expectation
 * was observed on a real 7.0.15 node). A cluster-mode node whose redirect check answers MOVED for the key {@code
 * elsewhere} stands in for a node that does not serve a slot.
 */
class CommandStatsTest {
    @TempDir
    static java.nio.file.Path dir;

    private static final Pattern LINE = Pattern.compile(
            "cmdstat_([^:]+):calls=(\\d+),usec=(\\d+),usec_per_call=(\\d+\\.\\d\\d),rejected_calls=(\\d+),failed_calls=(\\d+)");

    private static final String OK = simple("OK");

    private static SimNode node;

    @BeforeAll
    static void startNode() {
        node = SimNode.builder(SimNodeConfig.defaults()
                        .with("port", "0")
                        .with("cluster-enabled", "yes")
                        .with("dir", dir.toString()))
                .module(setup -> setup.provide(
                        RedirectCheck.class,
                        (commands, session) -> commands.stream()
                                        .anyMatch(c -> c.request().argc() > 1
                                                && c.request().argString(1).equals("elsewhere"))
                                ? Optional.of(Reply.error("MOVED 1 127.0.0.1:1"))
                                : Optional.empty()))
                .start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                counted("an executed command is a call", steps(), steps(cmd("SET", "s", "v")), "set 1/0/0"),
                counted(
                        "an error during execution is a failed call",
                        steps(cmd("SET", "s", "v")),
                        steps(cmd("LPUSH", "s", "a"), cmd("INCR", "s")),
                        "lpush 1/0/1",
                        "incr 1/0/1"),
                counted("a wrong arity is a rejected call", steps(), steps(cmd("GET")), "get 0/1/0"),
                counted(
                        "unknown commands and subcommands count nowhere",
                        steps(),
                        steps(cmd("NOSUCH"), cmd("CLIENT", "NOSUCH"))),
                counted(
                        "subcommands count under their full name",
                        steps(),
                        steps(cmd("CLIENT", "ID"), cmd("CLIENT", "SETNAME")),
                        "client|id 1/0/0",
                        "client|setname 0/1/0"),
                counted("a redirection is a rejected call", steps(), steps(cmd("GET", "elsewhere")), "get 0/1/0"),
                counted(
                        "commands EXEC runs count, EXEC is not failed by their errors",
                        steps(cmd("SET", "s", "v")),
                        steps(cmd("MULTI"), cmd("SET", "a", "1"), cmd("INCR", "s"), cmd("EXEC")),
                        "multi 1/0/0",
                        "set 1/0/0",
                        "incr 1/0/1",
                        "exec 1/0/0"),
                counted(
                        "a command refused inside MULTI is rejected and EXECABORT fails EXEC",
                        steps(),
                        steps(cmd("MULTI"), cmd("GET"), cmd("SET", "a", "1"), cmd("EXEC")),
                        "multi 1/0/0",
                        "get 0/1/0",
                        "exec 1/0/1"),
                counted(
                        "a redirection inside MULTI is rejected and EXECABORT fails EXEC",
                        steps(),
                        steps(cmd("MULTI"), cmd("GET", "elsewhere"), cmd("EXEC")),
                        "multi 1/0/0",
                        "get 0/1/0",
                        "exec 1/0/1"),
                counted(
                        "WATCH and MULTI inside MULTI fail, a no-multi command is rejected",
                        steps(),
                        steps(cmd("MULTI"), cmd("WATCH", "x"), cmd("MULTI"), cmd("SAVE"), cmd("DISCARD")),
                        "multi 2/0/1",
                        "watch 1/0/1",
                        "save 0/1/0",
                        "discard 1/0/0"),
                counted(
                        "commands a script runs count",
                        steps(),
                        steps(cmd("EVAL", "redis.call('set','a','1') return redis.call('get','a')", "0")),
                        "eval 1/0/0",
                        "set 1/0/0",
                        "get 1/0/0"),
                counted(
                        "a script's failing call fails the command and the script",
                        steps(cmd("DEL", "l"), cmd("LPUSH", "l", "x")),
                        steps(
                                cmd("EVAL", "return redis.call('incr','l')", "0"),
                                cmd("EVAL", "return redis.pcall('incr','l')", "0")),
                        "eval 2/0/2",
                        "incr 2/0/2"),
                counted(
                        "a script's refused call is rejected, an unknown one counts nowhere",
                        steps(),
                        steps(
                                cmd("EVAL", "return redis.call('get')", "0"),
                                cmd("EVAL", "return redis.pcall('nosuch')", "0"),
                                cmd("EVAL", "return redis.call('multi')", "0"),
                                cmd("EVAL_RO", "return redis.call('set','a','b')", "1", "a"),
                                cmd("EVAL", "return redis.call('get','elsewhere')", "0")),
                        "eval 4/0/4",
                        "eval_ro 1/0/1",
                        "get 0/2/0",
                        "multi 0/1/0",
                        "set 0/1/0"),
                counted(
                        "NOAUTH is a rejected call",
                        steps(cmd("CONFIG", "SET", "requirepass", "pw")),
                        steps(
                                cmd("RESET"),
                                cmd("GET", "x"),
                                cmd("AUTH", "pw"),
                                cmd("CONFIG", "SET", "requirepass", "")),
                        "reset 1/0/0",
                        "get 0/1/0",
                        "auth 1/0/0",
                        "config|set 1/0/0"),
                counted(
                        "a command refused while subscribed is rejected",
                        steps(),
                        steps(cmd("SUBSCRIBE", "ch"), cmd("GET", "x"), cmd("UNSUBSCRIBE", "ch")),
                        "subscribe 1/0/0",
                        "get 0/1/0",
                        "unsubscribe 1/0/0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commandstatsCountsAsRedisDoes(String behaviour, List<String[]> setup, List<String[]> run, List<String> want) {
        try (RespClient client = RespClient.connect(node.port())) {
            setup.forEach(client::call);
            assertEquals(simple("OK"), client.call("CONFIG", "RESETSTAT"));
            run.forEach(client::call);
            Map<String, String> counted = counts(textOf(client.call("INFO", "commandstats")));
            counted.remove("config|resetstat");
            Map<String, String> expected = new TreeMap<>();
            want.forEach(
                    line -> expected.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)));
            assertEquals(expected, counted, behaviour);
        }
    }

    @Test
    void resetstatForgetsCountersAndHistogramsAndDefaultInfoLeavesThemOut() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("PING");
            client.call("PING");
            String stats = textOf(client.call("INFO", "commandstats", "latencystats"));
            assertTrue(stats.startsWith("# Commandstats\r\n"), stats);
            Matcher ping = LINE.matcher(stats.substring(stats.indexOf("cmdstat_ping:")));
            assertTrue(ping.lookingAt(), stats);
            double perCall = Double.parseDouble(ping.group(4));
            assertEquals(Long.parseLong(ping.group(3)) / (double) Long.parseLong(ping.group(2)), perCall, 0.005);
            assertTrue(
                    Pattern.compile("\r\nlatency_percentiles_usec_ping:p50=\\d+\\.\\d{3},p99=\\d+\\.\\d{3},"
                                    + "p99\\.9=\\d+\\.\\d{3}\r\n")
                            .matcher(stats)
                            .find(),
                    stats);
            String defaults = textOf(client.call("INFO"));
            assertTrue(!defaults.contains("# Commandstats") && !defaults.contains("# Latencystats"), defaults);
            String all = textOf(client.call("INFO", "everything"));
            assertTrue(all.contains("cmdstat_ping:") && all.contains("latency_percentiles_usec_ping:"), all);

            client.call("CONFIG", "RESETSTAT");
            String after = textOf(client.call("INFO", "commandstats", "latencystats"));
            assertEquals(Map.of("config|resetstat", "1/0/0"), counts(after), after);
            assertEquals(1, after.split("latency_percentiles_usec_", -1).length - 1, after);
            assertTrue(after.contains("\r\nlatency_percentiles_usec_config|resetstat:p50="), after);
        }
    }

    @Test
    void percentilesAndTrackingFollowTheirDirectives() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("CONFIG", "SET", "latency-tracking-info-percentiles", "99.90 1e1 50"));
            assertEquals(
                    array(bulk("latency-tracking-info-percentiles"), bulk("99.9 10 50")),
                    client.call("CONFIG", "GET", "latency-tracking-info-percentiles"));
            client.call("PING");
            String stats = textOf(client.call("INFO", "latencystats"));
            assertTrue(
                    Pattern.compile("\r\nlatency_percentiles_usec_ping:p99\\.9=[0-9.]+,p10=[0-9.]+,p50=[0-9.]+\r\n")
                            .matcher(stats)
                            .find(),
                    stats);
            String prefix =
                    "ERR CONFIG SET failed (possibly related to argument 'latency-tracking-info-percentiles') - ";
            assertEquals(
                    error(prefix + "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]"),
                    client.call("CONFIG", "SET", "latency-tracking-info-percentiles", "101"));
            assertEquals(
                    error(prefix + "Invalid latency-tracking-info-percentiles parameters"),
                    client.call("CONFIG", "SET", "latency-tracking-info-percentiles", "abc"));
            assertEquals(OK, client.call("CONFIG", "SET", "latency-tracking-info-percentiles", ""));
            assertTrue(textOf(client.call("INFO", "latencystats")).contains("\r\nlatency_percentiles_usec_ping:\r\n"));

            assertEquals(OK, client.call("CONFIG", "SET", "latency-tracking", "no"));
            client.call("CONFIG", "RESETSTAT");
            client.call("PING");
            assertEquals("# Latencystats\r\n", textOf(client.call("INFO", "latencystats")));
            assertTrue(textOf(client.call("INFO", "commandstats")).contains("\r\ncmdstat_ping:calls=1,"));
        } finally {
            try (RespClient client = RespClient.connect(node.port())) {
                client.call("CONFIG", "SET", "latency-tracking", "yes");
                client.call("CONFIG", "SET", "latency-tracking-info-percentiles", "50 99 99.9");
            }
        }
    }

    private static Map<String, String> counts(String section) {
        Map<String, String> counts = new TreeMap<>();
        for (String line : section.split("\r\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                counts.put(matcher.group(1), matcher.group(2) + "/" + matcher.group(5) + "/" + matcher.group(6));
            }
        }
        return counts;
    }

    private static List<String[]> steps(String[]... commands) {
        return List.of(commands);
    }

    private static String[] cmd(String... args) {
        return args;
    }

    private static Arguments counted(String behaviour, List<String[]> setup, List<String[]> run, String... want) {
        return Arguments.of(behaviour, setup, run, List.of(want));
    }
}
