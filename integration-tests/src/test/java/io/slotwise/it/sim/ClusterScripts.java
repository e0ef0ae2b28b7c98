package io.slotwise.it.sim;

import static io.slotwise.it.sim.Step.MY_ID;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Differential scripts for a single cluster node owning all 16384 slots with config epoch 1: the CLUSTER command
 * surface, its replies, errors and arity. Each script restores the slots it removes.
 */
final class ClusterScripts {

    /** A well-formed node ID that no node has. */
    private static final String UNKNOWN_ID = "0123456789012345678901234567890123456789";
    /** The slot of key {@code foo}. */
    private static final String FOO_SLOT = "12182";

    private static final long KEYSLOT_SEED = 0x5107L;
    private static final int RANDOM_KEYS = 1000;

    private ClusterScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(
                introspection(),
                arityAndUnknownSubcommands(),
                slotAssignmentErrors(),
                setSlot(),
                missingKeyInSlotMigratingToItself(),
                membershipAndEpochErrors(),
                keyslotOfManyKeys(),
                keysInSlots());
    }

    private static Script introspection() {
        return Script.named("cluster introspection")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "MYID")
                .send("cluster", "MyId")
                .send("CLUSTER", "NODES")
                .send("CLUSTER", "SLOTS")
                .send("CLUSTER", "SHARDS")
                .send("CLUSTER", "LINKS")
                .send("CLUSTER", "HELP")
                .send("CLUSTER", "BUMPEPOCH")
                .send("CLUSTER", "SAVECONFIG")
                .send("CLUSTER", "COUNT-FAILURE-REPORTS", MY_ID)
                .send("CLUSTER", "REPLICAS", MY_ID)
                .send("CLUSTER", "SLAVES", MY_ID)
                .send("CLUSTER", "KEYSLOT", "foo")
                .send("CLUSTER", "KEYSLOT", "")
                .send("CLUSTER", "KEYSLOT", "123456789")
                .send("CLUSTER", "KEYSLOT", "{user1000}.following")
                .send("CLUSTER", "KEYSLOT", "foo{}{bar}")
                .send("CLUSTER", "KEYSLOT", "foo{{bar}}zap")
                .send("CLUSTER", "MYSHARDID")
                .send("READONLY")
                .send("CLUSTER", "INFO")
                .send("READWRITE")
                .send("ASKING")
                .send("PING")
                .build();
    }

    private static Script arityAndUnknownSubcommands() {
        Script.Builder script = Script.named("CLUSTER arity and unknown subcommands")
                .send("CLUSTER")
                .send("CLUSTER", "FOO")
                .send("CLUSTER", "foo", "bar")
                .send("CLUSTER", "MEET", "127.0.0.1")
                .send("CLUSTER", "MEET", "127.0.0.1", "7000", "17000", "extra")
                .send("CLUSTER", "FAILOVER", "FORCE", "extra")
                .send("CLUSTER", "RESET", "SOFT", "extra")
                .send("CLUSTER", "SETSLOT", "1")
                .send("CLUSTER", "GETKEYSINSLOT", "1")
                .send("CLUSTER", "ADDSLOTSRANGE", "1")
                .send("CLUSTER", "ADDSLOTSRANGE", "1", "2", "3")
                .send("CLUSTER", "DELSLOTSRANGE", "1", "2", "3")
                .send("ASKING", "x")
                .send("READONLY", "x")
                .send("READWRITE", "x");
        for (String fixedArity :
                List.of("INFO", "MYID", "NODES", "SLOTS", "SHARDS", "LINKS", "BUMPEPOCH", "SAVECONFIG", "FLUSHSLOTS")) {
            script.send("CLUSTER", fixedArity, "extra");
        }
        for (String oneArgument : List.of(
                "KEYSLOT",
                "COUNTKEYSINSLOT",
                "FORGET",
                "REPLICATE",
                "REPLICAS",
                "SLAVES",
                "COUNT-FAILURE-REPORTS",
                "SET-CONFIG-EPOCH",
                "ADDSLOTS",
                "DELSLOTS")) {
            script.send("CLUSTER", oneArgument);
        }
        return script.build();
    }

    private static Script slotAssignmentErrors() {
        return Script.named("ADDSLOTS, DELSLOTS and their ranges")
                .send("CLUSTER", "ADDSLOTS", "1")
                .send("CLUSTER", "ADDSLOTS", "16384")
                .send("CLUSTER", "ADDSLOTS", "-1")
                .send("CLUSTER", "ADDSLOTS", "abc")
                .send("CLUSTER", "ADDSLOTS", "1.5")
                .send("CLUSTER", "ADDSLOTSRANGE", "5", "2")
                .send("CLUSTER", "ADDSLOTSRANGE", "1", "2")
                .send("CLUSTER", "ADDSLOTSRANGE", "0", "16384")
                .send("CLUSTER", "DELSLOTS", "16384")
                .send("CLUSTER", "DELSLOTS", "abc")
                .send("CLUSTER", "DELSLOTS", "100", "100")
                .send("CLUSTER", "DELSLOTSRANGE", "5", "2")
                .send("CLUSTER", "DELSLOTSRANGE", "100", "101", "101", "102")
                .send("CLUSTER", "DELSLOTS", "100", "200")
                .awaitClusterState("fail")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "NODES")
                .send("CLUSTER", "SLOTS")
                .send("CLUSTER", "SHARDS")
                .send("CLUSTER", "DELSLOTS", "100")
                .send("CLUSTER", "DELSLOTSRANGE", "99", "100")
                .send("CLUSTER", "ADDSLOTS", "100", "100")
                .send("CLUSTER", "ADDSLOTS", "100", "101")
                .send("CLUSTER", "ADDSLOTSRANGE", "99", "100")
                .send("CLUSTER", "ADDSLOTS", "100")
                .send("CLUSTER", "ADDSLOTSRANGE", "200", "200")
                .awaitClusterState("ok")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "SLOTS")
                .build();
    }

    private static Script setSlot() {
        return Script.named("SETSLOT errors and a migration to the node itself")
                .send("CLUSTER", "SETSLOT", "16384", "STABLE")
                .send("CLUSTER", "SETSLOT", "abc", "STABLE")
                .send("CLUSTER", "SETSLOT", "1", "FOO")
                .send("CLUSTER", "SETSLOT", "1", "FOO", "bar")
                .send("CLUSTER", "SETSLOT", "1", "MIGRATING")
                .send("CLUSTER", "SETSLOT", "1", "NODE")
                .send("CLUSTER", "SETSLOT", "1", "STABLE", "extra")
                .send("CLUSTER", "SETSLOT", "1", "MIGRATING", UNKNOWN_ID)
                .send("CLUSTER", "SETSLOT", "1", "MIGRATING", "abc", "extra")
                .send("CLUSTER", "SETSLOT", "1", "IMPORTING", UNKNOWN_ID)
                .send("CLUSTER", "SETSLOT", "1", "IMPORTING", MY_ID)
                .send("CLUSTER", "SETSLOT", "1", "NODE", UNKNOWN_ID)
                .send("CLUSTER", "SETSLOT", "1", "NODE", "abc")
                .send("SET", "foo", "1")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "MIGRATING", MY_ID)
                .send("CLUSTER", "NODES")
                .send("GET", "foo")
                .send("MGET", "foo", "{foo}missing")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "STABLE")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "STABLE")
                .send("CLUSTER", "NODES")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "NODE", MY_ID)
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "NODES")
                .build();
    }

    /**
     * A slot MIGRATING to the node itself: Redis computes an ASK to the migration target for a missing key but
     * redirects only to another node, so it serves the command; the simulator answers {@code -ASK} to itself.
     */
    private static Script missingKeyInSlotMigratingToItself() {
        return Script.named("a missing key in a slot migrating to the node itself")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "MIGRATING", MY_ID)
                .send("GET", "{foo}missing")
                .send("SET", "{foo}new", "1")
                .send("CLUSTER", "SETSLOT", FOO_SLOT, "STABLE")
                .send("DEL", "{foo}new")
                .build();
    }

    private static Script membershipAndEpochErrors() {
        return Script.named("MEET, FORGET, REPLICATE, epochs, RESET and FAILOVER errors")
                .send("CLUSTER", "MEET", "localhost", "7000")
                .send("CLUSTER", "MEET", "127.0.0.1", "abc")
                .send("CLUSTER", "MEET", "127.0.0.1", "7000", "abc")
                .send("CLUSTER", "MEET", "127.0.0.1", "0")
                .send("CLUSTER", "MEET", "127.0.0.1", "70000")
                .send("CLUSTER", "MEET", "127.0.0.1", "7000", "70000")
                .send("CLUSTER", "MEET", "::1x", "7000")
                .send("CLUSTER", "FORGET", UNKNOWN_ID)
                .send("CLUSTER", "FORGET", MY_ID)
                .send("CLUSTER", "FORGET", "abc")
                .send("CLUSTER", "REPLICATE", UNKNOWN_ID)
                .send("CLUSTER", "REPLICATE", MY_ID)
                .send("CLUSTER", "COUNT-FAILURE-REPORTS", UNKNOWN_ID)
                .send("CLUSTER", "REPLICAS", UNKNOWN_ID)
                .send("CLUSTER", "SLAVES", UNKNOWN_ID)
                .send("CLUSTER", "SET-CONFIG-EPOCH", "abc")
                .send("CLUSTER", "SET-CONFIG-EPOCH", "-1")
                .send("CLUSTER", "SET-CONFIG-EPOCH", "5")
                .send("CLUSTER", "BUMPEPOCH")
                .send("CLUSTER", "INFO")
                .send("CLUSTER", "FAILOVER")
                .send("CLUSTER", "FAILOVER", "FORCE")
                .send("CLUSTER", "FAILOVER", "TAKEOVER")
                .send("CLUSTER", "FAILOVER", "BOGUS")
                .send("CLUSTER", "RESET", "BOGUS")
                .send("SET", "foo", "1")
                .send("CLUSTER", "RESET")
                .send("CLUSTER", "RESET", "HARD")
                .send("CLUSTER", "FLUSHSLOTS")
                .send("CLUSTER", "MYID")
                .build();
    }

    /** CLUSTER KEYSLOT of hash-tag edge cases and of random binary keys from a fixed seed. */
    private static Script keyslotOfManyKeys() {
        Script.Builder script = Script.named("CLUSTER KEYSLOT of many keys");
        for (String key : List.of("{", "}", "{}", "}{", "{}}", "{{}}", "{}foo", "foo{bar", "{bar}foo", "clé{naïve}")) {
            script.send("CLUSTER", "KEYSLOT", key);
        }
        SplittableRandom random = new SplittableRandom(KEYSLOT_SEED);
        for (int i = 0; i < RANDOM_KEYS; i++) {
            byte[] key = new byte[random.nextInt(0, 24)];
            for (int j = 0; j < key.length; j++) {
                int pick = random.nextInt(6);
                key[j] = pick == 0 ? (byte) '{' : pick == 1 ? (byte) '}' : (byte) random.nextInt(256);
            }
            script.send("CLUSTER", "KEYSLOT", key);
        }
        return script.build();
    }

    private static Script keysInSlots() {
        return Script.named("COUNTKEYSINSLOT and GETKEYSINSLOT after writes")
                .send("CLUSTER", "KEYSLOT", "{s}a")
                .send("CLUSTER", "COUNTKEYSINSLOT", "3828")
                .send("MSET", "{s}a", "1", "{s}b", "2", "{s}c", "3")
                .send("SET", "{s}d", "4")
                .send("CLUSTER", "COUNTKEYSINSLOT", "3828")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "10")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "2")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "0")
                .send("DEL", "{s}b")
                .send("SET", "{s}b", "5")
                .send("RENAME", "{s}a", "{s}e")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "10")
                .send("SET", "{s}c", "6")
                .send("EXPIRE", "{s}d", "100")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "10")
                .send("CLUSTER", "COUNTKEYSINSLOT", "3827")
                .send("CLUSTER", "GETKEYSINSLOT", "3827", "10")
                .send("CLUSTER", "COUNTKEYSINSLOT", "abc")
                .send("CLUSTER", "COUNTKEYSINSLOT", "-1")
                .send("CLUSTER", "COUNTKEYSINSLOT", "16384")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "abc")
                .send("CLUSTER", "GETKEYSINSLOT", "3828", "-1")
                .send("CLUSTER", "GETKEYSINSLOT", "16384", "1")
                .send("CLUSTER", "GETKEYSINSLOT", "abc", "1")
                .send("DEL", "{s}b", "{s}c", "{s}d", "{s}e")
                .send("CLUSTER", "COUNTKEYSINSLOT", "3828")
                .build();
    }
}
