package io.slotwise.sim.tracking;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.tracking.Invalidations.invalidate;
import static io.slotwise.sim.tracking.Invalidations.invalidateAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Default-mode tracking on RESP3, as Redis 7.0.15 behaves: keys read are invalidated once when modified by anyone,
 * expired or flushed; a client's own changes are announced after its command's reply (after EXEC's and a script's);
 * NOLOOP, OPTIN and OPTOUT. A trailing PING proves that nothing else arrived.
 */
class DefaultModeTrackingTest {
    private static final String OK = simple("OK");
    private static final String PONG = simple("PONG");

    private SimNode node;
    private RespClient client;
    private RespClient other;

    @BeforeEach
    void start() {
        node = SimNode.builder(SimNodeConfig.defaults().with("port", "0")).start();
        client = RespClient.connect(node.port());
        other = RespClient.connect(node.port());
        client.call("HELLO", "3");
    }

    @AfterEach
    void stop() {
        client.close();
        other.close();
        node.close();
    }

    @Test
    void keyReadIsInvalidatedOnceWhenAnotherClientWritesIt() {
        client.call("CLIENT", "TRACKING", "on");
        client.call("GET", "k");

        assertEquals(OK, other.call("SET", "k", "1"));
        assertEquals(invalidate("k"), client.read());
        other.call("SET", "k", "2");
        assertEquals(PONG, client.call("PING"), "no second invalidation until the key is read again");

        assertEquals(bulk("2"), client.call("GET", "k"));
        other.call("DEL", "k");
        assertEquals(invalidate("k"), client.read());
    }

    @Test
    void ownWriteIsAnnouncedAfterTheReplyAndNotWithNoLoop() {
        client.call("CLIENT", "TRACKING", "on");
        client.call("GET", "k");
        assertEquals(OK, client.call("SET", "k", "1"));
        assertEquals(invalidate("k"), client.read());

        client.call("CLIENT", "TRACKING", "on", "NOLOOP");
        client.call("GET", "k");
        assertEquals(OK, client.call("SET", "k", "2"));
        assertEquals(PONG, client.call("PING"));
        client.call("GET", "k");
        other.call("SET", "k", "3");
        assertEquals(invalidate("k"), client.read());
    }

    @Test
    void writesThatChangeNothingSendNothing() {
        client.call("CLIENT", "TRACKING", "on");
        other.call("SADD", "s", "a");
        client.call("SMEMBERS", "s");

        assertEquals(integer(0), other.call("SADD", "s", "a"));
        assertEquals(integer(0), other.call("SREM", "s", "zz"));
        assertEquals(PONG, client.call("PING"));
        assertEquals(integer(1), other.call("SADD", "s", "b"));
        assertEquals(invalidate("s"), client.read());
    }

    @Test
    void transactionAnnouncesEachChangeAfterTheExecReply() {
        client.call("CLIENT", "TRACKING", "on");
        client.call("GET", "k");
        client.call("MULTI");
        client.call("SET", "k", "4");
        client.call("GET", "k");
        client.call("SET", "k", "5");

        assertEquals("*3\r\n" + OK + bulk("4") + OK, client.call("EXEC"));
        assertEquals(invalidate("k"), client.read());
        assertEquals(invalidate("k"), client.read(), "the key was read again inside the transaction");
        assertEquals(PONG, client.call("PING"));
    }

    @Test
    void scriptReadsTrackTheScriptKeysAndItsWritesFollowItsReply() {
        client.call("CLIENT", "TRACKING", "on");
        client.call("EVAL", "return redis.call('get',KEYS[1])", "2", "a", "b");
        other.call("SET", "b", "1");
        assertEquals(invalidate("b"), client.read(), "Redis 7.0 tracks every key the script declares");

        client.call("GET", "k");
        assertEquals(OK, client.call("EVAL", "return redis.call('set',KEYS[1],'y')", "1", "k"));
        assertEquals(invalidate("k"), client.read());

        client.call("EVAL_RO", "return 1", "1", "e");
        other.call("SET", "e", "1");
        assertEquals(PONG, client.call("PING"), "EVAL_RO by itself reads nothing");
    }

    @Test
    void flushSendsANullInvalidationToEveryTrackingClient() {
        try (RespClient broadcaster = RespClient.connect(node.port())) {
            broadcaster.call("HELLO", "3");
            broadcaster.call("CLIENT", "TRACKING", "on", "BCAST", "NOLOOP");
            client.call("CLIENT", "TRACKING", "on");

            assertEquals(OK, client.call("FLUSHALL"));
            assertEquals(invalidateAll(), client.read());
            assertEquals(invalidateAll(), broadcaster.read());
            assertEquals(OK, broadcaster.call("FLUSHDB"));
            assertEquals(invalidateAll(), broadcaster.read());
            assertEquals(invalidateAll(), client.read());
        }
    }

    @Test
    void expiryInvalidatesAReadKey() {
        client.call("CLIENT", "TRACKING", "on");
        other.call("SET", "k", "1", "PX", "50");
        client.call("GET", "k");

        assertEquals(invalidate("k"), client.read(), "the active expiry cycle removes the key");
    }

    @Test
    void optInTracksOnlyTheCommandAfterCachingYes() {
        client.call("CLIENT", "TRACKING", "on", "OPTIN");
        client.call("GET", "a");
        client.call("CLIENT", "CACHING", "yes");
        client.call("CLIENT", "ID");
        client.call("GET", "b");
        client.call("GET", "c");
        other.call("MSET", "a", "1", "b", "1", "c", "1");
        assertEquals(invalidate("b"), client.read(), "CLIENT subcommands keep the CACHING flag");
        assertEquals(PONG, client.call("PING"));

        client.call("CLIENT", "CACHING", "yes");
        client.call("MULTI");
        client.call("GET", "a");
        client.call("GET", "c");
        assertEquals(array(bulk("1"), bulk("1")), client.call("EXEC"));
        other.call("MSET", "a", "2", "c", "2");
        assertEquals(invalidate("a"), client.read(), "the flag lasts through the transaction");
        assertEquals(invalidate("c"), client.read());
    }

    @Test
    void optOutSkipsOnlyTheCommandAfterCachingNo() {
        client.call("CLIENT", "TRACKING", "on", "OPTOUT");
        client.call("GET", "y");
        client.call("CLIENT", "CACHING", "no");
        client.call("GET", "z");
        other.call("MSET", "y", "1", "z", "1");

        assertEquals(invalidate("y"), client.read());
        assertEquals(PONG, client.call("PING"));
    }

    @Test
    void readsBeforeTrackingWasTurnedOffAreNotAnnouncedWhileOff() {
        client.call("CLIENT", "TRACKING", "on");
        client.call("GET", "k");
        client.call("CLIENT", "TRACKING", "off");
        other.call("SET", "k", "1");

        assertEquals(PONG, client.call("PING"));
    }
}
