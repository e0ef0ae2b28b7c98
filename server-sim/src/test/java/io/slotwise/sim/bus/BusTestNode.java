package io.slotwise.sim.bus;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterEnvironment;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterNodesRenderer;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.LocalKeys;
import io.slotwise.sim.cluster.MembershipCommands;
import io.slotwise.sim.cluster.PendingAction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One simulated node for bus tests: its own cluster state (fresh, no IP yet), a bus on one event loop, a clock that
 * tests can move forward, and a listener recording what the bus handed over. State is only touched on the loop.
 */
final class BusTestNode {

    final EventLoop loop;
    final ClusterState state;
    final ClusterBus bus;
    final AtomicLong clockOffsetMillis;
    final int clientPort;
    final Recorder recorder;
    private final String initialId;

    private BusTestNode(
            EventLoop loop,
            ClusterState state,
            ClusterBus bus,
            AtomicLong clockOffsetMillis,
            int clientPort,
            Recorder recorder) {
        this.loop = loop;
        this.state = state;
        this.bus = bus;
        this.clockOffsetMillis = clockOffsetMillis;
        this.clientPort = clientPort;
        this.recorder = recorder;
        this.initialId = state.myself().id();
    }

    /**
     * Starts a fresh node. Its client port is only a number it announces (nothing listens on it); the bus binds an
     * ephemeral loopback port.
     */
    static BusTestNode start(EventLoop loop, ClusterConfig config, int clientPort, long seed) throws Exception {
        AtomicLong offset = new AtomicLong();
        ClusterEnvironment environment = new ClusterEnvironment(
                () -> System.currentTimeMillis() + offset.get(), new Random(seed), LocalKeys.EMPTY);
        ClusterState state = ClusterState.createFresh(config, environment, "", clientPort, 0);
        Recorder recorder = new Recorder();
        ClusterBus bus = ClusterBus.start(loop, state, BusConfig.defaults().withBindAddress("127.0.0.1"), recorder)
                .get(5, TimeUnit.SECONDS);
        loop.submit(state::updateState).get(5, TimeUnit.SECONDS);
        return new BusTestNode(loop, state, bus, offset, clientPort, recorder);
    }

    /** The node's ID (fixed: tests never hard-reset). */
    String id() {
        return initialId;
    }

    /** Runs a read on the node's loop and returns its result. */
    <T> T read(Function<ClusterState, T> query) {
        try {
            return loop.submit(() -> query.apply(state)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("node " + initialId + " did not answer", e);
        }
    }

    /** Evaluates a condition on the node's loop. */
    boolean holds(Predicate<ClusterState> condition) {
        return read(condition::test);
    }

    /** Computes a number on the node's loop. */
    long number(ToLongFunction<ClusterState> query) {
        return read(query::applyAsLong);
    }

    /** Runs a change on the node's loop (like a CLUSTER subcommand), then lets the bus act on pending actions. */
    void change(Consumer<ClusterState> command) {
        read(state -> {
            command.accept(state);
            bus.flushPendingActions();
            return null;
        });
    }

    /** CLUSTER MEET 127.0.0.1 <other's client port> <other's bus port>. */
    void meet(BusTestNode other) {
        change(state -> MembershipCommands.meet(
                state, "127.0.0.1", Integer.toString(other.clientPort), Integer.toString(other.bus.busPort())));
    }

    /** The IDs of the known nodes, myself included. */
    Set<String> knownIds() {
        return read(state -> {
            Set<String> ids = new HashSet<>();
            state.nodes().forEach(node -> ids.add(node.id()));
            return ids;
        });
    }

    /** The owner of every slot in this node's view (null for unassigned). */
    List<String> slotOwners() {
        return read(state -> {
            List<String> owners = new ArrayList<>();
            for (int slot = 0; slot < 16384; slot++) {
                ClusterNode owner = state.slots().owner(slot);
                owners.add(owner == null ? null : owner.id());
            }
            return owners;
        });
    }

    /** The config epochs of the given nodes, in this node's view. */
    List<Long> configEpochsOf(List<BusTestNode> others) {
        return read(state -> others.stream()
                .map(other -> state.findNode(other.id()).orElseThrow().configEpoch())
                .toList());
    }

    String clusterNodes() {
        return read(ClusterNodesRenderer::render);
    }

    Future<?> closeBus() {
        return bus.close();
    }

    /** Records what the bus hands to the node. */
    static final class Recorder implements BusListener {
        final Set<PendingAction> actions = Collections.synchronizedSet(EnumSet.noneOf(PendingAction.class));
        final List<BitSet> dirtySlots = new CopyOnWriteArrayList<>();
        final Map<String, Integer> heartbeatsBySender = new ConcurrentHashMap<>();

        @Override
        public void onPendingActions(Set<PendingAction> pending) {
            actions.addAll(pending);
        }

        @Override
        public void onDirtySlots(BitSet slots) {
            dirtySlots.add(slots);
        }

        @Override
        public void onHeartbeat(ClusterNode sender, BusHeader header) {
            heartbeatsBySender.merge(sender.id(), 1, Integer::sum);
        }

        int heartbeatsFrom(BusTestNode sender) {
            return heartbeatsBySender.getOrDefault(sender.id(), 0);
        }
    }
}
