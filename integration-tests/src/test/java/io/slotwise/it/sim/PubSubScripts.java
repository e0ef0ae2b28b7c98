package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of Pub/Sub on one connection: subscription confirmations and their counts, the RESP2
 * subscribed state (only the Pub/Sub commands, PING, QUIT and RESET; PING answered {@code ["pong", ""]}) against
 * RESP3's freedom, PUBSUB introspection, argument errors, CROSSSLOT of shard channels, transactions and RESET. Every
 * step answers with exactly one frame in both protocols (one name per (UN)SUBSCRIBE, no message to the connection
 * itself), and names are unique to these scripts, so that subscriptions of other connections cannot show.
 */
final class PubSubScripts {

    private PubSubScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(subscribedState(), argumentErrors(), transactions(), resetLeavesTheSubscribedState());
    }

    private static Script subscribedState() {
        return Script.named("pub/sub confirmations and the subscribed state")
                .send("PUBLISH", "ps:none", "hello")
                .send("SPUBLISH", "ps:none", "hello")
                .send("PUBSUB", "NUMSUB", "ps:a")
                .send("SUBSCRIBE", "ps:a")
                .send("SUBSCRIBE", "ps:a")
                .send("PSUBSCRIBE", "ps:p*")
                .send("SSUBSCRIBE", "ps:s")
                .send("PING")
                .send("PING", "hi")
                .send("GET", "ps:k")
                .send("CLIENT", "GETNAME")
                .send("PUBSUB", "NUMSUB", "ps:a", "ps:none")
                .send("PUBSUB", "NUMPAT")
                .send("PUBSUB", "SHARDNUMSUB", "ps:s")
                .send("PUBSUB", "CHANNELS", "ps:*")
                .send("PUBSUB", "SHARDCHANNELS", "ps:?")
                .send("PUBLISH", "ps:none", "x")
                .send("UNSUBSCRIBE", "ps:nope")
                .send("UNSUBSCRIBE", "ps:a")
                .send("UNSUBSCRIBE")
                .send("PUNSUBSCRIBE")
                .send("GET", "ps:k")
                .send("SUNSUBSCRIBE")
                .send("GET", "ps:k")
                .send("SUNSUBSCRIBE")
                .send("PUNSUBSCRIBE", "ps:q*")
                .send("SUBSCRIBE", "")
                .send("UNSUBSCRIBE", "")
                .send("PUBSUB", "CHANNELS", "ps:*")
                .build();
    }

    private static Script argumentErrors() {
        return Script.named("pub/sub argument errors and CROSSSLOT")
                .send("SUBSCRIBE")
                .send("PSUBSCRIBE")
                .send("SSUBSCRIBE")
                .send("PUBLISH", "a")
                .send("SPUBLISH", "a", "b", "c")
                .send("PUBSUB")
                .send("PUBSUB", "FOO")
                .send("PUBSUB", "NUMPAT", "x")
                .send("PUBSUB", "CHANNELS", "a", "b")
                .send("PUBSUB", "shardchannels", "a", "b")
                .send("PUBSUB", "HELP")
                .send("PUBSUB", "HELP", "x")
                .send("PUBSUB", "NUMSUB")
                .send("PUBSUB", "SHARDNUMSUB")
                .send("SSUBSCRIBE", "{a}1", "{b}1")
                .send("SPUBLISH", "{a}1", "m")
                .send("SUNSUBSCRIBE", "{a}1", "{b}1")
                .send("SSUBSCRIBE", "{ps}1", "{ps}2")
                .build();
    }

    private static Script transactions() {
        return Script.named("pub/sub in transactions")
                .send("MULTI")
                .send("SUBSCRIBE", "ps:t")
                .send("PUBLISH", "ps:elsewhere", "x")
                .send("EXEC")
                .send("MULTI")
                .send("SSUBSCRIBE", "ps:x")
                .send("EXEC")
                .send("RESET")
                .send("MULTI")
                .send("SSUBSCRIBE", "ps:x")
                .send("PSUBSCRIBE", "ps:y*")
                .send("EXEC")
                .send("PING")
                .build();
    }

    private static Script resetLeavesTheSubscribedState() {
        return Script.named("RESET drops subscriptions and leaves the subscribed state")
                .send("SUBSCRIBE", "ps:r")
                .send("PSUBSCRIBE", "ps:r*")
                .send("RESET")
                .send("GET", "ps:k")
                .send("PING")
                .send("PUBSUB", "NUMSUB", "ps:r")
                .send("PUBLISH", "ps:r", "x")
                .build();
    }
}
