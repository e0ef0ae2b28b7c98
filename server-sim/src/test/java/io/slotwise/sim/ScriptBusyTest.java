package io.slotwise.sim;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.command.ScriptGate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A script that runs long makes the node busy as in Redis 7.0: other clients wait until {@code busy-reply-threshold},
 * then get BUSY except for the {@code allow_busy} commands; SCRIPT KILL and FUNCTION KILL stop a script that did not
 * write; SHUTDOWN NOSAVE ends the node.
 */
class ScriptBusyTest {
    private static final String NULL = "$-1\r\n";
    private static final String SPIN = "while true do end";
    private static final String BUSY_EVAL =
            error("BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.");
    private static final String BUSY_FUNCTION =
            error("BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.");
    private static final String NOT_BUSY = error("NOTBUSY No scripts in execution right now.");
    private static final String LIBRARY = "#!lua name=lib\n"
            + "redis.register_function('spin', function(keys, args)\n"
            + "  while true do end\n"
            + "end)";

    private SimNode node;
    private RespClient caller;
    private RespClient other;

    @BeforeEach
    void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0").with("busy-reply-threshold", "100"));
        caller = RespClient.connect(node.port());
        other = RespClient.connect(node.port());
    }

    @AfterEach
    void closeNode() {
        caller.close();
        other.close();
        node.close();
    }

    @Test
    void otherClientsGetBusyOnceTheThresholdPassedAndScriptKillEndsTheScript() {
        caller.send("EVAL", SPIN, "0");
        awaitScript(true);
        assertEquals(BUSY_EVAL, other.call("GET", "k"));
        assertEquals(BUSY_EVAL, other.call("SCRIPT", "FLUSH"));
        assertEquals(BUSY_EVAL, other.call("FUNCTION", "KILL"));
        assertEquals(BUSY_EVAL, other.call("FUNCTION", "STATS"));
        assertEquals(BUSY_EVAL, other.call("SHUTDOWN"));
        assertEquals(simple("OK"), other.call("MULTI"));
        assertEquals(BUSY_EVAL, other.call("GET", "k"));
        assertEquals(
                error("EXECABORT Transaction discarded because of: BUSY Redis is busy running a script. You can only"
                        + " call SCRIPT KILL or SHUTDOWN NOSAVE."),
                other.call("EXEC"));

        assertEquals(simple("OK"), other.call("SCRIPT", "KILL"));
        assertEquals(
                error("ERR Script killed by user with SCRIPT KILL... script: " + sha(SPIN) + ", on @user_script:1."),
                caller.read());
        assertEquals(NULL, other.call("GET", "k"));
        assertEquals(NOT_BUSY, other.call("SCRIPT", "KILL"));
        assertEquals(simple("PONG"), caller.call("PING"));
    }

    @Test
    void aScriptThatWroteCannotBeKilledButShutdownNosaveEndsTheNode() {
        caller.send("EVAL", "redis.call('set', KEYS[1], 'v') " + SPIN, "1", "k");
        awaitScript(true);
        assertEquals(
                error("UNKILLABLE Sorry the script already executed write commands against the dataset. You can either"
                        + " wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE"
                        + " command."),
                other.call("SCRIPT", "KILL"));
        assertEquals(BUSY_EVAL, other.call("SHUTDOWN"));
        other.send("SHUTDOWN", "NOSAVE");
        assertTrue(other.closedByServer());
        assertTrue(caller.closedByServer());
        node.whenClosed().orTimeout(15, TimeUnit.SECONDS).join();
    }

    @Test
    void aFunctionIsKilledByFunctionKillNotByScriptKill() {
        assertEquals(bulk("lib"), caller.call("FUNCTION", "LOAD", LIBRARY));
        caller.send("FCALL", "spin", "0");
        awaitScript(true);
        assertEquals(BUSY_FUNCTION, other.call("SET", "k", "v"));
        assertEquals(BUSY_FUNCTION, other.call("SCRIPT", "KILL"));
        String stats = other.call("FUNCTION", "STATS");
        String runningScript = "*6\r\n" + bulk("name") + bulk("spin") + bulk("command")
                + array(bulk("FCALL"), bulk("spin"), bulk("0")) + bulk("duration_ms") + ":";
        assertTrue(stats.startsWith("*4\r\n" + bulk("running_script") + runningScript), stats);
        assertEquals(simple("OK"), other.call("FUNCTION", "KILL"));
        assertEquals(
                error("ERR Script killed by user with SCRIPT KILL... script: spin, on @user_function:3."),
                caller.read());
        assertEquals(NOT_BUSY, other.call("FUNCTION", "KILL"));
    }

    @Test
    void commandsOfOtherClientsBeforeTheThresholdAreServedAfterTheScriptInOrder() {
        assertEquals(simple("OK"), caller.call("CONFIG", "SET", "lua-time-limit", "60000"));
        // Runs about 300 ms, writing before and after: nobody may see the first value.
        String script = "redis.call('set', KEYS[1], 'during') "
                + "local start = redis.call('time') "
                + "repeat local now = redis.call('time') "
                + "until (now[1] - start[1]) * 1000000 + now[2] - start[2] > 300000 "
                + "return redis.call('set', KEYS[1], 'after')";
        caller.send("EVAL", script, "1", "k");
        awaitScript(false);
        other.send("GET", "k");
        other.send("APPEND", "k", "!");
        other.send("GET", "k");
        assertEquals(simple("OK"), caller.read());
        assertEquals(bulk("after"), other.read());
        assertEquals(integer(6), other.read());
        assertEquals(bulk("after!"), other.read());
    }

    @Test
    void functionLoadStopsLibraryCodeThatRunsLongerThan500Milliseconds() {
        assertEquals(
                error("ERR Error registering functions: ERR FUNCTION LOAD timeout"),
                caller.call("FUNCTION", "LOAD", "#!lua name=forever\n" + SPIN));
        assertEquals("*0\r\n", other.call("FUNCTION", "LIST"));
    }

    @Test
    void killWithNoScriptRunningAnswersNotBusy() {
        assertEquals(NOT_BUSY, other.call("SCRIPT", "KILL"));
        assertEquals(NOT_BUSY, other.call("FUNCTION", "KILL"));
    }

    @Test
    void theThresholdIsAConfigDirectiveWithItsAlias() {
        assertEquals(array(bulk("lua-time-limit"), bulk("100")), other.call("CONFIG", "GET", "lua-time-limit"));
        assertEquals(simple("OK"), other.call("CONFIG", "SET", "busy-reply-threshold", "250"));
        assertEquals(array(bulk("busy-reply-threshold"), bulk("250")), other.call("CONFIG", "GET", "busy*"));
        assertEquals(
                error("ERR CONFIG SET failed (possibly related to argument 'lua-time-limit') - argument must be"
                        + " between 0 and 9223372036854775807 inclusive"),
                other.call("CONFIG", "SET", "lua-time-limit", "-1"));
    }

    /** Waits until the node runs a script, and if asked until it is busy. */
    private void awaitScript(boolean busy) {
        Eventually.until(busy ? "the node is busy" : "a script runs", () -> scriptState(busy));
    }

    private boolean scriptState(boolean busy) {
        try {
            return node.eventLoop()
                    .submit(() -> node.service(ScriptGate.class)
                            .map(gate -> busy ? gate.busy() : gate.running())
                            .orElse(false))
                    .get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
