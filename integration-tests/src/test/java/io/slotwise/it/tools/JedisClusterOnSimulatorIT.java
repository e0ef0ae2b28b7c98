package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.routing.SlotHash;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/** Unmodified Jedis ({@link JedisCluster}) against an in-JVM simulated cluster of three primaries with a replica each. */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1)
class JedisClusterOnSimulatorIT {

    private final SimCluster cluster;
    private JedisCluster jedis;

    JedisClusterOnSimulatorIT(SimCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void connect() {
        Set<HostAndPort> seeds = cluster.seeds().stream()
                .map(address -> new HostAndPort("127.0.0.1", address.getPort()))
                .collect(Collectors.toSet());
        jedis = new JedisCluster(seeds);
    }

    @AfterEach
    void close() {
        jedis.close();
    }

    @Test
    void setAndGetReachEverySlot() {
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            assertEquals("OK", jedis.set(KeysPerSlot.key(slot), "jedis-" + slot));
        }
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            assertEquals("jedis-" + slot, jedis.get(KeysPerSlot.key(slot)), "slot " + slot);
        }
    }

    @Test
    void hashTaggedMsetAndMgetWork() {
        String tag = KeysPerSlot.tag(4242);
        assertEquals("OK", jedis.mset(tag + "a", "1", tag + "b", "2", tag + "c", "3"));
        assertEquals(List.of("1", "2", "3"), jedis.mget(tag + "a", tag + "b", tag + "c"));
    }

    @Test
    void movedAfterASlotMovesIsFollowedAndLearned() {
        int slot = 777;
        String keyInSlot = KeysPerSlot.tag(slot) + "moved";
        assertEquals("OK", jedis.set(keyInSlot, "before"));
        SimClusterNode from = cluster.primaryForSlot(slot).orElseThrow();
        SimClusterNode to = AskDuringMigrationScenario.otherPrimary(cluster, from);

        cluster.migrateSlot(slot, from, to);

        assertEquals("before", jedis.get(keyInSlot));
        try (Connection connection = jedis.getConnectionFromSlot(slot)) {
            assertEquals(to.port(), connection.getHostAndPort().getPort(), "Jedis's slot cache after MOVED");
        }
        assertEquals("OK", jedis.set(keyInSlot, "after"));
        assertEquals("after", jedis.get(keyInSlot));
    }

    @Test
    void askDuringAMigrationIsFollowed() {
        AskDuringMigrationScenario.run(cluster, 9001, jedis::set, jedis::get);
    }
}
