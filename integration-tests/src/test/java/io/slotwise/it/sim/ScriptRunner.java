package io.slotwise.it.sim;

import io.slotwise.it.sim.ReplyNormaliser.NodeIdentity;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Runs {@link Script}s against a real redis-server and a simulator node side by side, each on a fresh connection per
 * script, and reports every step whose normalised replies differ. Keeps one admin connection per node for waits and
 * health checks. Not thread-safe; closing closes the admin connections only (the nodes belong to the caller).
 */
final class ScriptRunner implements AutoCloseable {

    /** A node the scripts run against. */
    record Target(String label, int port, NodeIdentity identity) {}

    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(10);
    private static final String HEALTHY = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\n";

    private final Target redis;
    private final Target sim;
    private final RawConnection redisAdmin;
    private final RawConnection simAdmin;

    ScriptRunner(Target redis, Target sim) {
        this.redis = redis;
        this.sim = sim;
        this.redisAdmin = RawConnection.open(redis.port());
        RawConnection simConnection;
        try {
            simConnection = RawConnection.open(sim.port());
        } catch (RuntimeException e) {
            redisAdmin.close();
            throw e;
        }
        this.simAdmin = simConnection;
    }

    /**
     * Runs {@code script} in RESP{@code protocol} (after {@code HELLO 3}, itself compared, for RESP3) and returns the
     * differences, one description per differing step, empty if the nodes agree throughout.
     *
     * @throws AssertionError if a wait times out, or the script leaves a node without all its slots or not ok
     */
    List<String> run(Script script, int protocol) {
        List<Step> steps = new ArrayList<>();
        if (protocol == 3) {
            steps.add(Step.command(List.of("HELLO", "3"), EnumSet.noneOf(Normalisation.class)));
        }
        steps.add(Step.command(List.of("FLUSHALL"), EnumSet.noneOf(Normalisation.class)));
        steps.addAll(script.steps());
        List<String> differences = new ArrayList<>();
        try (RawConnection onRedis = RawConnection.open(redis.port());
                RawConnection onSim = RawConnection.open(sim.port())) {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step instanceof Step.AwaitClusterState await) {
                    awaitState(await.state());
                } else if (!compare((Step.Command) step, i + 1, onRedis, onSim, differences)) {
                    break;
                }
            }
        }
        awaitHealthy(script);
        return differences;
    }

    /** Sends one command to both nodes; returns false if a node did not answer (the script cannot go on). */
    private boolean compare(
            Step.Command command, int number, RawConnection onRedis, RawConnection onSim, List<String> differences) {
        String redisReply;
        String simReply;
        try {
            redisReply = reply(command, redis, onRedis);
            simReply = reply(command, sim, onSim);
        } catch (UncheckedIOException e) {
            differences.add("#" + number + " " + command.describe() + "\n    no reply: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return false;
        }
        if (!redisReply.equals(simReply)) {
            differences.add("#" + number + " " + command.describe()
                    + "\n    redis-server: " + redisReply
                    + "\n    simulator:    " + simReply);
        }
        return true;
    }

    private static String reply(Step.Command command, Target target, RawConnection connection) {
        WireReply reply = connection.call(command.argsFor(target.identity().myId()));
        return ReplyNormaliser.normalise(reply, target.identity(), command.options())
                .render();
    }

    private void awaitState(String state) {
        for (RawConnection admin : List.of(redisAdmin, simAdmin)) {
            Eventually.await(
                    (admin == redisAdmin ? redis : sim).label() + " reports cluster_state:" + state,
                    STATE_TIMEOUT,
                    () -> clusterInfo(admin).startsWith("cluster_state:" + state + "\r\n"),
                    true);
        }
    }

    private void awaitHealthy(Script script) {
        for (RawConnection admin : List.of(redisAdmin, simAdmin)) {
            Eventually.await(
                    (admin == redisAdmin ? redis : sim).label() + " owns all slots and is ok after script '"
                            + script.name() + "'",
                    STATE_TIMEOUT,
                    () -> clusterInfo(admin).startsWith(HEALTHY),
                    true);
        }
    }

    private static String clusterInfo(RawConnection admin) {
        return admin.call("CLUSTER", "INFO").text();
    }

    @Override
    public void close() {
        redisAdmin.close();
        simAdmin.close();
    }
}
