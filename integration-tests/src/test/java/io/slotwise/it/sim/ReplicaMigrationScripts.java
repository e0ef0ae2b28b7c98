package io.slotwise.it.sim;

import java.util.List;

/**
 * Differential scripts of the replica-migration settings, {@code cluster-migration-barrier} and {@code
 * cluster-allow-replica-migration}: their defaults, CONFIG SET with valid and invalid values, and the restored defaults
 * (the migration itself needs several nodes and the bus, see server-sim's SimClusterReplicaMigrationTest).
 */
final class ReplicaMigrationScripts {

    private ReplicaMigrationScripts() {}

    /** Returns the scripts. */
    static List<Script> all() {
        return List.of(settings());
    }

    private static Script settings() {
        return Script.named("replica migration settings")
                .send("CONFIG", "GET", "cluster-migration-barrier")
                .send("CONFIG", "GET", "cluster-allow-replica-migration")
                .send("CONFIG", "SET", "cluster-migration-barrier", "-1")
                .send("CONFIG", "SET", "cluster-migration-barrier", "2147483648")
                .send("CONFIG", "SET", "cluster-migration-barrier", "two")
                .send("CONFIG", "SET", "cluster-allow-replica-migration", "maybe")
                .send("CONFIG", "SET", "cluster-migration-barrier", "3", "cluster-allow-replica-migration", "no")
                .send("CONFIG", "GET", "cluster-migration-barrier")
                .send("CONFIG", "GET", "cluster-allow-replica-migration")
                .send("CONFIG", "SET", "cluster-migration-barrier", "1", "cluster-allow-replica-migration", "yes")
                .send("CONFIG", "GET", "cluster-migration-barrier")
                .build();
    }
}
