package io.slotwise.it.sim;

import static io.slotwise.it.sim.Step.MY_ID;

import java.util.List;

/**
 * Differential scripts for the cluster-mode behaviour of a single node owning all 16384 slots: redirection errors
 * (CROSSSLOT, CLUSTERDOWN), commands refused in cluster mode (SELECT, MOVE, SWAPDB, COPY ... DB, REPLICAOF,
 * FAILOVER), transactions, CLUSTER RESET SOFT, and error texts that quote arguments. Each script restores the slots
 * it removes.
 */
final class ClusterModeScripts {

    /** The slot of key {@code foo}. */
    private static final String FOO_SLOT = "12182";

    private ClusterModeScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(
                crossSlot(),
                unservedSlot(),
                importingFromItself(),
                clusterModeRestrictions(),
                transactions(),
                resetSoftAndReassign(),
                nonAsciiBytesInErrors());
    }

    private static Script crossSlot() {
        return Script.named("CROSSSLOT and hash tags")
                .send("MSET", "a", "1", "b", "2")
                .send("MGET", "a", "b")
                .send("DEL", "a", "b")
                .send("EXISTS", "a", "{t}a")
                .send("MSET", "{t}a", "1", "{t}b", "2")
                .send("MGET", "{t}a", "{t}b", "{t}c")
                .send("RENAME", "{t}a", "b")
                .send("RENAME", "{t}a", "{t}c")
                .send("SUNIONSTORE", "x", "a", "b")
                .send("LMOVE", "{t}l", "l", "LEFT", "RIGHT")
                .send("SMOVE", "{t}s", "s", "m")
                .send("COPY", "{t}b", "b")
                .send("COPY", "{t}b", "{t}d")
                .send("BLPOP", "a", "b", "1")
                .send("WATCH", "a", "b")
                .send("UNWATCH")
                .send("MSETNX", "{t}x", "1", "y", "2")
                .send("DEL", "{t}b", "{t}c", "{t}d")
                .build();
    }

    private static Script unservedSlot() {
        return Script.named("CLUSTERDOWN after DELSLOTS")
                .send("SET", "foo", "1")
                .send("SET", "bar", "1")
                .send("CLUSTER", "DELSLOTS", FOO_SLOT)
                .send("GET", "foo")
                .send("SET", "foo", "2")
                .send("MGET", "foo", "{foo}x")
                .awaitClusterState("fail")
                .send("GET", "bar")
                .send("SET", "bar", "2")
                .send("GET", "foo")
                .send("PING")
                .send("DBSIZE")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "COUNTKEYSINSLOT", FOO_SLOT)
                .send("CLUSTER", "GETKEYSINSLOT", FOO_SLOT, "10")
                .send("CLUSTER", "NODES")
                .send("CLUSTER", "SLOTS")
                .send("MULTI")
                .send("GET", "bar")
                .send("EXEC")
                .send("CLUSTER", "ADDSLOTS", FOO_SLOT)
                .awaitClusterState("ok")
                .send("GET", "foo")
                .send("GET", "bar")
                .send("DEL", "foo")
                .send("DEL", "bar")
                .build();
    }

    /**
     * An unassigned slot IMPORTING from the node itself: still not served, with or without ASKING (the owner check comes
     * first), shown in CLUSTER NODES, and closed by SETSLOT NODE or by ADDSLOTS.
     */
    private static Script importingFromItself() {
        return Script.named("importing an unassigned slot from the node itself")
                .send("CLUSTER", "DELSLOTS", FOO_SLOT)
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "IMPORTING", MY_ID)
                .send("CLUSTER", "NODES")
                .send("GET", "foo")
                .send("ASKING")
                .send("GET", "foo")
                .send("ASKING")
                .send("MSET", "foo", "1", "{foo}b", "2")
                .awaitClusterState("fail")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "NODE", MY_ID)
                .awaitClusterState("ok")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "NODES")
                .send("SET", "foo", "1")
                .send("CLUSTER", "DELSLOTS", FOO_SLOT)
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "IMPORTING", MY_ID)
                .send("CLUSTER", "ADDSLOTS", FOO_SLOT)
                .awaitClusterState("ok")
                .send("CLUSTER", "NODES")
                .send("GET", "foo")
                .send("DEL", "foo")
                .build();
    }

    private static Script clusterModeRestrictions() {
        return Script.named("commands restricted in cluster mode")
                .send("SET", "a", "1")
                .send("SELECT", "0")
                .send("SELECT", "1")
                .send("SELECT", "-1")
                .send("SELECT", "16")
                .send("SELECT", "abc")
                .send("MOVE", "a", "1")
                .send("MOVE", "a", "0")
                .send("MOVE", "a", "abc")
                .send("SWAPDB", "0", "1")
                .send("SWAPDB", "0", "0")
                .send("SWAPDB", "a", "b")
                .send("COPY", "a", "{a}b", "DB", "1")
                .send("COPY", "a", "{a}b", "DB", "0")
                .send("COPY", "a", "{a}b", "DB", "abc")
                .send("COPY", "a", "{a}b")
                .send("REPLICAOF", "127.0.0.1", "6379")
                .send("REPLICAOF", "NO", "ONE")
                .send("SLAVEOF", "NO", "ONE")
                .send("REPLICAOF", "a")
                .send("FAILOVER")
                .send("FAILOVER", "TO", "127.0.0.1", "1")
                .send("FAILOVER", "ABORT")
                .send("DEL", "a", "{a}b")
                .build();
    }

    private static Script transactions() {
        return Script.named("MULTI/EXEC in cluster mode")
                .send("MULTI")
                .send("SET", "a", "1")
                .send("GET", "a", "b")
                .send("EXEC")
                .send("MULTI")
                .send("SET", "a", "1")
                .send("NOSUCHCOMMAND")
                .send("EXEC")
                .send("MULTI")
                .send("SET", "a", "x")
                .send("INCR", "a")
                .send("GET", "a")
                .send("EXEC")
                .send("MULTI")
                .send("GET", "a")
                .send("GET", "zzz")
                .send("EXEC")
                .send("MULTI")
                .send("MGET", "a", "zzz")
                .send("EXEC")
                .send("MULTI")
                .send("MULTI")
                .send("WATCH", "a")
                .send("DISCARD")
                .send("EXEC")
                .send("DISCARD")
                .send("MULTI")
                .send("SELECT", "1")
                .send("CLUSTER", "KEYSLOT", "a")
                .send("EXEC")
                .send("WATCH", "a")
                .send("MULTI")
                .send("DEL", "a")
                .send("EXEC")
                .send("MULTI")
                .send("EXEC")
                .build();
    }

    /** Errors that quote an argument quote its bytes as they are, whatever their encoding. */
    private static Script nonAsciiBytesInErrors() {
        byte[] latin = {(byte) 0xFF, (byte) 0xE9, 'x'};
        return Script.named("error texts quote non-ASCII arguments byte for byte")
                .send(latin, "a")
                .send("CLUSTER", latin)
                .send("OBJECT", latin, "k")
                .send("CONFIG", latin)
                .send("CLIENT", latin)
                .send("CLUSTER", "FORGET", latin)
                .send("CLUSTER", "REPLICATE", latin)
                .send("CLUSTER", "COUNT-FAILURE-REPORTS", latin)
                .send("CLUSTER", "SLAVES", latin)
                .send("CLUSTER", "SETSLOT", "1", "NODE", latin)
                .send("CLUSTER", "SETSLOT", "1", "MIGRATING", latin)
                .send("CLUSTER", "MEET", latin, "7000")
                .send("CLUSTER", "MEET", "127.0.0.1", latin)
                .send("HELLO", "3", latin)
                .send("CONFIG", "SET", latin, "1")
                .build();
    }

    private static Script resetSoftAndReassign() {
        return Script.named("CLUSTER RESET SOFT and reassigning the slots")
                .send("CLUSTER", "RESET", "SOFT")
                .awaitClusterState("fail")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "NODES")
                .send("CLUSTER", "SLOTS")
                .send("CLUSTER", "SHARDS")
                .send("GET", "foo")
                .send("CLUSTER", "COUNTKEYSINSLOT", FOO_SLOT)
                .send("CLUSTER", "ADDSLOTSRANGE", "0", "8191", "8192", "16383")
                .awaitClusterState("ok")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "NODES")
                .send("CLUSTER", "SLOTS")
                .send("GET", "foo")
                .build();
    }
}
